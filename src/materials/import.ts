/** Validate a user CIF and add it to the user's library. */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { readCif, writeCif } from "../crystal/cif/index.js";
import { density_g_per_cm3, formulaFromStructure } from "../crystal/density.js";
import { analyzeSymmetry } from "../crystal/symmetry.js";
import { InputError } from "../units/errors.js";
import { bundledMaterials } from "./library.js";
import { saveUserMaterial } from "./store.js";
import { MATERIAL_ROLES, type MaterialEntry, type MaterialRole } from "./types.js";

/** Densities outside this range point to a wrong cell or overlapping atoms (lightest solids ~0.5, densest ~22.6 g/cm³). */
const PLAUSIBLE_DENSITY_G_PER_CM3: [number, number] = [0.1, 30];
/** Atoms closer than this (Å) overlap: the shortest real bonds (H–H, O–H) are ≥ 0.7 Å. */
export const MIN_INTERATOMIC_DISTANCE_A = 0.5;
export const MAX_IMPORT_ATOMS = 2000;

export interface ImportOptions {
  file: string;
  id?: string;
  role?: string;
  dataDir: string;
}

export function importMaterial(opts: ImportOptions): MaterialEntry {
  let text: string;
  try {
    text = readFileSync(opts.file, "utf8");
  } catch {
    throw new InputError("FILE", `cannot read "${opts.file}"; give the path of a CIF file`);
  }
  const cif = readCif(text, basename(opts.file));
  const id = opts.id ?? cif.blockName;
  if (!/^[A-Za-z0-9][A-Za-z0-9()_.-]{0,63}$/.test(id))
    throw new InputError(
      "--id",
      `"${id}" is not a usable id; use letters, digits, -, _, . and () (at most 64 characters)`,
    );
  if (bundledMaterials().some((e) => e.id.toLowerCase() === id.toLowerCase()))
    throw new InputError("--id", `"${id}" is a bundled phase; choose another id with --id`);
  const role = (opts.role ?? "support") as MaterialRole;
  if (!MATERIAL_ROLES.includes(role))
    throw new InputError("--role", `role must be one of ${MATERIAL_ROLES.join(", ")}`);
  const s = cif.structure;
  if (s.sites.length > MAX_IMPORT_ATOMS)
    throw new InputError("FILE", `${s.sites.length} atoms per cell exceed the limit of ${MAX_IMPORT_ATOMS}`);
  const rho = density_g_per_cm3(s);
  if (rho < PLAUSIBLE_DENSITY_G_PER_CM3[0] || rho > PLAUSIBLE_DENSITY_G_PER_CM3[1])
    throw new InputError(
      "FILE",
      `density ${rho.toFixed(2)} g/cm³ is implausible; check the cell parameters and the atom list`,
    );
  const sym = analyzeSymmetry(s);
  const formula = formulaFromStructure(s).reduced;
  const entry: MaterialEntry = {
    id,
    formula,
    name: cif.meta._chemical_name_common ?? formula,
    phase: cif.meta._chemical_name_mineral ?? "user structure",
    role,
    spaceGroup: { number: sym.number, symbol: sym.hmSymbol },
    structureSource: { citation: `imported by the user from ${basename(opts.file)}`, verify: true },
    referenceDensity: null,
    note: null,
    thermo: null,
    file: `cif/${id}.cif`,
  };
  saveUserMaterial(
    opts.dataDir,
    entry,
    writeCif(s, { blockName: id, meta: { _chemical_name_common: entry.name } }),
  );
  return { ...entry, origin: "user" };
}

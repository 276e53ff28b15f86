/** Validate a user CIF and add it to the user's library. */
import { basename } from "node:path";
import { readCif, writeCif } from "../crystal/cif/index.js";
import { MAX_CIF_BYTES } from "../crystal/cif/parse.js";
import { formulaFromStructure } from "../crystal/density.js";
import { analyzeSymmetry } from "../crystal/symmetry.js";
import { InputError } from "../units/errors.js";
import { readInputText } from "../units/read-input.js";
import { bundledMaterials } from "./library.js";
import { saveUserMaterial, USER_ID_PATTERN } from "./store.js";
import { MATERIAL_ROLES, type MaterialEntry, type MaterialRole } from "./types.js";

export interface ImportOptions {
  file: string;
  id?: string;
  role?: string;
  dataDir: string;
  /** Data block to import when the file holds several structures (`--block`). */
  block?: string;
  /** Replace an import with the same id (`--force`). */
  force?: boolean;
}

/**
 * Read (bounded), check and store a CIF. The CIF reader checks the cell before anything else, the counts
 * before expansion, and overlapping atoms, occupancies and density after (crystal/sanity.ts); only then
 * is the symmetry library called.
 */
export function importMaterial(opts: ImportOptions): MaterialEntry {
  const role = (opts.role ?? "support") as MaterialRole;
  if (!MATERIAL_ROLES.includes(role))
    throw new InputError("--role", `role must be one of ${MATERIAL_ROLES.join(", ")} (got "${opts.role}")`);
  if (opts.id !== undefined) checkId(opts.id);
  const text = readInputText(opts.file, { field: "FILE", maxBytes: MAX_CIF_BYTES, what: "a CIF file" });
  const cif = readCif(text, basename(opts.file), { block: opts.block, blockField: "--block" });
  const id = opts.id ?? cif.blockName;
  checkId(id);
  const s = cif.structure;
  const sym = analyzeSymmetry(s);
  const formula = formulaFromStructure(s).reduced;
  const entry: MaterialEntry = {
    id,
    formula,
    name: cif.meta._chemical_name_common?.trim() || formula,
    phase: cif.meta._chemical_name_mineral?.trim() || "user structure",
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
    { force: opts.force },
  );
  return { ...entry, origin: "user" };
}

function checkId(id: string): void {
  if (!USER_ID_PATTERN.test(id))
    throw new InputError(
      "--id",
      `"${id}" is not a usable id; use letters, digits, -, _, . and () (at most 64 characters)`,
    );
  if (bundledMaterials().some((e) => e.id.toLowerCase() === id.toLowerCase()))
    throw new InputError("--id", `"${id}" is a bundled phase; choose another id with --id`);
}

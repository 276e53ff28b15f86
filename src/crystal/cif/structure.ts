/** Interpret a CIF data block as a crystal structure: cell, symmetry, atom sites, expansion. */
import { elementFromTypeSymbol } from "../elements.js";
import {
  assertLatticeParameters,
  type Lattice,
  type LatticeParameters,
  latticeFromParameters,
} from "../lattice.js";
import {
  checkCellParameters,
  checkExpansionLimits,
  checkLattice,
  checkSite,
  expandChecked,
} from "../sanity.js";
import { operationsForHall, resolveSpaceGroup } from "../spacegroup-symbol.js";
import type { Site, Structure } from "../structure.js";
import type { SymmetryOperation } from "../symmetry.js";
import { InputError } from "../../units/errors.js";
import { CifError } from "./errors.js";
import { type CifBlock, cifNumber, findLoop } from "./parse.js";
import { parseSymmetryOperation } from "./symop.js";
import { det3, dot, type Mat3 } from "../vector.js";

export interface CifStructure {
  structure: Structure;
  blockName: string;
  /** Space group as declared in the file (number and/or Hermann–Mauguin symbol). */
  spaceGroup?: { number?: number; hmSymbol?: string };
  /** Single-valued tags other than cell and symmetry, e.g. _journal_name_full, _chemical_formula_sum. */
  meta: Record<string, string>;
}

const CELL_TAGS: [keyof LatticeParameters, string][] = [
  ["a", "_cell_length_a"],
  ["b", "_cell_length_b"],
  ["c", "_cell_length_c"],
  ["alpha", "_cell_angle_alpha"],
  ["beta", "_cell_angle_beta"],
  ["gamma", "_cell_angle_gamma"],
];

const SYMOP_TAGS = ["_symmetry_equiv_pos_as_xyz", "_space_group_symop_operation_xyz"];
const HM_TAGS = ["_symmetry_space_group_name_h-m", "_space_group_name_h-m_alt"];
const NUMBER_TAGS = ["_symmetry_int_tables_number", "_space_group_it_number"];

/**
 * Relative tolerance on the metric for a listed operation to count as an isometry of the cell. ASSUMPTION:
 * cell parameters in CIFs carry 3–5 significant digits; 1 % admits rounded cells, refuses real distortions.
 */
const ISOMETRY_TOLERANCE = 0.01;

/** Integer rotation part of determinant ±1 with Rᵀ G R = G (G the metric tensor of the cell). */
function isIsometry(r: Mat3, lattice: Lattice): boolean {
  if (!r.flat().every(Number.isInteger) || Math.abs(det3(r)) !== 1) return false;
  const m = lattice.matrix;
  const g = [0, 1, 2].map((i) => [0, 1, 2].map((j) => dot(m[i], m[j])));
  const scale = Math.max(g[0][0], g[1][1], g[2][2]);
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) {
      let rgr = 0;
      for (let k = 0; k < 3; k++) for (let l = 0; l < 3; l++) rgr += r[k][i] * g[k][l] * r[l][j];
      if (Math.abs(rgr - g[i][j]) > ISOMETRY_TOLERANCE * scale) return false;
    }
  return true;
}

export function blockHasAtoms(block: CifBlock): boolean {
  return findLoop(block, "_atom_site_fract_x") !== undefined;
}

export function structureFromBlock(block: CifBlock, fileName?: string): CifStructure {
  const err = (field: string, line: number, msg: string) => new CifError(field, line, msg, fileName);

  // cell
  const cell = {} as LatticeParameters;
  for (const [key, tag] of CELL_TAGS) {
    const v = block.items.get(tag);
    const x = cifNumber(v);
    if (x === undefined || Number.isNaN(x))
      throw err(
        tag,
        v?.line ?? block.line,
        v ? `cannot read "${v.text}" as a number` : `missing cell parameter ${tag}`,
      );
    cell[key] = x;
  }
  const cellFields = Object.fromEntries(CELL_TAGS) as Record<keyof LatticeParameters, string>;
  /** Run a check; an InputError it throws becomes a CifError with the file name and `line` (default: the tag's). */
  const atLine = <T>(f: () => T, line?: number): T => {
    try {
      return f();
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const message = e.message.slice(e.field.length + 2);
      throw err(e.field, line ?? block.items.get(e.field)?.line ?? block.line, message);
    }
  };
  // cell sanity first: before any lattice, expansion or symmetry call
  atLine(() => checkCellParameters(cell, cellFields));
  try {
    assertLatticeParameters(cell);
  } catch (e) {
    const key = e instanceof InputError ? e.field.replace("cell.", "") : "a";
    const tag = CELL_TAGS.find(([k]) => k === key)?.[1] ?? "_cell_length_a";
    throw err(tag, block.items.get(tag)?.line ?? block.line, e instanceof Error ? e.message : String(e));
  }
  const lattice = latticeFromParameters(cell);
  atLine(() => checkLattice(lattice, "_cell_angle_alpha"));

  // declared space group
  const hmValue = HM_TAGS.map((t) => block.items.get(t)).find((v) => v && v.text !== "?" && v.text !== ".");
  const numValue = NUMBER_TAGS.map((t) => block.items.get(t)).find(
    (v) => v && v.text !== "?" && v.text !== ".",
  );
  const declared: CifStructure["spaceGroup"] = {};
  if (hmValue) declared.hmSymbol = hmValue.text.trim();
  if (numValue) {
    const n = cifNumber(numValue);
    if (n === undefined || !Number.isInteger(n) || n < 1 || n > 230)
      throw err(
        NUMBER_TAGS.find((t) => block.items.get(t) === numValue)!,
        numValue.line,
        `space-group number must be an integer 1–230 (got "${numValue.text}")`,
      );
    declared.number = n;
  }

  // atom sites
  const atomLoop = findLoop(block, "_atom_site_fract_x");
  if (!atomLoop)
    throw err(
      "_atom_site_fract_x",
      block.line,
      "no atom-site loop (_atom_site_label, _atom_site_fract_x/y/z) in this block",
    );

  // symmetry operations: explicit list preferred, else from the HM symbol, else from the number
  let operations: SymmetryOperation[];
  const symLoop = findLoop(block, ...SYMOP_TAGS);
  const singleSymop = SYMOP_TAGS.map((t) => block.items.get(t)).find(Boolean);
  const limitFields = (opsTag: string) => ({ sites: "_atom_site_label", operations: opsTag });
  if (symLoop || singleSymop) {
    const col = symLoop ? symLoop.tags.findIndex((t) => SYMOP_TAGS.includes(t)) : -1;
    const values = symLoop ? symLoop.rows.map((r) => r[col]) : [singleSymop!];
    const tag = symLoop ? symLoop.tags[col] : SYMOP_TAGS.find((t) => block.items.get(t))!;
    // counts before any operation is parsed or applied
    atLine(() => checkExpansionLimits(atomLoop.rows.length, values.length, limitFields(tag)));
    operations = values.map((v) => {
      const op = parseSymmetryOperation(v.text);
      if (!op)
        throw err(tag, v.line, `cannot parse symmetry operation "${v.text}"; write it as e.g. -x+1/2,y,z`);
      if (!isIsometry(op.rotation, lattice))
        throw err(
          tag,
          v.line,
          `"${v.text}" is not a symmetry operation of this cell (its rotation part must be an integer matrix of determinant ±1 that keeps the cell's lengths and angles)`,
        );
      return op;
    });
  } else if (declared.hmSymbol || declared.number) {
    const source = declared.hmSymbol ?? declared.number!;
    const line = (hmValue ?? numValue)!.line;
    let setting: ReturnType<typeof resolveSpaceGroup>;
    try {
      setting = resolveSpaceGroup(source, "spaceGroup");
    } catch (e) {
      throw err(
        hmValue ? HM_TAGS.find((t) => block.items.get(t) === hmValue)! : "_space_group_it_number",
        line,
        e instanceof Error ? e.message : String(e),
      );
    }
    atLine(() => checkExpansionLimits(atomLoop.rows.length, 1, limitFields("_atom_site_label")));
    operations = operationsForHall(setting.hallNumber);
  } else {
    operations = [
      {
        rotation: [
          [1, 0, 0],
          [0, 1, 0],
          [0, 0, 1],
        ],
        translation: [0, 0, 0],
      },
    ];
  }

  const col = (t: string) => atomLoop.tags.indexOf(t);
  const [ix, iy, iz] = ["_atom_site_fract_x", "_atom_site_fract_y", "_atom_site_fract_z"].map(col);
  for (const [i, t] of [
    [iy, "_atom_site_fract_y"],
    [iz, "_atom_site_fract_z"],
  ] as const)
    if (i < 0) throw err(t, atomLoop.line, `atom-site loop lacks ${t}`);
  const iLabel = col("_atom_site_label");
  const iType = col("_atom_site_type_symbol");
  const iOcc = col("_atom_site_occupancy");
  const asymmetric: Site[] = atomLoop.rows.map((row, r) => {
    const label = iLabel >= 0 ? row[iLabel].text : `site${r + 1}`;
    const typeText = iType >= 0 ? row[iType].text : label;
    const species = elementFromTypeSymbol(typeText);
    const typeTag = iType >= 0 ? "_atom_site_type_symbol" : "_atom_site_label";
    if (!species)
      throw err(
        typeTag,
        row[iType >= 0 ? iType : Math.max(iLabel, 0)].line,
        `unknown element in "${typeText}"; use a whole element symbol such as Ti, O, Og or Ti4+`,
      );
    const frac = [ix, iy, iz].map((i, k) => {
      const x = cifNumber(row[i]);
      if (x === undefined || Number.isNaN(x))
        throw err(
          `_atom_site_fract_${"xyz"[k]}`,
          row[i].line,
          `atom ${label}: cannot read "${row[i].text}" as a fractional coordinate`,
        );
      return x;
    }) as [number, number, number];
    let occupancy = 1;
    if (iOcc >= 0) {
      const o = cifNumber(row[iOcc]);
      if (o !== undefined) {
        if (Number.isNaN(o))
          throw err(
            "_atom_site_occupancy",
            row[iOcc].line,
            `atom ${label}: occupancy must be a number in (0, 1] (got "${row[iOcc].text}")`,
          );
        occupancy = o;
      }
    }
    const site = { species, frac, occupancy, label };
    atLine(
      () =>
        checkSite(site, {
          coordinate: ["_atom_site_fract_x", "_atom_site_fract_y", "_atom_site_fract_z"],
          occupancy: "_atom_site_occupancy",
        }),
      row[0].line,
    );
    return { ...site, occupancy: Math.min(occupancy, 1) };
  });
  if (asymmetric.length === 0) throw err("_atom_site_fract_x", atomLoop.line, "the atom-site loop is empty");

  const structure = atLine(
    () =>
      expandChecked(lattice, asymmetric, operations, {
        sites: "_atom_site_label",
        operations: symLoop ? "_symmetry_equiv_pos_as_xyz" : "_symmetry_space_group_name_h-m",
        structure: "_atom_site_fract_x",
      }),
    atomLoop.line,
  );
  const meta: Record<string, string> = {};
  const skip = new Set([...CELL_TAGS.map(([, t]) => t), ...SYMOP_TAGS]);
  for (const [tag, v] of block.items) if (!skip.has(tag)) meta[tag] = v.text;
  return {
    structure,
    blockName: block.name,
    spaceGroup: declared.hmSymbol || declared.number ? declared : undefined,
    meta,
  };
}

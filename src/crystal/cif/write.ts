/** Write a structure as a CIF 1.1 data block (P1 setting unless operations are supplied: all sites listed). */
import { latticeParameters } from "../lattice.js";
import type { Structure } from "../structure.js";

export interface WriteCifOptions {
  blockName?: string;
  /** Extra single-valued tags, written as-is (quoted when needed), e.g. { _journal_name_full: "Acta Cryst. B" }. */
  meta?: Record<string, string>;
  /** Declared space group, written for information; the atoms written are the full cell (P1 operations). */
  spaceGroup?: { number?: number; hmSymbol?: string };
}

/** Digits written for coordinates and cell: round-trips to well below 1e-6. */
const COORDINATE_DIGITS = 8;

export function quoteCif(value: string): string {
  if (value.includes("\n")) return `\n;\n${value}\n;`;
  if (
    value === "" ||
    /[\s'"#$_[\]]/.test(value[0]) ||
    /\s/.test(value) ||
    /^(data_|loop_|save_|global_|stop_)/i.test(value) ||
    value === "?" ||
    value === "."
  )
    return value.includes("'") ? `"${value}"` : `'${value}'`;
  return value;
}

export function writeCif(structure: Structure, options: WriteCifOptions = {}): string {
  const p = latticeParameters(structure.lattice);
  const name = (options.blockName ?? "smsi").replace(/\s+/g, "_");
  const out: string[] = [`data_${name}`];
  for (const [tag, value] of Object.entries(options.meta ?? {})) out.push(`${tag} ${quoteCif(value)}`);
  const f = (x: number) => x.toFixed(COORDINATE_DIGITS);
  out.push(
    `_cell_length_a ${f(p.a)}`,
    `_cell_length_b ${f(p.b)}`,
    `_cell_length_c ${f(p.c)}`,
    `_cell_angle_alpha ${f(p.alpha)}`,
    `_cell_angle_beta ${f(p.beta)}`,
    `_cell_angle_gamma ${f(p.gamma)}`,
  );
  if (options.spaceGroup?.hmSymbol)
    out.push(`_symmetry_space_group_name_H-M_declared ${quoteCif(options.spaceGroup.hmSymbol)}`);
  if (options.spaceGroup?.number)
    out.push(`_symmetry_Int_Tables_number_declared ${options.spaceGroup.number}`);
  out.push("loop_", "_symmetry_equiv_pos_as_xyz", "x,y,z");
  out.push(
    "loop_",
    "_atom_site_label",
    "_atom_site_type_symbol",
    "_atom_site_fract_x",
    "_atom_site_fract_y",
    "_atom_site_fract_z",
    "_atom_site_occupancy",
  );
  for (const s of structure.sites)
    out.push(
      `${quoteCif(s.label || s.species)} ${s.species} ${f(s.frac[0])} ${f(s.frac[1])} ${f(s.frac[2])} ${s.occupancy}`,
    );
  return `${out.join("\n")}\n`;
}

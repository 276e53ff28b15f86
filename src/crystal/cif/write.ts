/**
 * Write a structure as a CIF 1.1 data block (P1 setting unless operations are supplied: all sites listed).
 * Every label and text value is written so that smsi's reader gives it back unchanged: bare when it is
 * a plain word, else single- or double-quoted when a quote kind fits, else a `;` text field (with the
 * CIF 2.0 text-prefix protocol when a line of the value starts with `;`). Values a CIF cannot hold
 * (control characters) are refused with an InputError naming the field.
 */
import { InputError } from "../../units/errors.js";
import { isElement } from "../elements.js";
import { latticeParameters } from "../lattice.js";
import type { Structure } from "../structure.js";
import { CIF_FORBIDDEN_CHARACTER } from "./parse.js";

export interface WriteCifOptions {
  blockName?: string;
  /** Extra single-valued tags, written so they read back unchanged, e.g. { _journal_name_full: "Acta Cryst. B" }. */
  meta?: Record<string, string>;
  /** Declared space group, written for information; the atoms written are the full cell (P1 operations). */
  spaceGroup?: { number?: number; hmSymbol?: string };
}

/** Digits written for coordinates and cell: round-trips to well below 1e-6. */
const COORDINATE_DIGITS = 8;

/** Words the CIF grammar reserves (a bare value may not be one of them). */
const RESERVED_WORD = /^(data_|save_)|^(loop_|global_|stop_)$/i;
/** Characters that may not start a bare value: they start tags, comments, quotes, text fields or CIF 2.0 lists. */
const SPECIAL_START = /^[_#$'"[\];{}]/;
/** Tags written by writeCif itself (lower case, as the reader keys them); a meta entry may not repeat them. */
const OWN_TAGS = new Set(
  [
    "_cell_length_a",
    "_cell_length_b",
    "_cell_length_c",
    "_cell_angle_alpha",
    "_cell_angle_beta",
    "_cell_angle_gamma",
    "_symmetry_space_group_name_h-m_declared",
    "_symmetry_int_tables_number_declared",
    "_symmetry_equiv_pos_as_xyz",
  ].concat(
    ["label", "type_symbol", "fract_x", "fract_y", "fract_z", "occupancy"].map((t) => `_atom_site_${t}`),
  ),
);

function textField(value: string): string {
  const lines = value.split("\n");
  const plain =
    lines[0].trim() !== "" && !/^[^\\]+\\$/.test(lines[0]) && lines.slice(1).every((l) => !l.startsWith(";"));
  if (plain) return `\n;${value}\n;`;
  // text-prefix protocol: every line starts with ">", so none starts with ";"
  return `\n;>\\\n${lines.map((l) => `>${l}`).join("\n")}\n;`;
}

/**
 * A value as CIF text that reads back as exactly `value`. Throws InputError(field) for characters a CIF
 * cannot hold. Multi-line results start with a newline (a text field must begin a line).
 */
export function quoteCif(value: string, field = "value"): string {
  if (CIF_FORBIDDEN_CHARACTER.test(value) || value.includes("\r"))
    throw new InputError(
      field,
      `${JSON.stringify(value)} holds a control character, which a CIF cannot store; remove it`,
    );
  if (value.includes("\n")) return textField(value);
  const bare =
    value !== "" &&
    !/[ \t]/.test(value) &&
    !SPECIAL_START.test(value) &&
    !RESERVED_WORD.test(value) &&
    value !== "?" &&
    value !== ".";
  if (bare) return value;
  // a quote character ends a quoted value only when whitespace follows it
  if (!/'[ \t]/.test(value)) return `'${value}'`;
  if (!/"[ \t]/.test(value)) return `"${value}"`;
  return textField(value);
}

export function writeCif(structure: Structure, options: WriteCifOptions = {}): string {
  const p = latticeParameters(structure.lattice);
  const name = (options.blockName ?? "smsi").replace(/\s+/g, "_") || "smsi";
  if (CIF_FORBIDDEN_CHARACTER.test(name))
    throw new InputError("blockName", "the block name holds a control character; remove it");
  const out: string[] = [`data_${name}`];
  for (const [tag, value] of Object.entries(options.meta ?? {})) {
    if (!/^_[^\s]+$/.test(tag) || CIF_FORBIDDEN_CHARACTER.test(tag) || OWN_TAGS.has(tag.toLowerCase()))
      throw new InputError(
        tag,
        "not a tag smsi can write here: a tag starts with _, has no spaces and is not one of the cell, symmetry-operation or atom-site tags the writer writes itself",
      );
    out.push(`${tag} ${quoteCif(value, tag)}`);
  }
  const f = (x: number, field: string) => {
    if (!Number.isFinite(x)) throw new InputError(field, `cannot write ${x} as a number`);
    return x.toFixed(COORDINATE_DIGITS);
  };
  out.push(
    `_cell_length_a ${f(p.a, "cell.a")}`,
    `_cell_length_b ${f(p.b, "cell.b")}`,
    `_cell_length_c ${f(p.c, "cell.c")}`,
    `_cell_angle_alpha ${f(p.alpha, "cell.alpha")}`,
    `_cell_angle_beta ${f(p.beta, "cell.beta")}`,
    `_cell_angle_gamma ${f(p.gamma, "cell.gamma")}`,
  );
  if (options.spaceGroup?.hmSymbol)
    out.push(
      `_symmetry_space_group_name_H-M_declared ${quoteCif(options.spaceGroup.hmSymbol, "spaceGroup")}`,
    );
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
  structure.sites.forEach((s, i) => {
    const field = `sites[${i}]`;
    if (!isElement(s.species))
      throw new InputError(`${field}.species`, `"${s.species}" is not an element symbol`);
    if (!Number.isFinite(s.occupancy))
      throw new InputError(`${field}.occupancy`, `cannot write ${s.occupancy} as an occupancy`);
    const xyz = s.frac.map((x, k) => f(x, `${field}.frac[${k}]`)).join(" ");
    out.push(`${quoteCif(s.label, `${field}.label`)} ${s.species} ${xyz} ${s.occupancy}`);
  });
  return `${out.join("\n")}\n`;
}

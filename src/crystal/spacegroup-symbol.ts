/**
 * Space-group symbols and settings: Hermann–Mauguin symbol or number → Hall setting, and the
 * symmetry operations of a setting, from moyo's tables (International Tables for Crystallography A).
 *
 * Default setting when a symbol does not say: the first Hall setting of the group as spglib orders them
 * (origin choice 1, hexagonal axes, unique axis b) — the same default as spglib and pymatgen. Append
 * ":1"/":2" (origin choice), ":H"/":R" (rhombohedral groups) or give the full symbol (e.g. "P 1 2_1/n 1",
 * "P b n m") to choose another setting.
 */
import {
  hall_symbol_entries_from_number,
  type MoyoHallSymbolEntry,
  operations_from_number,
} from "@spglib/moyo-wasm";
import { InputError } from "../units/errors.js";
import { ensureMoyo, mat3FromColumnMajor, type SymmetryOperation } from "./symmetry.js";

export interface SpaceGroupSetting {
  number: number;
  hallNumber: number;
  /** Short Hermann–Mauguin symbol, e.g. "P 4_2/m n m". */
  hmSymbol: string;
  /** Setting code from ITA ("1", "2", "H", "R", "b1", "cab", …; "" when the group has one setting). */
  setting: string;
}

let table: MoyoHallSymbolEntry[] | undefined;
function hallTable(): MoyoHallSymbolEntry[] {
  if (!table) {
    ensureMoyo();
    table = [];
    for (let n = 1; n <= 230; n++) table.push(...hall_symbol_entries_from_number(n));
  }
  return table;
}

/** "P 4_2/m n m", "P42/mnm", "P4_2/MNM" → "p42/mnm" (spaces, underscores and case removed). */
function normaliseSymbol(s: string): string {
  return s.replace(/[\s_]/g, "").toLowerCase();
}

function toSetting(e: MoyoHallSymbolEntry): SpaceGroupSetting {
  return { number: e.number, hallNumber: e.hall_number, hmSymbol: e.hm_short, setting: e.setting };
}

/** Resolve a space-group number, HM symbol (with optional ":1", ":2", ":H", ":R") or full HM symbol. */
export function resolveSpaceGroup(symbolOrNumber: string | number, field = "spaceGroup"): SpaceGroupSetting {
  const entries = hallTable();
  const text = String(symbolOrNumber)
    .trim()
    .replace(/^['"]|['"]$/g, "");
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    const e = entries.find((x) => x.number === n);
    if (!e) throw new InputError(field, `space-group number must be 1–230 (got ${text})`);
    return toSetting(e);
  }
  const [rawSymbol, rawSuffix] = text.split(":");
  const symbol = normaliseSymbol(rawSymbol);
  const suffix = rawSuffix?.trim().toUpperCase();
  if (!symbol) throw new InputError(field, "empty space-group symbol; give e.g. P4_2/mnm or 136");
  const byFull = entries.filter((e) => normaliseSymbol(e.hm_full) === symbol);
  const byShort = entries.filter((e) => normaliseSymbol(e.hm_short) === symbol);
  // A full symbol that names one setting wins over the short symbol shared by several settings.
  const candidates = byShort.length > 0 ? byShort : byFull;
  const chosen =
    byFull.length === 1 && byShort.length !== 1 && !suffix
      ? byFull
      : suffix
        ? candidates.filter((e) => e.setting.toUpperCase() === suffix)
        : candidates;
  if (chosen.length === 0) {
    if (candidates.length > 0)
      throw new InputError(
        field,
        `setting ":${rawSuffix}" does not exist for ${rawSymbol}; available: ${candidates.map((e) => `:${e.setting}`).join(", ")}`,
      );
    throw new InputError(
      field,
      `unknown space-group symbol "${text}"; write it as e.g. P4_2/mnm, Fm-3m, R-3c:H or 136`,
    );
  }
  return toSetting(chosen[0]);
}

/** Symmetry operations (conventional cell, centring translations included) of a Hall setting. */
export function operationsForHall(hallNumber: number): SymmetryOperation[] {
  ensureMoyo();
  const entries = hallTable();
  if (!entries.some((e) => e.hall_number === hallNumber))
    throw new InputError("hallNumber", `Hall number must be 1–530 (got ${hallNumber})`);
  return operations_from_number(
    entries.find((e) => e.hall_number === hallNumber)!.number,
    { type: "HallNumber", value: hallNumber },
    false,
  ).map((op) => ({
    rotation: mat3FromColumnMajor(op.rotation),
    translation: op.translation,
  }));
}

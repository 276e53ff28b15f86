/**
 * User thermochemistry (`--thermo-data FILE.json`): rows that add to or override the bundled data,
 * each with its source. Shape:
 *   { "species":   [ { "formula": "PtO2", "phase": "…", "dHf298_kJ_per_mol": …, "S298_J_per_mol_K": …, "source": "…" } ],
 *     "vacancies": [ { "support": "TiO2", "phase": "rutile", "site": "bulk", "E_f_eV": …, "source": "…" } ] }
 * Either list may be absent; at least one row is required.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { InputError } from "../units/errors.js";
import { zodToInputError } from "../units/validation.js";
import { setThermoOverrides, type ThermoRow } from "./ellingham.js";
import { setVacancyEntries, type VacancyEntry } from "./vacancy.js";

/** User files are small tables; refuse anything larger (characters). */
export const MAX_THERMO_DATA_CHARS = 1_000_000;

const Source = z.string().trim().min(3, "give the source of the value (paper, table, page)");
const SpeciesRow = z
  .object({
    formula: z.string().regex(/^([A-Z][a-z]?\d*)+$/, "a formula such as PtO2 or Rh2O3"),
    phase: z.string().default(""),
    dHf298_kJ_per_mol: z.number().finite().nullable().default(null),
    S298_J_per_mol_K: z.number().finite().positive().nullable().default(null),
    source: Source,
  })
  .strict();
const VacancyRow = z
  .object({
    support: z.string().regex(/^([A-Z][a-z]?\d*)+$/, "a support formula such as TiO2"),
    phase: z.string().min(1, "the polymorph, e.g. rutile"),
    site: z.enum(["bulk", "surface"]).default("bulk"),
    E_f_eV: z.number().finite().positive("an O-vacancy formation energy is positive (eV, vs ½ E_O2)"),
    source: Source,
  })
  .strict();
const ThermoData = z
  .object({ species: z.array(SpeciesRow).default([]), vacancies: z.array(VacancyRow).default([]) })
  .strict()
  .refine((d) => d.species.length + d.vacancies.length > 0, "no rows: give a species or vacancies list");

export interface UserThermoData {
  species: ThermoRow[];
  vacancies: VacancyEntry[];
}

/** Validate a parsed --thermo-data document; errors name the field path (e.g. --thermo-data.species.0.source). */
export function parseThermoData(doc: unknown, field = "--thermo-data"): UserThermoData {
  const r = ThermoData.safeParse(doc);
  if (!r.success) throw zodToInputError(r.error, field, "docs/thermo.md");
  return {
    species: r.data.species,
    vacancies: r.data.vacancies.map((v) => ({ ...v, kind: "literature" as const })),
  };
}

/** Read, validate and apply a --thermo-data file (the previous user rows are replaced). */
export function loadThermoData(path: string, field = "--thermo-data"): UserThermoData {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new InputError(
      field,
      `cannot read "${path}" (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  if (text.length > MAX_THERMO_DATA_CHARS)
    throw new InputError(
      field,
      `"${path}" is larger than ${MAX_THERMO_DATA_CHARS} characters; user tables are small`,
    );
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new InputError(field, `"${path}" is not valid JSON (${(e as Error).message})`);
  }
  const data = parseThermoData(doc, field);
  applyThermoData(data);
  return data;
}

/** Make user rows take precedence over the bundled data (an empty set restores the bundled data). */
export function applyThermoData(data: UserThermoData): void {
  setThermoOverrides(data.species);
  setVacancyEntries(data.vacancies);
}

export const NO_USER_DATA: UserThermoData = { species: [], vacancies: [] };

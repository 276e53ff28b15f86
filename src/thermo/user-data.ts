/**
 * User thermochemistry (`--thermo-data FILE.json`): rows that add to or override the bundled data,
 * each with its source. Shape:
 *   { "species":   [ { "formula": "PtO2", "phase": "…", "dHf298_kJ_per_mol": …, "S298_J_per_mol_K": …, "source": "…" } ],
 *     "vacancies": [ { "support": "TiO2", "phase": "rutile", "site": "bulk", "E_f_eV": …, "source": "…" } ] }
 * Either list may be absent; at least one row is required.
 */
import { z } from "zod";
import { isElement } from "../crystal/elements.js";
import { InputError } from "../units/errors.js";
import { readInputJson } from "../units/read-input.js";
import { zodToInputError } from "../units/validation.js";
import { parseOxideFormula, setThermoOverrides, type ThermoRow } from "./ellingham.js";
import { setVacancyEntries, type VacancyEntry } from "./vacancy.js";

/** User files are small tables; refuse anything larger (bytes), before reading more. */
export const MAX_THERMO_DATA_BYTES = 1_000_000;

/**
 * Plausible ΔH_f,298 per mole of O atoms in a metal oxide, kJ/mol. ASSUMPTION with margin around the
 * tabulated extremes: the most stable oxides are ≈ −640 kJ/(mol O) (CaO −635, Y2O3 −635 per O, ThO2 −613 per
 * O; CRC Handbook, Standard Thermodynamic Properties of Chemical Substances), the least stable slightly
 * positive (Au2O3 ≈ +27 per O, NBS tables, Wagman et al. 1982).
 */
export const DHF_PER_O_RANGE_KJ_PER_MOL: [number, number] = [-1000, 200];
/**
 * Plausible S298 per atom of a solid, J/(mol K). ASSUMPTION: the largest standard entropy of a solid
 * element is Cs's 85 J/(mol K) (CRC Handbook); oxides lie far below per atom. 150 leaves room.
 */
export const S298_PER_ATOM_MAX_J_PER_MOL_K = 150;
/**
 * Plausible O-vacancy formation energy, eV (vs ½ E_O2). ASSUMPTION: computed and measured values of
 * oxides span ≈ 0.5–10 eV (reducible CeO2/TiO2 low, MgO F-centre ≈ 9–10 eV: Ganduglia-Pirovano et al.,
 * Surf. Sci. Rep. 62, 219 (2007)); 15 eV leaves room.
 */
export const VACANCY_E_F_MAX_EV = 15;

/** Element symbols and counts of a formula such as "Co3O4" (counts must be positive integers). */
function formulaProblem(formula: string): string | undefined {
  const parts = [...formula.matchAll(/([A-Z][a-z]?)(\d*)/g)];
  if (parts.map((m) => m[0]).join("") !== formula) return undefined; // the regex check reports it
  for (const [, symbol, count] of parts) {
    if (!isElement(symbol))
      return `"${symbol}" is not an element symbol (case-sensitive: Co is cobalt, CO is not)`;
    if (count !== "" && !/^[1-9]\d{0,3}$/.test(count))
      return `the count of ${symbol} is "${count}"; counts are whole numbers from 1 (omit 1), e.g. Co3O4`;
  }
  if (new Set(parts.map((m) => m[1])).size !== parts.length)
    return "an element appears twice; write each element once, e.g. Fe3O4";
  if (parts.length === 1 && parts[0][1] === "O")
    return "no metal: oxygen is the reference (NIST O2 data); give a metal oxide M_aO_b such as PtO2 or a metal";
  if (parts.length === 1) return undefined; // an element in its standard state
  if (!parseOxideFormula(formula))
    return "only binary metal oxides M_aO_b (e.g. PtO2, Rh2O3) or elements are used; an oxide needs one metal and at least one O";
  return undefined;
}

const FORMULA = z
  .string()
  .regex(/^([A-Z][a-z]?\d*)+$/, "a formula such as PtO2 or Rh2O3")
  .superRefine((f, ctx) => {
    const problem = formulaProblem(f);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** Atoms per formula unit and O atoms, for range checks; undefined when the formula is not usable. */
function composition(formula: unknown): { atoms: number; oxygen: number; element: boolean } | undefined {
  if (typeof formula !== "string" || !/^([A-Z][a-z]?\d*)+$/.test(formula) || formulaProblem(formula))
    return undefined;
  const ox = parseOxideFormula(formula);
  if (ox) return { atoms: ox.nMetal + ox.nO, oxygen: ox.nO, element: false };
  const count = /^[A-Z][a-z]?(\d*)$/.exec(formula)?.[1];
  return count === undefined ? undefined : { atoms: count ? Number(count) : 1, oxygen: 0, element: true };
}

const Source = z.string().trim().min(3, "give the source of the value (paper, table, page)");
const SpeciesRow = z
  .object({
    formula: FORMULA,
    phase: z.string().max(100).default(""),
    dHf298_kJ_per_mol: z.number().finite().nullable().default(null),
    S298_J_per_mol_K: z.number().finite().positive().nullable().default(null),
    source: Source,
  })
  .strict()
  .superRefine((row, ctx) => {
    const c = composition(row.formula);
    if (!c) return;
    const dH = row.dHf298_kJ_per_mol;
    if (typeof dH === "number" && Number.isFinite(dH)) {
      if (c.element && dH !== 0)
        ctx.addIssue({
          code: "custom",
          path: ["dHf298_kJ_per_mol"],
          message: `an element in its standard state has ΔH_f = 0 by definition (got ${dH} kJ/mol)`,
        });
      const [lo, hi] = DHF_PER_O_RANGE_KJ_PER_MOL;
      if (!c.element && (dH / c.oxygen < lo || dH / c.oxygen > hi))
        ctx.addIssue({
          code: "custom",
          path: ["dHf298_kJ_per_mol"],
          message: `${dH} kJ/mol is ${(dH / c.oxygen).toPrecision(3)} kJ per mol O, outside the plausible ${lo}…${hi} kJ/(mol O) of metal oxides; check the units (kJ/mol, not J/mol)`,
        });
    }
    const S = row.S298_J_per_mol_K;
    if (typeof S === "number" && Number.isFinite(S) && S / c.atoms > S298_PER_ATOM_MAX_J_PER_MOL_K)
      ctx.addIssue({
        code: "custom",
        path: ["S298_J_per_mol_K"],
        message: `${S} J/(mol K) is ${(S / c.atoms).toPrecision(3)} per atom, above the plausible ${S298_PER_ATOM_MAX_J_PER_MOL_K} J/(mol K) per atom of a solid`,
      });
  });
const VacancyRow = z
  .object({
    support: FORMULA,
    phase: z.string().min(1, "the polymorph, e.g. rutile").max(100),
    site: z.enum(["bulk", "surface"]).default("bulk"),
    E_f_eV: z
      .number()
      .finite()
      .positive("an O-vacancy formation energy is positive (eV, vs ½ E_O2)")
      .max(VACANCY_E_F_MAX_EV, `an O-vacancy formation energy above ${VACANCY_E_F_MAX_EV} eV is implausible`),
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
  const doc = readInputJson(path, {
    field,
    maxBytes: MAX_THERMO_DATA_BYTES,
    what: "a JSON thermo-data table (docs/thermo.md)",
  });

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

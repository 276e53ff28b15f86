/**
 * Support oxygen vacancies. Formation energy E_f relative to ½ E(O2) (data/thermo/vacancy-formation.json);
 * at an oxygen chemical potential Δμ_O the free energy to form one vacancy is
 *   ΔG_v = E_f + Δμ_O
 * (the removed O goes to the reservoir), and with ideal configurational entropy of vacancies on the
 * O sublattice (site fraction x) the equilibrium is
 *   x / (1 − x) = exp(−ΔG_v / k_B T).
 * Vibrational formation entropy is neglected (stated in the data file).
 */
import { BOLTZMANN_eV_PER_K, KJ_PER_MOL_PER_EV } from "../units/constants.js";
import { InputError } from "../units/errors.js";
import { assertTemperature, type ElectronVolt, type Kelvin } from "../units/quantities.js";
import { oxideThermo } from "./ellingham.js";
import { bumpThermoDataGeneration, thermoDataFile } from "./data-file.js";
import { reductionReaction } from "./equilibria.js";
import { shomateSpecies } from "./gas.js";

export interface VacancyEntry {
  support: string;
  phase: string;
  site: "bulk" | "surface";
  kind: "thermochemical" | "literature";
  reaction?: string;
  E_f_eV?: number;
  source: string;
  assumption?: boolean;
}

export interface VacancyFormation {
  support: string;
  phase: string;
  site: "bulk" | "surface";
  E_f_eV: ElectronVolt;
  kind: "thermochemical" | "literature";
  source: string;
  note: string;
}

let extra: VacancyEntry[] = [];
function table(): VacancyEntry[] {
  const entries = thermoDataFile<{ entries: VacancyEntry[] }>("vacancy-formation.json").entries;
  return [...extra, ...entries];
}

/** User values (each with its source) that take precedence over the bundled entries; [] to reset. */
export function setVacancyEntries(rows: VacancyEntry[]): void {
  extra = rows.map((r) => ({ ...r, source: `user data: ${r.source}` }));
  bumpThermoDataGeneration();
}

/** Thermochemical proxy: reduction enthalpy per O atom (eV) of the oxide to its convex-hull neighbour at T. */
export function reductionEnthalpyPerO(formula: string, phase?: string, T: Kelvin = 298.15): ElectronVolt {
  const rx = reductionReaction(formula, phase, "support", T);
  const hh = rx.higher.thermo?.dHf298_kJ_per_mol ?? 0;
  const hl = rx.lower.thermo?.dHf298_kJ_per_mol ?? 0;
  // lower + O2 → higher : ΔH per O2 = ν_h ΔH_f(h) − ν_l ΔH_f(l); removing one O costs −ΔH/2
  const dH_perO2 = rx.nuHigher * hh - rx.nuLower * hl;
  const o2 = shomateSpecies("O2", "gas");
  const h0 = o2?.H298_minus_H0_kJ_per_mol ?? 0;
  return (-dH_perO2 / 2 - h0 / 2) / KJ_PER_MOL_PER_EV;
}

/** The vacancy formation energy of a support (formula + optional phase) with its source. */
export function vacancyFormation(
  formula: string,
  phase?: string,
  site: "bulk" | "surface" = "bulk",
  T: Kelvin = 298.15,
): VacancyFormation {
  const rows = table().filter(
    (r) =>
      r.support === formula && r.site === site && (!phase || r.phase.toLowerCase() === phase.toLowerCase()),
  );
  const lit = rows.find((r) => r.kind === "literature" && r.E_f_eV !== undefined);
  if (lit && lit.E_f_eV !== undefined)
    return {
      support: formula,
      phase: lit.phase,
      site,
      E_f_eV: lit.E_f_eV,
      kind: "literature",
      source: lit.source,
      note: lit.assumption ? "assumption (overridable)" : "",
    };
  const th = rows.find((r) => r.kind === "thermochemical") ?? rows[0];
  const ph = phase ?? th?.phase;
  try {
    oxideThermo(formula, ph, "support");
  } catch (e) {
    throw e instanceof InputError
      ? e
      : new InputError("support", `no vacancy data for ${formula}; add an entry with its source`);
  }
  const rx = reductionReaction(formula, ph, "support", T);
  return {
    support: formula,
    phase: rx.higher.phase,
    site,
    E_f_eV: reductionEnthalpyPerO(formula, ph, T),
    kind: "thermochemical",
    source: `reduction enthalpy per O of ${rx.equation.replace("⇌", "←")} at 298 K (species-298K.json)${th ? `; ${th.source}` : ""}`,
    note: `bulk-thermodynamic proxy: ΔH per O of ${rx.equation.replace("⇌", "←")} at 298 K (reduced limit, not a dilute-defect value)`,
  };
}

/**
 * Energy-only estimate of the vacancy site fraction on the O sublattice at (T, Δμ_O): x/(1−x) =
 * exp(−(E_f + Δμ_O)/k_BT), the vacancy formation entropy neglected, and bounded by `maxFraction` (the
 * lower oxide's composition, e.g. 0.125 of the O sites for TiO2 → Ti4O7). For measured nonstoichiometry use
 * defects.ts (oxygenNonstoichiometry), which includes the reduction entropy.
 */
export function vacancyFraction(
  E_f_eV: ElectronVolt,
  T: Kelvin,
  deltaMuO_eV: ElectronVolt,
  maxFraction = 1,
): number {
  assertTemperature(T);
  const g = E_f_eV + deltaMuO_eV;
  const z = -g / (BOLTZMANN_eV_PER_K * T);
  // x = 1 / (1 + exp(g/kT)), written stably
  const x = z > 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  return Math.min(x, maxFraction);
}

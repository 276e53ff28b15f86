/**
 * Oxygen nonstoichiometry MO(n−x)(T, μ_O) of reducible oxides (CeO2−x, TiO2−x) from equilibrium data
 * (data/thermo/nonstoichiometry.json), bounded by the lower oxide on the convex hull.
 *
 * Dilute point defects, mass action with a fixed defect type (exponent m):
 *   x = x_ref (p_O2/p_ref)^(−1/m) exp(−(ΔH_red/m)(1/k_BT − 1/k_BT_ref))
 * ΔH_red is the reduction enthalpy per O2 released; the reduction entropy is fixed by the measured
 * reference point (reported as ΔS_red,app = k_B[m ln x_ref + ln p_ref] + ΔH_red/T_ref, apparent: the
 * defect-stoichiometry constant is folded in). Configurational entropy enters once, through the mass-action
 * law; no site energy is used as a free energy (the old vacancy.ts did, with a 298 K enthalpy).
 *
 * Bounds: x ≤ xMax = n(oxide) − n(lower oxide)·(metal ratio), the composition of the convex-hull
 * neighbour (TiO2 → Ti4O7: xMax = 0.25; CeO2 → Ce2O3: 0.5). Below the oxide/lower-oxide equilibrium
 * μ_O the oxide has converted: x = xMax and the formula is the lower oxide's.
 */
import { BOLTZMANN_eV_PER_K } from "../units/constants.js";
import { InputError } from "../units/errors.js";
import { assertThermoTemperature, resolveOxide } from "./ellingham.js";
import { thermoDataFile } from "./data-file.js";
import { equilibriumDeltaMuO, reductionReaction } from "./equilibria.js";
import type { Assumption } from "./landscape.js";
import { type Atmosphere, oxygenPotential } from "./oxygen-potential.js";

export interface Nonstoichiometry {
  oxide: string;
  x: number;
  formula: string;
  lowerOxide: string | null;
  xMax: number;
  source: string;
  assumptions: Assumption[];
  temperature_K: number;
  pO2_bar: number;
  deltaMuO_eV: number;
  /** Δμ_O (eV) of the oxide/lower-oxide equilibrium at T. */
  reductionLimitDeltaMuO_eV: number;
  /** True when the gas is below the reduction limit: the oxide has converted to the lower oxide. */
  converted: boolean;
  /** Apparent reduction entropy per O2 (eV/K) implied by the reference point. */
  reductionEntropy_eV_per_K: number;
  reductionEnthalpy_eV: number;
  notes: string[];
}

interface DefectRow {
  formula: string;
  phases: string[];
  exponent_m: number;
  exponentSource: string;
  reference: { T_K: number; pO2_bar: number; x: number; source: string; isAssumption: boolean };
  deltaH_red_eV_per_O2: { value: number; range: [number, number]; source: string; isAssumption: boolean };
  anatase?: string;
}

function rows(): DefectRow[] {
  return thermoDataFile<{ oxides: DefectRow[] }>("nonstoichiometry.json").oxides;
}

/** Oxides with nonstoichiometry data. */
export function nonstoichiometricOxides(): string[] {
  return rows().map((r) => r.formula);
}

function formatFormula(metal: string, nMetal: number, nO: number): string {
  const m = nMetal === 1 ? "" : String(nMetal);
  return `${metal}${m}O${Number(nO.toFixed(4))}`;
}

/** x in MO(n−x) at T in the atmosphere (contract B). */
export function oxygenNonstoichiometry(
  oxide: string,
  temperature_K: number,
  atmosphere: Atmosphere,
  overrides: { deltaH_red_eV_per_O2?: number } = {},
): Nonstoichiometry {
  const T = assertThermoTemperature(temperature_K, "--temperature");
  const { formula, phase } = resolveOxide(oxide, "OXIDE");
  const row = rows().find((r) => r.formula === formula);
  if (!row)
    throw new InputError(
      "OXIDE",
      `no equilibrium nonstoichiometry data for ${formula}; available: ${nonstoichiometricOxides().join(", ")}`,
    );
  const rx = reductionReaction(formula, phase, "OXIDE", T);
  const higher = rx.higher;
  const lower = rx.lower;
  // composition per formula unit of the higher oxide (per its metal count)
  const xMax = higher.nO - (lower.nO / lower.nMetal) * higher.nMetal;
  const gas = oxygenPotential(T, atmosphere);
  const limit = equilibriumDeltaMuO(rx, T);
  const dH = overrides.deltaH_red_eV_per_O2 ?? row.deltaH_red_eV_per_O2.value;
  const m = row.exponent_m;
  const ref = row.reference;
  const k = BOLTZMANN_eV_PER_K;
  const lnx =
    Math.log(ref.x) - Math.log(gas.pO2_bar / ref.pO2_bar) / m - (dH / m) * (1 / (k * T) - 1 / (k * ref.T_K));
  const converted = gas.deltaMuO_eV < limit;
  const notes = [...gas.notes];
  let x = Math.min(Math.exp(lnx), xMax);
  if (converted) {
    x = xMax;
    notes.push(
      `gas Δμ_O ${gas.deltaMuO_eV.toFixed(3)} eV is below the ${rx.equation} equilibrium (${limit.toFixed(3)} eV): ${formula} has converted to ${lower.formula}`,
    );
  } else if (Math.exp(lnx) >= xMax)
    notes.push(`the dilute-defect law exceeds the lower-oxide bound: x capped at ${xMax}`);
  if (T < Math.min(ref.T_K, 1000) - 300 || T > 2000)
    notes.push(
      `extrapolated: the reference point is at ${ref.T_K} K; the dilute-defect law is used at ${T.toFixed(0)} K`,
    );
  const dS = k * (m * Math.log(ref.x) + Math.log(ref.pO2_bar)) + dH / ref.T_K;
  const assumptions: Assumption[] = [
    {
      name: "deltaH_red_eV_per_O2",
      value: dH,
      unit: "eV",
      source:
        overrides.deltaH_red_eV_per_O2 !== undefined ? "user override" : row.deltaH_red_eV_per_O2.source,
      isAssumption: overrides.deltaH_red_eV_per_O2 !== undefined || row.deltaH_red_eV_per_O2.isAssumption,
    },
    { name: "exponent_m", value: m, unit: "", source: row.exponentSource, isAssumption: false },
    { name: "reference.x", value: ref.x, unit: "", source: ref.source, isAssumption: ref.isAssumption },
    { name: "reference.T_K", value: ref.T_K, unit: "K", source: ref.source, isAssumption: ref.isAssumption },
    {
      name: "reference.pO2_bar",
      value: ref.pO2_bar,
      unit: "bar",
      source: ref.source,
      isAssumption: ref.isAssumption,
    },
  ];
  if (phase === "anatase" && row.anatase)
    assumptions.push({ name: "anatase", value: 0, unit: "", source: row.anatase, isAssumption: true });
  return {
    oxide: formula,
    x,
    formula: converted
      ? lower.formula
      : formatFormula(higher.thermo?.metal ?? formula, higher.nMetal, higher.nO - x),
    lowerOxide: lower.nO > 0 ? lower.formula : null,
    xMax,
    source: `${ref.source}; ${row.exponentSource}`,
    assumptions,
    temperature_K: T,
    pO2_bar: gas.pO2_bar,
    deltaMuO_eV: gas.deltaMuO_eV,
    reductionLimitDeltaMuO_eV: limit,
    converted,
    reductionEntropy_eV_per_K: dS,
    reductionEnthalpy_eV: dH,
    notes,
  };
}

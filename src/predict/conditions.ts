/**
 * Treatment conditions: the gas (H2, O2, air, CO, CO2/H2, H2O/H2, vacuum, inert), its oxygen
 * chemical potential, and free-text gas descriptions (published-cases files) mapped onto those kinds.
 */
import { GAS_CONSTANT_J_PER_MOL_K } from "../units/constants.js";
import { InputError } from "../units/errors.js";
import type { Atmosphere } from "../thermo/oxygen-potential.js";
import { deltaGCOOxidation, deltaGWaterFormation } from "../thermo/oxygen-potential.js";
import type { PredictParameters } from "./data.js";

export const GAS_KINDS = ["H2", "O2", "air", "CO", "CO2/H2", "H2O/H2", "vacuum", "inert"] as const;
export type GasKind = (typeof GAS_KINDS)[number];

export type Trigger = "reductive" | "oxidative" | "adsorbate";

/** Explicit gas composition given by the user (each optional). */
export interface GasComposition {
  pO2_bar?: number;
  h2oH2?: number;
  co2Co?: number;
}

/** Oxidising gases fix μ_O through O2; the others are reducing or neutral. */
export function isOxidising(kind: GasKind): boolean {
  return kind === "O2" || kind === "air";
}

/** The SE trigger a gas would set (CO2/H2 forms adsorbates — formate, carbonate — that drive encapsulation: Matsubu et al., Nat. Chem. 9, 120 (2017)). */
export function triggerOf(kind: GasKind): Trigger | null {
  if (kind === "O2" || kind === "air") return "oxidative";
  if (kind === "CO2/H2") return "adsorbate";
  if (kind === "inert") return null;
  return "reductive";
}

/**
 * H2O/H2 ratio at reverse water-gas-shift equilibrium CO2 + H2 ⇌ CO + H2O from a feed with
 * H2:CO2 = r. K = exp(−ΔG°/RT), ΔG° = ΔG°f(H2O) − ΔG°(CO + ½O2 → CO2) (NIST-JANAF via thermo/).
 * Extent ξ per mol CO2: K = ξ² / ((1 − ξ)(r − ξ)).
 */
export function rwgsWaterHydrogenRatio(T_K: number, feedH2PerCO2: number): number {
  const dG = deltaGWaterFormation(T_K).dG_kJ_per_mol - deltaGCOOxidation(T_K).dG_kJ_per_mol;
  const K = Math.exp((-dG * 1000) / (GAS_CONSTANT_J_PER_MOL_K * T_K));
  const r = feedH2PerCO2;
  // (1 − K) ξ² + K(1 + r) ξ − K r = 0 with the root in (0, min(1, r))
  const a = 1 - K;
  const b = K * (1 + r);
  const c = -K * r;
  const xi = Math.abs(a) < 1e-12 ? -c / b : (-b + Math.sqrt(b * b - 4 * a * c)) / (2 * a);
  const bounded = Math.min(Math.max(xi, 1e-12), Math.min(1, r) * (1 - 1e-9));
  return bounded / (r - bounded);
}

/** The atmosphere (μ_O buffer) of a gas at T, with explicit composition taking precedence. */
export function atmosphereOf(
  kind: GasKind,
  T_K: number,
  p: PredictParameters,
  given: GasComposition = {},
): Atmosphere {
  if (given.pO2_bar !== undefined) return { kind: "O2", pO2_bar: given.pO2_bar };
  if (given.h2oH2 !== undefined) return { kind: "H2O/H2", ratio: given.h2oH2 };
  if (given.co2Co !== undefined) return { kind: "CO2/CO", ratio: given.co2Co };
  switch (kind) {
    case "O2":
      return { kind: "O2", pO2_bar: p.o2Pressure_bar };
    case "air":
      return { kind: "O2", pO2_bar: p.airO2Fraction };
    case "H2":
      return { kind: "H2O/H2", ratio: p.h2WaterRatio };
    case "H2O/H2":
      throw new InputError("--h2o-h2", "gas H2O/H2 needs its ratio: give --h2o-h2 (e.g. 1e-3)");
    case "CO":
      return { kind: "CO2/CO", ratio: p.coCo2Ratio };
    case "CO2/H2":
      return { kind: "H2O/H2", ratio: rwgsWaterHydrogenRatio(T_K, p.co2H2FeedRatio) };
    case "vacuum":
      return { kind: "H2O/H2", ratio: p.vacuumWaterRatio };
    case "inert":
      return { kind: "O2", pO2_bar: p.inertO2Pressure_bar };
  }
}

/** Parse a --gas value (case-insensitive). */
export function parseGasKind(text: string, field = "--gas"): GasKind {
  const t = text.trim().toLowerCase();
  const found = GAS_KINDS.find((g) => g.toLowerCase() === t);
  if (found) return found;
  if (["uhv", "vac"].includes(t)) return "vacuum";
  if (["n2", "ar", "he", "argon", "nitrogen", "helium"].includes(t)) return "inert";
  if (t === "h2/co2") return "CO2/H2";
  if (t === "h2/h2o") return "H2O/H2";
  throw new InputError(field, `unknown gas "${text}"; give one of ${GAS_KINDS.join(", ")}`);
}

export interface ParsedGas {
  kind: GasKind | null;
  /** O2 partial pressure read from the text ("1% O2"), bar. */
  pO2_bar?: number;
  /** Words that set the temperature class ("high-temperature reduction", "low temperature"). */
  temperatureHint: "high" | "low" | null;
  reason: string;
}

/**
 * Map a free-text treatment description (published-cases `treatment.gas`) onto a gas kind by the
 * chemical names it contains. The rules are general (gas formulas and the words vacuum/UHV,
 * calcination, inert gases), listed in docs/predict.md; null when no gas is named.
 */
export function parseGasText(text: string): ParsedGas {
  const t = text;
  const hint: ParsedGas["temperatureHint"] = /high[- ]temperature|\bHTR\b/i.test(t)
    ? "high"
    : /low[- ]temperature|\bLTR\b/i.test(t)
      ? "low"
      : null;
  const percentO2 = /(\d+(?:\.\d+)?)\s*%\s*O2\b/.exec(t);
  const has = (re: RegExp) => re.test(t);
  const h2 = has(/\bH2(?!O)\b/);
  const co2 = has(/\bCO2\b/);
  const co = has(/\bCO\b(?!2)/);
  const h2o = has(/\bH2O\b/);
  if (co2 && h2) return { kind: "CO2/H2", temperatureHint: hint, reason: "CO2 and H2 named" };
  if (h2o && h2) return { kind: "H2O/H2", temperatureHint: hint, reason: "H2O and H2 named" };
  if (has(/\bUHV\b|vacuum/i)) return { kind: "vacuum", temperatureHint: hint, reason: "vacuum/UHV named" };
  if (percentO2)
    return {
      kind: "O2",
      pO2_bar: Number(percentO2[1]) / 100,
      temperatureHint: hint,
      reason: `${percentO2[1]} % O2 named`,
    };
  if (h2) return { kind: "H2", temperatureHint: hint, reason: "H2 named" };
  if (co) return { kind: "CO", temperatureHint: hint, reason: "CO named" };
  if (has(/\bO2\b/)) return { kind: "O2", temperatureHint: hint, reason: "O2 named" };
  if (has(/\bair\b|calcin/i)) return { kind: "air", temperatureHint: hint, reason: "air/calcination named" };
  if (has(/\b(N2|Ar|He)\b|inert/i))
    return { kind: "inert", temperatureHint: hint, reason: "inert gas named" };
  return { kind: null, temperatureHint: hint, reason: `no gas named in "${text}"` };
}

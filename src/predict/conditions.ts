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
  /** Pure steam: the H2O/H2 ratio is water's own dissociation (steamWaterHydrogenRatio at the treatment T). */
  steam?: boolean;
  /** Words that set the temperature class ("high-temperature reduction", "low temperature"). */
  temperatureHint: "high" | "low" | null;
  reason: string;
  /** Assumptions the reading made (reported with the prediction), e.g. the reductant of an unnamed "reduction". */
  assumptions: string[];
}

/**
 * The reductant assumed when a treatment says "reduction" (or "reduced", "reductive activation") but
 * names no gas: H2, the reductant of catalyst pretreatment and of the SMSI literature since Tauster,
 * Fung & Garten, JACS 100, 170 (1978) ("reduction" without qualifier is H2 reduction by convention).
 */
export const UNNAMED_REDUCTANT: GasKind = "H2";

/**
 * O2 fraction of the gas left after a reductant (H2, D2, CO) burns with O2 in a mixture (both react
 * 2:1, 2 R + O2 → 2 RO): positive when O2 is in excess (the mixture is net oxidising at equilibrium),
 * ≤ 0 when the reductant is in excess. Feed fractions need not be normalised.
 */
export function excessOxygenFraction(reductant: number, oxygen: number): number {
  const left = oxygen - reductant / 2;
  const total = reductant + oxygen - Math.min(reductant, 2 * oxygen) / 2;
  return total > 0 ? left / total : 0;
}

/**
 * A mixture of a reductant and O2 (CO oxidation, H2 oxidation, PROX feeds) without a ratio: O2 is
 * taken to be in excess — CO- and H2-oxidation tests are run at or above the 2:1 stoichiometric O2
 * (e.g. 1 % CO in 20 % O2), so at equilibrium the metal sees O2. A stated ratio "(1:4)" is used instead.
 */
export const REDOX_MIXTURE_ASSUMPTION =
  "reductant + O2 without a ratio: O2 taken in excess (lean feed, as in CO/H2 oxidation tests), so the mixture is net oxidising at equilibrium";

/**
 * Names written out → formulas, so the rules below see one spelling: hydrogen → H2, oxygen → O2,
 * nitrogen/argon/helium → N2/Ar/He, carbon monoxide/dioxide → CO/CO2, water/steam → H2O; and the
 * reactions whose feed is fixed by their name: methanation, Sabatier and reverse water-gas shift are
 * CO2 + H2; syngas (synthesis gas) is CO + H2; any "… hydrogenation" feeds H2.
 */
export function gasFormulas(text: string): string {
  return text
    .replace(/\bhydrogen\b/gi, "H2")
    .replace(/\bdeuterium\b/gi, "D2")
    .replace(/\boxygen\b/gi, "O2")
    .replace(/\bnitrogen\b/gi, "N2")
    .replace(/\bargon\b/gi, "Ar")
    .replace(/\bhelium\b/gi, "He")
    .replace(/\bcarbon monoxide\b/gi, "CO")
    .replace(/\bcarbon dioxide\b/gi, "CO2")
    .replace(/\b(methanation|sabatier|reverse water[- ]gas[- ]shift|RWGS)\b/gi, "CO2 + H2")
    .replace(/\b(syngas|synthesis gas)\b/gi, "CO + H2")
    .replace(/\bhydrogenation\b/gi, "hydrogenation (H2)")
    .replace(/\b(steam|water vapou?r|water)\b/gi, "H2O");
}

/**
 * H2O/H2 of pure steam: water's own dissociation H2O ⇌ H2 + ½O2 with p_H2 = 2 p_O2 at p_H2O = 1 bar,
 * K = p_H2O / (p_H2 p_O2^½) = exp(−ΔG°f(H2O)/RT) → p_O2 = (2K)^(−2/3), H2O/H2 = 1/(2 p_O2). An upper
 * bound on how oxidising steam is: any H2 in the feed or from oxidation of the sample lowers it.
 */
export function steamWaterHydrogenRatio(T_K: number): number {
  const K = Math.exp((-deltaGWaterFormation(T_K).dG_kJ_per_mol * 1000) / (GAS_CONSTANT_J_PER_MOL_K * T_K));
  const pO2 = (2 * K) ** (-2 / 3);
  return 1 / (2 * pO2);
}

/** An unnamed oxidant ("oxidative treatment", "oxidising atmosphere"): O2, the counterpart of UNNAMED_REDUCTANT. */
export const UNNAMED_OXIDANT: GasKind = "O2";

/** Hydrocarbons (CH4, C2H4, C3H8, …) as a treatment gas: read as a reductant (ASSUMPTION, reported). */
export const HYDROCARBON_ASSUMPTION =
  "a hydrocarbon atmosphere read as H2 reduction: at treatment temperatures hydrocarbons dehydrogenate and reduce like H2; carbon deposition and carbide formation are not modelled";

/**
 * Map a free-text treatment description (published-cases `treatment.gas`) onto a gas kind by the
 * chemical names it contains. The rules are general (gas formulas and the words vacuum/UHV,
 * calcination, reduction, inert gases), listed in docs/predict.md; null when no gas is named.
 * Deuterium (D2) is read as H2 (same chemistry). A reductant named together with O2 is a reaction
 * mixture: net oxidising when O2 is in excess (from a stated ratio, or assumed), reducing otherwise.
 */
export function parseGasText(text: string): ParsedGas {
  const t = gasFormulas(text);
  const hint: ParsedGas["temperatureHint"] = /high[- ]temperature|\bHTR\b/i.test(t)
    ? "high"
    : /low[- ]temperature|\bLTR\b/i.test(t)
      ? "low"
      : null;
  // (?<![\d.]): a number is matched from its first digit only (linear time on long digit runs)
  const percentO2 = /(?<![\d.])(\d+(?:\.\d+)?)\s*%\s*O2\b/.exec(t);
  const has = (re: RegExp) => re.test(t);
  const h2 = has(/\b[HD]2(?!O)\b/);
  const co2 = has(/\bCO2\b/);
  const co = has(/\bCO\b(?!2)/);
  const h2o = has(/\b[HD]2O\b/);
  const o2 = has(/\bO2\b/);
  const base = { temperatureHint: hint, assumptions: [] as string[] };
  if (co2 && h2) return { ...base, kind: "CO2/H2", reason: "CO2 and H2 named" };
  if (h2o && h2) return { ...base, kind: "H2O/H2", reason: "H2O and H2 named" };
  if ((h2 || co) && o2 && !percentO2) {
    const reductant = h2 ? "H2" : "CO";
    const ratio = /\((\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)\)/.exec(t);
    if (ratio) {
      const excess = excessOxygenFraction(Number(ratio[1]), Number(ratio[2]));
      if (excess > 0)
        return {
          ...base,
          kind: "O2",
          pO2_bar: excess,
          reason: `${reductant} + O2 (${ratio[1]}:${ratio[2]}): O2 in excess, ${excess.toFixed(2)} of the gas after reaction`,
        };
      return {
        ...base,
        kind: h2 ? "H2" : "CO",
        reason: `${reductant} + O2 (${ratio[1]}:${ratio[2]}): reductant in excess`,
      };
    }
    return {
      ...base,
      kind: "O2",
      reason: `${reductant} and O2 named: reaction mixture, net oxidising`,
      assumptions: [REDOX_MIXTURE_ASSUMPTION],
    };
  }
  if (has(/\bUHV\b|vacuum/i)) return { ...base, kind: "vacuum", reason: "vacuum/UHV named" };
  if (percentO2)
    return {
      ...base,
      kind: "O2",
      pO2_bar: Number(percentO2[1]) / 100,
      reason: `${percentO2[1]} % O2 named`,
    };
  if (h2) return { ...base, kind: "H2", reason: "H2 named" };
  if (co) return { ...base, kind: "CO", reason: "CO named" };
  if (o2) return { ...base, kind: "O2", reason: "O2 named" };
  if (has(/\bair\b|calcin/i)) return { ...base, kind: "air", reason: "air/calcination named" };
  if (h2o)
    return {
      ...base,
      kind: "H2O/H2",
      steam: true,
      reason: "H2O (steam) named without H2: H2O/H2 from water's own dissociation",
    };
  if (
    has(
      /\b(CH4|C2H[246]|C3H[68]|C4H(8|10)|methane|ethane|ethylene|propane|propylene|propene|butane|hydrocarbons?)\b/i,
    )
  )
    return {
      ...base,
      kind: "H2",
      reason: "hydrocarbon named: read as a reductant (H2)",
      assumptions: [HYDROCARBON_ASSUMPTION],
    };
  if (has(/\b(N2|Ar|He)\b|inert/i)) return { ...base, kind: "inert", reason: "inert gas named" };
  if (has(/\boxidi[sz](ing|ed)\b|\boxidative\b|\boxidation (pre)?treatment\b/i))
    return {
      ...base,
      kind: UNNAMED_OXIDANT,
      reason: `an oxidising treatment without a gas named: ${UNNAMED_OXIDANT} assumed`,
      assumptions: [
        `an oxidising treatment without a named gas read as ${UNNAMED_OXIDANT} (the conventional oxidant of catalyst pretreatment, with air)`,
      ],
    };
  if (has(/\breduc(tion|ed|tive|ing)\b/i))
    return {
      ...base,
      kind: UNNAMED_REDUCTANT,
      reason: `"reduction" without a gas named: ${UNNAMED_REDUCTANT} assumed`,
      assumptions: [
        `"reduction" without a named gas read as ${UNNAMED_REDUCTANT} reduction (the conventional reductant of catalyst pretreatment; Tauster et al., JACS 100, 170 (1978))`,
      ],
    };
  return { ...base, kind: null, reason: `no gas named in "${text}"` };
}

/** Room temperature for "room temperature"/"RT" in a treatment text: 25 °C (IUPAC standard ambient). */
export const ROOM_TEMPERATURE_K = 298.15;

/**
 * A temperature stated in free text ("523 K", "above 800 K", "up to 1000 °C", "room temperature"):
 * the first value with a unit, in K; null when the text states none. A bound ("above", "up to") is
 * read as its value. Numbers without a unit are not read, and none is read from a text that says the
 * treatment's temperature is not stated ("not stated … (calcination at 673 K before)": that value
 * belongs to another step).
 */
export function parseTemperatureText(text: string): { temperature_K: number; reason: string } | null {
  if (/\bnot (stated|given|reported|read|in)\b/i.test(text)) return null;
  // one spelling of degrees Celsius: "° C", "ºC", "oC", "deg C", "degrees C", "degC" → "°C"
  const t = text
    .replace(/(\d),(\d{3})(?!\d)/g, "$1$2") // thousands separator: "1,000 °C"
    .replace(/(\d)\s*(?:[°º]\s*|o\s*|deg(?:rees?)?\.?\s*)?C\b/g, "$1 °C");
  const toK = (v: number, unit: string) => (unit === "K" ? v : v + 273.15);
  // a range "300-500 °C", "300 to 500 °C", "between 400 and 600 °C": its midpoint
  const range = /(?<![\d.])(\d+(?:\.\d+)?)\s*(?:°C|K)?\s*(?:-|–|to|and)\s*(\d+(?:\.\d+)?)\s*(K|°C)\b/.exec(t);
  if (range) {
    const K = (toK(Number(range[1]), range[3]) + toK(Number(range[2]), range[3])) / 2;
    return { temperature_K: K, reason: `midpoint of the range ${range[0]} read from "${text.slice(0, 80)}"` };
  }
  const m = /(?<![\d.])(-?\d+(?:\.\d+)?)\s*(K|°C)(?![a-z])/i.exec(t);
  if (m) {
    const K = toK(Number(m[1]), m[2].toUpperCase() === "K" ? "K" : "°C");
    if (K > 0) return { temperature_K: K, reason: `temperature ${m[0]} read from "${text.slice(0, 80)}"` };
  }
  if (/room[- ]temperature|\bRT\b|\bambient\b/i.test(text))
    return { temperature_K: ROOM_TEMPERATURE_K, reason: `room temperature read from "${text.slice(0, 80)}"` };
  return null;
}

/**
 * The bundled parameters of predict (data/predict/*.json, each value with its source), read once,
 * and the named, overridable assumptions every prediction reports.
 */
import { readFileSync } from "node:fs";
import { InputError } from "../units/errors.js";
import type { NamedAssumption } from "./types.js";

const cache = new Map<string, unknown>();

/** Parsed contents of data/predict/NAME (JSON). */
export function predictDataFile<T>(name: string): T {
  if (!cache.has(name))
    cache.set(name, JSON.parse(readFileSync(new URL(`../../data/predict/${name}`, import.meta.url), "utf8")));
  return cache.get(name) as T;
}

interface Sourced<T> {
  source: string;
  values: Record<string, T>;
}

export interface DescriptorData {
  meltingPoint_K: Sourced<number>;
  lowerPhase: Sourced<string>;
  oxideSurfaceEnergy_J_per_m2: Record<string, { value: number; source: string }>;
  paulingElectronegativity: Sourced<number>;
  dBandCentre_eV: Sourced<number>;
  metalSurface: Sourced<{ surfaceEnergy_J_per_m2: number; workFunction_eV: number }>;
}

export function descriptorData(): DescriptorData {
  return predictDataFile<DescriptorData>("descriptors.json");
}

/**
 * Every threshold and default of predict: value, unit, source, and whether it is an assumption.
 * Overridable by name (`overrides`), and reported in each prediction.
 */
export const PREDICT_PARAMETERS = {
  defaultTemperature_K: {
    value: 773.15,
    unit: "K",
    source:
      "ASSUMPTION used when a treatment gives no temperature: 500 °C, Tauster's high-temperature reduction (Tauster, Fung, Garten, JACS 100, 170, 1978), the reference SMSI treatment",
    isAssumption: true,
  },
  defaultDuration_h: {
    value: 1,
    unit: "h",
    source: "ASSUMPTION used when a treatment gives no duration: 1 h, a common pretreatment length",
    isAssumption: true,
  },
  defaultParticleSize_nm: {
    value: 3,
    unit: "nm",
    source: "ASSUMPTION used when no particle size is given: 3 nm, typical of impregnated noble metals",
    isAssumption: true,
  },
  o2Pressure_bar: {
    value: 1,
    unit: "bar",
    source: "ASSUMPTION for 'O2' without --p-o2: 1 bar (the Nature 2026 Ru/rutile experiments ran in O2)",
    isAssumption: true,
  },
  airO2Fraction: {
    value: 0.2095,
    unit: "bar/bar",
    source: "O2 mole fraction of dry air (NOAA/US Standard Atmosphere 1976): p_O2 = 0.2095 bar in 1 bar air",
    isAssumption: false,
  },
  h2WaterRatio: {
    value: 1e-4,
    unit: "p(H2O)/p(H2)",
    source:
      "ASSUMPTION for 'H2' without --h2o-h2: ≈ 100 ppm water, the dew point (≈ −40 °C) of flowing 'dry' H2 in catalyst pretreatment, including the water the reduction itself releases",
    isAssumption: true,
  },
  coCo2Ratio: {
    value: 1e-4,
    unit: "p(CO2)/p(CO)",
    source: "ASSUMPTION for 'CO' without --co2-co: ≈ 100 ppm CO2 (impurity plus product of reduction)",
    isAssumption: true,
  },
  co2H2FeedRatio: {
    value: 3,
    unit: "p(H2)/p(CO2) in the feed",
    source:
      "ASSUMPTION for 'CO2/H2': H2:CO2 = 3 (methanol-synthesis stoichiometry); μ_O then follows from the reverse water-gas-shift equilibrium CO2 + H2 ⇌ CO + H2O (NIST-JANAF ΔG°)",
    isAssumption: true,
  },
  vacuumWaterRatio: {
    value: 0.1,
    unit: "p(H2O)/p(H2)",
    source:
      "ASSUMPTION for vacuum/UHV anneals: the residual gas of a baked UHV system is dominated by H2 (O'Hanlon, A User's Guide to Vacuum Technology, 3rd ed., 2003, ch. 'Residual gas'), H2O about a tenth of it; O2 is negligible, so the anneal is mildly reducing",
    isAssumption: true,
  },
  inertO2Pressure_bar: {
    value: 1e-5,
    unit: "bar",
    source: "ASSUMPTION for N2/Ar/He: 10 ppm O2 impurity (grade 5.0 gases specify ≤ 2–10 ppm O2)",
    isAssumption: true,
  },
  suboxideMinNonstoichiometry: {
    value: 1e-3,
    unit: "x in MO(n−x)",
    source:
      "ASSUMPTION: the support counts as reduced (suboxide available to migrate) when its equilibrium oxygen deficit x reaches 10⁻³ per formula unit (0.1 % reduced cations, the level at which reduced cations are routinely detected by EPR/XPS); sensitivity 10⁻⁴–10⁻² reported in the tests",
    isAssumption: true,
  },
  huttigFraction: {
    value: 0.3,
    unit: "T/T_melt",
    source:
      "Hüttig temperature 0.3 T_m: onset of mobility of surface/defect species (Moulijn, van Diepen, Kapteijn, Appl. Catal. A 212, 3 (2001)); checked against the model-surface onsets in the science notes (TiOx over Pd/TiO2(110) above 600 K; FeO on Pt/Fe3O4 at 500 K after mild redox)",
    isAssumption: false,
  },
  tammannFraction: {
    value: 0.5,
    unit: "T/T_melt",
    source:
      "Tammann temperature 0.5 T_m: onset of lattice (bulk) mobility (Moulijn et al., Appl. Catal. A 212, 3 (2001)); used for a stoichiometric (fully oxidised) support creeping over the metal",
    isAssumption: false,
  },
  interfaceStructuralEnergy_J_per_m2: {
    value: 0,
    unit: "J/m²",
    source:
      "ASSUMPTION: the structural (misfit) part of the metal/overlayer interface energy, γ_struct, set to 0 (a thin overlayer adapts to the metal); Miedema & den Broeder (1979) add it to the chemical term; sensitivity 0–0.5 J/m² in the tests",
    isAssumption: true,
  },
  emsiMinElectronegativityDifference: {
    value: 1.0,
    unit: "Pauling units",
    source:
      "ASSUMPTION: electron transfer large enough to count as EMSI when |χ(metal) − χ(support cation)| ≥ 1.0 (≈ 22 % ionic character by Pauling's 1 − exp(−Δχ²/4)), with a support cation that has a lower oxidation state to accept electrons; sensitivity 0.8–1.1 in the tests",
    isAssumption: true,
  },
  cmsiMaxSize_nm: {
    value: 1,
    unit: "nm",
    source:
      "sub-nanometre: below 1 nm nearly every atom of a cluster is at its surface or interface (dispersion ≈ 1, Van Hardeveld & Hartog, Surf. Sci. 15, 189 (1969)); such clusters and single atoms bond covalently to the support (CMSI, the review's taxonomy)",
    isAssumption: false,
  },
  dBandShiftBP_eV: {
    value: -0.3,
    unit: "eV",
    source:
      "ASSUMPTION: d-band centre shift of a metal oxidised from the interface up (O in the lattice, RuO2 at the interface), of the order of ligand/strain shifts 0.1–0.5 eV (Hammer & Nørskov 2000); the sign is the review's (d-band down, CO weaker); verify per system",
    isAssumption: true,
  },
  coBindingSlope: {
    value: 0.4,
    unit: "eV/eV",
    source:
      "ASSUMPTION: ΔE_ads(CO) ≈ slope × Δε_d with slope 0.3–0.5 across late transition metals (science notes §6, after Hammer & Nørskov, Adv. Catal. 45, 71 (2000))",
    isAssumption: true,
  },
} as const satisfies Record<string, Omit<NamedAssumption, "name">>;

export type PredictParameterName = keyof typeof PREDICT_PARAMETERS;
export type PredictParameters = Record<PredictParameterName, number>;

let defaults: PredictParameters | null = null;

/** Parameter values with overrides applied; unknown names or non-finite values are refused. */
export function predictParameters(
  overrides: Record<string, number> = {},
  field = "--set",
): PredictParameters {
  const none = Object.keys(overrides).length === 0;
  if (none && defaults) return defaults;
  const out = {} as PredictParameters;
  for (const [k, v] of Object.entries(PREDICT_PARAMETERS)) out[k as PredictParameterName] = v.value;
  for (const [k, v] of Object.entries(overrides)) {
    if (!(k in PREDICT_PARAMETERS))
      throw new InputError(
        field,
        `unknown parameter "${k}"; known: ${Object.keys(PREDICT_PARAMETERS).join(", ")}`,
      );
    if (!Number.isFinite(v)) throw new InputError(field, `${k} must be a finite number (got ${v})`);
    out[k as PredictParameterName] = v;
  }
  if (none) defaults = Object.freeze(out) as PredictParameters;
  return out;
}

const assumptionCache = new Map<string, NamedAssumption[]>();

/** The parameters as reported assumptions (with the values in force); cached for the defaults. */
export function parameterAssumptions(p: PredictParameters, names: PredictParameterName[]): NamedAssumption[] {
  const make = () => names.map((name) => ({ ...PREDICT_PARAMETERS[name], name, value: p[name] }));
  if (p !== defaults) return make();
  const key = names.join(",");
  let hit = assumptionCache.get(key);
  if (!hit) {
    hit = make();
    assumptionCache.set(key, hit);
  }
  return hit;
}

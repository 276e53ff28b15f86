/**
 * SE chain, descriptor 2: mobility of the species that would cover the metal. A reduced suboxide
 * (defect-rich, low-coordinated) moves above its Hüttig temperature 0.3 T_m; a stoichiometric support
 * creeping over the metal in an oxidising gas needs lattice mobility, the Tammann temperature 0.5 T_m
 * (Moulijn et al., Appl. Catal. A 212, 3 (2001)). Check on the model-surface onsets of the science
 * notes: Ti2O3 (T_m 2115 K) → 635 K vs TiOx over Pd/TiO2(110) above 600 K and Tauster's 773 K;
 * FeO (1650 K) → 495 K vs FeO on Pt/Fe3O4 at 500 K.
 */
import { descriptorData, type PredictParameters } from "./data.js";
import type { RationaleRow } from "./types.js";
import { MARGIN_WIDTH, UNKNOWN_WEIGHT, weightOf } from "./weight.js";

export function onsetTemperature(phase: string, fraction: number): number | null {
  const tm = descriptorData().meltingPoint_K.values[phase];
  return tm === undefined ? null : fraction * tm;
}

export function mobilityDescriptor(
  species: string | null,
  T_K: number,
  kind: "suboxide" | "stoichiometric",
  p: PredictParameters,
): RationaleRow {
  const fraction = kind === "suboxide" ? p.huttigFraction : p.tammannFraction;
  const name = kind === "suboxide" ? "Hüttig" : "Tammann";
  const onset = species ? onsetTemperature(species, fraction) : null;
  const descriptor = `mobility of ${species ?? "the overlayer species"} (${kind}): T − ${name} temperature`;
  if (onset === null)
    return {
      descriptor,
      value: null,
      unit: "K",
      threshold: `T ≥ ${fraction} T_m`,
      source: `no melting point for ${species ?? "an unknown species"} in data/predict/descriptors.json`,
      verdict: "unknown",
      chain: "SE",
      weight: UNKNOWN_WEIGHT,
    };
  const margin = T_K - onset;
  return {
    descriptor,
    value: margin,
    unit: "K",
    threshold: `T ≥ ${name} ${onset.toFixed(0)} K = ${fraction} × T_m(${species})`,
    source: `${name} temperature (Moulijn et al. 2001); T_m: ${descriptorData().meltingPoint_K.source}`,
    verdict: margin >= 0 ? "met" : "not-met",
    chain: "SE",
    weight: weightOf(margin, MARGIN_WIDTH.temperature_K),
  };
}

/**
 * SE chain, descriptor 1: support reducibility under the treatment — the equilibrium oxygen deficit
 * x of MO(n−x) at the treatment's (T, μ_O) from defect thermodynamics (contract B,
 * `oxygenNonstoichiometry`), compared with the deficit at which suboxide is available
 * (`suboxideMinNonstoichiometry`). Supports that do not reduce (Al2O3, SiO2, MgO) supply no suboxide
 * (science notes §5).
 */
import type { PredictParameters } from "./data.js";
import type { Nonstoichiometry } from "./physics-inputs.js";
import type { RationaleRow } from "./types.js";
import { MARGIN_WIDTH, UNKNOWN_WEIGHT, weightOf } from "./weight.js";

export function reducibilityDescriptor(ns: Nonstoichiometry | null, p: PredictParameters): RationaleRow {
  const threshold = `x ≥ ${p.suboxideMinNonstoichiometry} (suboxideMinNonstoichiometry)`;
  if (!ns)
    return {
      descriptor: "support reduction under the treatment, x in MO(n−x)",
      value: null,
      unit: "O per formula unit",
      threshold,
      source: "defect thermodynamics (contract B): no thermochemical data for this support",
      verdict: "unknown",
      chain: "SE",
      weight: UNKNOWN_WEIGHT,
    };
  const margin = Math.log10(Math.max(ns.x, 1e-300) / p.suboxideMinNonstoichiometry);
  return {
    descriptor: "support reduction under the treatment, x in MO(n−x)",
    value: ns.x,
    unit: "O per formula unit",
    threshold: `${threshold}; lower phase ${ns.lowerOxide ?? "none"}, x ≤ ${ns.xMax}`,
    source: `defect thermodynamics (contract B): ${ns.source}`,
    verdict: margin >= 0 ? "met" : "not-met",
    chain: "SE",
    weight: weightOf(margin, MARGIN_WIDTH.decades),
  };
}

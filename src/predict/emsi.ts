/**
 * EMSI descriptor: electron transfer across the interface without mass migration (moderate, not
 * strict). Its size is judged from the electronegativity difference of the metal and the support
 * cation (Pauling), and it needs a cation with a lower oxidation state to take or give electrons
 * (Ce4+/Ce3+, Ti4+/Ti3+; Campbell, Nat. Chem. 4, 597 (2012); Lykhach et al., Nat. Mater. 15, 284
 * (2016)). The work-function difference is reported alongside (direction of the transfer).
 */
import { descriptorData, type PredictParameters } from "./data.js";
import type { RationaleRow } from "./types.js";
import { MARGIN_WIDTH, UNKNOWN_WEIGHT, weightOf } from "./weight.js";

/** Whether the support cation has a lower oxidation state (its reduced phase is an oxide, not the metal). */
export function cationReducible(supportFormula: string | null): boolean | null {
  if (!supportFormula) return null;
  const lower = descriptorData().lowerPhase.values[supportFormula];
  if (lower === undefined) return null;
  return /O/.test(lower);
}

export function emsiDescriptors(
  metal: string,
  cation: string | null,
  supportFormula: string | null,
  p: PredictParameters,
): RationaleRow[] {
  const d = descriptorData();
  const chiM = d.paulingElectronegativity.values[metal];
  const chiC = cation ? d.paulingElectronegativity.values[cation] : undefined;
  const red = cationReducible(supportFormula);
  const dchi = chiM !== undefined && chiC !== undefined ? chiM - chiC : null;
  const phi = d.metalSurface.values[metal]?.workFunction_eV;
  return [
    {
      descriptor: `charge transfer: electronegativity difference χ(${metal}) − χ(${cation ?? "?"})`,
      value: dchi,
      unit: "Pauling units",
      threshold: `|Δχ| ≥ ${p.emsiMinElectronegativityDifference} (emsiMinElectronegativityDifference)${phi !== undefined ? `; metal work function ${phi} eV (Michaelson 1977)` : ""}`,
      source: d.paulingElectronegativity.source,
      verdict:
        dchi === null
          ? "unknown"
          : Math.abs(dchi) >= p.emsiMinElectronegativityDifference
            ? "met"
            : "not-met",
      chain: "EMSI",
      weight:
        dchi === null
          ? UNKNOWN_WEIGHT
          : weightOf(Math.abs(dchi) - p.emsiMinElectronegativityDifference, MARGIN_WIDTH.electronegativity),
    },
    {
      descriptor: "support cation with a lower oxidation state (electron acceptor/donor)",
      value: red === null ? null : red ? "yes" : "no",
      unit: "yes/no",
      threshold: "yes",
      source: d.lowerPhase.source,
      verdict: red === null ? "unknown" : red ? "met" : "not-met",
      chain: "EMSI",
      weight: red === null ? UNKNOWN_WEIGHT : red ? 0.95 : 0.05,
    },
  ];
}

/**
 * BP chain, descriptor 3: the interface gate (contract A). BP-SMSI needs an epitaxial (coherent or
 * semi-coherent) interface between the support and the metal or the oxide that grows from it — the
 * review's premise ("interface lattice matching"), Ru/rutile on, Ru/anatase off (Wang et al., Nature 2026).
 */
import type { GateVerdict, InterfaceGateResult } from "./physics-inputs.js";
import type { RationaleRow } from "./types.js";
import { UNKNOWN_WEIGHT } from "./weight.js";

/** Weight of a gate verdict in the BP chain (coherent opens, semi-coherent mostly, incoherent closes). */
export const GATE_WEIGHT: Record<GateVerdict, number> = {
  coherent: 0.95,
  "semi-coherent": 0.8,
  incoherent: 0.02,
};

const RANK: Record<GateVerdict, number> = { coherent: 0, "semi-coherent": 1, incoherent: 2 };

/** The better of the metal/support and metal-oxide/support verdicts, with its strain. */
export function bestGate(g: InterfaceGateResult): { verdict: GateVerdict; strain: number; which: string } {
  const m = {
    verdict: g.chosen.verdict,
    strain: g.chosen.strain,
    which: `${g.metal} ${g.chosen.filmPlane} on ${g.support} ${g.chosen.substratePlane}`,
  };
  if (!g.oxide) return m;
  const o = g.oxide.chosen;
  const ox = {
    verdict: o.verdict,
    strain: o.strain,
    which: `${g.oxide.formula} ${o.filmPlane} on ${g.support} ${o.substratePlane}`,
  };
  return RANK[ox.verdict] < RANK[m.verdict] ? ox : m;
}

export function gateDescriptor(g: InterfaceGateResult | null): RationaleRow {
  if (!g)
    return {
      descriptor: "interface gate (epitaxy of metal or its oxide on the support)",
      value: null,
      unit: "verdict",
      threshold: "coherent or semi-coherent",
      source: "contract A interface gate (no bundled structure for this pair)",
      verdict: "unknown",
      chain: "BP",
      weight: UNKNOWN_WEIGHT,
    };
  const b = bestGate(g);
  return {
    descriptor: "interface gate (epitaxy of metal or its oxide on the support)",
    value: `${b.verdict} (${b.which}, strain ${(100 * b.strain).toFixed(1)} %)`,
    unit: "verdict",
    threshold: "coherent or semi-coherent",
    source: `interface gate (contract A): ${Object.entries(g.thresholds)
      .map(([k, v]) => `${k} = ${v.value}`)
      .join(", ")}; premise from the review and Wang et al., Nature 2026`,
    verdict: b.verdict === "incoherent" ? "not-met" : "met",
    chain: "BP",
    weight: GATE_WEIGHT[b.verdict],
  };
}

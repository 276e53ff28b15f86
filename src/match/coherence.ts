/**
 * Coherence verdict for a film/substrate interface: coherent | semi-coherent | incoherent.
 *
 * The Zur–McGill search tolerance (3 % by default) caps the strain of every accepted match, so the
 * strain of a coincidence match says little about coherence. The verdict therefore judges the misfit
 * of the low-index cells directly — the 1:1 correspondence of the film's and the substrate's
 * primitive surface cells — and uses the size of the smallest coincidence cell only as a labelled,
 * overridable assumption. Sources and rationale: docs/match.md ("Coherence verdict").
 */
import type { Vec3 } from "../crystal/vector.js";
import { matchStrain } from "./strain.js";

/**
 * Largest 1:1 primitive-cell misfit of a coherent interface (0.05). Source: Porter, Easterling &
 * Sherif, Phase Transformations in Metals and Alloys, 3rd ed. (CRC, 2009), §3.4.1 — coherent
 * interfaces for small misfit δ ≲ 0.05; larger misfits are relieved by misfit dislocations.
 */
export const COHERENT_MAX_MISFIT = 0.05;

/**
 * Largest 1:1 primitive-cell misfit of a semi-coherent interface (0.12). Source: Bramfitt, Metall.
 * Trans. 1, 1987 (1970), doi:10.1007/BF02642799 — planar disregistry < 6 % very effective, 6–12 %
 * moderately effective, > 12 % ineffective heterogeneous nucleation substrate. A nucleation-potency
 * criterion used as a proxy for a dislocation-accommodated lattice relation; Porter & Easterling's
 * looser structural bound δ ≈ 0.25 is the alternative (override with `semicoherentMaxMisfit`).
 */
export const SEMICOHERENT_MAX_MISFIT = 0.12;

/**
 * ASSUMPTION (no literature value): a coincidence match found by the search whose cell holds at
 * most this many primitive surface cells of the film and of the substrate is a commensurate
 * superstructure and counts as semi-coherent even when the 1:1 misfit is larger. Overridable.
 */
export const COINCIDENCE_MAX_CELLS = 2;

/**
 * ASSUMPTION: the 1:1 cell misfit is judged only for low-index planes, |h|, |k|, |l| ≤ 1 on both
 * sides (the dense planes on which pseudomorphic growth is reported). High-index cells are large,
 * so among many of them a 1:1 agreement within a few % happens by accident. Overridable.
 */
export const LOW_INDEX_MAX = 1;

export type CoherenceVerdict = "coherent" | "semi-coherent" | "incoherent";

export interface CoherenceThresholds {
  coherentMaxMisfit: number;
  semicoherentMaxMisfit: number;
  coincidenceMaxCells: number;
  lowIndexMax: number;
}

export const DEFAULT_COHERENCE_THRESHOLDS: Readonly<CoherenceThresholds> = Object.freeze({
  coherentMaxMisfit: COHERENT_MAX_MISFIT,
  semicoherentMaxMisfit: SEMICOHERENT_MAX_MISFIT,
  coincidenceMaxCells: COINCIDENCE_MAX_CELLS,
  lowIndexMax: LOW_INDEX_MAX,
});

export const VERDICT_RANK: Record<CoherenceVerdict, number> = {
  coherent: 0,
  "semi-coherent": 1,
  incoherent: 2,
};

/**
 * Misfit of the 1:1 correspondence of two primitive surface cells (reduced bases): the smaller, over
 * both orderings of the substrate vectors, of the largest principal linear misfit |λ − 1| of the
 * in-plane deformation film → substrate.
 */
export function lowIndexMisfit(film: [Vec3, Vec3], substrate: [Vec3, Vec3]): number {
  let best = Number.POSITIVE_INFINITY;
  for (const s of [substrate, [substrate[1], substrate[0]] as [Vec3, Vec3]]) {
    const m = matchStrain(film, s).principalMisfits;
    best = Math.min(best, Math.max(Math.abs(m[0]), Math.abs(m[1])));
  }
  return best;
}

export interface PairCoherenceInput {
  /** 1:1 primitive-cell misfit (`lowIndexMisfit`). */
  lowIndexMisfit: number;
  /** Smallest coincidence match found, in primitive surface cells (film, substrate); null if none. */
  smallestMatchCells: { film: number; substrate: number; area: number } | null;
  /** Largest |index| of the film and substrate planes. */
  maxMillerIndex: number;
}

export interface PairCoherence {
  verdict: CoherenceVerdict;
  reasons: string[];
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/** Verdict for one (film plane, substrate plane) pair. */
export function judgePair(input: PairCoherenceInput, t: CoherenceThresholds): PairCoherence {
  const d = input.lowIndexMisfit;
  const m = input.smallestMatchCells;
  const lowIndex = input.maxMillerIndex <= t.lowIndexMax;
  if (lowIndex && d <= t.coherentMaxMisfit)
    return {
      verdict: "coherent",
      reasons: [
        `1:1 primitive surface cells misfit ${pct(d)} ≤ ${pct(t.coherentMaxMisfit)} (coherent-interface limit, Porter & Easterling)`,
      ],
    };
  if (lowIndex && d <= t.semicoherentMaxMisfit)
    return {
      verdict: "semi-coherent",
      reasons: [
        `1:1 primitive surface cells misfit ${pct(d)} is above the coherent limit ${pct(t.coherentMaxMisfit)} but ≤ ${pct(t.semicoherentMaxMisfit)} (Bramfitt disregistry bound): misfit dislocations expected`,
      ],
    };
  const reasons = lowIndex
    ? [`1:1 primitive surface cells misfit ${pct(d)} > ${pct(t.semicoherentMaxMisfit)}`]
    : [
        `not low-index planes (an index above ${t.lowIndexMax}, assumption): the 1:1 cell misfit (${pct(d)}) is not used`,
      ];
  if (m && m.film <= t.coincidenceMaxCells + 1e-6 && m.substrate <= t.coincidenceMaxCells + 1e-6) {
    reasons.push(
      `but a coincidence cell of ${m.area.toFixed(1)} Å² spans only ${m.film.toFixed(2)} film and ${m.substrate.toFixed(2)} substrate primitive cells (≤ ${t.coincidenceMaxCells}, assumption): commensurate superstructure`,
    );
    return { verdict: "semi-coherent", reasons };
  }
  if (m)
    reasons.push(
      `smallest coincidence cell ${m.area.toFixed(1)} Å² = ${m.film.toFixed(2)} film / ${m.substrate.toFixed(2)} substrate primitive cells (> ${t.coincidenceMaxCells}, assumption)`,
    );
  else reasons.push("no coincidence match within the search limits");
  return { verdict: "incoherent", reasons };
}

/**
 * ADAPTER (contract: /work/briefs/contracts.md, "Adapter modules for consumers"): the two BP-SMSI premises
 * the classifier checks where the evidence names the phases — a lattice-matched interface and the oxygen
 * chemical-potential step — implemented on today's `src/match` coherence verdict and `src/thermo`
 * equilibria. At merge the lead re-points these two functions at `interfaceGate` (src/match/gate.ts) and
 * `oxygenRoutes` (src/thermo/routes.ts); nothing else in classify calls match or thermo.
 */
import { getMaterial } from "../materials/library.js";
import { matchInterfaces } from "../match/match.js";
import { drivingForce, phasesOfMetal, reductionReaction } from "../thermo/equilibria.js";
import type { Atmosphere } from "../thermo/oxygen-potential.js";

export type GateVerdict = "coherent" | "semi-coherent" | "incoherent";

/** Largest Miller index searched for the verdict (the dense low-index planes; see src/match/coherence.ts). */
export const PREMISE_MAX_MILLER_INDEX = 1;

const coherenceCache = new Map<string, GateVerdict | null>();

/**
 * Coherence of the interface of `metal` (a materials id: "Ru", or an oxide "RuO2") on `support` (a
 * materials id: "TiO2-rutile"); null when either phase is unknown or the match cannot be made.
 * ADAPTER: today's verdict is the best low-index plane pair of `smsi match` (review item 12 notes it admits
 * non-dense pyramidal planes); the interface gate replaces it at merge.
 */
export function interfaceCoherence(metal: string, support: string): GateVerdict | null {
  const key = `${metal}|${support}`;
  if (coherenceCache.has(key)) return coherenceCache.get(key) ?? null;
  let verdict: GateVerdict | null = null;
  try {
    const film = getMaterial(metal);
    const substrate = getMaterial(support);
    verdict = matchInterfaces(
      { id: film.entry.id, structure: film.structure },
      { id: substrate.entry.id, structure: substrate.structure },
      { maxIndex: PREMISE_MAX_MILLER_INDEX },
    ).coherence.verdict;
  } catch {
    verdict = null;
  }
  coherenceCache.set(key, verdict);
  return verdict;
}

export interface OxygenStep {
  /** The metal's oxidation is favourable in this gas (the O has somewhere to go). */
  downhill: boolean;
  /** Δμ_O(gas) − Δμ_O(M/MOx equilibrium), eV per O. */
  drivingForce_eV: number;
  /** ADAPTER: added fields — the oxide and the equilibrium used. */
  oxide: string;
  equation: string;
}

/**
 * The oxygen chemical-potential step that BP-SMSI needs: is the metal's oxidation downhill at T in the
 * atmosphere? null when the metal has no sourced oxide (Pt, Au) or the data do not cover T.
 * ADAPTER: today the step is gas Δμ_O minus the metal/lowest-oxide equilibrium (src/thermo/equilibria.ts);
 * `support` is not used yet — the routes model (support lattice → interface → metal) replaces it at merge.
 */
export function oxygenStep(
  metal: string,
  _support: string,
  T: number,
  atmosphere: Atmosphere,
): OxygenStep | null {
  try {
    const oxides = phasesOfMetal(metal).filter((p) => p.nO > 0);
    if (!oxides.length) return null;
    const lowest = oxides[0];
    const rx = reductionReaction(lowest.formula, lowest.phase);
    const d = drivingForce(rx, T, atmosphere);
    if (!Number.isFinite(d)) return null;
    return { downhill: d > 0, drivingForce_eV: d, oxide: lowest.formula, equation: rx.equation };
  } catch {
    return null;
  }
}

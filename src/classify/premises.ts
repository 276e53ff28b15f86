/**
 * The two BP-SMSI premises the classifier checks where the evidence names the phases — a
 * lattice-matched interface (src/match/gate.ts, the support's dominant facets against the film's
 * dense planes) and the oxygen chemical-potential step (src/thermo equilibria: is the metal's
 * oxidation downhill in the gas). Nothing else in classify calls match or thermo.
 */
import { getMaterial } from "../materials/library.js";
import { interfaceGate } from "../match/gate.js";
import { drivingForce, phasesOfMetal, reductionReaction } from "../thermo/equilibria.js";
import type { Atmosphere } from "../thermo/oxygen-potential.js";
import { InputError } from "../units/errors.js";

export type GateVerdict = "coherent" | "semi-coherent" | "incoherent";

/**
 * Coherence of the interface of `metal` (a materials id: "Ru", or an oxide "RuO2") on `support` (a
 * materials id: "TiO2-rutile"), from the interface gate; null when either phase is unknown or has no
 * interface-plane data.
 */
export function interfaceCoherence(metal: string, support: string): GateVerdict | null {
  try {
    getMaterial(metal);
    getMaterial(support);
    return interfaceGate(metal, support).chosen.verdict;
  } catch (e) {
    if (e instanceof InputError) return null;
    throw e;
  }
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

/**
 * Metal/oxide and oxide/lower-oxide equilibria from the Ellingham data:
 *
 *   lower + O2 → higher   (per mol O2; "lower" is the oxide's neighbour on the lower convex hull of
 *                          ΔG°_f per metal atom against O/M at T — the phase it actually reduces to)
 *   ΔG°(T) = ΔG°_f(higher)·ν_h − ΔG°_f(lower)·ν_l
 *   p_O2,eq(T) = p° exp(ΔG°/RT)          Δμ_O,eq = Δμ_O(T, p°) + ΔG°/(2 N_A e)
 *
 * The higher phase is stable when the gas μ_O exceeds μ_O,eq. The driving force reported is
 * Δμ_O(gas) − Δμ_O,eq in eV per O atom (positive: oxide stable / forms; negative: it decomposes).
 * Stable phase of the M–O system at (T, atmosphere): the phase minimising
 * Ω = [ΔG°_f − b·(Δμ_O − Δμ_O(T,p°))] / a per metal atom (the metal has Ω = 0).
 */
import { GAS_CONSTANT_J_PER_MOL_K, KJ_PER_MOL_PER_EV } from "../units/constants.js";
import { InputError } from "../units/errors.js";
import type { Bar, ElectronVolt, Kelvin } from "../units/quantities.js";
import {
  assertThermoTemperature,
  formationGibbs,
  type OxideThermo,
  oxideThermo,
  parseOxideFormula,
  resolveOxide,
  setThermoOverrides,
  thermoFormulas,
} from "./ellingham.js";
import { DataCache } from "./data-file.js";
import { type Atmosphere, deltaMuOStandard, oxygenPotential, P_STANDARD_BAR } from "./oxygen-potential.js";

export { setThermoOverrides };

/** A phase of the M–O system: the metal (nO = 0) or one oxide. */
export interface MOPhase {
  formula: string;
  phase: string;
  nMetal: number;
  nO: number;
  thermo: OxideThermo | null;
}

/** Formation ΔG per formula unit (kJ/mol); 0 for the metal. */
function gf(p: MOPhase, T: Kelvin): { g: number; extrapolated: boolean; cp: boolean } {
  if (!p.thermo) return { g: 0, extrapolated: false, cp: true };
  const f = formationGibbs(p.thermo, T);
  return { g: f.dG_kJ_per_mol_oxide, extrapolated: f.extrapolated, cp: f.cpIncluded };
}

const phaseCache = new DataCache<MOPhase[]>();

/**
 * The metal and every oxide of it with usable data (one per formula: the first phase with data). With T,
 * phases that exist only above some temperature (wüstite FeO above 843 K) are left out below it.
 */
export function phasesOfMetal(metal: string, T?: Kelvin): MOPhase[] {
  let all = phaseCache.get(metal);
  if (!all) {
    const formulas = thermoFormulas();
    all = [{ formula: metal, phase: "metal", nMetal: 1, nO: 0, thermo: null }];
    for (const f of formulas) {
      const p = parseOxideFormula(f);
      if (!p || p.metal !== metal) continue;
      try {
        const th = oxideThermo(f);
        all.push({ formula: f, phase: th.phase, nMetal: p.nMetal, nO: p.nO, thermo: th });
      } catch {
        // unsourced oxide: left out of the M–O system (listed by `bundledOxides` with the reason)
      }
    }
    all.sort((a, b) => a.nO / a.nMetal - b.nO / b.nMetal);
    phaseCache.set(metal, all);
  }
  if (T === undefined) return all;
  return all.filter((p) => p.thermo?.stableAbove_K === undefined || T >= p.thermo.stableAbove_K);
}

export interface Reaction {
  higher: MOPhase;
  lower: MOPhase;
  /** Coefficients per mol O2: ν_l lower + O2 → ν_h higher. */
  nuLower: number;
  nuHigher: number;
  equation: string;
}

function coef(x: number): string {
  const r = Math.round(x * 1000) / 1000;
  return r === 1 ? "" : `${r} `;
}

/**
 * The reduction partner of an oxide at T: its lower neighbour on the convex hull of ΔG°_f per metal atom
 * against O/M, i.e. among the phases poorer in O the one whose chord to the oxide is steepest (the
 * reduction equilibrium at the highest μ_O). A phase above the hull (Ti2O3 next to TiO2 when the Magnéli
 * Ti4O7 lies lower) is never chosen. T defaults to 298.15 K.
 */
export function reductionReaction(
  oxide: string,
  phase?: string,
  field = "oxide",
  T: Kelvin = 298.15,
): Reaction {
  const th = oxideThermo(oxide, phase, field);
  const all = phasesOfMetal(th.metal, T);
  const higher: MOPhase = {
    formula: th.formula,
    phase: th.phase,
    nMetal: th.nMetal,
    nO: th.nO,
    thermo: th,
  };
  const r = th.nO / th.nMetal;
  const gHigher = gf(higher, T).g / th.nMetal;
  let lower = all[0];
  let bestSlope = Number.NEGATIVE_INFINITY;
  for (const p of all) {
    const rp = p.nO / p.nMetal;
    if (rp >= r - 1e-9) continue;
    const slope = (gHigher - gf(p, T).g / p.nMetal) / (r - rp);
    if (slope > bestSlope) {
      bestSlope = slope;
      lower = p;
    }
  }
  const rl = lower.nO / lower.nMetal;
  const k = 2 / (r - rl); // metal atoms per mol O2
  const nuHigher = k / th.nMetal;
  const nuLower = k / lower.nMetal;
  return {
    higher,
    lower,
    nuLower,
    nuHigher,
    equation: `${coef(nuLower)}${lower.formula} + O2 ⇌ ${coef(nuHigher)}${th.formula}`,
  };
}

/** ΔG°(T) of the reaction lower + O2 → higher, kJ per mol O2. */
export function reactionGibbs(
  rx: Reaction,
  T: Kelvin,
): { dG_kJ_per_mol_O2: number; extrapolated: boolean; cpIncluded: boolean } {
  const h = gf(rx.higher, T);
  const l = gf(rx.lower, T);
  return {
    dG_kJ_per_mol_O2: rx.nuHigher * h.g - rx.nuLower * l.g,
    extrapolated: h.extrapolated || l.extrapolated,
    cpIncluded: h.cp && l.cp,
  };
}

/** Equilibrium O2 pressure (bar) of the reaction at T. */
export function equilibriumPO2(rx: Reaction, T: Kelvin): Bar {
  assertThermoTemperature(T);
  const dG = reactionGibbs(rx, T).dG_kJ_per_mol_O2;
  return P_STANDARD_BAR * Math.exp((dG * 1000) / (GAS_CONSTANT_J_PER_MOL_K * T));
}

/** Equilibrium Δμ_O (eV per O atom) of the reaction at T. */
export function equilibriumDeltaMuO(rx: Reaction, T: Kelvin): ElectronVolt {
  assertThermoTemperature(T);
  return deltaMuOStandard(T) + reactionGibbs(rx, T).dG_kJ_per_mol_O2 / 2 / KJ_PER_MOL_PER_EV;
}

/** Driving force (eV/O) for oxide formation: Δμ_O(gas) − Δμ_O,eq. */
export function drivingForce(rx: Reaction, T: Kelvin, atmosphere: Atmosphere): ElectronVolt {
  return oxygenPotential(T, atmosphere).deltaMuO_eV - equilibriumDeltaMuO(rx, T);
}

/**
 * Temperature (K) at which the higher phase decomposes (driving force crosses zero) in the
 * atmosphere, searched by bisection on [tMin, tMax]; null when no crossing lies in the range.
 */
export function decompositionTemperature(
  rx: Reaction,
  atmosphere: Atmosphere,
  tMin: Kelvin = 298.15,
  tMax: Kelvin = 3000,
): Kelvin | null {
  const f = (T: number) => drivingForce(rx, T, atmosphere);
  let lo = tMin;
  let hi = tMax;
  let flo = f(lo);
  const fhi = f(hi);
  if (flo === 0) return lo;
  if (Math.sign(flo) === Math.sign(fhi)) {
    // scan for a crossing (the function is smooth; a coarse scan finds a bracket if there is one)
    const n = 200;
    let prevT = lo;
    let prevF = flo;
    let found = false;
    for (let i = 1; i <= n; i++) {
      const T = tMin + ((tMax - tMin) * i) / n;
      const fT = f(T);
      if (Math.sign(fT) !== Math.sign(prevF)) {
        lo = prevT;
        hi = T;
        flo = prevF;
        found = true;
        break;
      }
      prevT = T;
      prevF = fT;
    }
    if (!found) return null;
  }
  for (let i = 0; i < 100 && hi - lo > 1e-6; i++) {
    const mid = 0.5 * (lo + hi);
    const fm = f(mid);
    if (Math.sign(fm) === Math.sign(flo)) {
      lo = mid;
      flo = fm;
    } else {
      hi = mid;
    }
  }
  return 0.5 * (lo + hi);
}

/** The stable phase of the metal's M–O system at T in the atmosphere. */
export function stablePhase(metal: string, T: Kelvin, atmosphere: Atmosphere): MOPhase {
  const dmu = oxygenPotential(T, atmosphere).deltaMuO_eV - deltaMuOStandard(T); // eV per O, vs p°
  const muKJ = dmu * KJ_PER_MOL_PER_EV;
  let best: MOPhase | undefined;
  let bestOmega = Number.POSITIVE_INFINITY;
  for (const p of phasesOfMetal(metal, T)) {
    const omega = (gf(p, T).g - p.nO * muKJ) / p.nMetal;
    if (omega < bestOmega - 1e-12) {
      best = p;
      bestOmega = omega;
    }
  }
  if (!best) throw new InputError("metal", `no phases known for ${metal}`);
  return best;
}

export interface StabilityResult {
  oxide: string;
  phase: string;
  reaction: string;
  reducedPhase: string;
  temperature_K: Kelvin;
  deltaMuO_eV: ElectronVolt;
  pO2_bar: Bar;
  stablePhase: string;
  equilibriumPO2_bar: Bar;
  equilibriumDeltaMuO_eV: ElectronVolt;
  /** Where the oxide decomposes in this atmosphere (K); null when no crossing in 298–3000 K. */
  decompositionTemperature_K: Kelvin | null;
  /** Δμ_O(gas) − Δμ_O,eq, eV per O: > 0 the oxide is stable against reduction. */
  drivingForce_eV: ElectronVolt;
  reactionGibbs_kJ_per_mol_O2: number;
  cpIncluded: boolean;
  sources: string[];
  assumptions: string[];
  notes: string[];
}

/** Stability of an oxide (id or formula) at T in an atmosphere. */
export function oxideStability(oxide: string, T: Kelvin, atmosphere: Atmosphere): StabilityResult {
  assertThermoTemperature(T);
  const { formula, phase } = resolveOxide(oxide);
  const rx = reductionReaction(formula, phase, "oxide", T);
  const gas = oxygenPotential(T, atmosphere);
  const eq = equilibriumDeltaMuO(rx, T);
  const g = reactionGibbs(rx, T);
  const notes = [...gas.notes];
  if (g.extrapolated) notes.push("thermochemical data extrapolated beyond their tabulated range at this T");
  const assumptions = [...(rx.higher.thermo?.assumptions ?? []), ...(rx.lower.thermo?.assumptions ?? [])];
  const sources = [...(rx.higher.thermo?.sources ?? []), ...(rx.lower.thermo?.sources ?? [])];
  return {
    oxide: formula,
    phase: rx.higher.phase,
    reaction: rx.equation,
    reducedPhase: rx.lower.formula,
    temperature_K: T,
    deltaMuO_eV: gas.deltaMuO_eV,
    pO2_bar: gas.pO2_bar,
    stablePhase: stablePhase(rx.higher.thermo?.metal ?? formula, T, atmosphere).formula,
    equilibriumPO2_bar: equilibriumPO2(rx, T),
    equilibriumDeltaMuO_eV: eq,
    decompositionTemperature_K: decompositionTemperature(rx, atmosphere),
    drivingForce_eV: gas.deltaMuO_eV - eq,
    reactionGibbs_kJ_per_mol_O2: g.dG_kJ_per_mol_O2,
    cpIncluded: g.cpIncluded,
    sources: [...new Set(sources)],
    assumptions: [...new Set(assumptions)],
    notes,
  };
}

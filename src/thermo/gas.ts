/**
 * Shomate thermochemistry (NIST Chemistry WebBook, data of Chase, NIST-JANAF 1998) for gases
 * (O2, H2, H2O, CO, CO2) and the few solids with sourced Shomate sets (Cu, CuO), read from
 * data/thermo/shomate.json. Standard pressure of the Shomate tables: 1 bar.
 *
 *   Cp = A + B t + C t² + D t³ + E/t²                                  J/(mol K)
 *   H − H298 = A t + B t²/2 + C t³/3 + D t⁴/4 − E/t + F − H            kJ/mol
 *   S = A ln t + B t + C t²/2 + D t³/3 − E/(2t²) + G                   J/(mol K)
 *   t = T / 1000 K
 *
 * Outside the tabulated ranges the nearest set is used and the result is flagged `extrapolated`
 * (e.g. H2O gas, whose first set starts at 500 K, evaluated at 298–500 K).
 */
import { thermoDataFile } from "./data-file.js";
import type { Kelvin, KiloJoulePerMole } from "../units/quantities.js";

export interface ShomateSet {
  Tmin_K: number;
  Tmax_K: number;
  A: number;
  B: number;
  C: number;
  D: number;
  E: number;
  F: number;
  G: number;
  H: number;
}

export interface ShomateSpecies {
  formula: string;
  phase: string;
  /** Standard enthalpy of formation at 298.15 K, kJ/mol (gases only; solids take it from species-298K.json). */
  dHf298_kJ_per_mol?: number;
  /** Standard entropy at 298.15 K and 1 bar, J/(mol K). */
  S298_J_per_mol_K?: number;
  /** H(298.15 K) − H(0 K), kJ/mol (O2 only, for the Reuter–Scheffler reference). */
  H298_minus_H0_kJ_per_mol?: number;
  source: string;
  url?: string;
  /** True when the coefficients are an estimate rather than a table (e.g. Neumann–Kopp). */
  assumption?: boolean;
  /** For Neumann–Kopp estimates: the formula is the sum of these species' Shomate functions. */
  sumOf?: string[];
  sets: ShomateSet[];
}

export interface ShomateValue {
  T_K: Kelvin;
  Cp_J_per_mol_K: number;
  /** H(T) − H(298.15 K), kJ/mol. */
  dH_kJ_per_mol: KiloJoulePerMole;
  /** Absolute standard entropy at T and 1 bar, J/(mol K), from the Shomate G coefficient. */
  S_J_per_mol_K: number;
  /** True when T lies outside every tabulated range of the species. */
  extrapolated: boolean;
}

export const T_REF_K = 298.15;

export function shomateTable(): ShomateSpecies[] {
  return thermoDataFile<{ species: ShomateSpecies[] }>("shomate.json").species;
}

/** Shomate data of a species (gas phase first when no phase is given). */
export function shomateSpecies(formula: string, phase?: string): ShomateSpecies | undefined {
  const rows = shomateTable().filter((r) => r.formula === formula);
  if (phase) return rows.find((r) => r.phase.toLowerCase() === phase.toLowerCase());
  return rows[0];
}

function pickSet(sets: ShomateSet[], T: number): { set: ShomateSet; extrapolated: boolean } {
  const sorted = [...sets].sort((a, b) => a.Tmin_K - b.Tmin_K);
  for (const s of sorted) {
    if (T >= s.Tmin_K && T <= s.Tmax_K) return { set: s, extrapolated: false };
  }
  // Near 298.15 K the tables start at "298": treat 298–298.15 as in range.
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (T < first.Tmin_K) return { set: first, extrapolated: T < first.Tmin_K - 0.5 };
  return { set: last, extrapolated: true };
}

function evalSet(s: ShomateSet, T: number): { Cp: number; dH: number; S: number } {
  const t = T / 1000;
  const Cp = s.A + s.B * t + s.C * t * t + s.D * t ** 3 + s.E / (t * t);
  const dH = s.A * t + (s.B * t * t) / 2 + (s.C * t ** 3) / 3 + (s.D * t ** 4) / 4 - s.E / t + s.F - s.H;
  const S = s.A * Math.log(t) + s.B * t + (s.C * t * t) / 2 + (s.D * t ** 3) / 3 - s.E / (2 * t * t) + s.G;
  return { Cp, dH, S };
}

/** Cp, H(T) − H298 and S(T) of one species from its Shomate sets. */
export function shomateAt(species: ShomateSpecies, T: Kelvin): ShomateValue {
  if (species.sumOf && species.sumOf.length > 0) {
    let Cp = 0;
    let dH = 0;
    let S = 0;
    let extrapolated = false;
    for (const part of species.sumOf) {
      const sp = shomateTable().find((r) => `${r.formula}(${r.phase})` === part || r.formula === part);
      if (!sp) throw new Error(`shomate.json: ${species.formula} sums unknown species ${part}`);
      const v = shomateAt(sp, T);
      Cp += v.Cp_J_per_mol_K;
      dH += v.dH_kJ_per_mol;
      S += v.S_J_per_mol_K;
      extrapolated ||= v.extrapolated;
    }
    return { T_K: T, Cp_J_per_mol_K: Cp, dH_kJ_per_mol: dH, S_J_per_mol_K: S, extrapolated };
  }
  const { set, extrapolated } = pickSet(species.sets, T);
  const v = evalSet(set, T);
  return { T_K: T, Cp_J_per_mol_K: v.Cp, dH_kJ_per_mol: v.dH, S_J_per_mol_K: v.S, extrapolated };
}

/**
 * Heat-capacity increments relative to 298.15 K: [H(T) − H298] and [S(T) − S298], with
 * S298 taken from the same Shomate function so that a species' tabulated S298 can be used as anchor.
 */
export function increments(
  species: ShomateSpecies,
  T: Kelvin,
): { dH_kJ_per_mol: number; dS_J_per_mol_K: number; extrapolated: boolean } {
  const at = shomateAt(species, T);
  const ref = shomateAt(species, T_REF_K);
  return {
    dH_kJ_per_mol: at.dH_kJ_per_mol - ref.dH_kJ_per_mol,
    dS_J_per_mol_K: at.S_J_per_mol_K - ref.S_J_per_mol_K,
    extrapolated: at.extrapolated,
  };
}

/**
 * Standard Gibbs energy G°(T) − H°f,298-based reference for a gas: G = ΔHf298 + [H(T)−H298] − T·S(T),
 * in kJ/mol, with S(T) anchored on the tabulated S298 (1 bar).
 */
export function gasGibbs(formula: string, T: Kelvin): { G_kJ_per_mol: number; extrapolated: boolean } {
  const sp = shomateSpecies(formula, "gas");
  if (!sp || sp.dHf298_kJ_per_mol === undefined || sp.S298_J_per_mol_K === undefined) {
    throw new Error(`no Shomate gas data for ${formula} in data/thermo/shomate.json`);
  }
  const inc = increments(sp, T);
  const S = sp.S298_J_per_mol_K + inc.dS_J_per_mol_K;
  return {
    G_kJ_per_mol: sp.dHf298_kJ_per_mol + inc.dH_kJ_per_mol - (T * S) / 1000,
    extrapolated: inc.extrapolated,
  };
}

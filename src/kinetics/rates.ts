/**
 * Transition-state hop rates (../shared/science/README.md §4): k = ν exp(−E_a / k_B T). Between two
 * sites whose energies differ by ΔE = E_final − E_initial the barrier is split symmetrically,
 * E_a = E_a⁰ + ΔE/2 (a Brønsted–Evans–Polanyi-like choice; see `hopBarrier` for steps larger than twice
 * the barrier), so that k(i→j)/k(j→i) = exp(−ΔE/k_B T): detailed balance holds exactly for any
 * site-energy landscape.
 */
import { BOLTZMANN_eV_PER_K } from "../units/constants.js";
import { InputError } from "../units/errors.js";
import type { ElectronVolt, Kelvin } from "../units/quantities.js";

/** Attempt frequency in s⁻¹. */
export type Hertz = number;

/** k = ν exp(−E_a / k_B T), s⁻¹. */
export function arrheniusRate(attemptFrequency_Hz: Hertz, barrier_eV: ElectronVolt, T: Kelvin): number {
  return attemptFrequency_Hz * Math.exp(-barrier_eV / (BOLTZMANN_eV_PER_K * T));
}

/**
 * Barrier of a hop from a site of energy E_i to one of E_j: the symmetric split E_a⁰ + ΔE/2 where it
 * is a saddle above both ends. Where the step is larger than twice the barrier (E_a⁰ < |ΔE|/2, the
 * science review's "risk"), the split would put the saddle below the upper site: the saddle is then
 * raised to the upper site instead — uphill barrier ΔE, downhill barrier 0 — which keeps the ratio of
 * the forward and backward rates exactly exp(−ΔE / k_B T) and no barrier below 0.
 */
export function hopBarrier(
  baseBarrier_eV: ElectronVolt,
  E_initial_eV: ElectronVolt,
  E_final_eV: ElectronVolt,
): ElectronVolt {
  const dE = E_final_eV - E_initial_eV;
  return Math.max(baseBarrier_eV + dE / 2, dE, 0);
}

/**
 * Rate table for an oxygen ion hopping from a site of type a to a neighbouring vacant site of type b:
 * table[a * nTypes + b], s⁻¹. `baseBarrier_eV[a * nTypes + b]` may differ per pair of site types
 * (symmetric: pair (a,b) and (b,a) must be equal), `siteEnergy_eV[a]` is the O site energy of type a.
 */
export function hopRateTable(
  siteEnergy_eV: readonly ElectronVolt[],
  baseBarrier_eV: readonly ElectronVolt[],
  attemptFrequency_Hz: Hertz,
  T: Kelvin,
): Float64Array {
  const n = siteEnergy_eV.length;
  if (baseBarrier_eV.length !== n * n)
    throw new InputError(
      "barriers",
      `need ${n}×${n} = ${n * n} pair barriers for ${n} site types (got ${baseBarrier_eV.length})`,
    );
  const table = new Float64Array(n * n);
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++) {
      const e0 = baseBarrier_eV[a * n + b];
      if (e0 !== baseBarrier_eV[b * n + a])
        throw new InputError(
          "barriers",
          `pair barrier (${a},${b}) = ${e0} eV differs from (${b},${a}) = ${baseBarrier_eV[b * n + a]} eV; a hop and its reverse share one saddle`,
        );
      table[a * n + b] = arrheniusRate(
        attemptFrequency_Hz,
        hopBarrier(e0, siteEnergy_eV[a], siteEnergy_eV[b]),
        T,
      );
    }
  return table;
}

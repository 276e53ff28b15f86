/**
 * Oxygen chemical potential in the Reuter–Scheffler convention (Phys. Rev. B 65, 035406, 2001):
 *   μ_O(T, p) = ½ E_O2 + Δμ_O(T, p),
 *   Δμ_O(T, p°) = ½ [ (H(T) − H(298.15 K)) + (H(298.15 K) − H(0 K)) − T·S(T) ]   (O2, per O atom)
 *   Δμ_O(T, p) = Δμ_O(T, p°) + ½ k_B T ln(p_O2 / p°),
 * with O2 H and S from the NIST WebBook Shomate sets (p° = 1 bar) and H298 − H0 = 8.683 kJ/mol.
 *
 * Reducing mixtures fix μ_O through gas equilibria:
 *   H2 + ½ O2 ⇌ H2O:  Δμ_O = Δμ_O(T, p°) + ΔG°_f(H2O, T) + k_B T ln(p_H2O / p_H2)
 *   CO + ½ O2 ⇌ CO2:  Δμ_O = Δμ_O(T, p°) + ΔG°_r(T)     + k_B T ln(p_CO2 / p_CO)
 * (ΔG° in eV per molecule). The equivalent p_O2 = p° · [ratio · exp(ΔG°/RT)]².
 */
import { BOLTZMANN_eV_PER_K, GAS_CONSTANT_J_PER_MOL_K, KJ_PER_MOL_PER_EV } from "../units/constants.js";
import { InputError } from "../units/errors.js";
import {
  assertPressure,
  assertTemperature,
  type Bar,
  type ElectronVolt,
  type Kelvin,
  type KiloJoulePerMole,
  parsePositiveNumber,
} from "../units/quantities.js";
import { PRESSURE_RANGE_BAR, parseGasRatio, parsePressure } from "../units/quantities.js";
import { gasGibbs, shomateAt, shomateSpecies } from "./gas.js";

/** Standard pressure of the Shomate tables (and of every ΔG° here): 1 bar. */
export const P_STANDARD_BAR: Bar = 1;

/**
 * Highest O2 pressure accepted, bar. ASSUMPTION: μ_O here treats O2 as an ideal gas; above ~1e3 bar the
 * fugacity coefficient departs from 1 by tens of % and beyond that the number is meaningless.
 */
export const MAX_PO2_BAR: Bar = 1e3;

export type Atmosphere =
  | { kind: "O2"; pO2_bar: Bar }
  | { kind: "H2O/H2"; ratio: number }
  | { kind: "CO2/CO"; ratio: number };

export interface OxygenPotential {
  temperature_K: Kelvin;
  /** Δμ_O relative to ½ E(O2) at 0 K (Reuter–Scheffler), eV per O atom. */
  deltaMuO_eV: ElectronVolt;
  /** Equivalent O2 partial pressure, bar. */
  pO2_bar: Bar;
  /** Equivalent H2O:H2 ratio at this μ_O. */
  h2oH2Ratio: number;
  /** Equivalent CO2:CO ratio at this μ_O. */
  co2CoRatio: number;
  atmosphere: Atmosphere;
  /** Caveats (extrapolated Shomate ranges, etc.). */
  notes: string[];
}

function o2Species() {
  const o2 = shomateSpecies("O2", "gas");
  if (!o2 || o2.H298_minus_H0_kJ_per_mol === undefined)
    throw new Error("data/thermo/shomate.json lacks O2 with H298_minus_H0_kJ_per_mol");
  return o2;
}

/** Δμ_O(T, p° = 1 bar) in eV per O atom (Reuter–Scheffler reference ½ E_O2). */
export function deltaMuOStandard(T: Kelvin): ElectronVolt {
  assertTemperature(T);
  const o2 = o2Species();
  // Beyond the tabulated range the Shomate polynomial diverges: refuse rather than extrapolate.
  const lo = Math.min(...o2.sets.map((s) => s.Tmin_K));
  const hi = Math.max(...o2.sets.map((s) => s.Tmax_K));
  if (T < lo - 0.5 || T > hi)
    throw new InputError(
      "temperature",
      `${T} K is outside the ${lo}–${hi} K range of the NIST O2 Shomate data that μ_O is computed from; give a temperature inside it`,
    );
  const v = shomateAt(o2, T);
  const h0 = o2.H298_minus_H0_kJ_per_mol ?? 0;
  const g_kJ = v.dH_kJ_per_mol + h0 - (T * v.S_J_per_mol_K) / 1000;
  return (0.5 * g_kJ) / KJ_PER_MOL_PER_EV;
}

/** Δμ_O(T, p_O2) in eV per O atom. */
export function deltaMuO(T: Kelvin, pO2_bar: Bar): ElectronVolt {
  assertTemperature(T);
  assertPressure(pO2_bar, "p-o2");
  return deltaMuOStandard(T) + 0.5 * BOLTZMANN_eV_PER_K * T * Math.log(pO2_bar / P_STANDARD_BAR);
}

/** The O2 partial pressure (bar) at which Δμ_O(T, p) equals the given value. */
export function pO2FromDeltaMuO(T: Kelvin, deltaMuO_eV: ElectronVolt): Bar {
  assertTemperature(T);
  return P_STANDARD_BAR * Math.exp((2 * (deltaMuO_eV - deltaMuOStandard(T))) / (BOLTZMANN_eV_PER_K * T));
}

/** ΔG°(T) of H2 + ½O2 → H2O(g), kJ/mol, and whether H2O's Shomate set was extrapolated (T < 500 K). */
export function deltaGWaterFormation(T: Kelvin): { dG_kJ_per_mol: KiloJoulePerMole; extrapolated: boolean } {
  const h2o = gasGibbs("H2O", T);
  const h2 = gasGibbs("H2", T);
  const o2 = gasGibbs("O2", T);
  return {
    dG_kJ_per_mol: h2o.G_kJ_per_mol - h2.G_kJ_per_mol - 0.5 * o2.G_kJ_per_mol,
    extrapolated: h2o.extrapolated || h2.extrapolated || o2.extrapolated,
  };
}

/** ΔG°(T) of CO + ½O2 → CO2, kJ/mol. */
export function deltaGCOOxidation(T: Kelvin): { dG_kJ_per_mol: KiloJoulePerMole; extrapolated: boolean } {
  const co2 = gasGibbs("CO2", T);
  const co = gasGibbs("CO", T);
  const o2 = gasGibbs("O2", T);
  return {
    dG_kJ_per_mol: co2.G_kJ_per_mol - co.G_kJ_per_mol - 0.5 * o2.G_kJ_per_mol,
    extrapolated: co2.extrapolated || co.extrapolated || o2.extrapolated,
  };
}

/** Equivalent p_O2 (bar) of a mixture with p_X·O/p_X = ratio, for X + ½O2 ⇌ XO with ΔG°. */
function pO2FromRatio(T: Kelvin, ratio: number, dG_kJ: number): Bar {
  const x = Math.log(ratio) + (dG_kJ * 1000) / (GAS_CONSTANT_J_PER_MOL_K * T);
  return P_STANDARD_BAR * Math.exp(2 * x);
}

function ratioFromPO2(T: Kelvin, pO2_bar: Bar, dG_kJ: number): number {
  return Math.exp(0.5 * Math.log(pO2_bar / P_STANDARD_BAR) - (dG_kJ * 1000) / (GAS_CONSTANT_J_PER_MOL_K * T));
}

/** Equivalent p_O2 (bar) of an H2O/H2 mixture. */
export function pO2FromH2OH2(T: Kelvin, ratio: number): Bar {
  assertTemperature(T);
  parsePositiveNumber(ratio, "h2o-h2", "give p(H2O)/p(H2), e.g. --h2o-h2 1e-3");
  return pO2FromRatio(T, ratio, deltaGWaterFormation(T).dG_kJ_per_mol);
}

/** The H2O/H2 ratio in equilibrium with p_O2 (bar). */
export function h2oH2FromPO2(T: Kelvin, pO2_bar: Bar): number {
  assertTemperature(T);
  assertPressure(pO2_bar, "p-o2");
  return ratioFromPO2(T, pO2_bar, deltaGWaterFormation(T).dG_kJ_per_mol);
}

/** Equivalent p_O2 (bar) of a CO2/CO mixture. */
export function pO2FromCO2CO(T: Kelvin, ratio: number): Bar {
  assertTemperature(T);
  parsePositiveNumber(ratio, "co2-co", "give p(CO2)/p(CO), e.g. --co2-co 1");
  return pO2FromRatio(T, ratio, deltaGCOOxidation(T).dG_kJ_per_mol);
}

/** The CO2/CO ratio in equilibrium with p_O2 (bar). */
export function co2CoFromPO2(T: Kelvin, pO2_bar: Bar): number {
  assertTemperature(T);
  assertPressure(pO2_bar, "p-o2");
  return ratioFromPO2(T, pO2_bar, deltaGCOOxidation(T).dG_kJ_per_mol);
}

/** Δμ_O (eV) of an H2O/H2 mixture: Δμ_O(T,p°) + ΔG°_f(H2O)/e + k_B T ln(ratio). */
export function deltaMuOFromH2OH2(T: Kelvin, ratio: number): ElectronVolt {
  return deltaMuO(T, pO2FromH2OH2(T, ratio));
}

/** Δμ_O (eV) of a CO2/CO mixture. */
export function deltaMuOFromCO2CO(T: Kelvin, ratio: number): ElectronVolt {
  return deltaMuO(T, pO2FromCO2CO(T, ratio));
}

/** Resolve an atmosphere at T into Δμ_O, p_O2 and the equivalent buffer ratios. */
export function oxygenPotential(T: Kelvin, atmosphere: Atmosphere): OxygenPotential {
  assertTemperature(T);
  const notes: string[] = [];
  let pO2: Bar;
  if (atmosphere.kind === "O2") {
    pO2 = assertPressure(atmosphere.pO2_bar, "--p-o2");
    if (pO2 > MAX_PO2_BAR)
      throw new InputError(
        "--p-o2",
        `${pO2} bar is above ${MAX_PO2_BAR} bar, where the ideal-gas O2 chemical potential used here no longer holds; give at most ${MAX_PO2_BAR} bar`,
      );
  } else {
    const flag = atmosphere.kind === "H2O/H2" ? "--h2o-h2" : "--co2-co";
    pO2 =
      atmosphere.kind === "H2O/H2" ? pO2FromH2OH2(T, atmosphere.ratio) : pO2FromCO2CO(T, atmosphere.ratio);
    // the equivalent p_O2 must be a finite, positive number of bar within the ideal-gas range
    if (!(pO2 > 0 && pO2 <= MAX_PO2_BAR))
      throw new InputError(
        flag,
        `the ratio ${atmosphere.ratio} is equivalent to p_O2 = ${pO2} bar at ${T} K, outside (0, ${MAX_PO2_BAR}] bar; give a ratio nearer 1`,
      );
  }
  const w = deltaGWaterFormation(T);
  if (w.extrapolated)
    notes.push(
      `H2O/H2 equivalence at ${T.toFixed(1)} K uses Shomate sets outside their ranges (H2O gas tabulated from 500 K; H2 from 298 K): extrapolated`,
    );
  if (T < 100 || T > 6000) notes.push(`O2 Shomate data cover 100–6000 K; ${T.toFixed(1)} K is extrapolated`);
  const co = deltaGCOOxidation(T);
  return {
    temperature_K: T,
    deltaMuO_eV: deltaMuO(T, pO2),
    pO2_bar: pO2,
    h2oH2Ratio: ratioFromPO2(T, pO2, w.dG_kJ_per_mol),
    co2CoRatio: ratioFromPO2(T, pO2, co.dG_kJ_per_mol),
    atmosphere,
    notes,
  };
}

/**
 * Build an atmosphere from CLI-style options: exactly one of p-o2 (bar), h2o-h2 or co2-co.
 * Throws InputError naming the flag (`--p-o2`, `--h2o-h2`, `--co2-co`) when none or several are given or
 * the value lies outside its plausible range (PRESSURE_RANGE_BAR, GAS_RATIO_RANGE in units/quantities),
 * so that an overflowing ratio is reported against the flag the user typed, not a derived p_O2.
 */
export function atmosphereFromOptions(opts: { pO2_bar?: Bar; h2oH2?: number; co2Co?: number }): Atmosphere {
  const given = [
    opts.pO2_bar !== undefined ? "--p-o2" : undefined,
    opts.h2oH2 !== undefined ? "--h2o-h2" : undefined,
    opts.co2Co !== undefined ? "--co2-co" : undefined,
  ].filter((x): x is string => x !== undefined);
  if (given.length === 0)
    throw new InputError(
      "--p-o2",
      "give the atmosphere: exactly one of --p-o2 (bar, e.g. 0.21), --h2o-h2 (ratio, e.g. 1e-3) or --co2-co (ratio)",
    );
  if (given.length > 1)
    throw new InputError(
      given[1],
      `give only one of --p-o2, --h2o-h2, --co2-co (got ${given.join(" and ")}); each alone fixes μ_O`,
    );
  if (opts.pO2_bar !== undefined)
    return { kind: "O2", pO2_bar: parsePressure(opts.pO2_bar, "--p-o2", PRESSURE_RANGE_BAR) };
  if (opts.h2oH2 !== undefined)
    return {
      kind: "H2O/H2",
      ratio: parseGasRatio(opts.h2oH2, "--h2o-h2", "give p(H2O)/p(H2), e.g. --h2o-h2 1e-3"),
    };
  return {
    kind: "CO2/CO",
    ratio: parseGasRatio(opts.co2Co ?? Number.NaN, "--co2-co", "give p(CO2)/p(CO), e.g. --co2-co 1"),
  };
}

/**
 * BP chain, descriptor 1: is oxidation of the metal downhill under the gas? Driving force =
 * Δμ_O(gas) − Δμ_O(M/MOx equilibrium) per O (contract B), plus the Gibbs–Thomson shift of a small
 * particle (size.ts). No sourced bulk oxide (Pt, Au) is a physical answer: nothing oxidises.
 */
import type { RoutesResult } from "./physics-inputs.js";
import type { RationaleRow } from "./types.js";
import { MARGIN_WIDTH, weightOf } from "./weight.js";

export function oxidationDescriptor(routes: RoutesResult, sizeShift_eV: number, metal: string): RationaleRow {
  const base = routes.drivingForce_eV;
  if (!Number.isFinite(base))
    return {
      descriptor: "metal oxidation driving force Δμ_O(gas) − Δμ_O(M/MOx)",
      value: null,
      unit: "eV per O",
      threshold: "> 0 (oxide stable in the gas)",
      source: `no sourced bulk oxide of ${metal} in data/thermo: no oxidation drive (physical answer, not an error)`,
      verdict: "not-met",
      chain: "BP",
      weight: 0.02,
    };
  const df = base + sizeShift_eV;
  return {
    descriptor: "metal oxidation driving force Δμ_O(gas) − Δμ_O(M/MOx)",
    value: df,
    unit: "eV per O",
    threshold: "> 0 (oxide stable in the gas)",
    source: `routes (contract B) drivingForce ${base.toFixed(3)} eV + Gibbs–Thomson shift ${sizeShift_eV.toFixed(3)} eV; Ellingham/Reuter–Scheffler thermochemistry (data/thermo)`,
    verdict: df > 0 ? "met" : "not-met",
    chain: "BP",
    weight: weightOf(df, MARGIN_WIDTH.energy_eV),
  };
}

import type { BulkOxygenOptions } from "../../src/kinetics/bulk-oxygen.js";
import type { LandscapeRegion } from "../../src/kinetics/landscape-input.js";

/** An explicit test landscape region (constructed values, not sourced). */
export function region(name: string, depth: number, energy: number, barrier: number): LandscapeRegion {
  return {
    region: name,
    depth_nm: depth,
    oxygenEnergy_eV: energy,
    migrationBarrier_eV: barrier,
    energySource: "test",
    barrierSource: "test",
    isAssumption: true,
  };
}

/**
 * The dilute steady state of Model A on a Pt film: support interface O at 0.25 eV above μ (occupancy ≈ 2 %),
 * metal O 0.8 eV above it; the one support layer exchanges with a source (the support bulk), the metal
 * surface drains to a sink; sites at one height are equivalent (the analytic network folds onto heights).
 */
export function dilutePtFilm(gate: number, metalBarrier: number, accelerate = false): BulkOxygenOptions {
  return {
    landscape: {
      metal: "Pt",
      support: "test-oxide",
      facet: "(110)",
      // incoherent: no stabilisation of the interfacial oxide's first layer (Model A's heterogeneous
      // nucleation term), so the metal stays dilute; the crossing barrier is set explicitly below
      gate: "incoherent",
      assumptions: [],
      regions: [
        region("support surface", 0, -0.35, 1.3),
        // its barrier is the exchange with the support bulk and the hops in the one support layer
        region("support bulk", 1, -0.35, 1.0),
        region("interface", 0, -0.35, gate),
        region("metal interstitial", 0, 0.2, metalBarrier),
        region("metal surface", 0, 0.2, metalBarrier),
      ],
    },
    temperature_K: 723,
    oxygenChemicalPotential_eV: -0.6,
    seed: 5,
    geometry: "film",
    filmGaps: 2,
    supportLayers: 1,
    supportGasExchange: false,
    supportBulkReservoir: true,
    metalSurfacePotential_eV: -3,
    pairEnergy_eV: 0,
    initialVacancyFraction: 0.9,
    sampleEvery: 100_000,
    accelerate,
  };
}

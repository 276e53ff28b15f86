/**
 * `npm run bench:kmc-models`: speed of the SMSI models at a realistic size. Model A (bulk O transport):
 * a 3 nm Ru particle (hcp interstices) on an 8-layer support slab at 723 K, on an explicit test landscape
 * (open interface gate; the values are a constructed contrast, not sourced), 10⁷ events (`BENCH_EVENTS=N`
 * changes it); Model B (suboxide creep) on its default 3 nm geometry. Prints events/s and the wall time
 * for the run; the last line is one JSON document. Prints, never asserts, times.
 */
import { gateForRoutes } from "../src/cli/commands/thermo-routes.js";
import { BulkOxygenModel, type BulkOxygenOptions } from "../src/kinetics/bulk-oxygen.js";
import { EncapsulationModel } from "../src/kinetics/encapsulation.js";
import type { LandscapeRegion, OxygenLandscape } from "../src/kinetics/landscape-input.js";
import { oxygenLandscape } from "../src/thermo/landscape.js";
import { oxygenPotential } from "../src/thermo/oxygen-potential.js";

/** Model A on the thermo landscape: Ru on rutile, O2 1 bar, 450 °C (the BP-SMSI conditions of Wang et al. 2026). */
export function rutileOptions(accelerate: boolean): BulkOxygenOptions {
  const T = 723.15;
  const atmosphere = { kind: "O2", pO2_bar: 1 } as const;
  return {
    landscape: oxygenLandscape({
      metal: "Ru",
      support: "TiO2-rutile",
      temperature_K: T,
      atmosphere,
      gate: gateForRoutes("Ru", "TiO2-rutile"),
    }),
    temperature_K: T,
    oxygenChemicalPotential_eV: oxygenPotential(T, atmosphere).deltaMuO_eV,
    seed: 1,
    particleSize_nm: 3,
    sampleEvery: 100_000,
    accelerate,
  };
}

/** Simulated time reached by the same number of events without and with rate rescaling (the speed-up). */
export function accelerationBench(events = Number(process.env.BENCH_ACCEL_EVENTS ?? 2_000_000)) {
  const out: Record<
    string,
    { events: number; wall_s: number; simulatedTime_s: number; netInterfaceTransfer: number }
  > = {};
  for (const accelerate of [false, true]) {
    const m = new BulkOxygenModel(rutileOptions(accelerate));
    const t0 = performance.now();
    m.run(events);
    const s = m.sample();
    out[accelerate ? "accelerated" : "plain"] = {
      events,
      wall_s: Math.round(((performance.now() - t0) / 1000) * 100) / 100,
      simulatedTime_s: s.time_s,
      netInterfaceTransfer: s.netInterfaceTransfer,
    };
  }
  const speedUp = out.accelerated.simulatedTime_s / out.plain.simulatedTime_s;
  console.log(
    `Model A on the thermo landscape (Ru/rutile, 723 K, O2 1 bar), ${events} events: plain ${out.plain.simulatedTime_s.toExponential(2)} s, rate-rescaled ${out.accelerated.simulatedTime_s.toExponential(2)} s simulated: speed-up ×${speedUp.toFixed(0)}`,
  );
  return { ...out, speedUp };
}

const region = (name: string, depth_nm: number, energy: number, barrier: number): LandscapeRegion => ({
  region: name,
  depth_nm,
  oxygenEnergy_eV: energy,
  migrationBarrier_eV: barrier,
  energySource: "bench: explicit test value",
  barrierSource: "bench: explicit test value",
  isAssumption: true,
});

/** The explicit landscape of test/kinetics-models.test.ts with an open gate. */
export const BENCH_LANDSCAPE: OxygenLandscape = {
  metal: "Ru",
  support: "test-oxide",
  facet: "(110)",
  gate: "coherent",
  assumptions: [],
  regions: [
    region("support surface", 0, -0.9, 0.9),
    region("support bulk", 0.6, -1.0, 0.9),
    region("interface", 0, -0.9, 0.8),
    region("metal interstitial", 0, -0.5, 0.7),
    region("metal surface", 0, -0.5, 1.4),
  ],
};

export interface ModelBenchResult {
  model: string;
  sites: number;
  events: number;
  wall_s: number;
  eventsPerSecond: number;
  simulatedTime_s: number;
}

export function runModelsBench(events = Number(process.env.BENCH_EVENTS ?? 10_000_000)) {
  const a = new BulkOxygenModel({
    landscape: BENCH_LANDSCAPE,
    temperature_K: 723,
    oxygenChemicalPotential_eV: -0.6,
    seed: 1,
    particleSize_nm: 3,
    supportLayers: 8,
    sampleEvery: 100_000,
  });
  let t0 = performance.now();
  const doneA = a.run(events);
  const wallA = (performance.now() - t0) / 1000;
  const modelA: ModelBenchResult = {
    model: "bulk-oxygen (Ru 3 nm on 8 support layers)",
    sites: Number(a.parameters.sites),
    events: doneA,
    wall_s: Math.round(wallA * 100) / 100,
    eventsPerSecond: Math.round(doneA / wallA),
    simulatedTime_s: a.engine.time,
  };
  const b = new EncapsulationModel({
    temperature_K: 773,
    oxygenChemicalPotential_eV: -2.5,
    reductionEnergy_eV: 2.4,
    surfaceEnergies: {
      metal_J_per_m2: 2.5,
      suboxide_J_per_m2: 1.0,
      interface_J_per_m2: 0.8,
      source: "bench",
    },
    seed: 1,
    sampleEvery: 100_000,
  });
  const eventsB = Math.min(events, 2_000_000);
  t0 = performance.now();
  const doneB = b.run(eventsB);
  const wallB = (performance.now() - t0) / 1000;
  const modelB: ModelBenchResult = {
    model: "encapsulation (3 nm particle)",
    sites: Number(b.parameters.sites),
    events: doneB,
    wall_s: Math.round(wallB * 100) / 100,
    eventsPerSecond: Math.round(doneB / wallB),
    simulatedTime_s: b.engine.time,
  };
  for (const r of [modelA, modelB])
    console.log(
      `${r.model}: ${r.sites} sites, ${r.events} events in ${r.wall_s} s = ${(r.eventsPerSecond / 1e6).toFixed(2)} M events/s (simulated ${r.simulatedTime_s.toExponential(2)} s)`,
    );
  // Model A with the real landscape and acceleration, 10⁷ events (BENCH_EVENTS)
  const real = new BulkOxygenModel(rutileOptions(true));
  t0 = performance.now();
  const doneR = real.run(events);
  const wallR = (performance.now() - t0) / 1000;
  const modelAThermo: ModelBenchResult = {
    model: "bulk-oxygen on the thermo landscape, rate-rescaled (Ru/rutile 3 nm, 723 K)",
    sites: Number(real.parameters.sites),
    events: doneR,
    wall_s: Math.round(wallR * 100) / 100,
    eventsPerSecond: Math.round(doneR / wallR),
    simulatedTime_s: real.engine.time,
  };
  console.log(
    `${modelAThermo.model}: ${modelAThermo.events} events in ${modelAThermo.wall_s} s = ${(modelAThermo.eventsPerSecond / 1e6).toFixed(2)} M events/s (simulated ${modelAThermo.simulatedTime_s.toExponential(2)} s)`,
  );
  const acceleration = accelerationBench();
  const result = { modelA, modelB, modelAThermo, acceleration };
  console.log(JSON.stringify(result));
  return result;
}

const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"));
if (isEntry) runModelsBench();

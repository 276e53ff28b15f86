import { describe, expect, it } from "vitest";
import { adaptScales, RATE_RESCALING_DEFAULTS, resolveRescaling } from "../src/kinetics/acceleration.js";
import { BulkOxygenModel, type BulkOxygenOptions } from "../src/kinetics/bulk-oxygen.js";
import { compressedRows, GraphLatticeGas } from "../src/kinetics/graph-lattice-gas.js";
import { BOLTZMANN_eV_PER_K } from "../src/units/constants.js";
import { dilutePtFilm } from "./helpers/kinetics-landscape.js";

/**
 * A film whose interface pair rattles: interface O 0.55 eV below the first interstice, a low crossing
 * barrier (fast return), slower hops onward in the metal (helpers/kinetics-landscape.ts).
 */
const rattlingFilm = dilutePtFilm;

/** Steady exit flux (per s) after a warm-up, and the simulated time per event. */
function steadyFlux(options: BulkOxygenOptions, warmup: number, events: number) {
  const model = new BulkOxygenModel(options);
  model.run(warmup);
  const a = model.sample();
  model.run(events);
  const b = model.sample();
  const exits = b.surfaceDesorptions - a.surfaceDesorptions;
  const dt = b.time_s - a.time_s;
  return {
    exits,
    flux: exits / dt,
    timePerEvent: dt / events,
    analytic: model.analyticInterfaceFlux(-0.6),
    net: b.netInterfaceTransfer - a.netInterfaceTransfer,
    minScale: model.engine.minKindScale[1],
  };
}

describe("rate rescaling of fast quasi-equilibrated pairs (Dybeck et al. 2017)", () => {
  it("keeps the steady interface flux: accelerated KMC within 10 % of the analytic network and of the unaccelerated run", () => {
    for (const [gate, metalBarrier] of [
      [0.45, 0.55],
      [0.5, 0.6],
    ]) {
      const plain = steadyFlux(rattlingFilm(gate, metalBarrier, false), 100_000, 1_200_000);
      const fast = steadyFlux(rattlingFilm(gate, metalBarrier, true), 100_000, 1_200_000);
      // the pair was rescaled and the run covers more time per event
      expect(fast.minScale).toBeLessThan(0.2);
      expect(fast.timePerEvent).toBeGreaterThan(1.5 * plain.timePerEvent);
      expect(fast.exits).toBeGreaterThan(300); // ≤ 6 % counting error (seen: within 1 % of the analytic flux)
      expect(Math.abs(fast.flux / fast.analytic - 1)).toBeLessThan(0.1);
      expect(plain.exits).toBeGreaterThan(150);
      // unaccelerated: fewer exits, so a wider (2σ ≈ 16 %) band
      expect(Math.abs(plain.flux / plain.analytic - 1)).toBeLessThan(0.2);
      expect(Math.abs(fast.flux / plain.flux - 1)).toBeLessThan(0.25);
      // the exact net transfer across the interface equals what left at the surface (steady state)
      expect(Math.abs(fast.net - fast.exits)).toBeLessThanOrEqual(5);
    }
  });

  it("detailed balance: a rescaled fast pair open to a reservoir keeps the grand-canonical occupancies", () => {
    const T = 700;
    const kT = BOLTZMANN_eV_PER_K * T;
    for (const [E0, E1, mu] of [
      [-0.2, 0.0, -0.1],
      [-0.1, 0.1, 0.0],
    ]) {
      const rows = compressedRows(2, [
        { from: 0, to: 1 },
        { from: 1, to: 0 },
      ]);
      // site 0 trades slowly with the reservoir; 0 ↔ 1 is a fast pair (kinds 1 and 2)
      const gas = new GraphLatticeGas({
        graph: {
          sites: 2,
          hopStart: rows.start,
          hopTo: rows.to,
          hopBarrier_eV: Float64Array.of(0.2, 0.2),
          hopKind: Uint8Array.of(1, 2),
          pairStart: new Int32Array(3),
          pairTo: new Int32Array(0),
          siteEnergy_eV: Float64Array.of(E0, E1),
          reservoir: Int8Array.of(0, -1),
          exchangeBarrier_eV: Float64Array.of(0.9, 0),
          exchangeGroup: new Uint8Array(2),
        },
        temperature_K: T,
        attemptFrequency_Hz: 1e13,
        pairEnergy_eV: 0,
        reservoirPotential_eV: [mu],
        reservoirLabel: [0],
        seed: 7,
        initialOccupied: new Uint8Array(2),
        initialLabel: new Uint8Array(2),
        acceleration: {
          channels: [{ name: "pair", forwardKind: 1, backwardKind: 2 }],
          windowEvents: 2_000,
          minExecutions: 100,
          targetExecutions: 200,
        },
      });
      const weight = [0, 0, 0, 0];
      for (let k = 0; k < 150_000; k++) {
        const state = gas.occupied[0] + 2 * gas.occupied[1];
        const t0 = gas.time;
        gas.run(1);
        weight[state] += gas.time - t0;
      }
      expect(gas.minKindScale[1]).toBeLessThan(0.1);
      expect(gas.kindScale[1]).toBe(gas.kindScale[2]);
      const energy = [0, E0 - mu, E1 - mu, E0 + E1 - 2 * mu];
      const z = energy.reduce((s, e) => s + Math.exp(-e / kT), 0);
      const total = weight.reduce((s, w) => s + w, 0);
      for (let q = 0; q < 4; q++) {
        const expected = Math.exp(-energy[q] / kT) / z;
        expect(Math.abs(weight[q] / total - expected)).toBeLessThan(0.02 + 0.06 * expected);
      }
    }
  });

  it("controller: balanced busy pairs are scaled down (not below the separation floor), unbalanced ones back up", () => {
    const r = resolveRescaling({ channels: [{ name: "x", forwardKind: 1, backwardKind: 2 }] });
    const scale = new Float64Array(16).fill(1);
    const executed = new Float64Array(16);
    executed[1] = 5_000;
    executed[2] = 4_990;
    const window = { startEvents: 0, startExecuted: new Array<number>(16).fill(0) };
    expect(adaptScales(r, scale, executed, window, [1e-3])).toEqual([1, 2]);
    expect(scale[1]).toBeCloseTo(RATE_RESCALING_DEFAULTS.targetExecutions / 9_990, 10);
    expect(scale[2]).toBe(scale[1]);
    // a floor above the proposal wins
    scale.fill(1);
    adaptScales(r, scale, executed, window, [0.5]);
    expect(scale[1]).toBe(0.5);
    // unbalanced (net flow through the pair): raised again
    executed[2] = 1_000;
    adaptScales(r, scale, executed, window, [0]);
    expect(scale[1]).toBe(1);
    expect(() => resolveRescaling({ channels: [{ name: "bad", forwardKind: 1, backwardKind: 1 }] })).toThrow(
      /acceleration.channels/,
    );
  });

  it("checkpoint of an accelerated run: resumed equals uninterrupted (scales and window included)", () => {
    const opts = { ...rattlingFilm(0.45, 0.55, true), sampleEvery: 7_000 };
    const whole = new BulkOxygenModel(opts);
    whole.run(90_000);
    const first = new BulkOxygenModel(opts);
    first.run(41_234);
    const resumed = new BulkOxygenModel(opts, JSON.parse(JSON.stringify(first.checkpoint())));
    resumed.run(90_000 - 41_234);
    expect(resumed.series).toEqual(whole.series);
    expect(resumed.sample()).toEqual(whole.sample());
    expect(Array.from(resumed.engine.kindScale)).toEqual(Array.from(whole.engine.kindScale));
  });
});

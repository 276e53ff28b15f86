import { describe, expect, it } from "vitest";
import { compressedRows, GraphLatticeGas } from "../src/kinetics/graph-lattice-gas.js";
import { hopBarrier } from "../src/kinetics/rates.js";
import { sequenceFlux } from "../src/thermo/routes.js";

/**
 * The analytic routes model (src/thermo/routes.ts, `sequenceFlux`: steady-state flux of a linear sequence,
 * the Christiansen/energetic-span expression) against the KMC engine in its limits: a chain of O sites fed by
 * a source reservoir at μ_in and drained by a sink at μ_out, dilute (every site ≥ 0.25 eV above μ_in, so
 * the saturation terms of the formula are ≤ e^{−0.25/k_BT} ≈ 2 % at 700 K) and at steady state. The chain's
 * states are the intermediates, the saddles of the KMC rates (rates.ts) the transition states.
 */
function chainFlux(
  energies: number[],
  barriers: number[],
  exchange: number,
  muIn: number,
  muOut: number,
  T: number,
) {
  const n = energies.length;
  const edges: { from: number; to: number }[] = [];
  for (let i = 0; i + 1 < n; i++) edges.push({ from: i, to: i + 1 }, { from: i + 1, to: i });
  const rows = compressedRows(n, edges);
  const barrierOf = Float64Array.from(rows.order, (k) => barriers[Math.min(edges[k].from, edges[k].to)]);
  const reservoir = new Int8Array(n).fill(-1);
  reservoir[0] = 0;
  reservoir[n - 1] = 1;
  const exchangeGroup = new Uint8Array(n);
  exchangeGroup[n - 1] = 1;
  const gas = new GraphLatticeGas({
    graph: {
      sites: n,
      hopStart: rows.start,
      hopTo: rows.to,
      hopBarrier_eV: barrierOf,
      hopKind: new Uint8Array(edges.length),
      pairStart: new Int32Array(n + 1),
      pairTo: new Int32Array(0),
      siteEnergy_eV: Float64Array.from(energies),
      reservoir,
      exchangeBarrier_eV: new Float64Array(n).fill(exchange),
      exchangeGroup,
    },
    temperature_K: T,
    attemptFrequency_Hz: 1e13,
    pairEnergy_eV: 0,
    reservoirPotential_eV: [muIn, muOut],
    reservoirLabel: [1, 0],
    seed: 9,
    initialOccupied: new Uint8Array(n),
    initialLabel: new Uint8Array(n),
  });
  gas.run(20_000);
  const t0 = gas.time;
  const exits0 = gas.exchangeCounts[2 * 1 + 1] - gas.exchangeCounts[2 * 1];
  gas.run(1_500_000);
  const exits = gas.exchangeCounts[2 * 1 + 1] - gas.exchangeCounts[2 * 1] - exits0;
  // the routes model: intermediates relative to the source, saddles of the same rates
  const ts: number[] = [muIn + hopBarrier(exchange, muIn, energies[0])];
  for (let i = 0; i + 1 < n; i++)
    ts.push(energies[i] + hopBarrier(barriers[i], energies[i], energies[i + 1]));
  ts.push(energies[n - 1] + hopBarrier(exchange, energies[n - 1], muOut));
  const analytic = sequenceFlux(
    [0, ...energies.map((e) => e - muIn)],
    ts.map((t, i) => ({ step: `step ${i}`, ts: t - muIn, source: "test", barrier: 0 })),
    muOut - muIn,
    T,
    1e13,
  ).flux_per_s;
  return { exits, kmc: exits / (gas.time - t0), analytic };
}

describe("KMC against the analytic routes model (src/thermo/routes.ts) in its limits", () => {
  for (const [energies, barriers, exchange] of [
    [[0.3, 0.25, 0.35], [0.5, 0.6], 0.55],
    [[0.4, 0.3, 0.3, 0.45], [0.45, 0.5, 0.55], 0.5],
    [[0.25, 0.45], [0.55], 0.45],
  ] as const) {
    it(`dilute chain ${energies.join("/")} eV, barriers ${barriers.join("/")} eV: steady flux within 6 % of sequenceFlux`, () => {
      const r = chainFlux([...energies], [...barriers], exchange, 0, -1, 700);
      expect(r.exits).toBeGreaterThan(1500); // counting error ≤ 2.6 %
      expect(Math.abs(r.kmc / r.analytic - 1)).toBeLessThan(0.06);
    });
  }
});

/**
 * `npm run bench:predict`: predictions per second of `predict` (no KMC) over a mix of pairs, gases and
 * temperatures once the per-pair caches (gate, data look-ups) are warm, and the time of a 1 000-point
 * condition map. Reported as medians of several repetitions and as ratios to the targets
 * (≥ 5 000 predictions/s; a 1 000-point map < 1 s) and to a same-run reference: one evaluation of the
 * gas oxygen chemical potential (`oxygenPotential`), the cheapest physics every prediction needs.
 * Prints, never asserts, times (machines here are shared and noisy).
 */
import type { GasKind } from "../src/predict/conditions.js";
import { conditionMap } from "../src/predict/map.js";
import { predict } from "../src/predict/predict.js";
import { oxygenPotential } from "../src/thermo/oxygen-potential.js";

const TARGET_PREDICTIONS_PER_S = 5000;
const TARGET_MAP_S = 1;

const PAIRS: [string, string][] = [
  ["Ru", "TiO2-rutile"],
  ["Ru", "TiO2-anatase"],
  ["Pt", "TiO2-anatase"],
  ["Pt", "CeO2"],
  ["Pt", "Al2O3-alpha"],
  ["Au", "TiO2-anatase"],
  ["Pd", "ZnO"],
  ["Ni", "TiO2-rutile"],
];
const GASES: GasKind[] = ["O2", "air", "H2", "CO", "CO2/H2", "vacuum", "inert"];

/** Untimed passes after the cold one, so that timed passes measure compiled code. */
const WARM_PASSES = 5;
/** Passes over the input set per timed repetition. */
const PASSES_PER_REP = 4;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function runPredictBench(repetitions = 5): void {
  const inputs = [];
  for (const [metal, support] of PAIRS)
    for (const gas of GASES)
      for (let T = 450; T <= 1050; T += 75) inputs.push({ metal, support, gas, temperature_K: T });
  // warm: gate matching and data look-ups are cached per pair on first use
  const t0 = performance.now();
  for (const i of inputs) predict(i);
  const cold = performance.now() - t0;
  // let the JIT settle before timing (a few warm passes)
  for (let k = 0; k < WARM_PASSES; k++) for (const i of inputs) predict(i);
  const rates: number[] = [];
  const refRates: number[] = [];
  for (let r = 0; r < repetitions; r++) {
    const a = performance.now();
    for (let k = 0; k < PASSES_PER_REP; k++) for (const i of inputs) predict(i);
    rates.push((PASSES_PER_REP * inputs.length) / ((performance.now() - a) / 1000));
    const b = performance.now();
    for (const i of inputs) oxygenPotential(i.temperature_K, { kind: "O2", pO2_bar: 0.2 });
    refRates.push(inputs.length / ((performance.now() - b) / 1000));
  }
  const rate = median(rates);
  console.log(
    `predict: ${inputs.length} predictions (8 pairs × 7 gases × 9 temperatures), first pass with cold caches ${cold.toFixed(0)} ms`,
  );
  console.log(
    `  warm: ${rate.toFixed(0)} predictions/s (median of ${repetitions}); target ${TARGET_PREDICTIONS_PER_S}/s → ratio ${(rate / TARGET_PREDICTIONS_PER_S).toFixed(2)}`,
  );
  console.log(
    `  one prediction costs ${(median(refRates) / rate).toFixed(1)} × one oxygenPotential evaluation (same run)`,
  );
  const times: number[] = [];
  let cells = 0;
  for (let r = 0; r < repetitions; r++) {
    const a = performance.now();
    const m = conditionMap({
      metal: "Ru",
      support: "TiO2-rutile",
      tMin_K: 400,
      tMax_K: 1200,
      muMin_eV: -4,
      muMax_eV: 0,
      nT: 40,
      nMu: 25,
    });
    times.push((performance.now() - a) / 1000);
    cells = m.cells.length;
  }
  const t = median(times);
  console.log(
    `map: ${cells} points (Ru/TiO2-rutile, 40 T × 25 Δμ_O) in ${(1000 * t).toFixed(0)} ms (median of ${repetitions}); target < ${TARGET_MAP_S} s → ratio ${(t / TARGET_MAP_S).toFixed(2)}`,
  );
}

const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"));
if (isEntry) runPredictBench();

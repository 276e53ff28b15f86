/**
 * `npm run bench:kmc`: the shared KMC yardstick (../shared/bench/README.md). The vacancy lattice gas
 * (periodic L³ simple-cubic O sublattice, vacancy fraction c, O hops into a neighbouring vacancy at
 * Γ = ν exp(−E_a / k_B T)) runs through smsi's engine and through the C reference kmc_ref.c, built
 * with `cc -O2` and run in the same process run, for L = 16, 32, 64, 128. Prints the median events/s
 * of each, their ratio, and each one's vacancy diffusion coefficient against the dilute-limit value
 * Γ a² (1 − c). Prints, never asserts, times; the last line is one JSON document (ratios, events/s of
 * each, the largest relative error of smsi's D_v). `BENCH_EVENTS=N` sets the events per run
 * (`BENCH_SIZES=16,128` a subset of sizes, for quick comparisons while tuning).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { arrheniusRate } from "../src/kinetics/rates.js";
import { VacancyLatticeGas } from "../src/kinetics/vacancy-lattice-gas.js";

const SOURCE = fileURLToPath(new URL("../../shared/bench/kmc-reference/kmc_ref.c", import.meta.url));
/** The yardstick's example conditions (../shared/bench/README.md). */
const C = 0.05;
const T_K = 723;
const EA_EV = 0.9;
const NU_HZ = 1e13;

interface Run {
  eventsPerSecond: number;
  dMeasured: number;
}

function buildReference(): string | undefined {
  const exe = join(mkdtempSync(join(tmpdir(), "smsi-kmc-")), "kmc_ref");
  const cc = spawnSync("cc", ["-O2", "-o", exe, SOURCE, "-lm"], { stdio: "inherit" });
  return cc.status === 0 ? exe : undefined;
}

function runReference(exe: string, L: number, events: number, seed: number): Run {
  const out = execFileSync(exe, [L, C, T_K, EA_EV, NU_HZ, events, seed].map(String), { encoding: "utf8" });
  const doc = JSON.parse(out) as { events_per_s: number; D_vacancy_measured: number };
  return { eventsPerSecond: doc.events_per_s, dMeasured: doc.D_vacancy_measured };
}

function runSmsi(L: number, events: number, seed: number): Run {
  const gas = new VacancyLatticeGas({
    size: L,
    vacancyFraction: C,
    temperature_K: T_K,
    attemptFrequency_Hz: NU_HZ,
    barrier_eV: EA_EV,
    seed,
  });
  const t0 = performance.now();
  gas.run(events);
  const s = (performance.now() - t0) / 1000;
  return { eventsPerSecond: events / s, dMeasured: gas.vacancyDiffusion() };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mega = (x: number) => `${(x / 1e6).toFixed(2)} M/s`;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Lattice sizes of the yardstick (../shared/bench/README.md). */
export const KMC_BENCH_SIZES = [16, 32, 64, 128] as const;

export interface KmcBenchResult {
  ratios: Record<string, number>;
  smsiEventsPerSecond: Record<string, number>;
  referenceEventsPerSecond: Record<string, number>;
  /** Largest |D_v(smsi) / (Γ a² (1 − c)) − 1| over the sizes. */
  diffusionRelativeError: number;
  /** smsi's time per event at L = 128 over that at L = 16. */
  costGrowth16to128: number;
  events: number;
  repetitions: number;
}

/** Runs both engines for every size; prints a table, then (last line) one JSON document. */
export async function runKmcBench(
  repetitions = 5,
  events = Number(process.env.BENCH_EVENTS ?? 2_000_000),
): Promise<KmcBenchResult> {
  const exe = buildReference();
  if (!exe) console.log("cc could not build kmc_ref.c: smsi figures only (install a C compiler for ratios)");
  const dilute = arrheniusRate(NU_HZ, EA_EV, T_K) * (1 - C);
  console.log(
    `vacancy lattice gas: c = ${C}, T = ${T_K} K, E_a = ${EA_EV} eV, ν = ${NU_HZ.toExponential(0)} s⁻¹, ${events} events per run, median of ${repetitions}`,
  );
  console.log("L     smsi         C reference   ratio (smsi/C)   D_v/dilute smsi   D_v/dilute C");
  const result: KmcBenchResult = {
    ratios: {},
    smsiEventsPerSecond: {},
    referenceEventsPerSecond: {},
    diffusionRelativeError: 0,
    costGrowth16to128: Number.NaN,
    events,
    repetitions,
  };
  const sizes = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(",").map(Number) : KMC_BENCH_SIZES;
  for (const L of sizes) {
    const ours: Run[] = [];
    const theirs: Run[] = [];
    // interleave the two engines so that machine load hits both alike
    for (let rep = 0; rep < repetitions; rep++) {
      ours.push(runSmsi(L, events, rep + 1));
      if (exe) theirs.push(runReference(exe, L, events, rep + 1));
    }
    const a = median(ours.map((r) => r.eventsPerSecond));
    const dA = median(ours.map((r) => r.dMeasured)) / dilute;
    const b = exe ? median(theirs.map((r) => r.eventsPerSecond)) : Number.NaN;
    const dB = exe ? median(theirs.map((r) => r.dMeasured)) / dilute : Number.NaN;
    result.smsiEventsPerSecond[L] = Math.round(a);
    result.referenceEventsPerSecond[L] = exe ? Math.round(b) : Number.NaN;
    result.ratios[L] = exe ? round3(a / b) : Number.NaN;
    result.diffusionRelativeError = Math.max(result.diffusionRelativeError, round3(Math.abs(dA - 1)));
    console.log(
      `${String(L).padEnd(6)}${mega(a).padEnd(13)}${(exe ? mega(b) : "—").padEnd(14)}${(exe ? `${(a / b).toFixed(2)}×` : "—").padEnd(17)}${dA.toFixed(3).padEnd(18)}${exe ? dB.toFixed(3) : "—"}`,
    );
  }
  result.costGrowth16to128 = round3(result.smsiEventsPerSecond[16] / result.smsiEventsPerSecond[128]);
  console.log(`cost per event, L = 128 over L = 16: ${result.costGrowth16to128.toFixed(2)}×`);
  console.log(JSON.stringify(result));
  return result;
}

const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"));
if (isEntry) await runKmcBench();

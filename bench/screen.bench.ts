/**
 * `npm run bench:screen`: throughput of smsi screen on this machine's cores (piscina pool, results
 * written to a fresh store), reported beside a same-run reference: the single-thread rate of the same
 * computation inline (no pool, no store), so the ratio is the parallel efficiency × threads.
 *   1. descriptor-level combinations/s on 2 threads (issue target ≥ 5 000/s), warm pairs;
 *   2. all bundled metals × all bundled supports × their dominant facets × 50 conditions (5 gases × 10
 *      temperatures), descriptor level, cold caches (issue target < 60 s).
 * Prints, never asserts, times (machines here are shared and noisy). Needs dist/ (the script builds it).
 */
import { join } from "node:path";
import { bundledMaterials } from "../src/materials/library.js";
import { interfacePlanesData } from "../src/match/gate.js";
import { runCampaign } from "../src/screen/campaign.js";
import { computeCombination } from "../src/screen/compute.js";
import { LocalExecutor } from "../src/screen/local.js";
import { type CampaignSpecInput, combinations, validateCampaign } from "../src/screen/spec.js";
import { Store } from "../src/store/store.js";
import { tempDir } from "../test/screen-helpers.js";

const TARGET_RATE_PER_S = 5000;
const TARGET_FULL_S = 60;
const THREADS = Number(process.env.SCREEN_BENCH_THREADS ?? 2);

async function timed(spec: CampaignSpecInput, threads: number) {
  const store = Store.open(tempDir("bench"));
  const pool = new LocalExecutor({ threads });
  const s = await runCampaign(validateCampaign(spec), { db: store.db, executor: pool });
  await pool.close();
  store.close();
  return s;
}

function inlineRate(spec: CampaignSpecInput, sample: number): number {
  const list = [...combinations(validateCampaign(spec))].slice(0, sample);
  for (const c of list) computeCombination(c); // warm caches and JIT
  const t = performance.now();
  for (const c of list) computeCombination(c);
  return list.length / ((performance.now() - t) / 1000);
}

const temperatures = (n: number, from: number, step: number) =>
  Array.from({ length: n }, (_, i) => from + i * step);

async function main() {
  // 1. descriptor level, warm pairs: 8 pairs × 7 gases × 1000 temperatures = 56 000 combinations.
  const warm: CampaignSpecInput = {
    metals: ["Ru", "Pt", "Pd", "Ni"],
    supports: ["TiO2-rutile", "CeO2"],
    conditions: {
      gas: ["O2", "air", "H2", "CO", "CO2/H2", "vacuum", "inert"],
      temperature_C: temperatures(1000, 200, 0.5),
    },
    compute: "descriptors",
  };
  const ref = inlineRate(warm, 5000);
  const a = await timed(warm, THREADS);
  const rate = a.completed / a.seconds;
  console.log(
    `descriptors, ${THREADS} threads: ${a.completed} combinations in ${a.seconds.toFixed(2)} s = ${rate.toFixed(0)}/s (target ≥ ${TARGET_RATE_PER_S}/s: ${(rate / TARGET_RATE_PER_S).toFixed(2)}×); same-run reference, inline on 1 thread without store: ${ref.toFixed(0)}/s (ratio ${(rate / ref).toFixed(2)})`,
  );

  // 2. all bundled metals × supports × dominant facets × 50 conditions.
  const planes = interfacePlanesData() as unknown as { supports: Record<string, { facets: string[] }> };
  const all = bundledMaterials();
  const metals = all.filter((m) => m.role === "metal").map((m) => m.id);
  const supports = all
    .filter((m) => m.role === "support")
    .map((m) => (planes.supports[m.id] ? { id: m.id, facets: planes.supports[m.id].facets } : m.id));
  const full: CampaignSpecInput = {
    metals,
    supports,
    conditions: { gas: ["O2", "air", "H2", "CO", "vacuum"], temperature_C: temperatures(10, 200, 50) },
    compute: "descriptors",
  };
  const b = await timed(full, THREADS);
  console.log(
    `all bundled: ${metals.length} metals × ${supports.length} supports (${supports.reduce((n, s) => n + (typeof s === "string" ? 1 : s.facets.length), 0)} support facets) × 50 conditions = ${b.combinations} combinations, ${THREADS} threads, cold caches: ${b.seconds.toFixed(1)} s (target < ${TARGET_FULL_S} s: ${(b.seconds / TARGET_FULL_S).toFixed(2)} of it), ${(b.completed / b.seconds).toFixed(0)}/s, failed ${b.failed}`,
  );
  console.log(`store files under ${join(tempDir("bench"), "..")} (smsi-bench-*), removable`);
}

await main();

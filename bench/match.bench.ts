/**
 * `npm run bench:match`: every film/substrate pair of ../shared/reference/zsl/matches.json through
 * `matchInterfaces` (what `smsi match` runs: symmetry, Miller enumeration, surface meshes, search,
 * strain of every match, coherence), timed per pair. When `python3 -c "import pymatgen.core"` works,
 * scripts/pymatgen-match.py times pymatgen's SubstrateAnalyzer.calculate() for the same pairs in the
 * same run; otherwise ratios are against ../shared/reference/zsl/timing.json (another run: labelled).
 * Prints, never asserts, times.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type PhaseInput, structureFromPhaseInput } from "../src/match/input-structure.js";
import { TABLE_SUPPORTS } from "../src/cli/commands/thermo-routes.js";
import { interfaceGate } from "../src/match/gate.js";
import { matchInterfaces } from "../src/match/match.js";

const REF = fileURLToPath(new URL("../../shared/reference/zsl/matches.json", import.meta.url));
const TIMING = fileURLToPath(new URL("../../shared/reference/zsl/timing.json", import.meta.url));
const ORACLE = fileURLToPath(new URL("../scripts/pymatgen-match.py", import.meta.url));

interface Reference {
  inputs: Record<string, PhaseInput>;
  pairs: { film: string; substrate: string; n_matches: number }[];
}

/** Debian's python3-pymatgen lives under /usr/bin/python3, which a pyenv `python3` may shadow. */
const PYTHON_CANDIDATES = [process.env.SMSI_PYTHON, "/usr/bin/python3", "python3"].filter(
  (x): x is string => !!x,
);

/** SMSI_BENCH_PYMATGEN=0 skips the same-run pymatgen timing (≈ 7 min) and uses timing.json. */
function pythonWithPymatgen(): string | undefined {
  if (process.env.SMSI_BENCH_PYMATGEN === "0") return undefined;
  return PYTHON_CANDIDATES.find(
    (py) => spawnSync(py, ["-c", "import pymatgen.core"], { stdio: "ignore" }).status === 0,
  );
}

const pad = (s: string, n: number) => s.padEnd(n);
const ms = (x: number) => `${x.toFixed(1)} ms`;

export async function runMatchBench(repetitions = 3): Promise<void> {
  const ref = JSON.parse(readFileSync(REF, "utf8")) as Reference;
  const names = ref.pairs.map((p) => `${p.film}/${p.substrate}`);
  const perPair = new Map<string, number[]>();
  const totals: number[] = [];
  let agree = 0;
  for (let rep = 0; rep < repetitions; rep++) {
    let total = 0;
    for (const p of ref.pairs) {
      const t0 = performance.now();
      const film = { id: p.film, structure: structureFromPhaseInput(ref.inputs[p.film], p.film) };
      const substrate = {
        id: p.substrate,
        structure: structureFromPhaseInput(ref.inputs[p.substrate], p.substrate),
      };
      const r = matchInterfaces(film, substrate);
      const dt = performance.now() - t0;
      total += dt;
      const k = `${p.film}/${p.substrate}`;
      perPair.set(k, [...(perPair.get(k) ?? []), dt]);
      if (rep === 0 && r.nMatches === p.n_matches) agree++;
    }
    totals.push(total);
  }
  const best = (xs: number[]) => Math.min(...xs);

  let pm: { source: string; perPair: Record<string, number> };
  const python = pythonWithPymatgen();
  if (python) {
    console.log("running scripts/pymatgen-match.py (pymatgen SubstrateAnalyzer.calculate, same run) …");
    const out = execFileSync(python, [ORACLE, REF, ...names], { encoding: "utf8", maxBuffer: 1 << 26 });
    const doc = JSON.parse(out) as { pymatgen: string; per_pair_s: Record<string, number> };
    pm = { source: `pymatgen ${doc.pymatgen}, measured in this run`, perPair: doc.per_pair_s };
  } else {
    const t = JSON.parse(readFileSync(TIMING, "utf8")) as {
      version: string;
      per_pair_s_last_repetition: Record<string, number>;
    };
    pm = {
      source: `pymatgen ${t.version} NOT importable here: times from ../shared/reference/zsl/timing.json (another run; ratios indicative only)`,
      perPair: t.per_pair_s_last_repetition,
    };
  }

  console.log(`\nsmsi match vs ${pm.source}`);
  console.log(`smsi: matchInterfaces per pair, first run (cold JIT) and best of ${repetitions}\n`);
  console.log(
    `${pad("pair", 24)}${pad("smsi first", 13)}${pad("smsi best", 13)}${pad("pymatgen", 12)}ratio (pymatgen / smsi best)`,
  );
  let pmTotal = 0;
  let smsiBestTotal = 0;
  for (const k of names) {
    const xs = perPair.get(k)!;
    const pms = pm.perPair[k];
    smsiBestTotal += best(xs);
    if (pms !== undefined) pmTotal += pms;
    const ratio = pms !== undefined ? `${((pms * 1000) / best(xs)).toFixed(0)}×` : "n/a";
    console.log(
      `${pad(k, 24)}${pad(ms(xs[0]), 13)}${pad(ms(best(xs)), 13)}${pad(pms !== undefined ? `${pms.toFixed(2)} s` : "n/a", 12)}${ratio}`,
    );
  }
  console.log(
    `\ntotal: smsi first run ${ms(totals[0])}, best run ${ms(best(totals))} (sum of per-pair bests ${ms(smsiBestTotal)}); pymatgen ${pmTotal.toFixed(1)} s`,
  );
  console.log(
    `ratio (pymatgen total / smsi best total): ${((pmTotal * 1000) / best(totals)).toFixed(0)}×; first run: ${((pmTotal * 1000) / totals[0]).toFixed(0)}×`,
  );
  console.log(`n_matches equal to the reference for ${agree}/${ref.pairs.length} pairs`);
}

/** Metals and supports of the interface-gate table (docs/interface.md). */
const GATE_METALS = ["Ru", "Pt", "Pd", "Rh", "Ir", "Ni", "Co", "Cu", "Ag", "Au", "Fe", "Os"];
const GATE_SUPPORTS = TABLE_SUPPORTS;

/** `interfaceGate` for every metal × support: first (computing) call and the memoised call. */
export async function runGateBench(memoCalls = 10_000): Promise<void> {
  const t0 = performance.now();
  let first = 0;
  for (const m of GATE_METALS)
    for (const s of GATE_SUPPORTS) {
      const t = performance.now();
      interfaceGate(m, s);
      first += performance.now() - t;
    }
  const firstAll = performance.now() - t0;
  const t1 = performance.now();
  for (let k = 0; k < memoCalls; k++)
    interfaceGate(GATE_METALS[k % GATE_METALS.length], GATE_SUPPORTS[k % GATE_SUPPORTS.length]);
  const memo = (performance.now() - t1) / memoCalls;
  const n = GATE_METALS.length * GATE_SUPPORTS.length;
  console.log(
    `\ninterfaceGate, ${n} metal/support pairs (metal and its oxide, sensitivity included): first calls ${ms(firstAll)} in all (${ms(first / n)} per pair, moyo start-up included); memoised call ${(memo * 1000).toFixed(2)} µs (mean of ${memoCalls}; contract: < 100 µs)`,
  );
}

const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"));
if (isEntry) {
  await runMatchBench();
  await runGateBench();
}

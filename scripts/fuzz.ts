/**
 * `npm run fuzz [-- --seconds 30 --seed 20261125 --timeout-ms 10000 --targets cif-read,quantities]`
 *
 * The longer fuzz run over the targets of test/fuzz/targets (the CIF reader and writer, the quantity
 * parsers, thermo-data and the evidence parser). Each target runs in a child process that reports the
 * start and the outcome of every input; the parent kills a child whose input takes longer than the
 * per-input time limit (a hang), or that dies (a crash, e.g. out of memory, counted as internal), records
 * the input and goes on with the next one in a fresh child. Input i of a target is the first value of its
 * arbitrary under seed + i, so every reported input can be reproduced alone.
 *
 * Prints per target: inputs tried, outcomes by kind (accepted, refused = InputError, internal,
 * unreadable-write, wrong, hang), the first failing inputs; exits 1 if any input failed.
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import fc from "fast-check";
import {
  FAILURE_KINDS,
  FUZZ_SEED,
  type FuzzTarget,
  OUTCOME_KINDS,
  TARGETS,
} from "../test/fuzz/targets/index.js";

/** Heap limit of a child, MB: an input that needs more is a crash (unbounded memory). */
const CHILD_HEAP_MB = 1024;
/** A child that has not loaded smsi within this time (ms) has failed to start. */
const CHILD_START_MS = 120_000;

type Message =
  | { t: "ready" }
  | { t: "begin"; i: number }
  | { t: "end"; i: number; kind: string; detail?: string };

function inputAt<T>(target: FuzzTarget<T>, seed: number, i: number): T {
  return fc.sample(target.arbitrary, { seed: seed + i, numRuns: 1 })[0];
}

/** Child: run inputs start, start + 1, … of one target until killed. */
function child(name: string, seed: number, start: number): void {
  const target = TARGETS.find((t) => t.name === name);
  if (!target || !process.send) throw new Error(`no fuzz target ${name}`);
  const send = (m: Message) => process.send!(m);
  send({ t: "ready" });
  let i = start;
  const step = () => {
    // a few inputs per tick so that IPC messages flow while we run
    for (let k = 0; k < 20; k++, i++) {
      send({ t: "begin", i });
      const o = target.run(inputAt(target, seed, i));
      send({ t: "end", i, kind: o.kind, detail: FAILURE_KINDS.includes(o.kind) ? o.detail : undefined });
    }
    setImmediate(step);
  };
  step();
}

interface Tally {
  /** Per-target time budget, ms; the clock starts when the first child is ready (not during start-up). */
  budgetMs: number;
  deadline?: number;
  tried: number;
  counts: Record<string, number>;
  failures: { i: number; kind: string; detail: string; input: string }[];
}

/** Parent: run one child from `start` until the deadline, a hang or a crash. Returns the next index. */
function runChild(
  target: FuzzTarget,
  seed: number,
  start: number,
  timeoutMs: number,
  tally: Tally,
): Promise<{ next: number; done: boolean }> {
  return new Promise((resolve) => {
    const script = fileURLToPath(import.meta.url);
    const proc = fork(script, ["--child", target.name, String(seed), String(start)], {
      execArgv: ["--import", "tsx", `--max-old-space-size=${CHILD_HEAP_MB}`],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    let stderr = "";
    proc.stderr?.on("data", (d) => {
      stderr = (stderr + d).slice(-4000);
    });
    let ready = false;
    let current = start;
    let last = Date.now();
    let finished = false;
    const fail = (i: number, kind: string, detail: string) => {
      tally.counts[kind] = (tally.counts[kind] ?? 0) + 1;
      if (tally.failures.length < 5)
        tally.failures.push({
          i,
          kind,
          detail: detail.slice(0, 600),
          input: target.show(inputAt(target, seed, i)),
        });
    };
    const finish = (result: { next: number; done: boolean }) => {
      if (finished) return;
      finished = true;
      clearInterval(watchdog);
      proc.removeAllListeners("exit");
      proc.kill("SIGKILL");
      resolve(result);
    };
    proc.on("message", (m: Message) => {
      last = Date.now();
      if (m.t === "ready") {
        ready = true;
        tally.deadline ??= Date.now() + tally.budgetMs;
      } else if (m.t === "begin") current = m.i;
      else {
        tally.tried++;
        tally.counts[m.kind] = (tally.counts[m.kind] ?? 0) + 1;
        if (FAILURE_KINDS.includes(m.kind as never) && tally.failures.length < 5)
          tally.failures.push({
            i: m.i,
            kind: m.kind,
            detail: (m.detail ?? "").slice(0, 600),
            input: target.show(inputAt(target, seed, m.i)),
          });
        current = m.i + 1;
      }
      if (Date.now() > (tally.deadline ?? Number.POSITIVE_INFINITY)) finish({ next: current, done: true });
    });
    const started = Date.now();
    const watchdog = setInterval(() => {
      if (!ready && Date.now() - started > CHILD_START_MS) {
        fail(
          current,
          "internal",
          `the child did not start within ${CHILD_START_MS} ms: ${stderr.trim().slice(-300)}`,
        );
        return finish({ next: current, done: true });
      }
      if (ready && Date.now() - last > timeoutMs) {
        tally.tried++;
        fail(current, "hang", `no result within ${timeoutMs} ms`);
        finish({ next: current + 1, done: Date.now() > (tally.deadline ?? 0) });
      }
    }, 50);
    proc.on("exit", (code, signal) => {
      if (finished) return;
      tally.tried++;
      fail(
        current,
        "internal",
        `child died (${signal ?? `exit ${code}`}): ${stderr.trim().split("\n").slice(-3).join(" | ")}`,
      );
      finish({ next: current + 1, done: Date.now() > (tally.deadline ?? 0) });
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: "string", default: "30" },
      seed: { type: "string", default: String(FUZZ_SEED) },
      "timeout-ms": { type: "string", default: "10000" },
      targets: { type: "string" },
    },
  });
  const seconds = Number(values.seconds);
  const seed = Number(values.seed);
  const timeoutMs = Number(values["timeout-ms"]);
  const chosen = values.targets ? values.targets.split(",") : TARGETS.map((t) => t.name);
  const unknown = chosen.filter((n) => !TARGETS.some((t) => t.name === n));
  if (unknown.length)
    throw new Error(`unknown targets ${unknown.join(", ")}; known: ${TARGETS.map((t) => t.name).join(", ")}`);
  console.log(
    `smsi fuzz: seed ${seed}, ${seconds} s per target, per-input limit ${timeoutMs} ms, child heap ${CHILD_HEAP_MB} MB`,
  );
  const kinds = [...OUTCOME_KINDS, "hang"];
  const summary: Record<string, Record<string, number>> = {};
  let failed = 0;
  for (const target of TARGETS.filter((t) => chosen.includes(t.name))) {
    const tally: Tally = { budgetMs: seconds * 1000, tried: 0, counts: {}, failures: [] };
    const t0 = Date.now();
    let next = 0;
    for (;;) {
      const r = await runChild(target, seed, next, timeoutMs, tally);
      next = r.next;
      if (r.done || Date.now() > (tally.deadline ?? Number.POSITIVE_INFINITY)) break;
    }
    const row = Object.fromEntries(kinds.map((k) => [k, tally.counts[k] ?? 0]));
    summary[target.name] = { tried: tally.tried, ...row };
    console.log(
      `${target.name.padEnd(14)} tried ${String(tally.tried).padStart(7)}  ${kinds.map((k) => `${k} ${row[k]}`).join("  ")}  (${((Date.now() - (tally.deadline ?? t0) + tally.budgetMs) / 1000).toFixed(1)} s)`,
    );
    for (const f of tally.failures)
      console.log(`  ${f.kind} at input ${f.i} (seed ${seed + f.i}): ${f.detail}\n    input: ${f.input}`);
    failed += [...FAILURE_KINDS, "hang"].reduce((n, k) => n + (row[k] ?? 0), 0);
  }
  console.log(JSON.stringify({ seed, secondsPerTarget: seconds, timeoutMs, targets: summary }));
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[2] === "--child") child(process.argv[3], Number(process.argv[4]), Number(process.argv[5]));
else await main();

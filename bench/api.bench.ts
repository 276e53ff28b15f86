/**
 * `npm run bench:api`: load on POST /api/predict — 10 000 requests at 50 concurrency against the compiled
 * server started in a child process on 127.0.0.1 (a fresh data folder; every request writes its run to
 * SQLite). Rate limiting is switched off for this run (--rate-limit 0) and said so. Reports p50/p95/p99
 * latency, throughput and errors, and the same for GET /api/health (the reference: the server's floor)
 * as a ratio. Two workloads: the six bodies repeated, and every body distinct (a new temperature each time:
 * nothing memoised is reused). BENCH_BASELINE=DIR runs a second built checkout side by side, alternating.
 * Bounded: stops after BENCH_REQUESTS requests per workload or BENCH_MAX_SECONDS, whichever first.
 * Prints, never asserts. Target (issue 14): no errors, p95 < 50 ms.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 300);
/** Extra Node flags for the server process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (profiling). */
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);

const BODIES = [
  { metal: "Ru", support: "TiO2-rutile", gas: "O2", temperature: "450C", pO2: "1bar" },
  { metal: "Ru", support: "TiO2-anatase", gas: "O2", temperature: "450C" },
  { metal: "Pt", support: "TiO2-rutile", gas: "H2", temperature: "500C" },
  { metal: "Pt", support: "CeO2", gas: "H2", temperature: "500C", h2oH2: "1e-2" },
  { metal: "Pd", support: "Al2O3-alpha", gas: "air", temperature: "600C" },
  { metal: "Ru", support: "TiO2-rutile", gas: "CO", temperature: "300C", sizeNm: 3 },
];

/** Every request a different temperature (0.05 °C steps): nothing the server memoises is ever reused. */
const distinctBody = (i: number) => ({
  ...BODIES[i % BODIES.length],
  temperature: `${(300 + 0.05 * i).toFixed(2)}C`,
});

/**
 * Another built checkout to compare against in the same run (e.g. main: `git archive main | tar -x -C DIR`,
 * link node_modules, `tsc -p tsconfig.build.json`): both servers run side by side and the load alternates
 * between them in rounds, so the machine's load drifts over both alike.
 */
const BASELINE = process.env.BENCH_BASELINE;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);

function startServer(dataDir: string, root = ROOT): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    [
      ...SERVER_NODE_ARGS,
      "-e",
      "import('./dist/server/main.js').then((m) => m.runServer(process.argv.slice(1))).then((c) => { if (c) process.exit(c); })",
      "--",
      "--port",
      "0",
      "--host",
      "127.0.0.1",
      "--data-dir",
      dataDir,
      "--rate-limit",
      "0",
    ],
    { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d;
      const m = /http:\/\/localhost:(\d+)/.exec(out);
      if (m) resolve({ child, base: `http://127.0.0.1:${m[1]}` });
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
}

interface Stats {
  n: number;
  errors: number;
  seconds: number;
  latencies: number[];
  /** CPU time the server process used during the load, ms (NaN where /proc is not available). */
  serverCpu_ms: number;
}

/** Clock ticks per second of /proc/PID/stat's utime and stime (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/** CPU time (user + system) of a process so far, ms, from /proc (Linux); NaN elsewhere. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    // after "pid (comm) ": state is field 3, utime 14 and stime 15 (proc(5))
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
  } catch {
    return Number.NaN;
  }
}

/** `load`, also measuring the CPU the server process spent on it. */
async function measured(pid: number | undefined, ...args: Parameters<typeof load>): Promise<Stats> {
  const before = cpuMs(pid);
  const s = await load(...args);
  return { ...s, serverCpu_ms: cpuMs(pid) - before };
}

async function load(
  url: string,
  body: ((i: number) => unknown) | null,
  total: number,
  first = 0,
): Promise<Stats> {
  const latencies: number[] = [];
  let errors = 0;
  let next = first;
  const end = first + total;
  const deadline = Date.now() + MAX_SECONDS * 1000;
  const t0 = performance.now();
  const worker = async () => {
    while (next < end && Date.now() < deadline) {
      const i = next++;
      const start = performance.now();
      try {
        const r = await fetch(
          url,
          body
            ? {
                method: "POST",
                headers: { "content-type": "application/json" },
                body: JSON.stringify(body(i)),
              }
            : undefined,
        );
        await r.arrayBuffer();
        if (r.status !== 200) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return {
    n: latencies.length,
    errors,
    seconds: (performance.now() - t0) / 1000,
    latencies,
    serverCpu_ms: Number.NaN,
  };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

const merge = (xs: Stats[]): Stats => ({
  n: xs.reduce((a, x) => a + x.n, 0),
  errors: xs.reduce((a, x) => a + x.errors, 0),
  seconds: xs.reduce((a, x) => a + x.seconds, 0),
  latencies: xs.flatMap((x) => x.latencies),
  serverCpu_ms: xs.reduce((a, x) => a + x.serverCpu_ms, 0),
});

interface Summary {
  p50: number;
  p95: number;
  p99: number;
  cpuPerRequest_ms: number;
}

function report(name: string, s: Stats): Summary {
  const p50 = pct(s.latencies, 50);
  const p95 = pct(s.latencies, 95);
  const p99 = pct(s.latencies, 99);
  const cpuPerRequest_ms = s.serverCpu_ms / s.n;
  console.log(
    `${name}: ${s.n} requests, ${s.errors} errors, ${(s.n / s.seconds).toFixed(0)} req/s; latency p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${Math.max(...s.latencies).toFixed(1)} ms; server CPU ${cpuPerRequest_ms.toFixed(3)} ms/request`,
  );
  return { p50, p95, p99, cpuPerRequest_ms };
}

const WORKLOADS = [
  { name: "POST /api/predict, 6 bodies repeated", body: (i: number) => BODIES[i % BODIES.length] },
  { name: "POST /api/predict, every body distinct", body: distinctBody },
];

export async function runApiBench(): Promise<void> {
  const servers: { label: string; root: string }[] = [{ label: "this checkout", root: ROOT }];
  if (BASELINE) servers.push({ label: `baseline ${BASELINE}`, root: BASELINE });
  const dirs = servers.map(() => mkdtempSync(join(tmpdir(), "smsi-bench-")));
  const started = await Promise.all(servers.map((s, k) => startServer(dirs[k], s.root)));
  try {
    console.log(
      `${CONCURRENCY} concurrent clients, rate limit off for this run; ${ROUNDS} alternating rounds; load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(" ")} on ${cpus().length} cores`,
    );
    // warm-up: every distinct pair once per server (per-pair work is computed once, then cached)
    for (const { base } of started)
      await load(`${base}/api/predict`, (i) => BODIES[i % BODIES.length], 4 * BODIES.length);
    const per = Math.ceil(REQUESTS / ROUNDS);
    const results = servers.map(() => ({
      health: [] as Stats[],
      work: WORKLOADS.map(() => [] as Stats[]),
    }));
    for (let round = 0; round < ROUNDS; round++)
      for (let k0 = 0; k0 < started.length; k0++) {
        const k = (k0 + round) % started.length; // alternate which server goes first
        const { base, child } = started[k];
        results[k].health.push(
          await measured(child.pid, `${base}/api/health`, null, Math.ceil(2000 / ROUNDS)),
        );
        for (const [w, workload] of WORKLOADS.entries())
          results[k].work[w].push(
            await measured(child.pid, `${base}/api/predict`, workload.body, per, round * per),
          );
      }
    const summaries = servers.map((s, k) => {
      console.log(`\n${s.label}:`);
      const health = report("  GET /api/health (reference)", merge(results[k].health));
      const work = WORKLOADS.map((w, i) => report(`  ${w.name}`, merge(results[k].work[i])));
      for (const [i, w] of work.entries())
        console.log(
          `  ratio to health, ${WORKLOADS[i].name}: p50 ${(w.p50 / health.p50).toFixed(2)}×, p95 ${(w.p95 / health.p95).toFixed(2)}×; target p95 < 50 ms: ${w.p95 < 50 ? "met" : "NOT met"}`,
        );
      return work;
    });
    if (summaries.length === 2)
      for (const [i, w] of WORKLOADS.entries())
        console.log(
          `\nthis / baseline, ${w.name}: p50 ${(summaries[0][i].p50 / summaries[1][i].p50).toFixed(2)}×, p95 ${(summaries[0][i].p95 / summaries[1][i].p95).toFixed(2)}×, p99 ${(summaries[0][i].p99 / summaries[1][i].p99).toFixed(2)}×, server CPU per request ${(summaries[0][i].cpuPerRequest_ms / summaries[1][i].cpuPerRequest_ms).toFixed(2)}×`,
        );
  } finally {
    for (const { child } of started) child.kill("SIGTERM");
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await runApiBench();

/**
 * `npm run bench:api`: load on POST /api/predict — 10 000 requests at 50 concurrency against the compiled
 * server started in a child process on 127.0.0.1 (a fresh data folder; every request writes its run to
 * SQLite). Rate limiting is switched off for this run (--rate-limit 0) and said so. Reports p50/p95/p99
 * latency, throughput and errors, and the same for GET /api/health (the reference: the server's floor)
 * as a ratio. Bounded: stops after BENCH_REQUESTS requests or BENCH_MAX_SECONDS, whichever first.
 * Prints, never asserts. Target (issue 14): no errors, p95 < 50 ms.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 300);

const BODIES = [
  { metal: "Ru", support: "TiO2-rutile", gas: "O2", temperature: "450C", pO2: "1bar" },
  { metal: "Ru", support: "TiO2-anatase", gas: "O2", temperature: "450C" },
  { metal: "Pt", support: "TiO2-rutile", gas: "H2", temperature: "500C" },
  { metal: "Pt", support: "CeO2", gas: "H2", temperature: "500C", h2oH2: "1e-2" },
  { metal: "Pd", support: "Al2O3-alpha", gas: "air", temperature: "600C" },
  { metal: "Ru", support: "TiO2-rutile", gas: "CO", temperature: "300C", sizeNm: 3 },
];

function startServer(dataDir: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    [
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
    { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
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
}

async function load(url: string, body: ((i: number) => unknown) | null, total: number): Promise<Stats> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const deadline = Date.now() + MAX_SECONDS * 1000;
  const t0 = performance.now();
  const worker = async () => {
    while (next < total && Date.now() < deadline) {
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
  return { n: latencies.length, errors, seconds: (performance.now() - t0) / 1000, latencies };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

function report(name: string, s: Stats): { p50: number; p95: number } {
  const p50 = pct(s.latencies, 50);
  const p95 = pct(s.latencies, 95);
  console.log(
    `${name}: ${s.n} requests, ${s.errors} errors, ${(s.n / s.seconds).toFixed(0)} req/s; latency p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${pct(s.latencies, 99).toFixed(1)} ms, max ${Math.max(...s.latencies).toFixed(1)} ms`,
  );
  return { p50, p95 };
}

export async function runApiBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "smsi-bench-"));
  const { child, base } = await startServer(dataDir);
  try {
    console.log(`server ${base} (rate limit off for this run), ${CONCURRENCY} concurrent clients`);
    // warm-up: every distinct pair once (the interface coherence of a pair is computed once, then cached)
    await load(`${base}/api/predict`, (i) => BODIES[i % BODIES.length], 4 * BODIES.length);
    const health = report("GET /api/health (reference)", await load(`${base}/api/health`, null, 2000));
    const predict = report(
      "POST /api/predict",
      await load(`${base}/api/predict`, (i) => BODIES[i % BODIES.length], REQUESTS),
    );
    console.log(
      `ratio predict/health: p50 ${(predict.p50 / health.p50).toFixed(1)}×, p95 ${(predict.p95 / health.p95).toFixed(1)}×; target p95 < 50 ms: ${predict.p95 < 50 ? "met" : "NOT met"}`,
    );
  } finally {
    child.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await runApiBench();

/**
 * Crash safety: the server is killed (SIGKILL) while clients are writing runs and a job is running; after a
 * restart every run the server acknowledged is there, whole, and nothing is left half-written.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Store } from "../src/store/store.js";

const ROOT = new URL("..", import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), "smsi-crash-"));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

/** Start the real server in a child process on a free loopback port; resolves with its base URL. */
function startServer(): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "-e",
      "import('./src/server/main.ts').then((m) => m.runServer(process.argv.slice(1))).then((c) => { if (c) process.exit(c); })",
      "--",
      "--port",
      "0",
      "--host",
      "127.0.0.1",
      "--data-dir",
      dataDir,
    ],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out} ${err}`)), 30_000);
    child.stderr!.on("data", (d) => (err += d));
    child.stdout!.on("data", (d) => {
      out += d;
      const m = /http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: `http://127.0.0.1:${m[1]}` });
      }
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
}

/** Resolves when the child has exited (at once if it already has). */
function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once("exit", () => r()));
}

const GASES = [
  { gas: "O2", pO2: "1bar" },
  { gas: "air" },
  { gas: "H2", h2oH2: "1e-3" },
  { gas: "CO2/CO", co2Co: "0.1" },
];

describe("the store survives SIGKILL of the server during writes", () => {
  it("keeps every acknowledged run whole and marks the interrupted job", async () => {
    const first = await startServer();
    const acknowledged = new Map<string, { temperature: string }>();
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const temperature = `${300 + ((w * 37 + i) % 500)}C`;
        const body = { metal: "Ru", support: i % 2 ? "TiO2-rutile" : "CeO2", temperature, ...GASES[i % 4] };
        try {
          const r = await fetch(`${first.base}/api/predict`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(body),
          });
          if (r.status === 200) acknowledged.set((await r.json()).runId, { temperature });
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = Array.from({ length: 8 }, (_, w) => writer(w));
    const job = await fetch(`${first.base}/api/jobs/profile-sweep`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        metal: "Ru",
        support: "TiO2-rutile",
        gas: "O2",
        tMin: "300K",
        tMax: "1200K",
        points: 2000,
      }),
    }).then((r) => r.json());
    const until = Date.now() + 60_000;
    while (acknowledged.size < 150 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(acknowledged.size, "runs acknowledged before the kill").toBeGreaterThanOrEqual(150);
    const firstExit = exited(first.child);
    first.child.kill("SIGKILL");
    stop = true;
    await Promise.all(writers);
    await firstExit;

    const second = await startServer();
    const seen = new Map<string, { status: string; inputs: { temperature: string } }>();
    for (let offset = 0; ; offset += 500) {
      const page = await fetch(`${second.base}/api/runs?limit=500&offset=${offset}`).then((r) => r.json());
      for (const run of page.runs) seen.set(run.id, run);
      if (page.runs.length < 500) break;
    }
    for (const [id, sent] of acknowledged) {
      expect(seen.get(id)?.status, id).toBe("done");
      expect(seen.get(id)?.inputs.temperature).toBe(sent.temperature);
    }
    const sample = [...acknowledged.keys()].slice(-20);
    for (const id of sample) {
      const run = await fetch(`${second.base}/api/runs/${id}`).then((r) => r.json());
      expect(run.result.class).toMatch(/SMSI|EMSI|CMSI|none|indeterminate/);
      expect(run.result.rationale.length).toBeGreaterThan(3);
    }
    expect(seen.get(job.id)?.status).toBe("interrupted");
    expect([...seen.values()].some((r) => r.status === "running")).toBe(false);
    const secondExit = exited(second.child);
    second.child.kill("SIGTERM");
    await secondExit;

    const store = Store.open(dataDir);
    expect(store.db.pragma("integrity_check", { simple: true })).toBe("ok");
    const halfWritten = store.db
      .prepare(
        "SELECT count(*) AS n FROM runs WHERE status = 'done' AND (result IS NULL OR NOT json_valid(result))",
      )
      .get() as { n: number };
    expect(halfWritten.n).toBe(0);
    store.close();
  }, 240_000);
});

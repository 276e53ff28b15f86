/**
 * The distributed runner against a real Redis on 127.0.0.1:6379 (installed and started by .ci/run) and
 * real `smsi worker` processes. Fails (never skips) when Redis is not there.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCampaign } from "../src/screen/campaign.js";
import { BullmqExecutor } from "../src/screen/distributed.js";
import { computeCombination } from "../src/screen/compute.js";
import { outcomeOf } from "../src/screen/executor.js";
import { LocalExecutor } from "../src/screen/local.js";
import { ScreenResults } from "../src/screen/results.js";
import type { Combination } from "../src/screen/spec.js";
import { combinations, validateCampaign } from "../src/screen/spec.js";
import { Store } from "../src/store/store.js";
import { InputError } from "../src/units/errors.js";
import { ensureBuilt, ROOT, tempDir, writeSpec } from "./screen-helpers.js";

const REDIS = "redis://127.0.0.1:6379";
const BIN = join(ROOT, "bin", "smsi.js");
const children = new Set<ChildProcess>();
const queues: string[] = [];

function queueName(tag: string) {
  const q = `test-${tag}-${process.pid}-${Date.now()}`;
  queues.push(q);
  return q;
}

function startWorker(queue: string): ChildProcess {
  const p = spawn(
    process.execPath,
    [BIN, "worker", "--redis", REDIS, "--queue", queue, "--lock-ms", "2000"],
    {
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  children.add(p);
  p.on("exit", () => children.delete(p));
  return p;
}

function coordinator(spec: string, dir: string, queue: string) {
  const p = spawn(
    process.execPath,
    [
      BIN,
      "screen",
      spec,
      "--redis",
      REDIS,
      "--queue",
      queue,
      "--data-dir",
      dir,
      "--out",
      join(dir, "out.jsonl"),
      "--json",
      "--no-progress",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  children.add(p);
  let out = "";
  let err = "";
  p.stdout?.on("data", (d) => (out += d));
  p.stderr?.on("data", (d) => (err += d));
  const done = new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    p.on("exit", (code) => {
      children.delete(p);
      resolve({ code, out, err });
    }),
  );
  return { p, done };
}

function resultCount(dir: string): number {
  const file = join(dir, "smsi.sqlite");
  if (!existsSync(file)) return 0;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM screen_results").get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

async function until(cond: () => boolean, what: string, timeout_ms = 60_000) {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeout_ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function rows(dir: string) {
  const db = new Database(join(dir, "smsi.sqlite"), { readonly: true });
  const r = db.prepare("SELECT id, result FROM screen_results ORDER BY id").all() as {
    id: string;
    result: string;
  }[];
  db.close();
  return r;
}

function outIds(dir: string): string[] {
  return readFileSync(join(dir, "out.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l).id);
}

/** A KMC campaign: each combination takes tens of ms, long enough to kill a process mid-campaign. */
const KMC = {
  metals: ["Ru", "Pt"],
  supports: ["TiO2-rutile", "TiO2-anatase"],
  conditions: { gas: ["O2"], temperature_C: [300, 325, 350, 375, 400, 425, 450, 475, 500, 525] },
  compute: "kmc",
  kmc: { events: 20_000 },
};

beforeAll(async () => {
  ensureBuilt();
  const { Redis } = await import("ioredis");
  const r = new Redis(REDIS, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  r.on("error", () => {});
  try {
    await r.connect();
    expect(await r.ping()).toBe("PONG");
  } catch (e) {
    throw new Error(
      `these tests need redis-server on 127.0.0.1:6379 (.ci/run installs and starts it: apt-get install redis-server; redis-server --bind 127.0.0.1 --port 6379 --appendonly yes --maxmemory-policy noeviction --daemonize yes): ${String(e)}`,
    );
  } finally {
    r.disconnect();
  }
}, 300_000);

afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  const { Queue } = await import("bullmq");
  const { Redis } = await import("ioredis");
  for (const q of queues) {
    const connection = new Redis(REDIS, { maxRetriesPerRequest: null });
    const queue = new Queue(q, { connection });
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close();
    connection.disconnect();
  }
});

describe("distributed runner (BullMQ on Redis at 127.0.0.1)", () => {
  it("the same campaign gives identical results locally and on two worker processes", async () => {
    const spec = {
      metals: ["Ru", "Pt", "Pd"],
      supports: ["TiO2-rutile", "TiO2-anatase", "CeO2"],
      conditions: { gas: ["O2", "H2"], temperature_C: [350, 450, 550] },
      compute: "routes",
    };
    const local = Store.open(tempDir("local"));
    const pool = new LocalExecutor({ threads: 2 });
    await runCampaign(validateCampaign(spec), { db: local.db, executor: pool });
    await pool.close();
    const localRows = local.db.prepare("SELECT id, result FROM screen_results ORDER BY id").all();
    local.close();
    const dir = tempDir("dist");
    const queue = queueName("same");
    startWorker(queue);
    startWorker(queue);
    const c = coordinator(writeSpec(dir, "s.json", spec), dir, queue);
    const r = await c.done;
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      combinations: 54,
      completed: 54,
      failed: 0,
      executor: "bullmq",
    });
    expect(rows(dir)).toEqual(localRows);
  });

  it("a worker killed with SIGKILL mid-campaign: its job is taken over; every combination has exactly one result", async () => {
    const dir = tempDir("killw");
    const queue = queueName("killw");
    const spec = writeSpec(dir, "k.json", KMC);
    const n = [...combinations(validateCampaign(KMC))].length;
    const w1 = startWorker(queue);
    startWorker(queue);
    const c = coordinator(spec, dir, queue);
    await until(() => resultCount(dir) >= 6, "the first results");
    expect(resultCount(dir)).toBeLessThan(n);
    w1.kill("SIGKILL");
    startWorker(queue);
    const r = await c.done;
    expect(r.code, r.err).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary).toMatchObject({ combinations: n, completed: n, failed: 0, deadLettered: 0 });
    const ids = rows(dir).map((x) => x.id);
    expect(ids.length).toBe(n);
    expect(new Set(outIds(dir)).size).toBe(n);
    expect(outIds(dir).length).toBe(n);
  });

  it("a coordinator killed with SIGKILL: rerunning the same command completes the rest without duplicates", async () => {
    const dir = tempDir("killc");
    const queue = queueName("killc");
    const spec = writeSpec(dir, "k.json", KMC);
    const n = [...combinations(validateCampaign(KMC))].length;
    startWorker(queue);
    startWorker(queue);
    const first = coordinator(spec, dir, queue);
    await until(() => resultCount(dir) >= 6, "the first results");
    first.p.kill("SIGKILL");
    await first.done;
    const before = resultCount(dir);
    expect(before).toBeLessThan(n);
    const second = coordinator(spec, dir, queue);
    const r = await second.done;
    expect(r.code, r.err).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary.combinations).toBe(n);
    expect(summary.skipped).toBeGreaterThanOrEqual(before);
    expect(summary.completed + summary.skipped).toBe(n);
    expect(rows(dir).length).toBe(n);
    const ids = outIds(dir);
    expect(ids.length).toBe(n);
    expect(new Set(ids).size).toBe(n);
  });

  it("infrastructure errors are retried by BullMQ with backoff, then dead-lettered; transient ones recover; model errors are not retried", async () => {
    const { Worker } = await import("bullmq");
    const { Redis } = await import("ioredis");
    const queue = queueName("retry");
    const attempts = new Map<string, number>();
    const connection = new Redis(REDIS, { maxRetriesPerRequest: null });
    // An in-process worker that injects faults: always at 350 °C, on the first attempt only at 450 °C.
    const worker = new Worker(
      queue,
      async (job: { data: Combination; attemptsMade: number }) => {
        const c = job.data;
        attempts.set(c.id, (attempts.get(c.id) ?? 0) + 1);
        if (c.temperature_C === 350) throw new Error("ECONNRESET");
        if (c.temperature_C === 450 && job.attemptsMade === 0) throw new Error("worker lost");
        // A model error comes back as an outcome: not retried, dead-lettered as such.
        return outcomeOf(c, (x) => {
          if (x.metal === "Pt" && x.temperature_C === 550)
            throw new InputError("metal", "refused by the model");
          return computeCombination(x);
        });
      },
      { connection, concurrency: 4 },
    );
    const spec = validateCampaign({
      metals: ["Ru", "Pt"],
      supports: ["TiO2-rutile"],
      conditions: { gas: ["O2"], temperature_C: [350, 450, 550] },
    });
    const store = Store.open(tempDir("retry"));
    const retry = { attempts: 3, baseDelay_ms: 50, jitter: 0.5 };
    const s = await runCampaign(spec, {
      db: store.db,
      executor: new BullmqExecutor(REDIS, { queue, retry }),
    });
    await worker.close();
    connection.disconnect();
    const list = [...combinations(spec)];
    expect(s).toMatchObject({ combinations: 6, completed: 3, failed: 3, deadLettered: 3 });
    for (const c of list)
      expect(attempts.get(c.id)).toBe(c.temperature_C === 350 ? 3 : c.temperature_C === 450 ? 2 : 1);
    const dead = new ScreenResults(store.db).deadLetters();
    const infra = dead.filter((d) => d.errorKind === "infrastructure");
    expect(infra.length).toBe(2);
    expect(infra.every((d) => d.attempts === 3 && /ECONNRESET/.test(d.error))).toBe(true);
    expect(dead.filter((d) => d.errorKind === "model").map((d) => d.attempts)).toEqual([1]);
    store.close();
  });
});

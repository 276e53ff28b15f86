/**
 * The campaign logic, the same for every executor: expand the spec, skip what has a result (or is
 * dead-lettered), run the rest, write each result once to the store and then to the output file,
 * dead-letter what fails, and summarise.
 */
import type Database from "better-sqlite3";
import type { Executor, Outcome } from "./executor.js";
import { OutputWriter, resultRow } from "./output.js";
import { ProgressBar } from "./progress.js";
import { type StoredResult, ScreenResults } from "./results.js";
import { type CampaignSpec, type Combination, combinationCount, combinations, outputFields } from "./spec.js";

export interface CampaignSummary {
  combinations: number;
  /** Computed and written by this run. */
  completed: number;
  /** Had a result already (earlier run, or another coordinator). */
  skipped: number;
  /** Failed in this run (model errors and infrastructure errors that exhausted their retries). */
  failed: number;
  /** Combinations of the campaign in the dead-letter table after this run (not attempted until `smsi screen retry`). */
  deadLettered: number;
  seconds: number;
}

export interface CampaignOptions {
  db: Database.Database;
  executor: Executor;
  /** .csv or .jsonl output file. */
  out?: string;
  /** Draw a progress bar on this stream (default: none). */
  progress?: { write(s: string): unknown; isTTY?: boolean };
  /** Stop taking new combinations (SIGINT): what finished is written, the rest waits for a rerun. */
  signal?: AbortSignal;
}

/** Results buffered before one store transaction. ASSUMPTION: amortises the commit (~0.1 ms) over many rows. */
export const FLUSH_ROWS = 512;
/** Longest a result waits in the buffer, ms. */
export const FLUSH_INTERVAL_MS = 200;

export async function runCampaign(spec: CampaignSpec, opts: CampaignOptions): Promise<CampaignSummary> {
  const t0 = performance.now();
  const results = new ScreenResults(opts.db);
  const fields = outputFields(spec);
  const writer = opts.out ? new OutputWriter(opts.out, fields) : null;
  const total = combinationCount(spec);
  const bar = opts.progress ? new ProgressBar(total, opts.progress) : null;
  let completed = 0;
  let skipped = 0;
  let failed = 0;
  let deadBefore = 0;
  let finished = 0;
  const byId = new Map<string, Combination>();
  const row = (b: StoredResult) => resultRow(b.combination, JSON.parse(b.resultJson), fields);

  function* pending(): Generator<Combination> {
    let backfill: StoredResult[] = [];
    for (const c of combinations(spec)) {
      const state = results.state(c.id);
      if (state === "done") {
        skipped++;
        finished++;
        if (writer && !writer.has(c.id)) {
          const r = results.get(c.id);
          if (r) backfill.push(r);
          if (backfill.length >= FLUSH_ROWS) {
            writer.write(backfill.map(row));
            backfill = [];
          }
        }
        continue;
      }
      if (state === "dead") {
        deadBefore++;
        finished++;
        continue;
      }
      byId.set(c.id, c);
      yield c;
    }
    if (writer && backfill.length) writer.write(backfill.map(row));
  }

  let buffer: StoredResult[] = [];
  let lastFlush = performance.now();
  const flush = () => {
    if (!buffer.length) return;
    const fresh = new Set(results.write(buffer));
    completed += fresh.size;
    skipped += buffer.length - fresh.size;
    if (writer) writer.write(buffer.filter((b) => !writer.has(b.combination.id)).map(row));
    finished += buffer.length;
    buffer = [];
    lastFlush = performance.now();
    bar?.update(finished);
  };

  const onOutcome = (o: Outcome) => {
    const c = byId.get(o.id);
    if (!c) return;
    byId.delete(o.id);
    if (o.status === "done") {
      buffer.push({ combination: c, resultJson: o.resultJson });
      if (buffer.length >= FLUSH_ROWS || performance.now() - lastFlush > FLUSH_INTERVAL_MS) flush();
    } else {
      flush();
      if (results.deadLetter(c, o.errorKind, o.error, o.attempts)) failed++;
      finished++;
    }
  };

  try {
    await opts.executor.run(pending(), onOutcome, opts.signal);
    flush();
  } finally {
    flush();
    writer?.close();
  }
  bar?.finish(finished);
  return {
    combinations: total,
    completed,
    skipped,
    failed,
    deadLettered: deadBefore + failed,
    seconds: Number(((performance.now() - t0) / 1000).toFixed(3)),
  };
}

/** The ids of a campaign's combinations. */
export function campaignIds(spec: CampaignSpec): Set<string> {
  const ids = new Set<string>();
  for (const c of combinations(spec)) ids.add(c.id);
  return ids;
}

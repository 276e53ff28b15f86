/**
 * One executor interface for every way of running combinations (a piscina pool on this machine, BullMQ
 * workers on many, or inline for tests), so the campaign logic (skip what is done, write once,
 * dead-letter what keeps failing) is the same for all and is tested without Redis.
 *
 * Errors are classified where they happen: an InputError from the model is a *model* error (the
 * combination is outside what the model answers; retrying gives the same answer, so it is not
 * retried); anything else (a crashed worker, a lost connection, an exception the model did not mean)
 * is an *infrastructure* error, retried with exponential backoff and jitter up to a bounded number of
 * attempts, then dead-lettered.
 */
import { InputError } from "../units/errors.js";
import { type CombinationResult, computeCombination } from "./compute.js";
import type { ErrorKind } from "./results.js";
import type { Combination } from "./spec.js";

export type Outcome =
  /** The result as JSON, serialised where it was computed (worker threads or machines share the cost). */
  | { id: string; status: "done"; resultJson: string }
  | { id: string; status: "failed"; errorKind: ErrorKind; error: string; attempts: number };

export interface Executor {
  readonly name: string;
  /**
   * Run every combination of `pending` (consumed lazily: bounded memory) and report each outcome once
   * through `onOutcome` (in any order; awaited, so a slow sink slows the producer). Resolves when every
   * combination has an outcome.
   */
  run(
    pending: Iterable<Combination>,
    onOutcome: (o: Outcome) => void | Promise<void>,
    signal?: AbortSignal,
  ): Promise<void>;
  close(): Promise<void>;
}

/** Retry policy of infrastructure errors. */
export interface RetryPolicy {
  /** Attempts in all (first + retries). */
  attempts: number;
  /** Delay before the first retry, ms; doubled each retry. */
  baseDelay_ms: number;
  /** Fraction of the delay drawn at random (0–1), so that retries of many workers do not align. */
  jitter: number;
}

/**
 * Default retry policy: 5 attempts, 500 ms doubling, ±50 % jitter. ASSUMPTION: long enough to ride out
 * a worker restart or a brief connection loss (≈ 0.5 + 1 + 2 + 4 s ≈ 7.5 s in all), short enough that
 * a real fault reaches the dead-letter table within seconds.
 */
export const DEFAULT_RETRY: Readonly<RetryPolicy> = Object.freeze({
  attempts: 5,
  baseDelay_ms: 500,
  jitter: 0.5,
});

/** Delay before retry number `retry` (1 = first retry), ms: exponential with jitter. */
export function backoffDelay(retry: number, p: RetryPolicy, random: () => number = Math.random): number {
  const d = p.baseDelay_ms * 2 ** (retry - 1);
  return Math.round(d * (1 - p.jitter) + d * p.jitter * random());
}

/**
 * The outcome of computing one combination in this process: an InputError is a model outcome, any other
 * exception an infrastructure outcome (the executor retries it).
 */
export function outcomeOf(
  c: Combination,
  compute: (c: Combination) => CombinationResult = computeCombination,
): Outcome {
  try {
    return { id: c.id, status: "done", resultJson: JSON.stringify(compute(c)) };
  } catch (e) {
    if (e instanceof InputError)
      return { id: c.id, status: "failed", errorKind: "model", error: e.message, attempts: 1 };
    return {
      id: c.id,
      status: "failed",
      errorKind: "infrastructure",
      error: e instanceof Error ? e.message : String(e),
      attempts: 1,
    };
  }
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });

/**
 * Runs batches of combinations through `runBatch` (which returns one outcome per combination, or throws
 * when the whole batch was lost), keeping at most `inFlight` batches running, retrying infrastructure
 * failures with backoff and jitter. Shared by the inline and piscina executors.
 */
export async function runBatches(
  pending: Iterable<Combination>,
  onOutcome: (o: Outcome) => void | Promise<void>,
  opts: {
    runBatch: (batch: Combination[]) => Promise<Outcome[]>;
    batchSize: number;
    inFlight: number;
    retry: RetryPolicy;
    signal?: AbortSignal;
  },
): Promise<void> {
  const running = new Set<Promise<void>>();
  let firstError: unknown = null;
  const launch = (batch: Combination[], attempt: number) => {
    const p: Promise<void> = (async () => {
      let outcomes: Outcome[];
      try {
        outcomes = await opts.runBatch(batch);
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        outcomes = batch.map((c) => ({
          id: c.id,
          status: "failed" as const,
          errorKind: "infrastructure" as const,
          error: msg,
          attempts: attempt,
        }));
      }
      const retry: Combination[] = [];
      const byId = new Map(batch.map((c) => [c.id, c]));
      for (const o of outcomes) {
        if (o.status === "failed" && o.errorKind === "infrastructure" && attempt < opts.retry.attempts) {
          const c = byId.get(o.id);
          if (c) retry.push(c);
          continue;
        }
        await onOutcome(o.status === "failed" ? { ...o, attempts: attempt } : o);
      }
      if (retry.length && !opts.signal?.aborted) {
        await sleep(backoffDelay(attempt, opts.retry), opts.signal);
        launch(retry, attempt + 1);
      }
    })().catch((e) => {
      firstError ??= e;
    });
    running.add(p);
    p.finally(() => running.delete(p));
  };
  let batch: Combination[] = [];
  for (const c of pending) {
    if (opts.signal?.aborted || firstError) break;
    batch.push(c);
    if (batch.length < opts.batchSize) continue;
    launch(batch, 1);
    batch = [];
    while (running.size >= opts.inFlight) await Promise.race(running);
  }
  if (batch.length && !opts.signal?.aborted && !firstError) launch(batch, 1);
  while (running.size) await Promise.race(running);
  if (firstError) throw firstError;
}

/** Computes in this process (tests; one core). `compute` can be replaced to inject faults. */
export class InlineExecutor implements Executor {
  readonly name = "inline";
  constructor(
    private readonly compute: (c: Combination) => CombinationResult = computeCombination,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {}

  run(pending: Iterable<Combination>, onOutcome: (o: Outcome) => void | Promise<void>, signal?: AbortSignal) {
    return runBatches(pending, onOutcome, {
      runBatch: async (batch) => batch.map((c) => outcomeOf(c, this.compute)),
      batchSize: 64,
      inFlight: 1,
      retry: this.retry,
      signal,
    });
  }

  async close() {}
}

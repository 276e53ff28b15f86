/**
 * The local executor: a piscina worker-thread pool over all cores. Workers load the compiled worker
 * (dist/screen/worker.js): from dist/ it is the sibling file; from the TypeScript sources (tests, tsx)
 * it is the project's dist/ build, which must exist and be current (`npm run build`; npm ci runs it, and
 * the screen tests rebuild when src/ is newer than dist/).
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { InputError } from "../units/errors.js";
import { DEFAULT_RETRY, type Executor, type Outcome, type RetryPolicy, runBatches } from "./executor.js";
import type { Combination } from "./spec.js";

/**
 * Combinations sent to a worker at once. ASSUMPTION: large enough that the message cost (~tens of µs)
 * is small against ~60 µs per descriptor-level combination, small enough for a smooth progress bar.
 */
export const LOCAL_BATCH_SIZE = 256;

/** The compiled worker file piscina loads. */
export function workerFile(): string {
  const here = import.meta.url;
  const url = here.endsWith(".ts")
    ? new URL("../../dist/screen/worker.js", here)
    : new URL("./worker.js", here);
  const path = fileURLToPath(url);
  if (!existsSync(path))
    throw new InputError("--threads", `the compiled worker ${path} is missing; run \`npm run build\` first`);
  return path;
}

export interface LocalExecutorOptions {
  /** Worker threads (default: all cores). */
  threads?: number;
  batchSize?: number;
  retry?: RetryPolicy;
}

export class LocalExecutor implements Executor {
  readonly name = "local";
  readonly threads: number;
  private pool: import("piscina").Piscina | null = null;
  constructor(private readonly opts: LocalExecutorOptions = {}) {
    this.threads = Math.max(1, Math.floor(opts.threads ?? availableParallelism()));
  }

  private async getPool() {
    if (!this.pool) {
      const { Piscina } = await import("piscina");
      this.pool = new Piscina({
        filename: workerFile(),
        minThreads: this.threads,
        maxThreads: this.threads,
      });
    }
    return this.pool;
  }

  async run(
    pending: Iterable<Combination>,
    onOutcome: (o: Outcome) => void | Promise<void>,
    signal?: AbortSignal,
  ) {
    const pool = await this.getPool();
    await runBatches(pending, onOutcome, {
      runBatch: (batch) => pool.run(batch) as Promise<Outcome[]>,
      batchSize: this.opts.batchSize ?? LOCAL_BATCH_SIZE,
      inFlight: 2 * this.threads,
      retry: this.opts.retry ?? DEFAULT_RETRY,
      signal,
    });
  }

  async close() {
    await this.pool?.destroy();
    this.pool = null;
  }
}

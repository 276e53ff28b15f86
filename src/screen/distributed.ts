/**
 * The distributed executor on BullMQ + Redis. The coordinator (`smsi screen SPEC --redis URL`) enqueues
 * every combination that has no result, one job per combination with the combination id as job id
 * (enqueueing an id twice is a no-op), and collects finished jobs into the store, which is the state of
 * record: Redis holds only work in flight, and a rerun re-enqueues whatever the store lacks. Workers
 * (`smsi worker --redis URL`, any machine) compute jobs; a model error comes back as a result (not
 * retried); any other error fails the attempt and BullMQ retries it with exponential backoff and jitter;
 * a job whose worker died is found stalled when its lock expires and taken over by another worker.
 */
import type { Job, Queue as QueueType } from "bullmq";
import { InputError } from "../units/errors.js";
import { DEFAULT_RETRY, type Executor, type Outcome, outcomeOf, type RetryPolicy } from "./executor.js";
import type { Combination } from "./spec.js";

/** The BullMQ queue of screening jobs. */
export const QUEUE_NAME = "smsi-screen";
/** Jobs added to Redis per round trip. */
const ENQUEUE_CHUNK = 500;
/**
 * Jobs enqueued and not yet collected, at most. ASSUMPTION: minutes of work for tens of workers at
 * descriptor level, ~10 MB in Redis; more are enqueued as these finish.
 */
export const IN_FLIGHT_JOBS = 10_000;
/** Finished jobs read per round trip. */
const COLLECT_PAGE = 1000;
/** How often the coordinator looks for finished jobs when none were found, ms. */
export const COLLECT_POLL_MS = 200;
/** Longest wait for Redis to answer when connecting, ms. */
export const REDIS_CONNECT_TIMEOUT_MS = 5_000;

/**
 * Worker lock on a job, ms: a worker that stops renewing it (killed) loses the job after this long and
 * another worker takes it over. BullMQ's default (30 s); tests shorten it.
 */
export const DEFAULT_LOCK_MS = 30_000;
/** Times a job may be found stalled before it fails (then retried per its attempts). ASSUMPTION. */
export const MAX_STALLED_COUNT = 3;

export function checkRedisUrl(url: string): string {
  if (!/^rediss?:\/\/[^\s]+$/.test(url))
    throw new InputError("--redis", `write a Redis URL like redis://127.0.0.1:6379 (got "${url}")`);
  return url;
}

export function checkQueueName(name: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name))
    throw new InputError("--queue", `a queue name is 1–64 letters, digits, _ or - (got "${name}")`);
  return name;
}

async function connect(url: string) {
  const { Redis } = await import("ioredis");
  const probe = new Redis(checkRedisUrl(url), {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
    retryStrategy: () => null,
  });
  probe.on("error", () => {});
  try {
    await probe.connect();
    await probe.ping();
  } catch (e) {
    throw new InputError(
      "--redis",
      `cannot reach Redis at ${url} (${e instanceof Error ? e.message : String(e)}); start redis-server or check the URL`,
    );
  } finally {
    probe.disconnect();
  }
  return new Redis(url, { maxRetriesPerRequest: null });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface BullmqExecutorOptions {
  retry?: RetryPolicy;
  /** A job id that already has a result or a dead letter in the store (its leftover job is removed). */
  settled?: (id: string) => boolean;
  /** Queue name (default QUEUE_NAME); campaigns on separate queues do not see each other's jobs. */
  queue?: string;
}

export class BullmqExecutor implements Executor {
  readonly name = "bullmq";
  constructor(
    readonly url: string,
    private readonly opts: BullmqExecutorOptions = {},
  ) {
    checkRedisUrl(url);
  }

  async run(
    pending: Iterable<Combination>,
    onOutcome: (o: Outcome) => void | Promise<void>,
    signal?: AbortSignal,
  ) {
    const { Queue } = await import("bullmq");
    const connection = await connect(this.url);
    const queue = new Queue(checkQueueName(this.opts.queue ?? QUEUE_NAME), { connection });
    const started = Date.now();
    const retry = this.opts.retry ?? DEFAULT_RETRY;
    const jobOpts = {
      attempts: retry.attempts,
      backoff: { type: "exponential", delay: retry.baseDelay_ms, jitter: retry.jitter },
      removeOnComplete: false,
      removeOnFail: false,
    };
    const waiting = new Map<string, Combination>();
    try {
      const enqueue = async (batch: Combination[]) => {
        await queue.addBulk(
          batch.map((c) => ({ name: c.compute, data: c, opts: { ...jobOpts, jobId: c.id } })),
        );
      };
      let batch: Combination[] = [];
      for (const c of pending) {
        if (signal?.aborted) break;
        waiting.set(c.id, c);
        batch.push(c);
        if (batch.length < ENQUEUE_CHUNK) continue;
        await enqueue(batch);
        batch = [];
        await this.collect(queue, waiting, onOutcome, started, enqueue);
        // Bounded work in flight: Redis and this process hold at most a window of jobs.
        while (waiting.size >= IN_FLIGHT_JOBS && !signal?.aborted)
          if ((await this.collect(queue, waiting, onOutcome, started, enqueue)) === 0)
            await sleep(COLLECT_POLL_MS);
      }
      if (batch.length) await enqueue(batch);
      // At least one pass, so that jobs a killed coordinator left finished in Redis are cleaned up even
      // when the store has every result already.
      await this.collect(queue, waiting, onOutcome, started, enqueue);
      while (waiting.size && !signal?.aborted) {
        const n = await this.collect(queue, waiting, onOutcome, started, enqueue);
        if (n === 0) await sleep(COLLECT_POLL_MS);
      }
    } finally {
      await queue.close();
      connection.disconnect();
    }
  }

  /** Read finished jobs, report the campaign's own, remove them from Redis; returns how many were ours. */
  private async collect(
    queue: QueueType,
    waiting: Map<string, Combination>,
    onOutcome: (o: Outcome) => void | Promise<void>,
    started: number,
    enqueue: (batch: Combination[]) => Promise<void>,
  ): Promise<number> {
    let ours = 0;
    for (const type of ["completed", "failed"] as const) {
      const count = await queue.getJobCountByTypes(type);
      const toRemove: string[] = [];
      const stale: Combination[] = [];
      for (let start = 0; start < count; start += COLLECT_PAGE) {
        const jobs = (await queue.getJobs(type, start, start + COLLECT_PAGE - 1, true)) as Job[];
        for (const job of jobs) {
          const id = job?.id;
          if (!id) continue;
          const c = waiting.get(id);
          if (!c) {
            if (this.opts.settled?.(id)) toRemove.push(id);
            continue;
          }
          if (type === "failed" && (job.finishedOn ?? 0) < started) {
            // Left failed by an earlier run whose coordinator stopped before recording it: run it again.
            toRemove.push(id);
            stale.push(c);
            continue;
          }
          const outcome: Outcome =
            type === "completed"
              ? (job.returnvalue as Outcome)
              : {
                  id,
                  status: "failed",
                  errorKind: "infrastructure",
                  error: job.failedReason || "failed",
                  attempts: job.attemptsMade,
                };
          await onOutcome(outcome);
          waiting.delete(id);
          toRemove.push(id);
          ours++;
        }
      }
      for (const id of toRemove) await queue.remove(id);
      if (stale.length) await enqueue(stale);
    }
    return ours;
  }

  async close() {}
}

export interface WorkerOptions {
  queue?: string;
  concurrency?: number;
  lock_ms?: number;
  /** Where to report stalled jobs and connection errors (stderr for `smsi worker`). */
  log?: (line: string) => void;
}

/** Process screening jobs until closed (`smsi worker`). */
export async function startWorker(url: string, opts: WorkerOptions = {}) {
  const { Worker } = await import("bullmq");
  const connection = await connect(url);
  const lockDuration = opts.lock_ms ?? DEFAULT_LOCK_MS;
  const worker = new Worker(
    checkQueueName(opts.queue ?? QUEUE_NAME),
    async (job: Job<Combination>) => {
      const o = outcomeOf(job.data);
      // An infrastructure error fails the attempt: BullMQ retries it with backoff and jitter.
      if (o.status === "failed" && o.errorKind === "infrastructure") throw new Error(o.error);
      return o;
    },
    {
      connection,
      concurrency: Math.max(1, opts.concurrency ?? 1),
      lockDuration,
      stalledInterval: Math.max(100, Math.floor(lockDuration / 2)),
      maxStalledCount: MAX_STALLED_COUNT,
    },
  );
  worker.on("error", (e) => opts.log?.(`worker error: ${e.message}`));
  worker.on("stalled", (jobId) => opts.log?.(`job ${jobId} stalled (its worker stopped): taken over`));
  await worker.waitUntilReady();
  return {
    worker,
    async close() {
      await worker.close();
      connection.disconnect();
    },
  };
}

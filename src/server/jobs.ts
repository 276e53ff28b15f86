/**
 * A generic background-job runner: a job is an async function that reports progress and calls
 * `checkpoint()` between steps; the runner stores it as a run (`running` → done | failed | cancelled),
 * streams its events to subscribers (server-sent events) and cancels it on request or when it exceeds
 * its run-time limit. Jobs run one at a time per runner slot (`concurrency`), queued beyond that, with a
 * bounded queue. Jobs share the event loop with requests: `checkpoint()` yields so the server stays
 * responsive; a single library call between two checkpoints is not interrupted.
 */
import { EventEmitter } from "node:events";
import { InputError } from "../units/errors.js";
import type { Store } from "../store/store.js";

export type JobStatus = "queued" | "running" | "done" | "failed" | "cancelled";

export interface JobEvent {
  type: "status" | "progress" | "done" | "failed" | "cancelled";
  jobId: string;
  status: JobStatus;
  progress: number;
  message: string;
  result?: unknown;
  error?: string;
  /** Job-specific progress data (e.g. the simulate job's curve so far). */
  data?: unknown;
}

export interface JobContext {
  signal: AbortSignal;
  progress(fraction: number, message: string, data?: unknown): void;
  checkpoint(): Promise<void>;
}

export type JobFunction = (ctx: JobContext) => Promise<unknown>;

export interface JobInfo {
  id: string;
  kind: string;
  status: JobStatus;
  progress: number;
  message: string;
  createdAt: string;
  error: string | null;
}

export interface JobRunnerOptions {
  /** Jobs running at once (default 1: the machine has few cores and requests need one). */
  concurrency?: number;
  /** Jobs waiting beyond which new ones are refused (503). */
  maxQueued?: number;
  /** Wall-clock limit of one job, ms. */
  maxRunTime_ms?: number;
}

/** Default run-time limit of a job, ms (10 minutes). */
export const DEFAULT_JOB_RUN_TIME_MS = 600_000;
/** Default bound on queued jobs. */
export const DEFAULT_MAX_QUEUED_JOBS = 20;
/** Finished jobs kept in memory for their event streams (older ones are read from the store). */
const FINISHED_KEPT = 200;

class Cancelled extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

interface Job extends JobInfo {
  fn: JobFunction;
  controller: AbortController;
  events: EventEmitter;
  last: JobEvent;
  deadline: number;
}

export class QueueFullError extends Error {}

export class JobRunner {
  private readonly jobs = new Map<string, Job>();
  private readonly queue: Job[] = [];
  private running = 0;
  private readonly concurrency: number;
  private readonly maxQueued: number;
  private readonly maxRunTime: number;

  constructor(
    private readonly store: Store,
    options: JobRunnerOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 1;
    this.maxQueued = options.maxQueued ?? DEFAULT_MAX_QUEUED_JOBS;
    this.maxRunTime = options.maxRunTime_ms ?? DEFAULT_JOB_RUN_TIME_MS;
  }

  /** Queue a job; its id is the id of its run in the store. */
  submit(kind: string, inputs: unknown, fn: JobFunction): JobInfo {
    if (this.queue.length >= this.maxQueued)
      throw new QueueFullError(`${this.queue.length} jobs are waiting; try again when one has finished`);
    const id = this.store.startRun(kind, inputs);
    const job: Job = {
      id,
      kind,
      status: "queued",
      progress: 0,
      message: "queued",
      createdAt: new Date().toISOString(),
      error: null,
      fn,
      controller: new AbortController(),
      events: new EventEmitter(),
      last: { type: "status", jobId: id, status: "queued", progress: 0, message: "queued" },
      deadline: Number.POSITIVE_INFINITY,
    };
    job.events.setMaxListeners(100);
    this.jobs.set(id, job);
    this.queue.push(job);
    this.pump();
    return this.info(job);
  }

  get(id: string): JobInfo | null {
    const job = this.jobs.get(id);
    return job ? this.info(job) : null;
  }

  /** The latest event and a subscription to the next ones; null when the job is unknown here. */
  subscribe(id: string, listener: (e: JobEvent) => void): { last: JobEvent; unsubscribe: () => void } | null {
    const job = this.jobs.get(id);
    if (!job) return null;
    job.events.on("event", listener);
    return { last: job.last, unsubscribe: () => job.events.off("event", listener) };
  }

  /** Cancel a queued or running job; false when it has already finished or is unknown. */
  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job || (job.status !== "queued" && job.status !== "running")) return false;
    if (job.status === "queued") {
      this.queue.splice(this.queue.indexOf(job), 1);
      this.finish(job, "cancelled", undefined, "cancelled by the user");
    } else job.controller.abort(new Cancelled("cancelled by the user"));
    return true;
  }

  /** Resolves when no job is queued or running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running > 0 || this.queue.length > 0) await new Promise((r) => setTimeout(r, 10));
  }

  /** Cancel everything (server shutdown). */
  cancelAll(): void {
    for (const job of [...this.queue]) this.cancel(job.id);
    for (const job of this.jobs.values()) if (job.status === "running") this.cancel(job.id);
  }

  private info(job: Job): JobInfo {
    return {
      id: job.id,
      kind: job.kind,
      status: job.status,
      progress: job.progress,
      message: job.message,
      createdAt: job.createdAt,
      error: job.error,
    };
  }

  private emit(job: Job, e: Omit<JobEvent, "jobId" | "status" | "progress"> & { progress?: number }): void {
    const event: JobEvent = { ...e, jobId: job.id, status: job.status, progress: e.progress ?? job.progress };
    job.last = event;
    job.events.emit("event", event);
  }

  private pump(): void {
    while (this.running < this.concurrency && this.queue.length > 0) {
      const job = this.queue.shift()!;
      this.running++;
      void this.run(job).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async run(job: Job): Promise<void> {
    job.status = "running";
    job.message = "running";
    job.deadline = Date.now() + this.maxRunTime;
    this.emit(job, { type: "status", message: "running" });
    const signal = job.controller.signal;
    const ctx: JobContext = {
      signal,
      progress: (fraction, message, data) => {
        job.progress = Math.min(1, Math.max(0, fraction));
        job.message = message;
        this.emit(job, { type: "progress", message, ...(data === undefined ? {} : { data }) });
      },
      checkpoint: async () => {
        await new Promise((r) => setImmediate(r));
        if (signal.aborted) throw signal.reason;
        if (Date.now() > job.deadline)
          throw new Cancelled(`exceeded the run-time limit of ${this.maxRunTime / 1000} s`);
      },
    };
    try {
      const result = await job.fn(ctx);
      this.finish(job, "done", result);
    } catch (e) {
      if (e instanceof Cancelled)
        this.finish(job, e.reason.startsWith("cancelled") ? "cancelled" : "failed", undefined, e.reason);
      else this.finish(job, "failed", undefined, e instanceof InputError ? e.message : String(e));
    }
  }

  private finish(job: Job, status: "done" | "failed" | "cancelled", result?: unknown, error?: string): void {
    job.status = status;
    job.error = error ?? null;
    if (status === "done") job.progress = 1;
    job.message = status === "done" ? "done" : (error ?? status);
    this.store.finishRun(job.id, { status, result, error });
    this.emit(job, { type: status, message: job.message, result, error });
    job.events.removeAllListeners();
    // forget the oldest finished jobs
    const finished = [...this.jobs.values()].filter((j) => !["queued", "running"].includes(j.status));
    for (const old of finished.slice(0, Math.max(0, finished.length - FINISHED_KEPT)))
      this.jobs.delete(old.id);
  }
}

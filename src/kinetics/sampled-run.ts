/** Running a model's engine in chunks, one sample of its observables every `sampleEvery` events. */
import { InputError } from "../units/errors.js";
import type { GraphLatticeGas, GraphProgress } from "./graph-lattice-gas.js";

export interface RunOptions {
  /** Stop at this simulated time, s. */
  until_s?: number;
  onProgress?: (p: GraphProgress) => void;
  /** Events between progress reports (rounded up to whole sampling chunks). */
  progressEvery?: number;
}

/** Where a sampled run stands: its samples and the events since the last one (part of a checkpoint). */
export interface SampledState<S> {
  series: S[];
  sinceSample: number;
}

/**
 * Run `events` more events (fewer when the engine stops or reaches `until_s`), sampling every
 * `sampleEvery` events and once at a stop. Chunk boundaries depend only on the event count, so a run
 * resumed from a checkpoint samples exactly where the uninterrupted one does. Returns events done.
 */
export function runSampled<S>(
  engine: GraphLatticeGas,
  state: SampledState<S>,
  sampleEvery: number,
  sample: () => S,
  events: number,
  options: RunOptions = {},
): number {
  if (!Number.isInteger(events) || events < 0)
    throw new InputError("events", `must be a non-negative integer (got ${events})`);
  const every = options.progressEvery ?? 100_000;
  const started = performance.now();
  let done = 0;
  let reported = 0;
  while (done < events) {
    const n = Math.min(events - done, sampleEvery - state.sinceSample);
    const ran = engine.run(n, { until_s: options.until_s });
    done += ran;
    state.sinceSample += ran;
    if (state.sinceSample === sampleEvery || ran < n) {
      state.series.push(sample());
      state.sinceSample = 0;
    }
    if (options.onProgress && (done - reported >= every || done === events || ran < n)) {
      reported = done;
      const rate = done / Math.max(1e-9, (performance.now() - started) / 1000);
      options.onProgress({
        events: done,
        of: events,
        time_s: engine.time,
        eventsPerSecond: rate,
        eta_s: (events - done) / rate,
      });
    }
    if (ran < n) break;
  }
  return done;
}

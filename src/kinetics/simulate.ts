/**
 * One-call runs of the two models with the result shapes of `smsi simulate` (issue 13): the lead wires
 * the CLI (flags → options, Δμ_O from src/thermo, the landscape from src/thermo/landscape.ts, surface
 * energies from the materials data) onto these. Either `events` or `time_s` bounds a run; with time
 * only, at most `maxEvents` events run and `reachedTime` says whether the time was reached.
 */
import { InputError } from "../units/errors.js";
import {
  type BulkOxygenCheckpoint,
  BulkOxygenModel,
  type BulkOxygenOptions,
  type BulkOxygenSample,
} from "./bulk-oxygen.js";
import {
  type EncapsulationCheckpoint,
  EncapsulationModel,
  type EncapsulationOptions,
  type EncapsulationSample,
} from "./encapsulation.js";
import type { GraphLatticeGas } from "./graph-lattice-gas.js";
import type { Assumption } from "./landscape-input.js";
import type { RunOptions } from "./sampled-run.js";

/** Events a time-bounded run may take at most unless told otherwise (bounded work: ≈ 3 min at 0.6 M/s). */
export const DEFAULT_MAX_EVENTS = 100_000_000;

/** Fewest events between periodic checkpoints (bounded I/O: a checkpoint holds the whole lattice). */
export const MIN_CHECKPOINT_EVERY = 1000;

export interface RunBounds<C = unknown> {
  events?: number;
  time_s?: number;
  maxEvents?: number;
  onProgress?: RunOptions["onProgress"];
  progressEvery?: number;
  /**
   * Hand the state to `onCheckpoint` every this many events (and the run goes on unchanged: chunk
   * boundaries do not touch the random stream or the sampling, so the result equals an uninterrupted run).
   */
  checkpointEvery?: number;
  onCheckpoint?: (checkpoint: C) => void;
}

export interface SimulationResult<F, S, C> {
  final: F;
  series: S[];
  simulatedTime_s: number;
  events: number;
  reachedTime: boolean | null;
  parameters: Record<string, number | string | boolean>;
  assumptions: Assumption[];
  checkpoint: C;
}

function bounds(b: RunBounds<never>): { events: number; until_s: number | undefined } {
  if (b.events === undefined && b.time_s === undefined)
    throw new InputError("--events", "give --events N or --time S (or both)");
  if (b.events !== undefined && !(Number.isInteger(b.events) && b.events >= 0 && b.events <= 1e10))
    throw new InputError("--events", `must be an integer 0–1e10 (got ${b.events})`);
  if (b.time_s !== undefined && !(b.time_s > 0 && Number.isFinite(b.time_s)))
    throw new InputError("--time", `must be a positive time in s (got ${b.time_s})`);
  if (
    b.checkpointEvery !== undefined &&
    !(Number.isInteger(b.checkpointEvery) && b.checkpointEvery >= MIN_CHECKPOINT_EVERY)
  )
    throw new InputError(
      "--checkpoint-every",
      `must be an integer ≥ ${MIN_CHECKPOINT_EVERY} events (got ${b.checkpointEvery})`,
    );
  return { events: b.events ?? b.maxEvents ?? DEFAULT_MAX_EVENTS, until_s: b.time_s };
}

interface RunnableModel<S, C> {
  run(events: number, options: RunOptions): number;
  sample(): S;
  checkpoint(): C;
  readonly engine: GraphLatticeGas;
  readonly series: S[];
  readonly parameters: Record<string, number | string | boolean>;
  readonly assumptions: Assumption[];
}

function simulate<S, C, F>(
  model: RunnableModel<S, C>,
  run: RunBounds<C>,
  final: (s: S) => F,
): SimulationResult<F, S, C> {
  const { events, until_s } = bounds(run);
  const chunk = run.onCheckpoint && run.checkpointEvery ? run.checkpointEvery : events;
  const started = performance.now();
  let done = 0;
  while (done < events) {
    const n = Math.min(chunk, events - done);
    const before = done;
    const onProgress = run.onProgress;
    const ran = model.run(n, {
      until_s,
      progressEvery: run.progressEvery,
      // progress of the whole run, not of the chunk
      onProgress: onProgress
        ? (p) => {
            const all = before + p.events;
            const rate = all / Math.max(1e-9, (performance.now() - started) / 1000);
            onProgress({
              ...p,
              events: all,
              of: events,
              eventsPerSecond: rate,
              eta_s: (events - all) / rate,
            });
          }
        : undefined,
    });
    done += ran;
    if (ran < n) break;
    if (done < events) run.onCheckpoint?.(model.checkpoint());
  }
  return {
    final: final(model.sample()),
    series: model.series,
    simulatedTime_s: model.engine.time,
    events: model.engine.events,
    reachedTime: until_s === undefined ? null : model.engine.time >= until_s,
    parameters: model.parameters,
    assumptions: model.assumptions,
    checkpoint: model.checkpoint(),
  };
}

export function simulateBulkOxygen(
  options: BulkOxygenOptions,
  run: RunBounds<BulkOxygenCheckpoint>,
  resumeFrom?: BulkOxygenCheckpoint,
): SimulationResult<
  Pick<
    BulkOxygenSample,
    | "oxidisedFraction"
    | "o18FractionOfMetalOxygen"
    | "interfaceCrossings"
    | "surfaceIncorporations"
    | "frontDepth_nm"
  >,
  BulkOxygenSample,
  BulkOxygenCheckpoint
> {
  bounds(run);
  return simulate(new BulkOxygenModel(options, resumeFrom), run, (last) => ({
    oxidisedFraction: last.oxidisedFraction,
    o18FractionOfMetalOxygen: last.o18FractionOfMetalOxygen,
    interfaceCrossings: last.interfaceCrossings,
    surfaceIncorporations: last.surfaceIncorporations,
    frontDepth_nm: last.frontDepth_nm,
  }));
}

export function simulateEncapsulation(
  options: EncapsulationOptions,
  run: RunBounds<EncapsulationCheckpoint>,
  resumeFrom?: EncapsulationCheckpoint,
): SimulationResult<
  Pick<EncapsulationSample, "coverage" | "freeMetalSiteFraction" | "coCapacityRelative">,
  EncapsulationSample,
  EncapsulationCheckpoint
> {
  bounds(run);
  return simulate(new EncapsulationModel(options, resumeFrom), run, (last) => ({
    coverage: last.coverage,
    freeMetalSiteFraction: last.freeMetalSiteFraction,
    coCapacityRelative: last.coCapacityRelative,
  }));
}

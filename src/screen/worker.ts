/**
 * The piscina worker entry: computes a batch of combinations, one outcome each (model errors
 * classified; any other exception is an infrastructure outcome the executor retries). Loaded by
 * piscina from the compiled file dist/screen/worker.js (see local.ts).
 */
import { type Outcome, outcomeOf } from "./executor.js";
import type { Combination } from "./spec.js";

export default function computeBatch(batch: Combination[]): Outcome[] {
  return batch.map((c) => outcomeOf(c));
}

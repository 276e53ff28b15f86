/** Run a fuzz target as a property in `npm test`: fixed seed, a small time budget, no failures allowed. */
import fc from "fast-check";
import { expect } from "vitest";
import { FAILURE_KINDS, FUZZ_SEED, type FuzzTarget } from "./targets/common.js";

/** Milliseconds per target in the ordinary test run (the whole fuzz suite stays a few seconds). */
export const IN_SUITE_BUDGET_MS = 600;

export function checkTarget<T>(target: FuzzTarget<T>, numRuns = 400): { runs: number } {
  let runs = 0;
  fc.assert(
    fc.property(target.arbitrary, (input) => {
      runs++;
      const o = target.run(input);
      expect(FAILURE_KINDS.includes(o.kind), `${o.kind}: ${o.detail}\ninput: ${target.show(input)}`).toBe(
        false,
      );
    }),
    { seed: FUZZ_SEED, numRuns, interruptAfterTimeLimit: IN_SUITE_BUDGET_MS, markInterruptAsFailure: false },
  );
  return { runs };
}

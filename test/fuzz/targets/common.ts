/**
 * Fuzz targets shared by the in-suite property tests (test/fuzz/*.test.ts, fixed seed, small time budget)
 * and the longer `npm run fuzz` (scripts/fuzz.ts, each input in a child process with a time limit).
 *
 * Every input has one outcome:
 *   accepted         the input was read (and any property about the result held)
 *   refused          an InputError (a clean, user-facing refusal naming a field)
 *   internal         any other thrown error: a bug
 *   unreadable-write smsi wrote a CIF it cannot read back, or read back something else
 *   wrong            accepted, but the result breaks a documented limit (e.g. a pressure outside its range)
 * (`npm run fuzz` adds `hang`: an input that did not finish within the per-input time limit.)
 */
import { readdirSync, readFileSync } from "node:fs";
import type fc from "fast-check";
import { InputError } from "../../../src/units/errors.js";

export type OutcomeKind = "accepted" | "refused" | "internal" | "unreadable-write" | "wrong";
export const OUTCOME_KINDS: OutcomeKind[] = ["accepted", "refused", "internal", "unreadable-write", "wrong"];
/** Outcomes that are bugs. */
export const FAILURE_KINDS: OutcomeKind[] = ["internal", "unreadable-write", "wrong"];

export interface Outcome {
  kind: OutcomeKind;
  detail?: string;
}

export interface FuzzTarget<T = unknown> {
  name: string;
  arbitrary: fc.Arbitrary<T>;
  run(input: T): Outcome;
  /** A short, printable form of an input for reports. */
  show(input: T): string;
}

/** The fixed seed of the in-suite runs (and the default of `npm run fuzz`). */
export const FUZZ_SEED = 20261125;

/** Run `f`; an InputError is "refused", any other error "internal". */
export function outcomeOf(f: () => Outcome | undefined): Outcome {
  try {
    return f() ?? { kind: "accepted" };
  } catch (e) {
    if (e instanceof InputError) return { kind: "refused", detail: e.field };
    return { kind: "internal", detail: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

export const preview = (s: string) => JSON.stringify(s.length > 300 ? `${s.slice(0, 300)}…` : s);

/** The project root, for seed files (bundled CIFs, example evidence). */
export const ROOT = new URL("../../../", import.meta.url);

/** Text of the files in a project folder whose names end in `ext`. */
export function seedFiles(folder: string, ext: string, max = 100): string[] {
  return readdirSync(new URL(folder, ROOT))
    .filter((f) => f.endsWith(ext))
    .slice(0, max)
    .map((f) => readFileSync(new URL(`${folder}${f}`, ROOT), "utf8"));
}

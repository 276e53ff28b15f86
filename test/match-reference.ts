/** Shared loader for the pymatgen reference of `smsi match` (../shared/reference/zsl/matches.json). */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Structure } from "../src/crystal/structure.js";
import { InputError } from "../src/units/errors.js";
import { type PhaseInput, structureFromPhaseInput } from "../src/match/input-structure.js";

export const REFERENCE_PATH = fileURLToPath(
  new URL("../../shared/reference/zsl/matches.json", import.meta.url),
);

export interface ReferenceBest {
  area: number;
  von_mises_strain: number;
  film_sl_vectors: number[][];
  substrate_sl_vectors: number[][];
}
export interface ReferenceMillerPair {
  film_miller: number[];
  substrate_miller: number[];
  n_matches: number;
  best: ReferenceBest;
}
export interface ReferencePair {
  film: string;
  substrate: string;
  n_matches: number;
  per_miller_pair: ReferenceMillerPair[];
}
export interface Reference {
  parameters: Record<string, number>;
  inputs: Record<string, PhaseInput>;
  pairs: ReferencePair[];
}

export function loadReference(): Reference {
  return JSON.parse(readFileSync(REFERENCE_PATH, "utf8")) as Reference;
}

export function referenceStructure(ref: Reference, id: string): { id: string; structure: Structure } {
  return { id, structure: structureFromPhaseInput(ref.inputs[id], id) };
}

/** The field an InputError names, or undefined when `f` does not throw one (other errors propagate). */
export function fieldOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.field;
    throw e;
  }
  return undefined;
}

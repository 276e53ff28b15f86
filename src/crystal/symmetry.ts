/**
 * Space-group analysis through moyo (spglib's successor; @spglib/moyo-wasm), loaded synchronously
 * from the package's WebAssembly file.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type MoyoDataset, analyze_cell, initSync, operations_from_number } from "@spglib/moyo-wasm";
import { InputError } from "../units/errors.js";
import type { Structure } from "./structure.js";
import type { Mat3, Vec3 } from "./vector.js";
import { atomicNumber } from "./elements.js";

let initialised = false;
/** Load moyo's WebAssembly once, synchronously. */
export function ensureMoyo(): void {
  if (initialised) return;
  const require = createRequire(import.meta.url);
  const wasmPath = require.resolve("@spglib/moyo-wasm/moyo_wasm_bg.wasm");
  initSync({ module: readFileSync(wasmPath) });
  initialised = true;
}

/** A symmetry operation x' = R x + t in fractional coordinates of the cell analysed. */
export interface SymmetryOperation {
  rotation: Mat3;
  translation: Vec3;
}

export interface SymmetryDataset {
  /** International space-group number, 1–230. */
  number: number;
  /** Hermann–Mauguin symbol as moyo writes it, e.g. "P4_2/mnm". */
  hmSymbol: string;
  hallNumber: number;
  pearsonSymbol: string;
  /** Operations in the coordinates of the input cell. */
  operations: SymmetryOperation[];
  /** Wyckoff letter per input site. */
  wyckoffs: string[];
  symprec: number;
}

/** Default distance tolerance (Å) for symmetry search, as spglib/pymatgen default 0.01 Å… moyo default 1e-4. */
export const DEFAULT_SYMPREC_ANGSTROM = 1e-3;

/** moyo serialises nalgebra matrices column-major: [r00, r10, r20, r01, …]. */
export function mat3FromColumnMajor(r: readonly number[]): Mat3 {
  return [
    [r[0], r[3], r[6]],
    [r[1], r[4], r[7]],
    [r[2], r[5], r[8]],
  ];
}

/**
 * Space group of a structure. Partially occupied sites of different species on the same position
 * are treated as distinct species labels (the site's majority species decides its type).
 */
export function analyzeSymmetry(structure: Structure, symprec = DEFAULT_SYMPREC_ANGSTROM): SymmetryDataset {
  ensureMoyo();
  if (structure.sites.length === 0) throw new InputError("structure.sites", "structure has no atoms");
  const m = structure.lattice.matrix;
  const cell = {
    lattice: { basis: [...m[0], ...m[1], ...m[2]] },
    positions: structure.sites.map((s) => s.frac),
    numbers: structure.sites.map((s) => atomicNumber(s.species)),
  };
  let ds: MoyoDataset;
  try {
    ds = analyze_cell(JSON.stringify(cell), symprec, "Standard");
  } catch (e) {
    throw new InputError("structure", `symmetry search failed (${String(e)}); check for overlapping atoms`);
  }
  return {
    number: ds.number,
    hmSymbol: ds.hm_symbol,
    hallNumber: ds.hall_number,
    pearsonSymbol: ds.pearson_symbol,
    operations: ds.operations.map((op) => ({
      rotation: mat3FromColumnMajor(op.rotation),
      translation: op.translation,
    })),
    wyckoffs: ds.wyckoffs,
    symprec,
  };
}

/** Operations of space group `number` in its standard (ITA) setting, conventional cell. */
export function standardOperations(number: number): SymmetryOperation[] {
  ensureMoyo();
  if (!Number.isInteger(number) || number < 1 || number > 230)
    throw new InputError("spaceGroup", `space-group number must be 1–230 (got ${number})`);
  return operations_from_number(number, { type: "Standard" }, false).map((op) => ({
    rotation: mat3FromColumnMajor(op.rotation),
    translation: op.translation,
  }));
}

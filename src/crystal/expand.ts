/**
 * Expansion of an asymmetric unit by the space-group operations, with images at special positions
 * merged (periodic Cartesian distance below a tolerance).
 */
import { InputError } from "../units/errors.js";
import type { Lattice } from "./lattice.js";
import type { Site } from "./structure.js";
import type { SymmetryOperation } from "./symmetry.js";
import type { Vec3 } from "./vector.js";

/** Images closer than this (Å) are one atom: typical CIF coordinate precision is 1e-4–1e-3 of a cell. */
export const DEFAULT_MERGE_TOLERANCE_A = 0.01;

/** Wrap a fractional coordinate into [0, 1), mapping values within 1e-9 of 1 to 0. */
export function wrapFractional(x: number): number {
  let w = x - Math.floor(x);
  if (w > 1 - 1e-9) w = 0;
  return w;
}

/** Shortest periodic Cartesian distance between two fractional positions (Å). */
export function periodicDistance(lattice: Lattice, a: Vec3, b: Vec3): number {
  const m = lattice.matrix;
  let best = Number.POSITIVE_INFINITY;
  const d0 = a[0] - b[0] - Math.round(a[0] - b[0]);
  const d1 = a[1] - b[1] - Math.round(a[1] - b[1]);
  const d2 = a[2] - b[2] - Math.round(a[2] - b[2]);
  for (let i = -1; i <= 1; i++)
    for (let j = -1; j <= 1; j++)
      for (let k = -1; k <= 1; k++) {
        const f0 = d0 + i;
        const f1 = d1 + j;
        const f2 = d2 + k;
        const x = f0 * m[0][0] + f1 * m[1][0] + f2 * m[2][0];
        const y = f0 * m[0][1] + f1 * m[1][1] + f2 * m[2][1];
        const z = f0 * m[0][2] + f1 * m[1][2] + f2 * m[2][2];
        const d = x * x + y * y + z * z;
        if (d < best) best = d;
      }
  return Math.sqrt(best);
}

export function applyOperation(op: SymmetryOperation, p: Vec3): Vec3 {
  const r = op.rotation;
  return [
    wrapFractional(r[0][0] * p[0] + r[0][1] * p[1] + r[0][2] * p[2] + op.translation[0]),
    wrapFractional(r[1][0] * p[0] + r[1][1] * p[1] + r[1][2] * p[2] + op.translation[1]),
    wrapFractional(r[2][0] * p[0] + r[2][1] * p[1] + r[2][2] * p[2] + op.translation[2]),
  ];
}

/**
 * Apply every operation to every asymmetric-unit site; keep one copy of images that coincide within
 * `mergeTolerance_A`. Species, occupancy and label are carried over. Stops with an InputError naming
 * `field` as soon as more than `maxAtoms` atoms result, so the work stays bounded.
 */
export function expandAsymmetricUnit(
  lattice: Lattice,
  asymmetric: Site[],
  operations: SymmetryOperation[],
  mergeTolerance_A = DEFAULT_MERGE_TOLERANCE_A,
  maxAtoms = Number.POSITIVE_INFINITY,
  field = "structure",
): Site[] {
  const out: Site[] = [];
  for (const site of asymmetric) {
    const images: Vec3[] = [];
    for (const op of operations) {
      const p = applyOperation(op, site.frac);
      if (images.some((q) => periodicDistance(lattice, p, q) < mergeTolerance_A)) continue;
      images.push(p);
    }
    for (const p of images)
      out.push({ species: site.species, frac: p, occupancy: site.occupancy, label: site.label });
    if (out.length > maxAtoms)
      throw new InputError(
        field,
        `the expanded cell has more than ${maxAtoms} atoms (the limit); expansion stopped`,
      );
  }
  return out;
}

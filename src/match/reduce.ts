/**
 * Zur–McGill reduction of a 2-D lattice basis given as two Cartesian 3-vectors
 * (Zur & McGill, J. Appl. Phys. 55, 378 (1984); pymatgen `zsl.reduce_vectors`).
 * Rules, applied in this order until none applies:
 *   a·b < 0 → b ← −b;  ‖a‖ > ‖b‖ → swap;  ‖b‖ > ‖b + a‖ → b ← b + a;  ‖b‖ > ‖b − a‖ → b ← b − a.
 * The result has ‖a‖ ≤ ‖b‖ and 60° ≤ ∠(a, b) ≤ 90° (up to rounding).
 */
import type { Vec3 } from "../crystal/vector.js";

/** Safety cap: a valid basis reduces in far fewer steps; reached only for degenerate input. */
export const MAX_REDUCTION_STEPS = 100_000;

/**
 * Reduce the basis stored at `out[o..o+5]` (a = out[o..o+2], b = out[o+3..o+5]) in place.
 * Returns false if the basis did not converge (degenerate: collinear or non-finite vectors).
 */
export function reduceInPlace(out: Float64Array, o: number): boolean {
  let a0 = out[o];
  let a1 = out[o + 1];
  let a2 = out[o + 2];
  let b0 = out[o + 3];
  let b1 = out[o + 4];
  let b2 = out[o + 5];
  let steps = 0;
  for (; steps < MAX_REDUCTION_STEPS; steps++) {
    if (a0 * b0 + a1 * b1 + a2 * b2 < 0) {
      b0 = -b0;
      b1 = -b1;
      b2 = -b2;
      continue;
    }
    const na = Math.sqrt(a0 * a0 + a1 * a1 + a2 * a2);
    const nb = Math.sqrt(b0 * b0 + b1 * b1 + b2 * b2);
    if (na > nb) {
      const t0 = a0;
      const t1 = a1;
      const t2 = a2;
      a0 = b0;
      a1 = b1;
      a2 = b2;
      b0 = t0;
      b1 = t1;
      b2 = t2;
      continue;
    }
    const p0 = b0 + a0;
    const p1 = b1 + a1;
    const p2 = b2 + a2;
    if (nb > Math.sqrt(p0 * p0 + p1 * p1 + p2 * p2)) {
      b0 = p0;
      b1 = p1;
      b2 = p2;
      continue;
    }
    const m0 = b0 - a0;
    const m1 = b1 - a1;
    const m2 = b2 - a2;
    if (nb > Math.sqrt(m0 * m0 + m1 * m1 + m2 * m2)) {
      b0 = m0;
      b1 = m1;
      b2 = m2;
      continue;
    }
    break;
  }
  out[o] = a0;
  out[o + 1] = a1;
  out[o + 2] = a2;
  out[o + 3] = b0;
  out[o + 4] = b1;
  out[o + 5] = b2;
  return steps < MAX_REDUCTION_STEPS;
}

/** Reduce a pair of Cartesian vectors; returns a new pair. Throws nothing; check `isDegenerate` first. */
export function reduceVectors(a: Vec3, b: Vec3): [Vec3, Vec3] {
  const buf = new Float64Array([a[0], a[1], a[2], b[0], b[1], b[2]]);
  reduceInPlace(buf, 0);
  return [
    [buf[0], buf[1], buf[2]],
    [buf[3], buf[4], buf[5]],
  ];
}

/** |a × b| in Å² */
export function vecArea(a: Vec3, b: Vec3): number {
  const c0 = a[1] * b[2] - a[2] * b[1];
  const c1 = a[2] * b[0] - a[0] * b[2];
  const c2 = a[0] * b[1] - a[1] * b[0];
  return Math.sqrt(c0 * c0 + c1 * c1 + c2 * c2);
}

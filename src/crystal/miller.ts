/**
 * Miller planes: interplanar spacing and the 2-D lattice of lattice points lying in an (hkl) plane.
 */
import { InputError } from "../units/errors.js";
import { type Lattice, reciprocalLattice, toCartesian } from "./lattice.js";
import { type Vec3, cross, gcd, norm } from "./vector.js";

export type MillerIndex = [number, number, number];

/** Validate and reduce (hkl) by its greatest common divisor. */
export function reduceMiller(hkl: readonly number[], field = "miller"): MillerIndex {
  if (hkl.length !== 3 || hkl.some((x) => !Number.isInteger(x)))
    throw new InputError(field, `Miller index must be three integers such as 1,1,0 (got ${hkl.join(",")})`);
  const g = gcd(gcd(hkl[0], hkl[1]), hkl[2]);
  if (g === 0)
    throw new InputError(field, "Miller index 0,0,0 names no plane; give at least one non-zero index");
  return [hkl[0] / g, hkl[1] / g, hkl[2] / g].map((x) => x + 0) as MillerIndex;
}

/** Parse "1,1,0", "110", "1 -1 0" or "1,-1,0" into a Miller index. */
export function parseMiller(text: string, field = "miller"): MillerIndex {
  const t = text.trim();
  let parts: string[];
  if (/^-?\d-?\d-?\d$/.test(t)) parts = t.match(/-?\d/g) ?? [];
  else parts = t.split(/[\s,]+/).filter(Boolean);
  const nums = parts.map(Number);
  if (nums.length !== 3 || nums.some((x) => !Number.isInteger(x)))
    throw new InputError(
      field,
      `cannot read "${text}" as a Miller index; write h,k,l such as 1,1,0 or 1,0,-1`,
    );
  return reduceMiller(nums, field);
}

/** Interplanar spacing d_hkl in Å: 1/|h a* + k b* + l c*|. */
export function interplanarSpacing(lattice: Lattice, hkl: readonly number[]): number {
  const r = reciprocalLattice(lattice);
  const g = toCartesian(r, [hkl[0], hkl[1], hkl[2]]);
  return 1 / norm(g);
}

/**
 * Two integer lattice vectors (in units of the lattice vectors) spanning every lattice point of
 * the plane through the origin with normal (hkl): a basis of the integer kernel {u : h·u = 0}.
 * Found by unimodular column operations that bring (h, k, l) to (±1, 0, 0) up to order.
 */
export function planeIntegerBasis(hklIn: readonly number[]): [Vec3, Vec3] {
  const hkl = reduceMiller(hklIn);
  const r = [...hkl];
  const cols: Vec3[] = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ];
  for (;;) {
    const nz = [0, 1, 2].filter((i) => r[i] !== 0);
    if (nz.length === 1) {
      const p = nz[0];
      const others = [0, 1, 2].filter((i) => i !== p);
      let u = cols[others[0]];
      let v = cols[others[1]];
      // orient so that u × v points along +(hkl) in index space
      const c = cross(u, v);
      if (c[0] * hkl[0] + c[1] * hkl[1] + c[2] * hkl[2] < 0) [u, v] = [v, u];
      return [u, v];
    }
    let p = nz[0];
    for (const i of nz) if (Math.abs(r[i]) < Math.abs(r[p])) p = i;
    for (const j of nz) {
      if (j === p) continue;
      const q = Math.trunc(r[j] / r[p]);
      r[j] -= q * r[p];
      cols[j] = [cols[j][0] - q * cols[p][0], cols[j][1] - q * cols[p][1], cols[j][2] - q * cols[p][2]];
    }
  }
}

/** The in-plane 2-D lattice of (hkl) as two Cartesian vectors (Å), before any reduction. */
export function planeLattice(lattice: Lattice, hkl: readonly number[]): [Vec3, Vec3] {
  const [u, v] = planeIntegerBasis(hkl);
  return [toCartesian(lattice, u), toCartesian(lattice, v)];
}

/** Area of the 2-D cell of the (hkl) plane in Å² (= V / d_hkl for the lattice given). */
export function planeCellArea(lattice: Lattice, hkl: readonly number[]): number {
  const [a, b] = planeLattice(lattice, hkl);
  return norm(cross(a, b));
}

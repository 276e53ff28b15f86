/**
 * Crystal lattice: parameters ↔ vectors, reciprocal lattice, volume.
 * Convention (as in pymatgen and the International Tables' standard orientation):
 * a along x, b in the xy plane, c completing a right-handed set. Lengths in Å, angles in degrees.
 */
import type { Angstrom, Degree } from "../units/quantities.js";
import { InputError } from "../units/errors.js";
import { type Mat3, type Vec3, cross, det3, dot, inverse3, norm, transpose3 } from "./vector.js";

export interface LatticeParameters {
  a: Angstrom;
  b: Angstrom;
  c: Angstrom;
  alpha: Degree;
  beta: Degree;
  gamma: Degree;
}

export interface Lattice {
  /** Rows are the lattice vectors a, b, c in Cartesian Å. */
  readonly matrix: Mat3;
}

const RAD = Math.PI / 180;

/** Validate lattice parameters; throws InputError naming the parameter. */
export function assertLatticeParameters(p: LatticeParameters, fieldPrefix = "cell"): void {
  for (const k of ["a", "b", "c"] as const) {
    if (!Number.isFinite(p[k]) || p[k] <= 0)
      throw new InputError(`${fieldPrefix}.${k}`, `cell length must be a positive number of Å (got ${p[k]})`);
  }
  for (const k of ["alpha", "beta", "gamma"] as const) {
    if (!Number.isFinite(p[k]) || p[k] <= 0 || p[k] >= 180)
      throw new InputError(
        `${fieldPrefix}.${k}`,
        `cell angle must lie strictly between 0° and 180° (got ${p[k]})`,
      );
  }
  const ca = Math.cos(p.alpha * RAD);
  const cb = Math.cos(p.beta * RAD);
  const cg = Math.cos(p.gamma * RAD);
  const v2 = 1 - ca * ca - cb * cb - cg * cg + 2 * ca * cb * cg;
  if (!(v2 > 1e-10))
    throw new InputError(
      `${fieldPrefix}.alpha`,
      `the angles α=${p.alpha}°, β=${p.beta}°, γ=${p.gamma}° do not form a cell of positive volume`,
    );
}

/** Lattice from parameters in the standard orientation (pymatgen `Lattice.from_parameters`, non-vesta). */
export function latticeFromParameters(p: LatticeParameters): Lattice {
  assertLatticeParameters(p);
  const ca = Math.cos(p.alpha * RAD);
  const cb = Math.cos(p.beta * RAD);
  const cg = Math.cos(p.gamma * RAD);
  const sa = Math.sin(p.alpha * RAD);
  const sb = Math.sin(p.beta * RAD);
  // pymatgen: val = (ca*cb - cg)/(sa*sb), gamma_star = acos(val)
  let val = (ca * cb - cg) / (sa * sb);
  val = Math.max(-1, Math.min(1, val));
  const gammaStar = Math.acos(val);
  const va: Vec3 = [p.a * sb, 0, p.a * cb];
  const vb: Vec3 = [-p.b * sa * Math.cos(gammaStar), p.b * sa * Math.sin(gammaStar), p.b * ca];
  const vc: Vec3 = [0, 0, p.c];
  return { matrix: [clean(va), clean(vb), clean(vc)] };
}

/** Lattice directly from three vectors (rows). */
export function latticeFromVectors(matrix: Mat3): Lattice {
  const v = det3(matrix);
  if (!Number.isFinite(v) || Math.abs(v) < 1e-8)
    throw new InputError(
      "lattice",
      "the three lattice vectors are coplanar or not finite (zero cell volume)",
    );
  return { matrix: [[...matrix[0]], [...matrix[1]], [...matrix[2]]] };
}

function clean(v: Vec3): Vec3 {
  return v.map((x) => (Math.abs(x) < 1e-14 ? 0 : x)) as Vec3;
}

export function latticeParameters(lattice: Lattice): LatticeParameters {
  const [a, b, c] = lattice.matrix;
  const angle = (u: Vec3, v: Vec3) =>
    Math.acos(Math.max(-1, Math.min(1, dot(u, v) / (norm(u) * norm(v))))) / RAD;
  return { a: norm(a), b: norm(b), c: norm(c), alpha: angle(b, c), beta: angle(a, c), gamma: angle(a, b) };
}

/** Cell volume in Å³. */
export function cellVolume(lattice: Lattice): number {
  return Math.abs(det3(lattice.matrix));
}

/**
 * Reciprocal lattice without the 2π factor (crystallographer's convention): rows a*, b*, c*
 * with a_i · a*_j = δ_ij. Units 1/Å.
 */
export function reciprocalLattice(lattice: Lattice): Lattice {
  return { matrix: transpose3(inverse3(lattice.matrix)) };
}

/** Fractional → Cartesian (Å). */
export function toCartesian(lattice: Lattice, frac: Vec3): Vec3 {
  const m = lattice.matrix;
  return [
    frac[0] * m[0][0] + frac[1] * m[1][0] + frac[2] * m[2][0],
    frac[0] * m[0][1] + frac[1] * m[1][1] + frac[2] * m[2][1],
    frac[0] * m[0][2] + frac[1] * m[1][2] + frac[2] * m[2][2],
  ];
}

/** Cartesian (Å) → fractional. */
export function toFractional(lattice: Lattice, cart: Vec3): Vec3 {
  const inv = inverse3(lattice.matrix);
  return [
    cart[0] * inv[0][0] + cart[1] * inv[1][0] + cart[2] * inv[2][0],
    cart[0] * inv[0][1] + cart[1] * inv[1][1] + cart[2] * inv[2][1],
    cart[0] * inv[0][2] + cart[1] * inv[1][2] + cart[2] * inv[2][2],
  ];
}

/** Unit normal of the (hkl) plane family in Cartesian coordinates. */
export function planeNormal(lattice: Lattice, hkl: Vec3): Vec3 {
  const r = reciprocalLattice(lattice).matrix;
  const g: Vec3 = [
    hkl[0] * r[0][0] + hkl[1] * r[1][0] + hkl[2] * r[2][0],
    hkl[0] * r[0][1] + hkl[1] * r[1][1] + hkl[2] * r[2][1],
    hkl[0] * r[0][2] + hkl[1] * r[1][2] + hkl[2] * r[2][2],
  ];
  const n = norm(g);
  return [g[0] / n, g[1] / n, g[2] / n];
}

export { cross };

/**
 * The in-plane 2-D lattice pymatgen uses for a Miller plane: the first two vectors of the oriented
 * slab built by `SlabGenerator(structure, hkl, 20, 15, primitive=False)` (its `slab_scale_factor`),
 * expressed in the slab's re-oriented frame (`Lattice.from_parameters` of the slab cell), then
 * Zur–McGill reduced. For high indices this mesh can be a supercell of the plane lattice, exactly as
 * in pymatgen; areas in primitive surface cells are reported separately (see cell.ts).
 */
import type { Lattice } from "../crystal/lattice.js";
import { reduceMiller } from "../crystal/miller.js";
import { type Mat3, type Vec3, det3, dot, gcd, norm } from "../crystal/vector.js";
import { reciprocalLattice } from "../crystal/lattice.js";
import type { Basis2 } from "./zsl.js";
import { reduceVectors } from "./reduce.js";

function lcm(a: number, b: number): number {
  return Math.abs(a * b) / gcd(Math.abs(a), Math.abs(b));
}

function reduceIntVector(v: number[]): Vec3 {
  const g = Math.abs(gcd(gcd(v[0], v[1]), v[2])) || 1;
  return [v[0] / g + 0, v[1] / g + 0, v[2] / g + 0];
}

/** Rows: integer combinations of the conventional a, b, c giving the oriented cell (pymatgen order). */
export function slabScaleFactor(lattice: Lattice, hklIn: readonly number[]): Mat3 {
  const hkl = reduceMiller(hklIn);
  const m = lattice.matrix;
  const r = reciprocalLattice(lattice).matrix;
  const g: Vec3 = [
    hkl[0] * r[0][0] + hkl[1] * r[1][0] + hkl[2] * r[2][0],
    hkl[0] * r[0][1] + hkl[1] * r[1][1] + hkl[2] * r[2][1],
    hkl[0] * r[0][2] + hkl[1] * r[1][2] + hkl[2] * r[2][2],
  ];
  const gn = norm(g);
  const normal: Vec3 = [g[0] / gn, g[1] / gn, g[2] / gn];
  const rows: number[][] = [];
  const nonOrth: Array<[number, number]> = [];
  for (let i = 0; i < 3; i++) {
    if (hkl[i] === 0) {
      const e = [0, 0, 0];
      e[i] = 1;
      rows.push(e);
    } else nonOrth.push([i, Math.abs(dot(normal, m[i])) / norm(m[i])]);
  }
  let cIndex = nonOrth[0][0];
  let best = nonOrth[0][1];
  for (const [i, d] of nonOrth)
    if (d > best) {
      best = d;
      cIndex = i;
    }
  if (nonOrth.length > 1) {
    let l = 1;
    for (const [i] of nonOrth) l = lcm(l, hkl[i]);
    outer: for (let x = 0; x < nonOrth.length; x++)
      for (let y = x + 1; y < nonOrth.length; y++) {
        const ii = nonOrth[x][0];
        const jj = nonOrth[y][0];
        const v = [0, 0, 0];
        v[ii] = -Math.round(l / hkl[ii]);
        v[jj] = Math.round(l / hkl[jj]);
        rows.push(v);
        if (rows.length === 2) break outer;
      }
  }
  const c = [0, 0, 0];
  c[cIndex] = 1;
  rows.push(c);
  let s = rows.map((v) => [...v]) as Mat3;
  if (det3(s) < 0) s = s.map((v) => v.map((x) => -x)) as Mat3;
  return s.map((v) => reduceIntVector(v)) as Mat3;
}

const RAD = Math.PI / 180;

/** pymatgen `Lattice.from_parameters` (vesta=False), without any clean-up of tiny components. */
export function pmgLatticeMatrix(
  a: number,
  b: number,
  c: number,
  alpha: number,
  beta: number,
  gamma: number,
): Mat3 {
  const ca = Math.cos(alpha * RAD);
  const cb = Math.cos(beta * RAD);
  const cg = Math.cos(gamma * RAD);
  const sa = Math.sin(alpha * RAD);
  const sb = Math.sin(beta * RAD);
  const val = Math.max(-1, Math.min(1, (ca * cb - cg) / (sa * sb)));
  const gs = Math.acos(val);
  return [
    [a * sb, 0, a * cb],
    [-b * sa * Math.cos(gs), b * sa * Math.sin(gs), b * ca],
    [0, 0, c],
  ];
}

function angleDeg(u: Vec3, v: Vec3): number {
  return (Math.acos(Math.max(-1, Math.min(1, dot(u, v) / (norm(u) * norm(v))))) * 180) / Math.PI;
}

function rowTimes(v: Vec3, m: Mat3): Vec3 {
  return [
    v[0] * m[0][0] + v[1] * m[1][0] + v[2] * m[2][0],
    v[0] * m[0][1] + v[1] * m[1][1] + v[2] * m[2][1],
    v[0] * m[0][2] + v[1] * m[1][2] + v[2] * m[2][2],
  ];
}

export interface SurfaceMesh {
  /** Reduced in-plane vectors in the slab frame (Å). */
  vectors: Basis2;
  /** Integer rows of the oriented cell (first two span the mesh). */
  scaleFactor: Mat3;
  /** |a × b| of the mesh, Å². */
  area: number;
}

/** pymatgen's reduced in-plane mesh of (hkl) for a conventional cell. */
export function surfaceMesh(lattice: Lattice, hkl: readonly number[]): SurfaceMesh {
  const s = slabScaleFactor(lattice, hkl);
  const a = rowTimes(s[0], lattice.matrix);
  const b = rowTimes(s[1], lattice.matrix);
  const c = rowTimes(s[2], lattice.matrix);
  const oriented = pmgLatticeMatrix(
    norm(a),
    norm(b),
    norm(c),
    angleDeg(b, c),
    angleDeg(a, c),
    angleDeg(a, b),
  );
  const vectors = reduceVectors(oriented[0], oriented[1]);
  const x = vectors[0];
  const y = vectors[1];
  const area = norm([x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]]);
  return { vectors, scaleFactor: s, area };
}

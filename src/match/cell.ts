/**
 * The conventional standard cell a match works in, its lattice centring and the Bravais lattice's
 * point group (holohedry), through moyo. A structure already in its standard setting (moyo's
 * std_linear = identity) is used exactly as given, as pymatgen does; any other setting is replaced
 * by moyo's standardized conventional cell so that Miller indices mean the usual planes.
 */
import { type MoyoDataset, analyze_cell } from "@spglib/moyo-wasm";
import { atomicNumber } from "../crystal/elements.js";
import {
  type Lattice,
  cellVolume,
  latticeParameters,
  reciprocalLattice,
  toCartesian,
} from "../crystal/lattice.js";
import { planeIntegerBasis, reduceMiller } from "../crystal/miller.js";
import type { Structure } from "../crystal/structure.js";
import { ensureMoyo, mat3FromColumnMajor } from "../crystal/symmetry.js";
import { type Mat3, type Vec3, cross, norm } from "../crystal/vector.js";
import { InputError } from "../units/errors.js";
import { reduceVectors } from "./reduce.js";

/** Distance tolerance for the symmetry search, Å (pymatgen SpacegroupAnalyzer default 0.01). */
export const MATCH_SYMPREC_A = 0.01;

export interface ConventionalCell {
  structure: Structure;
  spaceGroup: { number: number; symbol: string };
  /** Whether the input cell was already the standard conventional cell (used as given). */
  asGiven: boolean;
  /** Lattice translations of the conventional cell modulo 1 (includes [0,0,0]). */
  centrings: Vec3[];
  /** Rotations (fractional, conventional basis) of the Bravais lattice's point group. */
  latticeRotations: Mat3[];
}

function analyze(structure: Structure, numbers: number[], field: string): MoyoDataset {
  ensureMoyo();
  const m = structure.lattice.matrix;
  const cell = {
    lattice: { basis: [...m[0], ...m[1], ...m[2]] },
    positions: structure.sites.map((s) => s.frac),
    numbers,
  };
  try {
    return analyze_cell(JSON.stringify(cell), MATCH_SYMPREC_A, "Standard");
  } catch (e) {
    throw new InputError(
      field,
      `symmetry search failed (${String(e)}); check the structure for overlapping atoms`,
    );
  }
}

function isIdentity(m: Mat3): boolean {
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) if (Math.abs(m[i][j] - (i === j ? 1 : 0)) > 1e-6) return false;
  return true;
}

/**
 * The input cell counts as the standard conventional cell when moyo's standardized cell has the same
 * lattice parameters (same cell, possibly with axes relabelled by a symmetry of the metric or the
 * origin shifted): only the lattice enters a coincidence match.
 */
function sameLatticeParameters(lattice: Lattice, basis: readonly number[]): boolean {
  const p = latticeParameters(lattice);
  const q = latticeParameters({
    matrix: [
      [basis[0], basis[1], basis[2]],
      [basis[3], basis[4], basis[5]],
      [basis[6], basis[7], basis[8]],
    ],
  });
  for (const k of ["a", "b", "c"] as const) if (Math.abs(p[k] - q[k]) > 1e-6 * p[k]) return false;
  for (const k of ["alpha", "beta", "gamma"] as const) if (Math.abs(p[k] - q[k]) > 1e-4) return false;
  return true;
}

function frac1(x: number): number {
  const y = x - Math.floor(x);
  return y > 1 - 1e-6 ? 0 : y < 1e-6 ? 0 : y;
}

/** Conventional standard cell, centring translations and lattice point group of a structure. */
export function conventionalCell(structure: Structure, field = "structure"): ConventionalCell {
  if (structure.sites.length === 0) throw new InputError(field, "structure has no atoms");
  const numbers = structure.sites.map((s) => atomicNumber(s.species, `${field}.species`));
  const ds = analyze(structure, numbers, field);
  let std: Structure = structure;
  const asGiven = sameLatticeParameters(structure.lattice, ds.std_cell.lattice.basis);
  if (!asGiven) {
    const b = ds.std_cell.lattice.basis;
    const lattice: Lattice = {
      matrix: [
        [b[0], b[1], b[2]],
        [b[3], b[4], b[5]],
        [b[6], b[7], b[8]],
      ],
    };
    std = {
      lattice,
      sites: ds.std_cell.positions.map((p, k) => {
        const z = ds.std_cell.numbers[k];
        const src = structure.sites[numbers.indexOf(z)];
        return {
          species: src.species,
          frac: [p[0], p[1], p[2]] as Vec3,
          occupancy: src.occupancy,
          label: src.label,
        };
      }),
    };
  }
  const stdDs = asGiven
    ? ds
    : analyze(
        std,
        std.sites.map((s) => atomicNumber(s.species)),
        field,
      );
  const centrings: Vec3[] = [];
  for (const op of stdDs.operations) {
    const r = mat3FromColumnMajor(op.rotation);
    if (!isIdentity(r)) continue;
    const t: Vec3 = [frac1(op.translation[0]), frac1(op.translation[1]), frac1(op.translation[2])];
    if (!centrings.some((c) => c.every((x, i) => Math.abs(x - t[i]) < 1e-6))) centrings.push(t);
  }
  // Point group of the Bravais lattice: one atom at every lattice point of the conventional cell.
  const latticeStructure: Structure = {
    lattice: std.lattice,
    sites: centrings.map((c) => ({ species: "H", frac: c, occupancy: 1, label: "H" })),
  };
  const lds = analyze(
    latticeStructure,
    centrings.map(() => 1),
    field,
  );
  const latticeRotations: Mat3[] = [];
  for (const op of lds.operations) {
    const r = mat3FromColumnMajor(op.rotation);
    if (!latticeRotations.some((q) => q.every((row, i) => row.every((x, j) => x === r[i][j]))))
      latticeRotations.push(r);
  }
  return {
    structure: std,
    spaceGroup: { number: stdDs.number, symbol: stdDs.hm_symbol },
    asGiven,
    centrings,
    latticeRotations,
  };
}

/**
 * Area of the primitive surface cell of (hkl), Å²: the 2-D lattice of all lattice points (centring
 * included) in the plane, = (V/N)·m·|h·a*| with N lattice points per conventional cell and m the
 * smallest positive integer making m·h·t integral for every centring t.
 */
export function primitiveSurfaceArea(cell: ConventionalCell, hkl: readonly number[]): number {
  const lat = cell.structure.lattice;
  const r = reciprocalLattice(lat).matrix;
  const g: Vec3 = [0, 1, 2].map((k) => hkl[0] * r[0][k] + hkl[1] * r[1][k] + hkl[2] * r[2][k]) as Vec3;
  let m = 1;
  for (; m <= 12; m++) {
    const ok = cell.centrings.every((t) => {
      const x = m * (hkl[0] * t[0] + hkl[1] * t[1] + hkl[2] * t[2]);
      return Math.abs(x - Math.round(x)) < 1e-4;
    });
    if (ok) break;
  }
  return (cellVolume(lat) / cell.centrings.length) * m * norm(g);
}

/**
 * Reduced basis of the primitive surface cell of (hkl): the 2-D lattice of every lattice point
 * (centring included) in the plane through the origin. Found as the two successive minima of the
 * plane lattice (they form a basis in 2-D), then Zur–McGill reduced. Cartesian Å, cell frame.
 */
export function primitiveSurfaceMesh(cell: ConventionalCell, hklIn: readonly number[]): [Vec3, Vec3] {
  const hkl = reduceMiller(hklIn);
  const lat = cell.structure.lattice;
  const [u0, v0] = planeIntegerBasis(hkl);
  const [u, v] = reduceVectors(toCartesian(lat, u0), toCartesian(lat, v0));
  const points: Vec3[] = [];
  const ref = norm(u) + norm(v);
  for (const t of cell.centrings) {
    const ht = hkl[0] * t[0] + hkl[1] * t[1] + hkl[2] * t[2];
    if (Math.abs(ht - Math.round(ht)) > 1e-4) continue;
    // t + w lies in the plane for an integer w with h·w = −h·t (w = −(h·t)·x, x an integer solution of h·x = 1).
    const x = unitSolution(hkl);
    const k = Math.round(ht);
    const p = toCartesian(lat, [t[0] - k * x[0], t[1] - k * x[1], t[2] - k * x[2]]);
    for (let i = -3; i <= 3; i++)
      for (let j = -3; j <= 3; j++)
        points.push([p[0] + i * u[0] + j * v[0], p[1] + i * u[1] + j * v[1], p[2] + i * u[2] + j * v[2]]);
  }
  const cand = points.filter((q) => norm(q) > 1e-6 * ref).sort((q, r) => norm(q) - norm(r));
  const a = cand[0];
  const b = cand.find((q) => norm(cross(a, q)) > 1e-6 * norm(a) * norm(q)) ?? v;
  return reduceVectors(a, b);
}

/** An integer vector x with h·x = 1 for coprime h (extended Euclid). */
function unitSolution(h: readonly number[]): Vec3 {
  const ext = (a: number, b: number): [number, number, number] => {
    if (b === 0) return a >= 0 ? [a, 1, 0] : [-a, -1, 0];
    const [g, x, y] = ext(b, a % b);
    return [g, y, x - Math.trunc(a / b) * y];
  };
  const [g1, x1, y1] = ext(h[0], h[1]);
  const [g, s, t] = ext(g1, h[2]);
  if (g !== 1) throw new InputError("miller", `Miller index ${h.join(",")} is not coprime`);
  return [s * x1, s * y1, t];
}

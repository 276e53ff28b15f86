/**
 * Periodic simple-cubic site lattice (the oxygen sublattice of the vacancy lattice gas), lattice
 * constant a = 1 in lattice units. Sites are numbered s = x + nx·(y + ny·z) in the public API; the six
 * neighbour directions are 0:+x 1:−x 2:+y 3:−y 4:+z 5:−z, with `OPPOSITE[d]` the reverse hop.
 *
 * Storage: no neighbour table (6 × 4 bytes per site, 50 MB at 128³, was the review's memory bottleneck,
 * ../shared/reviews/2026-11-25-use-speed-robustness.md). Sites are stored in 4×4×4 bricks (64 slots,
 * one cache line of a one-byte state array), slot(x, y, z) = offsetX[x] + offsetY[y] + offsetZ[z],
 * and a neighbour's slot is the site's slot plus a per-axis step that already includes the periodic
 * wrap (`plusX[x]` etc.), so a hop needs only coordinates and six small tables that stay in L1.
 */
import { InputError } from "../units/errors.js";

export const DIRECTIONS = 6;
export const STEP_X = Int8Array.of(1, -1, 0, 0, 0, 0);
export const STEP_Y = Int8Array.of(0, 0, 1, -1, 0, 0);
export const STEP_Z = Int8Array.of(0, 0, 0, 0, 1, -1);
export const OPPOSITE = Int8Array.of(1, 0, 3, 2, 5, 4);

/** Largest lattice accepted (sites): 128³, the largest size of the shared KMC benchmark. */
export const MAX_SITES = 128 ** 3;
/** Coordinates are packed in 10 bits each (x | y << 10 | z << 20): at most 1024 sites per axis. */
export const MAX_SITES_PER_AXIS = 1024;
/** Edge of a storage brick: 4³ = 64 one-byte site states fill one 64-byte cache line. */
export const BRICK_EDGE = 4;
/**
 * Fewest sites per axis: with 2 the +x and −x neighbours of a site are the same site (science review
 * item 18, ../shared/reviews/2026-11-25-science.md), which double-counts that hop.
 */
export const MIN_SITES_PER_AXIS = 3;

export interface CubicLattice {
  nx: number;
  ny: number;
  nz: number;
  sites: number;
  /** Storage slots (≥ sites; bricks are padded at the far faces, padding slots are never reached). */
  slots: number;
  offsetX: Int32Array;
  offsetY: Int32Array;
  offsetZ: Int32Array;
  /** Slot step from a site with x-coordinate x to its +x neighbour (periodic wrap included). */
  plusX: Int32Array;
  minusX: Int32Array;
  plusY: Int32Array;
  minusY: Int32Array;
  plusZ: Int32Array;
  minusZ: Int32Array;
  /** Coordinate of the +x neighbour of x (periodic). */
  nextX: Int32Array;
  prevX: Int32Array;
  nextY: Int32Array;
  prevY: Int32Array;
  nextZ: Int32Array;
  prevZ: Int32Array;
}

interface Axis {
  offset: Int32Array;
  plus: Int32Array;
  minus: Int32Array;
  next: Int32Array;
  prev: Int32Array;
}

function axis(n: number, inBrickStride: number, brickStride: number): Axis {
  const offset = new Int32Array(n);
  for (let i = 0; i < n; i++)
    offset[i] = Math.floor(i / BRICK_EDGE) * brickStride + (i % BRICK_EDGE) * inBrickStride;
  const next = new Int32Array(n);
  const prev = new Int32Array(n);
  const plus = new Int32Array(n);
  const minus = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    next[i] = (i + 1) % n;
    prev[i] = (i + n - 1) % n;
    plus[i] = offset[next[i]] - offset[i];
    minus[i] = offset[prev[i]] - offset[i];
  }
  return { offset, plus, minus, next, prev };
}

export function cubicLattice(nx: number, ny = nx, nz = nx, field = "size"): CubicLattice {
  for (const [n, name] of [
    [nx, "x"],
    [ny, "y"],
    [nz, "z"],
  ] as const)
    if (!Number.isInteger(n) || n < MIN_SITES_PER_AXIS || n > MAX_SITES_PER_AXIS)
      throw new InputError(
        field,
        `sites along ${name} must be an integer from ${MIN_SITES_PER_AXIS} to ${MAX_SITES_PER_AXIS} (got ${n}); with 2 the ± neighbours coincide`,
      );
  const sites = nx * ny * nz;
  if (sites > MAX_SITES)
    throw new InputError(
      field,
      `${nx}×${ny}×${nz} = ${sites} sites exceeds the limit of ${MAX_SITES} (128³); use a smaller lattice`,
    );
  const brick = BRICK_EDGE ** 3;
  const bx = Math.ceil(nx / BRICK_EDGE);
  const by = Math.ceil(ny / BRICK_EDGE);
  const bz = Math.ceil(nz / BRICK_EDGE);
  const X = axis(nx, 1, brick);
  const Y = axis(ny, BRICK_EDGE, brick * bx);
  const Z = axis(nz, BRICK_EDGE * BRICK_EDGE, brick * bx * by);
  return {
    nx,
    ny,
    nz,
    sites,
    slots: brick * bx * by * bz,
    offsetX: X.offset,
    offsetY: Y.offset,
    offsetZ: Z.offset,
    plusX: X.plus,
    minusX: X.minus,
    plusY: Y.plus,
    minusY: Y.minus,
    plusZ: Z.plus,
    minusZ: Z.minus,
    nextX: X.next,
    prevX: X.prev,
    nextY: Y.next,
    prevY: Y.prev,
    nextZ: Z.next,
    prevZ: Z.prev,
  };
}

/** Storage slot of the site numbered s = x + nx·(y + ny·z). */
export function slotOfSite(lat: CubicLattice, s: number): number {
  const x = s % lat.nx;
  const y = Math.floor(s / lat.nx) % lat.ny;
  const z = Math.floor(s / (lat.nx * lat.ny));
  return lat.offsetX[x] + lat.offsetY[y] + lat.offsetZ[z];
}

/** The site (public numbering) reached from site s in direction d, periodic. */
export function neighbourSite(lat: CubicLattice, s: number, d: number): number {
  const { nx, ny, nz } = lat;
  const x = s % nx;
  const y = Math.floor(s / nx) % ny;
  const z = Math.floor(s / (nx * ny));
  const x2 = (x + STEP_X[d] + nx) % nx;
  const y2 = (y + STEP_Y[d] + ny) % ny;
  const z2 = (z + STEP_Z[d] + nz) % nz;
  return x2 + nx * (y2 + ny * z2);
}

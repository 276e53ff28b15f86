/**
 * Periodic simple-cubic site lattice (the oxygen sublattice of the KMC models), lattice constant a = 1
 * in lattice units. Sites are numbered s = x + nx·(y + ny·z); the six neighbour directions are
 * 0:+x 1:−x 2:+y 3:−y 4:+z 5:−z, with `OPPOSITE[d]` the reverse hop.
 */
import { InputError } from "../units/errors.js";

export const DIRECTIONS = 6;
export const STEP_X = Int8Array.of(1, -1, 0, 0, 0, 0);
export const STEP_Y = Int8Array.of(0, 0, 1, -1, 0, 0);
export const STEP_Z = Int8Array.of(0, 0, 0, 0, 1, -1);
export const OPPOSITE = Int8Array.of(1, 0, 3, 2, 5, 4);

/** Largest lattice accepted (sites): 128³, the largest size of the shared KMC benchmark. */
export const MAX_SITES = 128 ** 3;

export interface CubicLattice {
  nx: number;
  ny: number;
  nz: number;
  sites: number;
  /** neighbours[6 s + d]: the site reached from s in direction d. */
  neighbours: Int32Array;
}

export function cubicLattice(nx: number, ny = nx, nz = nx, field = "size"): CubicLattice {
  for (const [n, axis] of [
    [nx, "x"],
    [ny, "y"],
    [nz, "z"],
  ] as const)
    if (!Number.isInteger(n) || n < 2)
      throw new InputError(field, `sites along ${axis} must be an integer ≥ 2 (got ${n})`);
  const sites = nx * ny * nz;
  if (sites > MAX_SITES)
    throw new InputError(
      field,
      `${nx}×${ny}×${nz} = ${sites} sites exceeds the limit of ${MAX_SITES} (128³); use a smaller lattice`,
    );
  const neighbours = new Int32Array(DIRECTIONS * sites);
  for (let z = 0; z < nz; z++)
    for (let y = 0; y < ny; y++)
      for (let x = 0; x < nx; x++) {
        const s = x + nx * (y + ny * z);
        const o = DIRECTIONS * s;
        neighbours[o] = ((x + 1) % nx) + nx * (y + ny * z);
        neighbours[o + 1] = ((x + nx - 1) % nx) + nx * (y + ny * z);
        neighbours[o + 2] = x + nx * (((y + 1) % ny) + ny * z);
        neighbours[o + 3] = x + nx * (((y + ny - 1) % ny) + ny * z);
        neighbours[o + 4] = x + nx * (y + ny * ((z + 1) % nz));
        neighbours[o + 5] = x + nx * (y + ny * ((z + nz - 1) % nz));
      }
  return { nx, ny, nz, sites, neighbours };
}

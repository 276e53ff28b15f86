/**
 * Symmetrically distinct Miller indices up to a maximum index, as pymatgen's
 * `get_symmetrically_distinct_miller_indices`: candidates in itertools.product(range(N, −N−1, −1),
 * repeat=3) order, (0,0,0) skipped, each divided by its gcd, the first member of each family kept,
 * families under the point group of the Bravais lattice (centring included, so R-centred trigonal
 * lattices get −3m, not 6/mmm), result sorted lexicographically. The lattice point group is the
 * right group for coincidence matching: equivalent planes have isometric 2-D lattices.
 */
import type { MillerIndex } from "../crystal/miller.js";
import { type Mat3, gcd } from "../crystal/vector.js";
import { InputError } from "../units/errors.js";

/** Largest Miller index the command accepts (4 → up to 364 candidates per structure). */
export const MAX_MILLER_INDEX = 4;

/** h·W for a row vector h and a fractional rotation W: the image of (hkl) under the operation. */
function rotateMiller(h: MillerIndex, w: Mat3): MillerIndex {
  return [
    h[0] * w[0][0] + h[1] * w[1][0] + h[2] * w[2][0],
    h[0] * w[0][1] + h[1] * w[1][1] + h[2] * w[2][1],
    h[0] * w[0][2] + h[1] * w[1][2] + h[2] * w[2][2],
  ];
}

const key = (h: readonly number[]) => `${h[0]},${h[1]},${h[2]}`;

/** Distinct Miller indices up to `maxIndex` under the given rotations, sorted. */
export function distinctMillerIndices(
  rotations: Mat3[],
  maxIndex: number,
  field = "--max-index",
): MillerIndex[] {
  if (!Number.isInteger(maxIndex) || maxIndex < 1 || maxIndex > MAX_MILLER_INDEX)
    throw new InputError(
      field,
      `max Miller index must be an integer from 1 to ${MAX_MILLER_INDEX} (got ${maxIndex})`,
    );
  const seen = new Set<string>();
  const unique: MillerIndex[] = [];
  for (let h = maxIndex; h >= -maxIndex; h--)
    for (let k = maxIndex; k >= -maxIndex; k--)
      for (let l = maxIndex; l >= -maxIndex; l--) {
        if (h === 0 && k === 0 && l === 0) continue;
        const d = Math.abs(gcd(gcd(h, k), l));
        const m: MillerIndex = [h / d + 0, k / d + 0, l / d + 0];
        if (seen.has(key(m))) continue;
        unique.push(m);
        for (const w of rotations) seen.add(key(rotateMiller(m, w)));
      }
  return unique.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
}

/** The family of (hkl): all its images under the rotations, as "h,k,l" keys. */
export function millerFamily(rotations: Mat3[], hkl: MillerIndex): Set<string> {
  return new Set(rotations.map((w) => key(rotateMiller(hkl, w))));
}

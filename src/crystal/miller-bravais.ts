/**
 * Miller–Bravais four-index notation (hkil), i = −(h + k), for planes of cells with hexagonal axes
 * (hexagonal and trigonal space groups, rhombohedral ones in the hexagonal "obverse" setting the
 * library and moyo use). For planes the conversion is exact: (hkil) ↔ (hkl) by dropping i.
 * Source: Nye, Physical Properties of Crystals (OUP, 1957), Appendix; Frank, Acta Cryst. 18, 862
 * (1965), doi:10.1107/S0365110X65002116.
 */
import { InputError } from "../units/errors.js";
import type { Lattice } from "./lattice.js";
import { latticeParameters } from "./lattice.js";
import { type MillerIndex, reduceMiller } from "./miller.js";

/** Angle tolerance (degrees) and relative length tolerance for recognising hexagonal axes. */
const HEX_ANGLE_TOL_DEG = 1e-3;
const HEX_LENGTH_TOL = 1e-6;

/** Whether a lattice has hexagonal axes: a = b, α = β = 90°, γ = 120°. */
export function hasHexagonalAxes(lattice: Lattice): boolean {
  const p = latticeParameters(lattice);
  return (
    Math.abs(p.a - p.b) <= HEX_LENGTH_TOL * p.a &&
    Math.abs(p.alpha - 90) < HEX_ANGLE_TOL_DEG &&
    Math.abs(p.beta - 90) < HEX_ANGLE_TOL_DEG &&
    Math.abs(p.gamma - 120) < HEX_ANGLE_TOL_DEG
  );
}

/** The four Miller–Bravais indices of a plane (h, k, l) on hexagonal axes. */
export function toMillerBravais(hkl: readonly number[]): [number, number, number, number] {
  return [hkl[0] + 0, hkl[1] + 0, -(hkl[0] + hkl[1]) + 0, hkl[2] + 0];
}

/** (hkil) → (hkl), checking i = −(h + k). */
export function fromMillerBravais(hkil: readonly number[], field = "plane"): MillerIndex {
  if (hkil.length !== 4 || hkil.some((x) => !Number.isInteger(x)))
    throw new InputError(field, `Miller–Bravais index must be four integers (got ${hkil.join(",")})`);
  const [h, k, i, l] = hkil;
  if (i !== -(h + k))
    throw new InputError(
      field,
      `in (hkil) the third index must be i = −(h + k) = ${-(h + k)} (got ${i}); e.g. (10-10), (11-20), (0001)`,
    );
  return reduceMiller([h, k, l], field);
}

/** Write indices compactly, "(10-10)", or with commas when one has two digits, "(1,0,-10)". */
export function formatIndices(indices: readonly number[]): string {
  const xs = indices.map((x) => x + 0);
  return xs.some((x) => Math.abs(x) >= 10) ? `(${xs.join(",")})` : `(${xs.join("")})`;
}

/** A plane for people: four-index on hexagonal axes, three-index otherwise. */
export function formatPlane(hkl: readonly number[], hexagonalAxes: boolean): string {
  return formatIndices(hexagonalAxes ? toMillerBravais(hkl) : hkl);
}

/**
 * Read a plane written as "(110)", "(10-10)", "1,0,-1,0", "1 1 0", "{0001}" or "[0001]"-free forms.
 * Four indices are Miller–Bravais (checked: i = −(h + k)) and need hexagonal axes; three are (hkl).
 * Returns the reduced three-index (hkl) of the cell's own axes.
 */
export function parsePlane(text: string, hexagonalAxes: boolean, field = "plane"): MillerIndex {
  return planeFromIndices(parseIndices(text, field), hexagonalAxes, field);
}

/** The three or four integers of a plane as written ("(10-10)", "1,0,-1,0", "{110}", "1 1 0"), unchecked. */
export function parseIndices(text: string, field = "plane"): number[] {
  const t = text
    .trim()
    .replace(/^[({]\s*/, "")
    .replace(/\s*[)}]$/, "");
  let parts: string[];
  if (/^(-?\d)+$/.test(t)) parts = t.match(/-?\d/g) ?? [];
  else parts = t.split(/[\s,]+/).filter(Boolean);
  const nums = parts.map(Number);
  if (nums.some((x) => !Number.isInteger(x)) || (nums.length !== 3 && nums.length !== 4))
    throw new InputError(
      field,
      `cannot read "${text}" as a plane; write (hkl) such as (110) or 1,1,0, or for hexagonal cells (hkil) such as (10-10) or 1,0,-1,0`,
    );
  return nums.map((x) => x + 0);
}

/** (hkl) of three indices, or of four Miller–Bravais indices on hexagonal axes (checked). */
export function planeFromIndices(
  nums: readonly number[],
  hexagonalAxes: boolean,
  field = "plane",
): MillerIndex {
  if (nums.length === 4) {
    if (!hexagonalAxes)
      throw new InputError(
        field,
        `four-index (hkil) notation is for cells with hexagonal axes; this cell needs three indices (hkl)`,
      );
    return fromMillerBravais(nums, field);
  }
  return reduceMiller(nums, field);
}

/**
 * Zur–McGill coincidence-lattice search (Zur & McGill, J. Appl. Phys. 55, 378 (1984)), exactly as
 * pymatgen 2022.11 `ZSLGenerator` does it: candidate area multiples, every Hermite-normal-form
 * supercell of each multiple, Zur–McGill reduction, and length/angle tolerance checks.
 * Pure numbers and typed arrays in the hot loop; no I/O, no symmetry.
 */
import type { Vec3 } from "../crystal/vector.js";
import { reduceInPlace, vecArea } from "./reduce.js";

export interface ZslParameters {
  /** Largest supercell area searched, Å² (pymatgen max_area). */
  maxArea: number;
  /** Tolerance on |A_f/A_s − j/i| (pymatgen max_area_ratio_tol, absolute on the ratio). */
  maxAreaRatioTol: number;
  /** Largest relative length mismatch of each supercell vector (pymatgen max_length_tol). */
  maxLengthTol: number;
  /** Largest relative mismatch of the angle between the two vectors (pymatgen max_angle_tol). */
  maxAngleTol: number;
}

/** pymatgen 2022.11 ZSLGenerator / SubstrateAnalyzer defaults. */
export const PYMATGEN_ZSL_DEFAULTS: Readonly<ZslParameters> = Object.freeze({
  maxArea: 400,
  maxAreaRatioTol: 0.09,
  maxLengthTol: 0.03,
  maxAngleTol: 0.01,
});

export type Basis2 = [Vec3, Vec3];
/** 2×2 integer matrix; rows are the new vectors as integer combinations of the old basis. */
export type Transform2 = [[number, number], [number, number]];

/**
 * Candidate (film multiple i, substrate multiple j): i in 1…⌊maxArea/A_f⌋−1, j in 1…⌊maxArea/A_s⌋−1,
 * kept when |A_f/A_s − j/i| < tol or |A_s/A_f − i/j| < tol; sorted by i·j (then i, for determinism).
 */
export function areaMultiples(
  filmArea: number,
  substrateArea: number,
  maxArea: number,
  ratioTol: number,
): Array<[number, number]> {
  const nf = Math.trunc(maxArea / filmArea);
  const ns = Math.trunc(maxArea / substrateArea);
  const rFs = filmArea / substrateArea;
  const rSf = substrateArea / filmArea;
  const out: Array<[number, number]> = [];
  for (let i = 1; i < nf; i++) {
    for (let j = 1; j < ns; j++) {
      if (Math.abs(rFs - j / i) < ratioTol || Math.abs(rSf - i / j) < ratioTol) out.push([i, j]);
    }
  }
  out.sort((x, y) => x[0] * x[1] - y[0] * y[1] || x[0] - y[0]);
  return out;
}

/** Divisors of n in increasing order. */
export function divisors(n: number): number[] {
  const out: number[] = [];
  for (let x = 1; x <= n; x++) if (n % x === 0) out.push(x);
  return out;
}

/** σ(n): the number of index-n sublattices of a 2-D lattice (= number of HNF matrices). */
export function sigma(n: number): number {
  let s = 0;
  for (let x = 1; x <= n; x++) if (n % x === 0) s += x;
  return s;
}

/**
 * All 2×2 Hermite-normal-form matrices of determinant n, [[p, q], [0, n/p]], p | n, q = 0 … n/p − 1,
 * in pymatgen's order (p increasing, then q). Returned flat as [p, q, d] triples.
 */
export function hnfMatrices(n: number): Int32Array {
  const out = new Int32Array(3 * sigma(n));
  let k = 0;
  for (const p of divisors(n)) {
    const d = n / p;
    for (let q = 0; q < d; q++) {
      out[k++] = p;
      out[k++] = q;
      out[k++] = d;
    }
  }
  return out;
}

/** The reduced supercells of one area multiple of one 2-D lattice, struct-of-arrays. */
export interface SupercellSet {
  n: number;
  count: number;
  /** 6 numbers per supercell: reduced a (3) then reduced b (3), Cartesian Å. */
  vectors: Float64Array;
  len1: Float64Array;
  len2: Float64Array;
  /** Angle between the reduced vectors, radians. */
  angle: Float64Array;
  /** HNF matrix [p, q, d] that produced each supercell (before reduction). */
  hnf: Int32Array;
}

/** Apply every HNF matrix of determinant n to the basis, then reduce each supercell. */
export function buildSupercells(basis: Basis2, n: number): SupercellSet {
  const hnf = hnfMatrices(n);
  const count = hnf.length / 3;
  const vectors = new Float64Array(6 * count);
  const len1 = new Float64Array(count);
  const len2 = new Float64Array(count);
  const angle = new Float64Array(count);
  const [a, b] = basis;
  for (let k = 0; k < count; k++) {
    const p = hnf[3 * k];
    const q = hnf[3 * k + 1];
    const d = hnf[3 * k + 2];
    const o = 6 * k;
    vectors[o] = p * a[0] + q * b[0];
    vectors[o + 1] = p * a[1] + q * b[1];
    vectors[o + 2] = p * a[2] + q * b[2];
    vectors[o + 3] = 0 * a[0] + d * b[0];
    vectors[o + 4] = 0 * a[1] + d * b[1];
    vectors[o + 5] = 0 * a[2] + d * b[2];
    reduceInPlace(vectors, o);
    const a0 = vectors[o];
    const a1 = vectors[o + 1];
    const a2 = vectors[o + 2];
    const b0 = vectors[o + 3];
    const b1 = vectors[o + 4];
    const b2 = vectors[o + 5];
    len1[k] = Math.sqrt(a0 * a0 + a1 * a1 + a2 * a2);
    len2[k] = Math.sqrt(b0 * b0 + b1 * b1 + b2 * b2);
    const c0 = a1 * b2 - a2 * b1;
    const c1 = a2 * b0 - a0 * b2;
    const c2 = a0 * b1 - a1 * b0;
    angle[k] = Math.atan2(Math.sqrt(c0 * c0 + c1 * c1 + c2 * c2), a0 * b0 + a1 * b1 + a2 * b2);
  }
  return { n, count, vectors, len1, len2, angle, hnf };
}

/** One accepted film/substrate supercell pair (before any strain analysis). */
export interface ZslMatch {
  filmVectors: Basis2;
  substrateVectors: Basis2;
  filmTransformation: Transform2;
  substrateTransformation: Transform2;
  /** |f₁' × f₂'|, Å². */
  area: number;
}

/**
 * Estimated number of supercell comparisons (Σ σ(i)·σ(j) over candidate multiples): the run time of
 * `zslSearch` is proportional to it. Used to refuse runaway requests before searching.
 */
export function searchWork(filmArea: number, substrateArea: number, params: ZslParameters): number {
  let w = 0;
  for (const [i, j] of areaMultiples(filmArea, substrateArea, params.maxArea, params.maxAreaRatioTol))
    w += sigma(i) * sigma(j);
  return w;
}

export interface ZslSearchResult {
  matches: ZslMatch[];
  /** Number of supercell pairs compared. */
  comparisons: number;
}

/** The supercells of multiple n of a basis, built once per cache. */
export function cachedSupercells(cache: Map<number, SupercellSet>, basis: Basis2, n: number): SupercellSet {
  let set = cache.get(n);
  if (!set) {
    set = buildSupercells(basis, n);
    cache.set(n, set);
  }
  return set;
}

/** The reduced basis of supercell k of a set. */
export function pick(set: SupercellSet, k: number): Basis2 {
  const v = set.vectors;
  const o = 6 * k;
  return [
    [v[o], v[o + 1], v[o + 2]],
    [v[o + 3], v[o + 4], v[o + 5]],
  ];
}

function transform(set: SupercellSet, k: number): Transform2 {
  return [
    [set.hnf[3 * k], set.hnf[3 * k + 1]],
    [0, set.hnf[3 * k + 2]],
  ];
}

/**
 * Every film/substrate supercell pair whose reduced vectors agree within the length and angle
 * tolerances (pymatgen `ZSLGenerator.__call__` with lowest=False), in pymatgen's order: area
 * multiples by increasing i·j, then film supercell, then substrate supercell.
 * `lowest` stops at the first match, as pymatgen's `lowest=True`.
 */
export function zslSearch(
  film: Basis2,
  substrate: Basis2,
  params: ZslParameters,
  lowest = false,
  visit?: (match: ZslMatch) => void,
): ZslSearchResult {
  const filmArea = vecArea(film[0], film[1]);
  const substrateArea = vecArea(substrate[0], substrate[1]);
  const multiples = areaMultiples(filmArea, substrateArea, params.maxArea, params.maxAreaRatioTol);
  const filmCache = new Map<number, SupercellSet>();
  const subCache = new Map<number, SupercellSet>();
  const lengthTol = params.maxLengthTol;
  const angleTol = params.maxAngleTol;
  const matches: ZslMatch[] = [];
  let comparisons = 0;
  for (const [i, j] of multiples) {
    const fs = cachedSupercells(filmCache, film, i);
    const ss = cachedSupercells(subCache, substrate, j);
    const fl1 = fs.len1;
    const fl2 = fs.len2;
    const fan = fs.angle;
    const sl1 = ss.len1;
    const sl2 = ss.len2;
    const san = ss.angle;
    const cs = ss.count;
    comparisons += fs.count * cs;
    for (let f = 0; f < fs.count; f++) {
      const l1 = fl1[f];
      const l2 = fl2[f];
      const an = fan[f];
      for (let s = 0; s < cs; s++) {
        if (Math.abs(sl1[s] / l1 - 1) > lengthTol) continue;
        if (Math.abs(sl2[s] / l2 - 1) > lengthTol) continue;
        if (Math.abs(san[s] / an - 1) > angleTol) continue;
        const fv = pick(fs, f);
        const match: ZslMatch = {
          filmVectors: fv,
          substrateVectors: pick(ss, s),
          filmTransformation: transform(fs, f),
          substrateTransformation: transform(ss, s),
          area: vecArea(fv[0], fv[1]),
        };
        // A visitor receives each match instead of the list: memory stays bounded however many there are.
        if (visit) visit(match);
        else matches.push(match);
        if (lowest) return { matches, comparisons };
      }
    }
  }
  return { matches, comparisons };
}

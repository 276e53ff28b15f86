/** Invariants of the pieces: reduction, HNF supercells, area multiples, strain, surface cells, Miller sets. */
import { describe, expect, it } from "vitest";
import { latticeFromParameters } from "../src/crystal/lattice.js";
import { type Vec3, cross, dot, norm } from "../src/crystal/vector.js";
import { conventionalCell, primitiveSurfaceArea, primitiveSurfaceMesh } from "../src/match/cell.js";
import { distinctMillerIndices } from "../src/match/miller-enumeration.js";
import { reduceVectors, vecArea } from "../src/match/reduce.js";
import { slabScaleFactor, surfaceMesh } from "../src/match/slab.js";
import { matchStrain } from "../src/match/strain.js";
import { areaMultiples, hnfMatrices, sigma, zslSearch, PYMATGEN_ZSL_DEFAULTS } from "../src/match/zsl.js";
import { loadReference, referenceStructure } from "./match-reference.js";

function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe("Zur–McGill reduction", () => {
  const rand = rng(7);
  it("keeps the lattice and its area and yields a reduced basis", () => {
    for (let t = 0; t < 500; t++) {
      const a: Vec3 = [rand() * 10 - 5, rand() * 10 - 5, rand() * 2 - 1];
      const b: Vec3 = [rand() * 10 - 5, rand() * 10 - 5, rand() * 2 - 1];
      if (vecArea(a, b) < 0.5) continue;
      // a skewed basis of the same lattice
      const k = Math.floor(rand() * 7) - 3;
      const b2: Vec3 = [b[0] + k * a[0], b[1] + k * a[1], b[2] + k * a[2]];
      const [x, y] = reduceVectors(a, b2);
      expect(vecArea(x, y)).toBeCloseTo(vecArea(a, b), 8);
      expect(dot(x, y)).toBeGreaterThanOrEqual(-1e-9);
      expect(norm(x)).toBeLessThanOrEqual(norm(y) + 1e-9);
      expect(norm(y)).toBeLessThanOrEqual(norm([y[0] + x[0], y[1] + x[1], y[2] + x[2]]) + 1e-9);
      expect(norm(y)).toBeLessThanOrEqual(norm([y[0] - x[0], y[1] - x[1], y[2] - x[2]]) + 1e-9);
      // x and y are integer combinations of a, b (same lattice): solve in the plane
      const n = cross(a, b);
      const coef = (v: Vec3) => [dot(cross(v, b), n) / dot(n, n), dot(cross(a, v), n) / dot(n, n)];
      for (const c of [...coef(x), ...coef(y)]) expect(Math.abs(c - Math.round(c))).toBeLessThan(1e-6);
      // reducing again changes nothing
      const [x2, y2] = reduceVectors(x, y);
      expect(norm(x2)).toBeCloseTo(norm(x), 10);
      expect(norm(y2)).toBeCloseTo(norm(y), 10);
    }
  });
});

describe("supercells and area multiples", () => {
  it("enumerates σ(n) distinct HNF matrices of determinant n", () => {
    for (let n = 1; n <= 30; n++) {
      const h = hnfMatrices(n);
      expect(h.length / 3).toBe(sigma(n));
      const keys = new Set<string>();
      for (let k = 0; k < h.length; k += 3) {
        expect(h[k] * h[k + 2]).toBe(n);
        expect(h[k + 1]).toBeLessThan(h[k + 2]);
        keys.add(`${h[k]},${h[k + 1]}`);
      }
      expect(keys.size).toBe(sigma(n));
    }
  });
  it("area multiples follow pymatgen's ranges and ratio test, sorted by i·j", () => {
    const m = areaMultiples(10, 20, 100, 0.09);
    for (const [i, j] of m) {
      expect(i).toBeLessThan(10);
      expect(j).toBeLessThan(5);
      expect(Math.abs(10 / 20 - j / i) < 0.09 || Math.abs(20 / 10 - i / j) < 0.09).toBe(true);
    }
    expect(m[0]).toEqual([2, 1]);
    for (let k = 1; k < m.length; k++)
      expect(m[k][0] * m[k][1]).toBeGreaterThanOrEqual(m[k - 1][0] * m[k - 1][1]);
  });
  it("a lattice matches itself 1×1 with zero strain", () => {
    const lat = latticeFromParameters({ a: 3, b: 3, c: 5, alpha: 90, beta: 90, gamma: 90 });
    const m = surfaceMesh(lat, [0, 0, 1]).vectors;
    const r = zslSearch(m, m, PYMATGEN_ZSL_DEFAULTS, true);
    expect(r.matches[0].area).toBeCloseTo(9, 10);
    expect(matchStrain(r.matches[0].filmVectors, r.matches[0].substrateVectors).vonMises).toBeLessThan(1e-12);
  });
});

describe("strain", () => {
  it("uniaxial stretch ε gives Green–Lagrange ε + ε²/2 and pymatgen's von Mises", () => {
    const e = 0.02;
    const s = matchStrain(
      [
        [1, 0, 0],
        [0, 1, 0],
      ],
      [
        [1 + e, 0, 0],
        [0, 1, 0],
      ],
    );
    const exx = e + (e * e) / 2;
    expect(s.tensor[0][0]).toBeCloseTo(exx, 12);
    expect(s.tensor[1][1]).toBeCloseTo(0, 12);
    // deviatoric of diag(exx, 0, 0): (2/3, −1/3, −1/3)·exx → √(2/3 · 6/9) exx = (2/3) exx
    expect(s.vonMises).toBeCloseTo((2 / 3) * exx, 12);
    expect(s.principalMisfits[1]).toBeCloseTo(e, 12);
  });
});

describe("surface cells", () => {
  const ref = loadReference();
  const anatase = conventionalCell(referenceStructure(ref, "TiO2-anatase").structure);
  const pt = conventionalCell(referenceStructure(ref, "Pt").structure);
  it("conventional meshes of body-centred anatase (101) and (110) are twice the primitive surface cell", () => {
    for (const h of [
      [1, 0, 1],
      [1, 1, 0],
    ]) {
      const mesh = surfaceMesh(anatase.structure.lattice, h).area;
      expect(mesh / primitiveSurfaceArea(anatase, h)).toBeCloseTo(2, 8);
      const p = primitiveSurfaceMesh(anatase, h);
      expect(vecArea(p[0], p[1])).toBeCloseTo(primitiveSurfaceArea(anatase, h), 8);
    }
    expect(
      surfaceMesh(anatase.structure.lattice, [0, 0, 1]).area / primitiveSurfaceArea(anatase, [0, 0, 1]),
    ).toBeCloseTo(1, 8);
  });
  it("fcc Pt(111) primitive cell is a²√3/4 and its shortest vector a/√2", () => {
    const a = 3.9242;
    expect(primitiveSurfaceArea(pt, [1, 1, 1])).toBeCloseTo((a * a * Math.sqrt(3)) / 4, 8);
    expect(norm(primitiveSurfaceMesh(pt, [1, 1, 1])[0])).toBeCloseTo(a / Math.SQRT2, 8);
  });
  it("slab scale factor spans the plane: rows 1, 2 are perpendicular to (hkl)", () => {
    const lat = latticeFromParameters({ a: 4, b: 5, c: 6, alpha: 80, beta: 95, gamma: 100 });
    for (const h of [
      [1, 0, 0],
      [1, 1, 1],
      [2, 1, -1],
      [0, 3, 2],
    ]) {
      const s = slabScaleFactor(lat, h);
      expect(dot(s[0], h as Vec3)).toBe(0);
      expect(dot(s[1], h as Vec3)).toBe(0);
    }
  });
});

describe("symmetry-distinct Miller indices", () => {
  const ref = loadReference();
  const sets: Record<string, string> = {
    Pt: "100 110 111",
    Ru: "001 100 101 110 111",
    "TiO2-anatase": "001 100 101 110 111",
    Al2O3: "001 10-1 100 101 110 111",
  };
  for (const [id, expected] of Object.entries(sets))
    it(`${id}: pymatgen's set up to index 1`, () => {
      const c = conventionalCell(referenceStructure(ref, id).structure);
      expect(
        distinctMillerIndices(c.latticeRotations, 1)
          .map((m) => m.join(""))
          .join(" "),
      ).toBe(expected);
    });
  it("cubic up to index 2 has the 6 families {100} {110} {111} {210} {211} {221}", () => {
    const c = conventionalCell(referenceStructure(ref, "Pt").structure);
    expect(distinctMillerIndices(c.latticeRotations, 2)).toHaveLength(6);
  });
});

import { describe, expect, it } from "vitest";
import {
  cellVolume,
  latticeFromParameters,
  latticeParameters,
  reciprocalLattice,
} from "../src/crystal/lattice.js";
import { interplanarSpacing, parseMiller, planeCellArea, planeIntegerBasis } from "../src/crystal/miller.js";
import { dot } from "../src/crystal/vector.js";

describe("lattice", () => {
  it("round-trips parameters of a triclinic cell", () => {
    const p = { a: 5.1, b: 6.2, c: 7.3, alpha: 81, beta: 97, gamma: 103 };
    const q = latticeParameters(latticeFromParameters(p));
    for (const k of Object.keys(p) as (keyof typeof p)[]) expect(q[k]).toBeCloseTo(p[k], 10);
  });
  it("hexagonal volume equals √3/2 a² c", () => {
    const l = latticeFromParameters({ a: 2.7059, b: 2.7059, c: 4.2815, alpha: 90, beta: 90, gamma: 120 });
    expect(cellVolume(l)).toBeCloseTo((Math.sqrt(3) / 2) * 2.7059 ** 2 * 4.2815, 10);
  });
  it("reciprocal lattice satisfies a_i · a*_j = δ_ij", () => {
    const l = latticeFromParameters({ a: 5.1, b: 6.2, c: 7.3, alpha: 81, beta: 97, gamma: 103 });
    const r = reciprocalLattice(l);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) expect(dot(l.matrix[i], r.matrix[j])).toBeCloseTo(i === j ? 1 : 0, 12);
  });
  it("rejects a cell whose angles admit no volume", () => {
    expect(() => latticeFromParameters({ a: 1, b: 1, c: 1, alpha: 170, beta: 170, gamma: 20 })).toThrow(
      /alpha/,
    );
  });
});

describe("Miller planes", () => {
  const cubic = latticeFromParameters({ a: 4, b: 4, c: 4, alpha: 90, beta: 90, gamma: 90 });
  it("d_hkl of a cubic cell is a/√(h²+k²+l²)", () => {
    expect(interplanarSpacing(cubic, [1, 1, 1])).toBeCloseTo(4 / Math.sqrt(3), 12);
    expect(interplanarSpacing(cubic, [2, 1, 0])).toBeCloseTo(4 / Math.sqrt(5), 12);
  });
  it("plane cell area equals V/d for primitive planes", () => {
    for (const hkl of [
      [1, 0, 0],
      [1, 1, 0],
      [1, 1, 1],
      [3, -2, 1],
    ]) {
      expect(planeCellArea(cubic, hkl)).toBeCloseTo(cellVolume(cubic) / interplanarSpacing(cubic, hkl), 9);
      const [u, v] = planeIntegerBasis(hkl);
      expect(u[0] * hkl[0] + u[1] * hkl[1] + u[2] * hkl[2]).toBe(0);
      expect(v[0] * hkl[0] + v[1] * hkl[1] + v[2] * hkl[2]).toBe(0);
    }
  });
  it("parses the usual ways of writing an index", () => {
    expect(parseMiller("1,1,0")).toEqual([1, 1, 0]);
    expect(parseMiller("1-10")).toEqual([1, -1, 0]);
    expect(parseMiller("2 2 0")).toEqual([1, 1, 0]);
    expect(() => parseMiller("0,0,0")).toThrow(/names no plane/);
    expect(() => parseMiller("1,a,0")).toThrow(/miller/);
  });
});

/** Runaway or invalid requests are refused with an InputError naming the field. */
import { describe, expect, it } from "vitest";
import { latticeFromParameters } from "../src/crystal/lattice.js";
import { MAX_LISTED_MATCHES, matchInterfaces } from "../src/match/match.js";
import { fieldOf, loadReference, referenceStructure } from "./match-reference.js";

const ref = loadReference();
const ru = referenceStructure(ref, "Ru");
const rutile = referenceStructure(ref, "TiO2-rutile");

describe("match input errors", () => {
  it.each([
    [{ maxIndex: 5 }, "--max-index"],
    [{ maxIndex: 0 }, "--max-index"],
    [{ maxArea: 5000 }, "--max-area"],
    [{ maxArea: -1 }, "--max-area"],
    [{ maxArea: Number.NaN }, "--max-area"],
    [{ lengthTol: 0 }, "--length-tol"],
    [{ lengthTol: 0.5 }, "--length-tol"],
    [{ angleTol: -0.1 }, "--angle-tol"],
    [{ maxAreaRatioTol: 0.7 }, "--area-ratio-tol"],
    [{ filmMillers: [[0, 0, 0]] }, "--film-miller"],
    [{ substrateMillers: [[5, 0, 1]] }, "--substrate-miller"],
    [{ maxArea: 2000, maxIndex: 3 }, "--max-area"],
    // Robustness review: tolerances inside their documented range that accept almost every pair
    // (once a 4.4 GB V8 abort) are refused before the search.
    [{ maxArea: 2000, lengthTol: 0.4999, angleTol: 0.4999, maxAreaRatioTol: 0.4999 }, "--max-area"],
    [
      { maxArea: 400, lengthTol: 0.4999, angleTol: 0.4999, maxAreaRatioTol: 0.4999, all: true },
      "--length-tol",
    ],
  ])("%j → %s", (options, field) => {
    expect(fieldOf(() => matchInterfaces(ru, rutile, options))).toBe(field);
  });

  it("refuses a degenerate (tiny) cell", () => {
    const tiny = {
      id: "tiny",
      structure: {
        lattice: latticeFromParameters({ a: 0.3, b: 0.3, c: 0.3, alpha: 90, beta: 90, gamma: 90 }),
        sites: [{ species: "H", frac: [0, 0, 0] as [number, number, number], occupancy: 1, label: "H1" }],
      },
    };
    expect(fieldOf(() => matchInterfaces(tiny, rutile))).toBe("film");
  });

  it("refuses a structure without atoms", () => {
    const empty = { id: "empty", structure: { lattice: rutile.structure.lattice, sites: [] } };
    expect(fieldOf(() => matchInterfaces(rutile, empty))).toBe("substrate");
  });

  it("--all lists at most MAX_LISTED_MATCHES matches, lowest area first, and says how many were left out", () => {
    const r = matchInterfaces(ru, rutile, { lengthTol: 0.1, angleTol: 0.1, all: true });
    expect(r.nMatches).toBeGreaterThan(MAX_LISTED_MATCHES);
    expect(r.matches.length).toBe(MAX_LISTED_MATCHES);
    expect(r.matchesLeftOut).toBe(r.nMatches - MAX_LISTED_MATCHES);
    expect(r.message).toMatch(new RegExp(`${r.matchesLeftOut} left out`));
    // The smallest coincidence cell of every plane pair is among those listed.
    const minArea = Math.min(...r.millerPairs.flatMap((p) => (p.best ? [p.best.area] : [])));
    expect(r.matches[0].area).toBeCloseTo(minArea, 9);
  });
});

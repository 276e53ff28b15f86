/** `smsi match` through the CLI. */
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";

describe("smsi match CLI", () => {
  it("prints one JSON document with matches sorted by area then strain", async () => {
    const r = await runCli("match", "RuO2", "TiO2-rutile", "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.film.id).toBe("RuO2");
    expect(doc.substrate.id).toBe("TiO2-rutile");
    expect(doc.parameters).toMatchObject({
      maxArea: 400,
      maxAreaRatioTol: 0.09,
      lengthTol: 0.03,
      angleTol: 0.01,
    });
    expect(doc.matches.length).toBeGreaterThan(5);
    for (let k = 1; k < doc.matches.length; k++)
      expect(doc.matches[k].area).toBeGreaterThanOrEqual(doc.matches[k - 1].area - 1e-9);
    const m = doc.matches[0];
    for (const key of [
      "filmMiller",
      "substrateMiller",
      "area",
      "vonMisesStrain",
      "strainTensor",
      "filmVectors",
      "substrateVectors",
      "areaInFilmCells",
    ])
      expect(m).toHaveProperty(key);
    expect(doc.best).toEqual(m);
    expect(doc.coherence.verdict).toBe("coherent");
    expect(doc.coherence.reasons.length).toBeGreaterThan(0);
  });

  it("takes Miller indices and search options", async () => {
    const r = await runCli(
      "match",
      "Ru",
      "TiO2-anatase",
      "--film-miller",
      "0,0,1",
      "--substrate-miller",
      "1,0,-1",
      "--substrate-miller",
      "0,0,1",
      "--max-area",
      "200",
      "--length-tol",
      "0.04",
      "--angle-tol",
      "0.02",
      "--json",
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.film.millers).toEqual([[0, 0, 1]]);
    expect(doc.substrate.millers).toEqual([
      [1, 0, -1],
      [0, 0, 1],
    ]);
    expect(doc.parameters).toMatchObject({ maxArea: 200, lengthTol: 0.04, angleTol: 0.02 });
    for (const m of doc.matches) expect(m.area).toBeLessThan(200);
  });

  it("prints a human table", async () => {
    const r = await runCli("match", "Ru", "TiO2-rutile", "--max-area", "100");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/von Mises/);
    expect(r.out).toMatch(/coherence: /);
  });

  it("refuses runaway requests naming the option", async () => {
    for (const [args, field] of [
      [["--max-index", "6"], "--max-index"],
      [["--max-area", "9000"], "--max-area"],
      [["--length-tol", "0.7"], "--length-tol"],
      [["--angle-tol", "abc"], "--angle-tol"],
      [["--film-miller", "1,2"], "--film-miller"],
    ] as const) {
      const r = await runCli("match", "Ru", "TiO2-rutile", ...args);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`error: ${field}`);
    }
    const r = await runCli("match", "Unobtainium", "TiO2-rutile");
    expect(r.code).toBe(1);
    expect(r.err).toContain("FILM");
  });

  it("has an example in --help", async () => {
    const r = await runCli("match", "--help");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Example:[\s\S]*smsi match RuO2 TiO2-rutile/);
  });

  it("takes and prints Miller–Bravais (hkil) planes for hexagonal cells", async () => {
    const four = await runCli(
      "match",
      "Ru",
      "Al2O3-alpha",
      "--film-miller",
      "(0001)",
      "--substrate-miller",
      "0,0,0,1",
      "--json",
    );
    const three = await runCli(
      "match",
      "Ru",
      "Al2O3-alpha",
      "--film-miller",
      "0,0,1",
      "--substrate-miller",
      "0,0,1",
      "--json",
    );
    expect(four.code).toBe(0);
    const a = JSON.parse(four.out);
    const b = JSON.parse(three.out);
    expect(a.millerPairs[0]).toMatchObject({
      filmMiller: [0, 0, 1],
      filmPlane: "(0001)",
      substratePlane: "(0001)",
    });
    expect(a.nMatches).toBe(b.nMatches);
    expect(a.film.hexagonalAxes).toBe(true);
    const bad = await runCli("match", "Ru", "TiO2-rutile", "--substrate-miller", "(11-20)");
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^error: --substrate-miller:/);
  });
});

/**
 * The interface gate (src/match/gate.ts): orientation relationships on the facets that exist,
 * coherence from the whole coincidence cell, thresholds' sensitivity, Miller–Bravais notation.
 */
import { describe, expect, it } from "vitest";
import {
  formatPlane,
  fromMillerBravais,
  parsePlane,
  toMillerBravais,
} from "../src/crystal/miller-bravais.js";
import { reduceMiller } from "../src/crystal/miller.js";
import {
  DEFAULT_GATE_THRESHOLDS,
  type GateThresholds,
  VERDICT_ORDER,
  interfaceGate,
} from "../src/match/gate.js";
import { fieldOf } from "./match-reference.js";

/** A grid over the stated ranges of every threshold (docs/interface.md), chosen independently of the cases. */
function thresholdGrid(): GateThresholds[] {
  const out: GateThresholds[] = [];
  for (const coherentMaxMisfit of [0.03, 0.04, 0.05, 0.06])
    for (const semicoherentMaxMisfit of [0.06, 0.12, 0.18, 0.25])
      for (const coherentMaxSigma of [1, 2, 3])
        for (const semicoherentMaxSigma of [2, 4, 6, 9])
          if (coherentMaxMisfit <= semicoherentMaxMisfit && coherentMaxSigma <= semicoherentMaxSigma)
            out.push({ coherentMaxMisfit, semicoherentMaxMisfit, coherentMaxSigma, semicoherentMaxSigma });
  return out;
}

describe("RuO2 — the oxide grown at the Ru/TiO2 interface — on rutile vs anatase", () => {
  it("is coherent on rutile and not on anatase at the sourced thresholds", () => {
    const rutile = interfaceGate("Ru", "TiO2-rutile");
    const anatase = interfaceGate("Ru", "TiO2-anatase");
    expect(rutile.oxide?.formula).toBe("RuO2");
    expect(rutile.oxide!.chosen.verdict).toBe("coherent");
    expect(rutile.oxide!.chosen.sigma).toBe(1);
    expect(anatase.oxide!.chosen.verdict).not.toBe("coherent");
    // The isostructural 1:1 relations: RuO2(101)∥TiO2(101) at the a-axis misfit 1 − 4.4919/4.5937 ≈ 2.3 %.
    const r101 = rutile.oxide!.relationships.find(
      (r) => r.filmPlane === "(101)" && r.substratePlane === "(101)",
    )!;
    expect(r101.verdict).toBe("coherent");
    expect(r101.misfit).toBeCloseTo(4.5937 / 4.4919 - 1, 3);
  });

  it("the contrast holds at every point of a grid over the stated threshold ranges", () => {
    const grid = thresholdGrid();
    expect(grid.length).toBeGreaterThan(100);
    for (const thresholds of grid) {
      const r = interfaceGate("Ru", "TiO2-rutile", { thresholds }).oxide!.chosen.verdict;
      const a = interfaceGate("Ru", "TiO2-anatase", { thresholds }).oxide!.chosen.verdict;
      expect(r, JSON.stringify(thresholds)).toBe("coherent");
      expect(a, JSON.stringify(thresholds)).not.toBe("coherent");
      expect(VERDICT_ORDER[r]).toBeLessThan(VERDICT_ORDER[a]);
    }
  });

  it("the printed sensitivity agrees: robust on rutile, never coherent on anatase over the full grid", () => {
    const rs = interfaceGate("Ru", "TiO2-rutile").oxide!.chosen.sensitivity;
    expect(rs.robust).toBe(true);
    expect(rs.fullGrid.verdicts.coherent).toBe(rs.fullGrid.points);
    const as = interfaceGate("Ru", "TiO2-anatase").oxide!.chosen.sensitivity;
    expect(as.fullGrid.verdicts.coherent).toBe(0);
  });
});

describe("Ru on α-Al2O3", () => {
  const r = interfaceGate("Ru", "Al2O3-alpha");

  it("Ru(0001) on α-Al2O3(0001) is a 3:1 commensurate coincidence at ≈ 1 % strain, not incoherent", () => {
    const basal = r.relationships.find((x) => x.filmPlane === "(0001)" && x.substratePlane === "(0001)")!;
    expect(basal.cellsFilm).toBe(3);
    expect(basal.cellsSubstrate).toBe(1);
    expect(basal.sigma).toBe(3);
    // √3·a(Ru) = 4.687 Å on a(corundum) = 4.759 Å: δ = 4.759/4.687 − 1 ≈ 1.5 %, von Mises 2/3 of the Green–Lagrange strain ≈ 1.0 %.
    expect(basal.misfit).toBeCloseTo(4.759 / (Math.sqrt(3) * 2.7059) - 1, 2);
    expect(basal.strain).toBeGreaterThan(0.008);
    expect(basal.strain).toBeLessThan(0.012);
    expect(basal.verdict).toBe("semi-coherent");
    expect(r.chosen.filmPlane).toBe("(0001)");
    expect(r.chosen.substratePlane).toBe("(0001)");
  });

  it("pairs only dense planes: no pyramidal plane, and not coherent at the sourced thresholds", () => {
    for (const x of r.relationships) {
      expect(["(0001)", "(10-10)"]).toContain(x.filmPlane);
      expect(["(0001)", "(1-102)"]).toContain(x.substratePlane);
    }
    expect(r.chosen.verdict).not.toBe("coherent");
  });

  it("the verdict would flip to coherent only if a Σ 3 cell counted as coherent (printed)", () => {
    const s = r.chosen.sensitivity.thresholds.coherentMaxSigma;
    expect(s.flipsAt.map((f) => [f.value, f.below, f.atOrAbove])).toContainEqual([
      3,
      "semi-coherent",
      "coherent",
    ]);
    expect(interfaceGate("Ru", "Al2O3-alpha", { thresholds: { coherentMaxSigma: 3 } }).chosen.verdict).toBe(
      "coherent",
    );
  });
});

describe("published epitaxial relationships are recovered (not used to set any threshold)", () => {
  it.each([
    // Fe(001)[100] ∥ MgO(001)[110], 45°-rotated cube-on-cube, ≈ 3.8 % (Parkin et al., Nat. Mater. 3, 862 (2004); Yuasa et al., Nat. Mater. 3, 868 (2004)).
    ["Fe", "MgO", null, "(100)", "(100)", 4.2117 / Math.SQRT2 / 2.8665 - 1],
    // Ag(001) ∥ MgO(001) cube-on-cube, ≈ 3 %.
    ["Ag", "MgO", null, "(100)", "(100)", 4.2117 / 4.0862 - 1],
    // NiO(001) ∥ MgO(001), ≈ 0.8 %.
    ["Ni", "MgO", "oxide", "(100)", "(100)", 4.2117 / 4.1771 - 1],
  ] as const)("%s on %s (%s)", (metal, support, which, film, sub, misfit) => {
    const g = interfaceGate(metal, support);
    const c = which === "oxide" ? g.oxide!.chosen : g.chosen;
    expect(c.filmPlane).toBe(film);
    expect(c.substratePlane).toBe(sub);
    expect(c.sigma).toBe(1);
    expect(c.verdict).toBe("coherent");
    expect(c.misfit).toBeCloseTo(Math.abs(misfit), 2);
  });

  it("Pt(111) on α-Al2O3(0001): the 30°-rotated √3 coincidence at ≈ 1 %", () => {
    const c = interfaceGate("Pt", "Al2O3-alpha").chosen;
    expect([c.filmPlane, c.substratePlane, c.cellsFilm, c.cellsSubstrate]).toEqual(["(111)", "(0001)", 3, 1]);
    expect(c.misfit).toBeLessThan(0.015);
  });
});

describe("gate contract", () => {
  it("has the contract's fields and the thresholds with their sources", () => {
    const r = interfaceGate("Ru", "TiO2-rutile");
    expect(r.metal).toBe("Ru");
    expect(r.support).toBe("TiO2-rutile");
    for (const key of [
      "filmPlane",
      "substratePlane",
      "verdict",
      "strain",
      "cellsFilm",
      "cellsSubstrate",
      "coincidenceSiteDensity_per_nm2",
      "reason",
      "sensitivity",
    ])
      expect(r.chosen).toHaveProperty(key);
    expect(Object.keys(r.thresholds).sort()).toEqual(Object.keys(DEFAULT_GATE_THRESHOLDS).sort());
    for (const t of Object.values(r.thresholds)) expect(t.source.length).toBeGreaterThan(20);
    expect(r.relationships.length).toBe(6);
  });

  it("is memoised: the same call returns the same (frozen) object", () => {
    const a = interfaceGate("Pd", "CeO2");
    expect(interfaceGate("Pd", "CeO2")).toBe(a);
    expect(Object.isFrozen(a.chosen)).toBe(true);
  });

  it.each(["Pt", "Au", "Os"])("%s: no bulk oxide in the library → oxide null with a reason", (metal) => {
    const r = interfaceGate(metal, "TiO2-rutile");
    expect(r.oxide).toBeNull();
    expect(r.oxideNote).toMatch(/oxide/);
    expect(r.chosen.verdict).toMatch(/coherent|incoherent/);
  });

  it("takes one support facet in three- or four-index form", () => {
    const r = interfaceGate("Ru", "TiO2-rutile", { supportFacet: "(001)" });
    expect(r.relationships.every((x) => x.substratePlane === "(001)")).toBe(true);
    expect(r.planes.support.source).toMatch(/--support-facet/);
    const b = interfaceGate("Ru", "Al2O3-alpha", { supportFacet: "0,0,0,1" });
    expect(b.relationships.every((x) => x.substratePlane === "(0001)")).toBe(true);
  });

  it.each([
    [() => interfaceGate("Ru", "TiO2-rutile", { supportFacet: "(1,0,0,1)" }), "--support-facet"],
    [() => interfaceGate("Ru", "TiO2-rutile", { supportFacet: "banana" }), "--support-facet"],
    [() => interfaceGate("Ru", "TiO2-rutile", { supportFacet: "1,0,99" }), "--support-facet"],
    [() => interfaceGate("Unobtainium", "TiO2-rutile"), "METAL"],
    [() => interfaceGate("Ru", "TiO2-rutil"), "SUPPORT"],
    [() => interfaceGate("Ru", "TiO2-rutile", { thresholds: { coherentMaxMisfit: 0.2 } }), "thresholds"],
    [
      () => interfaceGate("Ru", "TiO2-rutile", { thresholds: { semicoherentMaxSigma: 2.5 } }),
      "thresholds.semicoherentMaxSigma",
    ],
  ])("bad input → InputError naming the field (%#)", (f, field) => {
    expect(fieldOf(f)).toBe(field);
  });
});

describe("sensitivity flips are where the verdict really changes", () => {
  it.each([
    ["Ru", "TiO2-rutile"],
    ["Ru", "TiO2-anatase"],
    ["Pt", "CeO2"],
    ["Cu", "ZnO"],
  ])("%s on %s", (metal, support) => {
    const r = interfaceGate(metal, support);
    for (const [key, s] of Object.entries(r.chosen.sensitivity.thresholds)) {
      for (const v of s.verdicts) {
        const t: Partial<GateThresholds> = { [key]: v.value };
        if (key === "coherentMaxMisfit")
          t.semicoherentMaxMisfit = Math.max(DEFAULT_GATE_THRESHOLDS.semicoherentMaxMisfit, v.value);
        if (key === "semicoherentMaxMisfit")
          t.coherentMaxMisfit = Math.min(DEFAULT_GATE_THRESHOLDS.coherentMaxMisfit, v.value);
        if (key === "coherentMaxSigma")
          t.semicoherentMaxSigma = Math.max(DEFAULT_GATE_THRESHOLDS.semicoherentMaxSigma, v.value);
        if (key === "semicoherentMaxSigma")
          t.coherentMaxSigma = Math.min(DEFAULT_GATE_THRESHOLDS.coherentMaxSigma, v.value);
        expect(interfaceGate(metal, support, { thresholds: t }).chosen.verdict, `${key}=${v.value}`).toBe(
          v.verdict,
        );
      }
    }
  });
});

describe("Miller–Bravais notation", () => {
  it("round-trips every plane with indices ≤ 3 on hexagonal axes", () => {
    for (let h = -3; h <= 3; h++)
      for (let k = -3; k <= 3; k++)
        for (let l = -3; l <= 3; l++) {
          if (h === 0 && k === 0 && l === 0) continue;
          const hkl = reduceMiller([h, k, l]);
          const four = toMillerBravais(hkl);
          expect(four[0] + four[1] + four[2]).toBe(0);
          expect(fromMillerBravais(four)).toEqual(hkl);
          expect(parsePlane(formatPlane(hkl, true), true)).toEqual(hkl);
          expect(parsePlane(four.join(","), true)).toEqual(hkl);
        }
  });

  it("reads the usual spellings and writes compact four-index planes", () => {
    expect(parsePlane("(10-10)", true)).toEqual([1, 0, 0]);
    expect(parsePlane("1,0,-1,0", true)).toEqual([1, 0, 0]);
    expect(parsePlane("{0001}", true)).toEqual([0, 0, 1]);
    expect(parsePlane("(1-102)", true)).toEqual([1, -1, 2]);
    expect(formatPlane([1, 0, 0], true)).toBe("(10-10)");
    expect(formatPlane([1, 1, 0], true)).toBe("(11-20)");
    expect(formatPlane([0, 0, 1], true)).toBe("(0001)");
    expect(formatPlane([1, 1, 0], false)).toBe("(110)");
  });

  it("refuses i ≠ −(h + k) and four indices on a non-hexagonal cell", () => {
    expect(fieldOf(() => parsePlane("(1011)", true, "--support-facet"))).toBe("--support-facet");
    expect(fieldOf(() => parsePlane("(10-10)", false, "--support-facet"))).toBe("--support-facet");
  });
});

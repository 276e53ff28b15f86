/**
 * Hexagonal boron nitride (h-BN), the bundled non-oxide support: the CIF the build script wrote from
 * the source table (Pease, Acta Cryst. 5, 356 (1952): P6_3/mmc, B 2c, N 2d, a = 2.504 Å, c = 6.661 Å)
 * checked against the geometry that follows analytically from that cell, and the interface gate on it
 * (Ni(111)/h-BN(0001), the near-coincident pair grown epitaxially; Pt(111), ≈ 10 % larger in-plane).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCif } from "../src/crystal/cif/index.js";
import { density_g_per_cm3 } from "../src/crystal/density.js";
import { latticeParameters, toCartesian } from "../src/crystal/lattice.js";
import type { Structure } from "../src/crystal/structure.js";
import { analyzeSymmetry } from "../src/crystal/symmetry.js";
import { interfaceGate } from "../src/match/gate.js";
import { BUNDLED_DIR, bundledMaterials, getMaterial } from "../src/materials/library.js";
import { runCli } from "./helpers/cli.js";

/** Pease (1952), as in scripts/materials-table.py. */
const A_HBN = 2.504;
const C_HBN = 6.661;
/**
 * Standard atomic weights written here independently of src/crystal/elements.ts: IUPAC abridged
 * values (Prohaska et al., Pure Appl. Chem. 94, 573 (2022)): B 10.81, N 14.007.
 */
const M_B = 10.81;
const M_N = 14.007;
const N_A = 6.02214076e23; // exact, SI 2019
const ANGSTROM3_IN_CM3 = 1e-24;

/**
 * The CIF writes fractional coordinates to 6 decimals (1/3 → 0.333333, scripts/build-materials.ts):
 * a rounding of ≤ 5e-7 of a cell edge, so distances agree with the exact cell to ≲ 1e-5 Å.
 */
const CIF_ROUNDING_A = 1e-5;

const entry = bundledMaterials().find((p) => p.id === "h-BN");

/** Every interatomic distance from site i to the images of site j within ±2 cells. */
function distances(s: Structure, i: number, j: number): number[] {
  const out: number[] = [];
  const a = s.sites[i].frac;
  for (let x = -2; x <= 2; x++)
    for (let y = -2; y <= 2; y++)
      for (let z = -2; z <= 2; z++) {
        const b = s.sites[j].frac;
        const d = toCartesian(s.lattice, [b[0] + x - a[0], b[1] + y - a[1], b[2] + z - a[2]]);
        const r = Math.hypot(d[0], d[1], d[2]);
        if (r > 1e-9) out.push(r);
      }
  return out;
}

describe("h-BN: the bundled entry", () => {
  it("is a support with formula BN, P6_3/mmc (194), a sourced (verify) structure and no thermo row", () => {
    expect(entry).toBeDefined();
    expect(entry!.formula).toBe("BN");
    expect(entry!.phase).toBe("hexagonal");
    expect(entry!.role).toBe("support");
    expect(entry!.spaceGroup.number).toBe(194);
    expect(entry!.structureSource.citation).toMatch(/Pease, Acta Cryst\. 5, 356/);
    expect(entry!.structureSource.verify).toBe(true);
    expect(entry!.thermo).toBeNull();
  });
  it("records no reference density, and the note says why (CRC bulk value below the X-ray density by > 1 %)", () => {
    expect(entry!.referenceDensity).toBeNull();
    expect(entry!.note).toMatch(/density/);
    // the handbook's 2.1–2.2 g/cm³ range lies more than 1 % below the X-ray density, so it cannot serve
    const rho = density_g_per_cm3(getMaterial("h-BN").structure);
    expect(2.2 / rho).toBeLessThan(0.99);
  });
});

describe("h-BN: the CIF against the geometry of the cell", () => {
  const text = readFileSync(join(BUNDLED_DIR, entry?.file ?? "cif/h-BN.cif"), "utf8");
  const cif = readCif(text, "h-BN.cif");
  const s = cif.structure;

  it("parses to 4 atoms (2 B, 2 N) in the stated cell", () => {
    const p = latticeParameters(s.lattice);
    expect(p.a).toBeCloseTo(A_HBN, 9);
    expect(p.b).toBeCloseTo(A_HBN, 9);
    expect(p.c).toBeCloseTo(C_HBN, 9);
    expect(p.gamma).toBeCloseTo(120, 9);
    expect(s.sites.filter((x) => x.species === "B")).toHaveLength(2);
    expect(s.sites.filter((x) => x.species === "N")).toHaveLength(2);
  });
  it("moyo finds space group 194 (P6_3/mmc)", () => {
    expect(analyzeSymmetry(s).number).toBe(194);
  });
  it("B–N shells: 3 at a/√3 (1.446 Å), 3 at 2a/√3, then 2 interlayer at c/2 (N over B, AA' stacking)", () => {
    const b = s.sites.findIndex((x) => x.species === "B");
    const bn = s.sites.flatMap((x, j) => (x.species === "N" ? distances(s, b, j) : [])).sort((p, q) => p - q);
    const expected = A_HBN / Math.sqrt(3); // 1.4457 Å
    expect(Math.abs(bn[0] - expected)).toBeLessThan(CIF_ROUNDING_A);
    expect(bn.filter((r) => Math.abs(r - expected) < CIF_ROUNDING_A)).toHaveLength(3);
    // then three in-plane at 2a/√3 (2.891 Å), then the interlayer pair: AA' stacking puts an N directly
    // above and below each B, c/2 away (3.331 Å), before the in-plane shell at √7·a/√3 (3.825 Å)
    for (const r of bn.slice(3, 6)) expect(Math.abs(r - 2 * expected)).toBeLessThan(CIF_ROUNDING_A);
    for (const r of bn.slice(6, 8)) expect(Math.abs(r - C_HBN / 2)).toBeLessThan(CIF_ROUNDING_A);
    expect(bn[8]).toBeGreaterThan(C_HBN / 2 + 0.1);
  });
  it("the layers are planar and c/2 apart (two sheets per cell)", () => {
    const z = s.sites.map((x) => toCartesian(s.lattice, x.frac)[2]);
    const levels = [...new Set(z.map((v) => v.toFixed(6)))].map(Number).sort((p, q) => p - q);
    expect(levels).toHaveLength(2);
    expect(Math.abs(levels[1] - levels[0] - C_HBN / 2)).toBeLessThan(CIF_ROUNDING_A);
    // B and N of one sheet share its level
    for (const level of levels)
      expect(new Set(s.sites.filter((_, i) => Math.abs(z[i] - level) < 1e-6).map((x) => x.species))).toEqual(
        new Set(["B", "N"]),
      );
  });
  it("X-ray density = Z·M(BN)/(N_A·V), V = (√3/2)a²c, Z = 2", () => {
    const volume_A3 = (Math.sqrt(3) / 2) * A_HBN * A_HBN * C_HBN;
    const expected = (2 * (M_B + M_N)) / (N_A * volume_A3 * ANGSTROM3_IN_CM3); // ≈ 2.279 g/cm³
    expect(Math.abs(density_g_per_cm3(s) / expected - 1)).toBeLessThan(1e-4);
  });
});

describe("interface gate on h-BN(0001)", () => {
  /** In-plane nearest-neighbour distance of an fcc metal's (111) plane: a/√2 of its bundled cell. */
  const fcc111 = (id: string) => latticeParameters(getMaterial(id).structure.lattice).a / Math.SQRT2;
  const onBasal = (metal: string) =>
    interfaceGate(metal, "h-BN", { supportFacet: "(0001)" }).relationships.find(
      (r) => r.filmPlane === "(111)" && r.substratePlane === "(0001)",
    );

  it("Ni(111) ∥ h-BN(0001): a 1:1 cell at the analytic misfit a_BN/(a_Ni/√2) − 1 < 1 %, coherent", () => {
    const ni = onBasal("Ni");
    expect(ni).toBeDefined();
    expect(ni!.sigma).toBe(1);
    expect(ni!.misfit).toBeCloseTo(Math.abs(A_HBN / fcc111("Ni") - 1), 6);
    expect(ni!.misfit).toBeLessThan(0.01);
    expect(ni!.verdict).toBe("coherent");
    expect(interfaceGate("Ni", "h-BN").chosen.filmPlane).toBe("(111)");
    expect(interfaceGate("Ni", "h-BN").chosen.substratePlane).toBe("(0001)");
  });
  it("Pt(111) (in-plane 2.77 Å) mismatches h-BN far more than Ni(111), whatever the coherence threshold", () => {
    const ni = onBasal("Ni")!;
    const pt = onBasal("Pt")!;
    expect(pt.misfit).toBeCloseTo(Math.abs(A_HBN / fcc111("Pt") - 1), 6);
    expect(pt.misfit).toBeGreaterThan(5 * ni.misfit);
    // over the stated range of the coherence threshold (docs/interface.md: 0.03–0.06)
    for (const coherentMaxMisfit of [0.03, 0.04, 0.05, 0.06]) {
      const t = { thresholds: { coherentMaxMisfit }, supportFacet: "(0001)" };
      expect(interfaceGate("Ni", "h-BN", t).chosen.verdict).toBe("coherent");
      expect(interfaceGate("Pt", "h-BN", t).chosen.verdict).not.toBe("coherent");
    }
  });
});

describe("h-BN through the CLI", () => {
  it("materials list --role support includes h-BN; show finds P6_3/mmc and 2 formula units", async () => {
    const list = await runCli("materials", "list", "--role", "support", "--json");
    expect(list.code, list.err).toBe(0);
    expect(JSON.parse(list.out).materials.map((m: { id: string }) => m.id)).toContain("h-BN");
    const show = await runCli("materials", "show", "h-BN", "--json");
    expect(show.code, show.err).toBe(0);
    const d = JSON.parse(show.out);
    expect(d.spaceGroup.found.number).toBe(194);
    expect(d.formulaUnitsPerCell).toBe(2);
  });
  it("interface Ni h-BN --json chooses (111) ∥ (0001), coherent", async () => {
    const r = await runCli("interface", "Ni", "h-BN", "--json");
    expect(r.code, r.err).toBe(0);
    const d = JSON.parse(r.out);
    expect(d.chosen.filmPlane).toBe("(111)");
    expect(d.chosen.substratePlane).toBe("(0001)");
    expect(d.chosen.verdict).toBe("coherent");
  });
});

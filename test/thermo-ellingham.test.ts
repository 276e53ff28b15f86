import { describe, expect, it } from "vitest";
import { bundledOxides, ellinghamGibbs, referenceData, setThermoOverrides } from "../src/thermo/ellingham.js";
import { InputError } from "../src/units/errors.js";

describe("Ellingham ΔG°f at 298.15 K vs sourced ΔfG°", () => {
  const refs = referenceData().deltaGf298;
  const available = bundledOxides().filter((o) => o.available);

  it("every bundled oxide with data has a sourced ΔfG°298 to compare with (except the emf-line oxides)", () => {
    const withRef = new Set(refs.map((r) => r.formula));
    const lacking = available.map((o) => o.formula).filter((f) => !withRef.has(f));
    expect(lacking.sort()).toEqual(["IrO2", "PdO", "Rh2O3"]);
  });

  for (const r of refs) {
    it(`${r.formula} (${r.phase}) within 2 kJ/mol O2 of ${r.source.slice(0, 40)}…`, () => {
      const g = ellinghamGibbs(r.formula, 298.15, r.phase);
      const molO2PerOxide = g.dG_kJ_per_mol_oxide / g.dG_kJ_per_mol_O2;
      const diffPerO2 = (g.dG_kJ_per_mol_oxide - r.dGf298_kJ_per_mol) / molO2PerOxide;
      expect(Math.abs(diffPerO2)).toBeLessThan(2);
    });
  }

  it("states what is left out and why", () => {
    const out = bundledOxides().filter((o) => !o.available);
    expect(out.map((o) => o.id).sort()).toEqual(
      ["Ca5(PO4)3OH", "SrTiO3", "TiO2-brookite", "ZrO2-tetragonal"].sort(),
    );
    for (const o of out) expect(o.reason).toBeTruthy();
  });
});

describe("heat capacity", () => {
  it("Cu oxides include ΔCp (NIST Shomate), others state ΔCp = 0", () => {
    expect(ellinghamGibbs("CuO", 1000).cpIncluded).toBe(true);
    expect(ellinghamGibbs("Cu2O", 1000).cpIncluded).toBe(true);
    expect(ellinghamGibbs("TiO2", 1000, "rutile").cpIncluded).toBe(false);
  });
});

describe("missing data and overrides", () => {
  it("PtO without data is an InputError naming the fix", () => {
    expect(() => ellinghamGibbs("PtO", 800)).toThrow(InputError);
    expect(() => ellinghamGibbs("PtO", 800)).toThrow(/--thermo-data/);
  });
  it("a user row (with source) makes it available", () => {
    setThermoOverrides([
      { formula: "PtO2", phase: "rutile", dHf298_kJ_per_mol: -250, S298_J_per_mol_K: 50, source: "test row" },
    ]);
    try {
      expect(ellinghamGibbs("PtO2", 800).dG_kJ_per_mol_O2).toBeLessThan(0);
    } finally {
      setThermoOverrides([]);
    }
  });
  it("unknown oxide", () => {
    expect(() => ellinghamGibbs("XyO", 300)).toThrow(InputError);
  });
});

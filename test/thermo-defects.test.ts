import { describe, expect, it } from "vitest";
import { oxygenNonstoichiometry } from "../src/thermo/defects.js";
import { InputError } from "../src/units/errors.js";

describe("oxygen nonstoichiometry from equilibrium data", () => {
  it("TiO2−x reproduces the Millot & Picard (1988) table at 1373 K within the fitted exponent", () => {
    // rows of their table (p_O2 atm → x): the bundled reference is the 3.39e-12 row; the others test the slope
    const rows: [number, number][] = [
      [3.31e-10, 5e-4],
      [3.8e-13, 1.7e-3],
      [1.35e-15, 5.6e-3],
    ];
    for (const [atm, x] of rows) {
      const r = oxygenNonstoichiometry("TiO2-rutile", 1373, { kind: "O2", pO2_bar: atm * 1.01325 });
      expect(Math.abs(Math.log10(r.x / x))).toBeLessThan(0.15);
    }
  });

  it("x(TiO2) ≤ 0.5 everywhere (bounded by the hull neighbour Ti4O7: x ≤ 0.25)", () => {
    // a grid over 300–2500 K and 42 decades of p_O2 (and H2O/H2 mixtures), both polymorphs
    for (let T = 300; T <= 2500; T += 110)
      for (let logP = -40; logP <= 2; logP += 1.5)
        for (const atm of [
          { kind: "O2", pO2_bar: 10 ** logP } as const,
          { kind: "H2O/H2", ratio: 10 ** (logP / 4) } as const,
        ])
          for (const oxide of ["TiO2-rutile", "TiO2-anatase"]) {
            const r = oxygenNonstoichiometry(oxide, T, atm);
            expect(r.x).toBeGreaterThanOrEqual(0);
            expect(r.x).toBeLessThanOrEqual(0.5);
            expect(r.x).toBeLessThanOrEqual(r.xMax + 1e-12);
          }
  });

  it("at and below TiO2/lower-oxide coexistence x is the lower oxide's, not 0.96 (review item 4)", () => {
    const r = oxygenNonstoichiometry("TiO2-rutile", 1200, { kind: "H2O/H2", ratio: 1e-6 });
    expect(r.converted).toBe(true);
    expect(r.x).toBe(0.25);
    expect(r.formula).toBe("Ti4O7");
    expect(r.lowerOxide).toBe("Ti4O7");
  });

  it("x falls as p_O2 rises (p^(−1/m)) and rises with T at fixed p_O2", () => {
    const a = oxygenNonstoichiometry("CeO2", 1273, { kind: "O2", pO2_bar: 1e-12 });
    const b = oxygenNonstoichiometry("CeO2", 1273, { kind: "O2", pO2_bar: 1e-6 });
    expect(b.x).toBeLessThan(a.x);
    expect(Math.log(a.x / b.x) / Math.log(1e6)).toBeCloseTo(1 / 6, 9);
    const hot = oxygenNonstoichiometry("CeO2", 1473, { kind: "O2", pO2_bar: 1e-6 });
    expect(hot.x).toBeGreaterThan(b.x);
    expect(a.xMax).toBe(0.5); // CeO2 → Ce2O3 = CeO1.5
    expect(a.reductionEntropy_eV_per_K).toBeGreaterThan(0);
  });

  it("unknown oxides are an InputError naming the data available", () => {
    expect(() => oxygenNonstoichiometry("ZnO", 800, { kind: "O2", pO2_bar: 1 })).toThrow(InputError);
    expect(() => oxygenNonstoichiometry("ZnO", 800, { kind: "O2", pO2_bar: 1 })).toThrow(/CeO2/);
  });
});

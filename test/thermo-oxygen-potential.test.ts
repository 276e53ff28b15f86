import { describe, expect, it } from "vitest";
import literature from "../data/thermo/literature-checks.json" with { type: "json" };
import {
  atmosphereFromOptions,
  co2CoFromPO2,
  deltaGWaterFormation,
  deltaMuO,
  deltaMuOFromCO2CO,
  deltaMuOFromH2OH2,
  deltaGCOOxidation,
  h2oH2FromPO2,
  oxygenPotential,
  pO2FromCO2CO,
  pO2FromDeltaMuO,
  pO2FromH2OH2,
} from "../src/thermo/oxygen-potential.js";
import { InputError } from "../src/units/errors.js";

const ATM_BAR = 1.01325;

describe("Δμ_O(T, p) in the Reuter–Scheffler convention", () => {
  // K. Reuter, M. Scheffler, Phys. Rev. B 65, 035406 (2001), Table I (p° = 1 atm)
  for (const p of literature.reuterScheffler.points) {
    it(`matches R&S at ${p.T_K} K within 0.02 eV`, () => {
      expect(Math.abs(deltaMuO(p.T_K, ATM_BAR) - p.deltaMuO_eV)).toBeLessThan(0.02);
    });
  }

  it("adds ½ k_B T ln(p/p°)", () => {
    const T = 700;
    expect(deltaMuO(T, 1e-10) - deltaMuO(T, 1)).toBeCloseTo(0.5 * 8.617333262e-5 * T * Math.log(1e-10), 10);
  });

  it("inverts μ_O ↔ p_O2", () => {
    expect(pO2FromDeltaMuO(800, deltaMuO(800, 3.7e-5))).toBeCloseTo(3.7e-5, 10);
  });
});

describe("reducing mixtures", () => {
  it("ΔG°f(H2O, g) at 298.15 K reproduces NIST-JANAF −228.58 kJ/mol (H2O Shomate extrapolated below 500 K)", () => {
    const w = deltaGWaterFormation(298.15);
    expect(w.dG_kJ_per_mol).toBeCloseTo(-228.58, 0);
    expect(w.extrapolated).toBe(true);
    expect(deltaGWaterFormation(800).extrapolated).toBe(false);
  });

  it("H2O/H2 → p_O2 → H2O/H2 round trip", () => {
    const p = pO2FromH2OH2(723.15, 1e-3);
    expect(h2oH2FromPO2(723.15, p)).toBeCloseTo(1e-3, 12);
  });

  it("CO2/CO → p_O2 → CO2/CO round trip", () => {
    const p = pO2FromCO2CO(900, 2);
    expect(co2CoFromPO2(900, p)).toBeCloseTo(2, 10);
  });

  it("Δμ_O(H2O/H2) = Δμ_O(T,p°) + ΔG°f(H2O)/e + k_B T ln ratio", () => {
    const T = 723.15;
    const direct =
      deltaMuO(T, 1) +
      deltaGWaterFormation(T).dG_kJ_per_mol / 96.48533212 +
      8.617333262e-5 * T * Math.log(1e-3);
    expect(deltaMuOFromH2OH2(T, 1e-3)).toBeCloseTo(direct, 8);
  });

  it("Δμ_O(CO2/CO) = Δμ_O(T,p°) + ΔG°(CO + ½O2 → CO2)/e + k_B T ln ratio", () => {
    const T = 900;
    const direct =
      deltaMuO(T, 1) + deltaGCOOxidation(T).dG_kJ_per_mol / 96.48533212 + 8.617333262e-5 * T * Math.log(2);
    expect(deltaMuOFromCO2CO(T, 2)).toBeCloseTo(direct, 8);
  });

  it("oxygenPotential reports units and equivalences", () => {
    const r = oxygenPotential(723.15, { kind: "O2", pO2_bar: 0.21 });
    expect(r.temperature_K).toBe(723.15);
    expect(r.pO2_bar).toBe(0.21);
    expect(r.h2oH2Ratio).toBeGreaterThan(1e10);
  });
});

describe("bad input", () => {
  it("rejects T ≤ 0 and p ≤ 0", () => {
    expect(() => deltaMuO(0, 1)).toThrow(InputError);
    expect(() => deltaMuO(300, 0)).toThrow(InputError);
    expect(() => pO2FromH2OH2(300, -1)).toThrow(InputError);
  });
  it("needs exactly one of --p-o2 / --h2o-h2 / --co2-co", () => {
    expect(() => atmosphereFromOptions({})).toThrow(/--p-o2/);
    expect(() => atmosphereFromOptions({ pO2_bar: 1, h2oH2: 1 })).toThrow(/only one/);
  });
});

describe("pressure ranges name the flag the user typed", () => {
  it("p_O2 above the ideal-gas limit and ratios with no finite equivalent p_O2 are refused", () => {
    expect(() => oxygenPotential(700, { kind: "O2", pO2_bar: 1e300 })).toThrow(/--p-o2/);
    expect(() => oxygenPotential(700, { kind: "H2O/H2", ratio: 1e200 })).toThrow(/--h2o-h2/);
    expect(() => oxygenPotential(700, { kind: "CO2/CO", ratio: 1e-200 })).toThrow(/--co2-co/);
    expect(oxygenPotential(700, { kind: "O2", pO2_bar: 100 }).pO2_bar).toBe(100);
  });
});

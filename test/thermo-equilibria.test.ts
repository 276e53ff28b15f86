import { describe, expect, it } from "vitest";
import literature from "../data/thermo/literature-checks.json" with { type: "json" };
import {
  decompositionTemperature,
  oxideStability,
  reductionReaction,
  stablePhase,
} from "../src/thermo/equilibria.js";
import { InputError } from "../src/units/errors.js";

describe("decomposition temperatures vs literature (within 30 K)", () => {
  for (const c of literature.decomposition) {
    it(`${c.oxide} at p_O2 = ${c.pO2_bar} bar: ${c.T_K} K (${c.source.slice(0, 50)}…)`, () => {
      const T = decompositionTemperature(reductionReaction(c.oxide), { kind: "O2", pO2_bar: c.pO2_bar });
      expect(T).not.toBeNull();
      expect(Math.abs((T ?? 0) - c.T_K)).toBeLessThan(30);
    });
  }

  it("Ag2O at 1 bar O2 from 298 K data ≈ 468 K", () => {
    const T = decompositionTemperature(reductionReaction("Ag2O"), { kind: "O2", pO2_bar: 1 });
    expect(T).toBeCloseTo(467.8, 0);
  });
});

describe("reactions", () => {
  it("pairs each oxide with its next-lower phase", () => {
    expect(reductionReaction("CuO").equation).toBe("2 Cu2O + O2 ⇌ 4 CuO");
    expect(reductionReaction("Cu2O").equation).toBe("4 Cu + O2 ⇌ 2 Cu2O");
    expect(reductionReaction("Co3O4").equation).toBe("6 CoO + O2 ⇌ 2 Co3O4");
    expect(reductionReaction("TiO2", "rutile").equation).toBe("2 Ti2O3 + O2 ⇌ 4 TiO2");
    expect(reductionReaction("CeO2").equation).toBe("2 Ce2O3 + O2 ⇌ 4 CeO2");
    expect(reductionReaction("RuO2").equation).toBe("Ru + O2 ⇌ RuO2");
    expect(reductionReaction("PdO").equation).toBe("2 Pd + O2 ⇌ 2 PdO");
  });

  it("stable phase follows μ_O", () => {
    expect(stablePhase("Cu", 1000, { kind: "O2", pO2_bar: 0.21 }).formula).toBe("CuO");
    expect(stablePhase("Cu", 1000, { kind: "O2", pO2_bar: 1e-6 }).formula).toBe("Cu2O");
    expect(stablePhase("Cu", 1000, { kind: "H2O/H2", ratio: 1 }).formula).toBe("Cu");
    expect(stablePhase("Ru", 723.15, { kind: "O2", pO2_bar: 1 }).formula).toBe("RuO2");
    expect(stablePhase("Ru", 723.15, { kind: "H2O/H2", ratio: 1e-3 }).formula).toBe("Ru");
  });

  it("stability report: RuO2 in O2 vs H2 at 450 °C", () => {
    const ox = oxideStability("RuO2", 723.15, { kind: "O2", pO2_bar: 1 });
    expect(ox.stablePhase).toBe("RuO2");
    expect(ox.drivingForce_eV).toBeGreaterThan(0);
    const red = oxideStability("RuO2", 723.15, { kind: "H2O/H2", ratio: 1e-3 });
    expect(red.stablePhase).toBe("Ru");
    expect(red.drivingForce_eV).toBeLessThan(0);
  });

  it("unknown oxide is an InputError", () => {
    expect(() => oxideStability("Foo", 700, { kind: "O2", pO2_bar: 1 })).toThrow(InputError);
  });
});

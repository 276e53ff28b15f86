import { describe, expect, it } from "vitest";
import { muOProfile } from "../src/thermo/profile.js";
import { vacancyFormation, vacancyFraction } from "../src/thermo/vacancy.js";
import { InputError } from "../src/units/errors.js";

const T_450C = 723.15;
const O2 = { kind: "O2", pO2_bar: 1 } as const;
const coherent = { verdict: "coherent", strain: 0.02, source: "test" } as const;
const incoherent = { verdict: "incoherent", strain: 0.14, source: "test" } as const;

describe("five-region μ_O profile from the landscape and the routes", () => {
  it("Ru/rutile (coherent) in 1 bar O2: O flows support → metal, μ_O falls from the gas to the Ru/RuO2 equilibrium", () => {
    const p = muOProfile("Ru", "TiO2-rutile", T_450C, O2, { gate: coherent });
    expect(p.regions.map((r) => r.region)).toEqual([
      "support surface",
      "support bulk",
      "interfacial oxide",
      "metal bulk",
      "metal surface",
    ]);
    expect(p.direction).toBe("support → metal");
    const mu = p.regions.map((r) => r.deltaMuO_eV);
    // monotonic from the gas down to the oxide growth front along the interface route
    for (let i = 0; i + 1 < 4; i++) expect(mu[i]).toBeGreaterThanOrEqual(mu[i + 1] - 1e-12);
    expect(mu[0]).toBeLessThanOrEqual(p.gasDeltaMuO_eV + 1e-12);
    expect(p.interfacialOxide).toBe("RuO2");
    expect(p.routes.dominantRoute).toBe("interface");
  });

  it("depends on the support and the gate (the old profile did not)", () => {
    const rutile = muOProfile("Ru", "TiO2-rutile", T_450C, O2, { gate: coherent });
    const anatase = muOProfile("Ru", "TiO2-anatase", T_450C, O2, { gate: incoherent });
    const alumina = muOProfile("Ru", "Al2O3-alpha", T_450C, O2, { gate: incoherent });
    const bulk = (p: typeof rutile) => p.regions[1].deltaMuO_eV;
    expect(Math.abs(bulk(rutile) - bulk(anatase))).toBeGreaterThan(0.1);
    expect(Math.abs(bulk(alumina) - bulk(anatase))).toBeGreaterThan(0.1);
    // incoherent anatase: the whole drop sits at the interface crossing
    expect(anatase.drivingForce_eV).toBeGreaterThan(0.5);
    expect(rutile.drivingForce_eV).toBeLessThan(anatase.drivingForce_eV);
  });

  it("in H2 (H2O/H2 = 1e-3): no support → metal flow, everything at the gas μ_O", () => {
    const p = muOProfile("Ru", "TiO2-rutile", T_450C, { kind: "H2O/H2", ratio: 1e-3 }, { gate: coherent });
    expect(p.direction).toBe("none");
    expect(p.interfacialOxideStable).toBe(false);
    expect(p.supportNonstoichiometry?.x ?? 1).toBeLessThan(0.25);
  });

  it("Pt and Au run: no stable bulk oxide at 450 °C in O2 is an answer, not an error", () => {
    for (const metal of ["Pt", "Au"]) {
      const p = muOProfile(metal, "TiO2-rutile", T_450C, O2, { gate: coherent });
      expect(p.interfacialOxideStable).toBe(false);
      expect(p.routes.dominantRoute).toBe("none");
      expect(p.routes.interfaceLimitingStep).toMatch(/no oxidation drive/);
    }
  });

  it("errors name the field", () => {
    expect(() => muOProfile("Ru", "Unobtainium", T_450C, O2)).toThrow(/support/);
    expect(() => muOProfile("Ru", "TiO2-rutile", -5, O2)).toThrow(InputError);
    expect(() => muOProfile("ru", "TiO2-rutile", T_450C, O2)).toThrow(/metal/);
  });
});

describe("support vacancies (energy-only estimate)", () => {
  it("thermochemical E_f for rutile from its hull neighbour Ti4O7 (≈ 3.8 eV)", () => {
    const v = vacancyFormation("TiO2", "rutile");
    expect(v.E_f_eV).toBeGreaterThan(3.5);
    expect(v.E_f_eV).toBeLessThan(4.0);
    expect(v.source).toMatch(/species-298K/);
  });
  it("fraction obeys x/(1−x) = exp(−(E_f+Δμ)/kT) and is bounded by the lower oxide", () => {
    const x1 = vacancyFraction(3.8, 1000, -1);
    const x2 = vacancyFraction(3.8, 1000, -3);
    expect(x2).toBeGreaterThan(x1);
    expect(x1 / (1 - x1)).toBeCloseTo(Math.exp(-2.8 / (8.617333262e-5 * 1000)), 20);
    // at and below coexistence the bound holds (the old code gave 0.96 for TiO2 at TiO2/Ti2O3 coexistence)
    expect(vacancyFraction(3.8, 723, -5, 0.125)).toBe(0.125);
  });
});

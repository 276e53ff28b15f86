import { describe, expect, it } from "vitest";
import { muOProfile } from "../src/thermo/profile.js";
import { vacancyFormation, vacancyFraction } from "../src/thermo/vacancy.js";
import { InputError } from "../src/units/errors.js";

const T_450C = 723.15;

describe("five-region μ_O profile, Ru/TiO2-rutile at 450 °C", () => {
  it("in 1 bar O2: oxygen flows support → metal with a positive driving force (eV/O)", () => {
    const p = muOProfile("Ru", "TiO2-rutile", T_450C, { kind: "O2", pO2_bar: 1 });
    expect(p.regions.map((r) => r.region)).toEqual([
      "support surface",
      "support bulk",
      "interfacial oxide",
      "metal bulk",
      "metal surface",
    ]);
    expect(p.direction).toBe("support → metal");
    expect(p.drivingForce_eV).toBeGreaterThan(0.1);
    const mu = Object.fromEntries(p.regions.map((r) => [r.region, r.deltaMuO_eV]));
    // support surface ≈ support bulk > interfacial RuO2 > Ru bulk
    expect(mu["support bulk"]).toBeCloseTo(mu["support surface"], 6);
    expect(mu["support bulk"]).toBeGreaterThan(mu["interfacial oxide"]);
    expect(mu["interfacial oxide"]).toBeGreaterThan(mu["metal bulk"]);
    expect(p.interfacialOxide).toBe("RuO2");
    expect(p.interfacialOxideStable).toBe(true);
  });

  it("in H2 (H2O/H2 = 1e-3): no support → metal driving force", () => {
    const p = muOProfile("Ru", "TiO2-rutile", T_450C, { kind: "H2O/H2", ratio: 1e-3 });
    expect(p.direction === "none" || p.direction === "metal → support").toBe(true);
    expect(p.drivingForce_eV).toBeLessThanOrEqual(0.01);
    expect(p.interfacialOxideStable).toBe(false);
  });

  it("errors name the field", () => {
    expect(() => muOProfile("Pt", "TiO2-rutile", T_450C, { kind: "O2", pO2_bar: 1 })).toThrow(InputError);
    expect(() => muOProfile("Ru", "Unobtainium", T_450C, { kind: "O2", pO2_bar: 1 })).toThrow(/support/);
    expect(() => muOProfile("Ru", "TiO2-rutile", -5, { kind: "O2", pO2_bar: 1 })).toThrow(InputError);
  });
});

describe("support vacancies", () => {
  it("thermochemical E_f for rutile from 2TiO2 → Ti2O3 + ½O2 (≈ 3.8 eV)", () => {
    const v = vacancyFormation("TiO2", "rutile");
    expect(v.E_f_eV).toBeGreaterThan(3.5);
    expect(v.E_f_eV).toBeLessThan(4.0);
    expect(v.source).toMatch(/species-298K/);
  });
  it("fraction rises as μ_O falls and obeys x/(1−x) = exp(−(E_f+Δμ)/kT)", () => {
    const x1 = vacancyFraction(3.8, 1000, -1);
    const x2 = vacancyFraction(3.8, 1000, -3);
    expect(x2).toBeGreaterThan(x1);
    expect(x1 / (1 - x1)).toBeCloseTo(Math.exp(-2.8 / (8.617333262e-5 * 1000)), 20);
  });
});

import { describe, expect, it } from "vitest";
import { oxygenLandscape, SUBSURFACE_LAYERS } from "../src/thermo/landscape.js";
import { oxygenRoutes, type RoutesInput, routesSensitivity, sequenceFlux } from "../src/thermo/routes.js";
import { InputError } from "../src/units/errors.js";

const T_450C = 723.15;
const O2 = { kind: "O2", pO2_bar: 1 } as const;
const coherent = { verdict: "coherent", strain: 0.023, source: "test: RuO2/rutile-like epitaxy" } as const;
const incoherent = { verdict: "incoherent", strain: 0.14, source: "test: anatase-like mismatch" } as const;

const input = (support: string, gate: RoutesInput["gate"], metal = "Ru"): RoutesInput => ({
  metal,
  support,
  temperature_K: T_450C,
  atmosphere: O2,
  gate,
});

describe("series-resistance kinetics (Kozuch–Shaik form)", () => {
  it("one step: forward minus backward rate, ν e^{−βEa}(1 − e^{βΔG})", () => {
    const T = 700;
    const kT = 8.617333262e-5 * T;
    const r = sequenceFlux([0], [{ step: "a", ts: 1.0, barrier: 1, source: "" }], -0.3, T, 1e13);
    expect(r.flux_per_s).toBeCloseTo(1e13 * Math.exp(-1 / kT) * (1 - Math.exp(-0.3 / kT)), 6);
  });
  it("two steps in series: 1/J = Σ 1/r_i in the irreversible limit; the slower step limits", () => {
    const T = 700;
    const kT = 8.617333262e-5 * T;
    const r = sequenceFlux(
      [0, -0.2],
      [
        { step: "fast", ts: 0.5, barrier: 0.5, source: "" },
        { step: "slow", ts: 0.9, barrier: 1.1, source: "" },
      ],
      -3,
      T,
      1,
    );
    expect(r.limitingStep).toBe("slow");
    // energetic span of the slow step: from the intermediate at −0.2 to the TS at 0.9
    expect(r.flux_per_s).toBeGreaterThan(0.9 * Math.exp(-1.1 / kT));
    expect(r.flux_per_s).toBeLessThan(Math.exp(-1.1 / kT));
  });
  it("no drive, no flux", () => {
    const r = sequenceFlux([0], [{ step: "a", ts: 1, barrier: 1, source: "" }], 0.2, 700, 1e13);
    expect(r.flux_per_s).toBe(0);
  });
});

describe("routes in 1 bar O2 at 450 °C (must show)", () => {
  it("Ru on rutile (110), coherent gate: interface route dominates, oxidation runs bottom-up", () => {
    const r = oxygenRoutes(input("TiO2-rutile", coherent));
    expect(r.oxidationDownhill).toBe(true);
    expect(r.dominantRoute).toBe("interface");
    expect(r.bottomUp).toBe(true);
    expect(r.routes.interface.flux_per_s).toBeGreaterThan(r.routes.surface.flux_per_s);
  });
  it("Ru on anatase (101), incoherent gate: not bottom-up; the interface crossing limits its interface route", () => {
    const r = oxygenRoutes(input("TiO2-anatase", incoherent));
    expect(r.dominantRoute).toBe("surface");
    expect(r.bottomUp).toBe(false);
    expect(r.routes.interface.limitingStep).toBe("interface crossing");
  });
  it("Ru on α-quartz and α-Al2O3: not bottom-up, with the step that limits named", () => {
    for (const s of ["SiO2-quartz", "Al2O3-alpha"]) {
      const r = oxygenRoutes(input(s, incoherent));
      expect(r.bottomUp).toBe(false);
      expect(["interface crossing", "vacancy transport through the support"]).toContain(
        r.routes.interface.limitingStep,
      );
    }
    // on α-Al2O3 even a coherent interface does not open the route: vacancy transport limits
    const a = oxygenRoutes(input("Al2O3-alpha", coherent));
    expect(a.bottomUp).toBe(false);
    expect(a.routes.interface.limitingStep).toBe("vacancy transport through the support");
  });
  it("Ru/rutile time to oxidise a 5 nm particle: within an order of magnitude of the 61–827 s frames", () => {
    const r = oxygenRoutes(input("TiO2-rutile", coherent));
    expect(r.timeToOxidise_s).not.toBeNull();
    expect(r.timeToOxidise_s ?? 0).toBeGreaterThan(61 / 10);
    expect(r.timeToOxidise_s ?? 0).toBeLessThan(827 * 10);
  });
  it("thermodynamics alone cannot separate rutile from anatase: the driving force is the same", () => {
    const a = oxygenRoutes(input("TiO2-rutile", coherent));
    const b = oxygenRoutes(input("TiO2-anatase", incoherent));
    expect(a.drivingForce_eV).toBeCloseTo(b.drivingForce_eV, 9);
    expect(a.drivingForce_eV).toBeGreaterThan(0.5);
  });
  it("Pt/TiO2 and Au/TiO2 run: no stable bulk oxide → no oxidation drive, no time", () => {
    for (const metal of ["Pt", "Au"]) {
      const r = oxygenRoutes(input("TiO2-rutile", coherent, metal));
      expect(r.oxidationDownhill).toBe(false);
      expect(r.dominantRoute).toBe("none");
      expect(r.timeToOxidise_s).toBeNull();
      expect(r.routes.interface.flux_per_s).toBe(0);
      expect(r.routes.interface.limitingStep).toMatch(/no oxidation drive/);
    }
  });
});

describe("the rutile/anatase contrast across every assumed parameter's stated range", () => {
  const rutile = input("TiO2-rutile", coherent);
  const anatase = input("TiO2-anatase", incoherent);
  const rows = routesSensitivity(rutile);
  const rowsA = routesSensitivity(anatase);
  it("every ranged parameter is swept", () => {
    const names = rows.map((r) => r.parameter);
    for (const must of [
      "fermiLevelActivation_eV",
      "incoherentCrossingPenalty_eV",
      "coherentCrossingBarrier_eV",
      "surfaceVacancyOffset_eV",
      "supportMigrationBarrier_eV",
      "gasExchangeBarrier_eV",
      "penetrationBarrier_eV",
      "dissolvedOxygenOffset_eV",
      "attemptFrequency_per_s",
    ])
      expect(names).toContain(must);
    // no assumed parameter escapes the sweep
    const assumed = oxygenRoutes(rutile)
      .assumptions.filter((a) => a.isAssumption)
      .map((a) => a.name);
    for (const a of assumed) expect(names).toContain(a);
  });
  for (const r of rows)
    it(`rutile (coherent) stays bottom-up across ${r.parameter} ∈ [${r.range.join(", ")}]`, () => {
      expect(r.atMin.dominantRoute).toBe("interface");
      expect(r.atMax.dominantRoute).toBe("interface");
    });
  for (const r of rowsA)
    it(`anatase (incoherent) stays top-down across ${r.parameter} ∈ [${r.range.join(", ")}]`, () => {
      expect(r.atMin.dominantRoute).toBe("surface");
      expect(r.atMax.dominantRoute).toBe("surface");
    });
  it("the Fermi-level activation matters: without it a coherent rutile interface loses the interface route", () => {
    const off = oxygenRoutes({ ...rutile, overrides: { fermiLevelActivation_eV: 0 } });
    const on = oxygenRoutes(rutile);
    expect(on.routes.interface.flux_per_s / off.routes.interface.flux_per_s).toBeGreaterThan(100);
  });
});

describe("reducing gas and inputs", () => {
  it("in H2O/H2 = 1e-3 nothing oxidises; the support report is given", () => {
    const r = oxygenRoutes({
      ...input("TiO2-rutile", coherent),
      atmosphere: { kind: "H2O/H2", ratio: 1e-3 },
    });
    expect(r.oxidationDownhill).toBe(false);
    expect(r.reduction).not.toBeNull();
    expect(r.reduction?.supportReduced).toBe(false);
    const deep = oxygenRoutes({
      ...input("TiO2-rutile", coherent),
      temperature_K: 1200,
      atmosphere: { kind: "H2O/H2", ratio: 1e-6 },
    });
    expect(deep.reduction?.supportReduced).toBe(true);
    expect(deep.reduction?.suboxide).toBe("Ti4O7");
  });
  it("bad overrides and sizes name the field", () => {
    expect(() => oxygenRoutes({ ...input("TiO2-rutile", coherent), overrides: { nonsense: 1 } })).toThrow(
      /overrides\.nonsense/,
    );
    expect(() => oxygenRoutes({ ...input("TiO2-rutile", coherent), particleSize_nm: -1 })).toThrow(
      InputError,
    );
    expect(() =>
      oxygenRoutes({
        ...input("TiO2-rutile", coherent),
        gate: { verdict: "maybe" as "coherent", strain: 0, source: "" },
      }),
    ).toThrow(/gate/);
  });
});

describe("oxygen landscape", () => {
  it("has every region with a source, and the gate moves only the interface", () => {
    const c = oxygenLandscape({ metal: "Ru", support: "TiO2-rutile", temperature_K: T_450C, gate: coherent });
    const i = oxygenLandscape({
      metal: "Ru",
      support: "TiO2-rutile",
      temperature_K: T_450C,
      gate: incoherent,
    });
    const names = c.regions.map((r) => r.region);
    for (const n of [
      "support surface",
      "support bulk",
      "interface",
      "interfacial oxide",
      "metal interstitial",
      "metal surface",
    ])
      expect(names).toContain(n);
    expect(names.filter((n) => n.startsWith("subsurface layer"))).toHaveLength(SUBSURFACE_LAYERS);
    for (const r of c.regions) {
      expect(r.energySource.length).toBeGreaterThan(0);
      expect(r.barrierSource.length).toBeGreaterThan(0);
    }
    const e = (l: typeof c, n: string) =>
      l.regions.find((r) => r.region === n)?.oxygenEnergy_eV ?? Number.NaN;
    expect(e(c, "interface") - e(i, "interface")).toBeCloseTo(1.0, 9); // fermiLevelActivation_eV
    expect(e(c, "support bulk")).toBe(e(i, "support bulk"));
    expect(c.facet).toBe("(110)");
  });
  it("CeO2(111): subsurface layer 1 holds O less tightly than the surface by the sourced 0.45 eV or more", () => {
    const l = oxygenLandscape({ metal: "Ru", support: "CeO2", temperature_K: T_450C, gate: incoherent });
    const e = (n: string) => l.regions.find((r) => r.region === n)?.oxygenEnergy_eV ?? Number.NaN;
    expect(e("subsurface layer 1") - e("support surface")).toBeGreaterThanOrEqual(0.45 - 1e-12);
  });
});

/**
 * smsi predict: the must-show cases of issue 12, each held across a stated range of every assumption
 * it depends on (sensitivity), and the predictor's logic on explicit contract-shaped inputs.
 */
import { describe, expect, it } from "vitest";
import type { GasKind } from "../src/predict/conditions.js";
import { PREDICT_PARAMETERS } from "../src/predict/data.js";
import type {
  InterfaceGateResult,
  Nonstoichiometry,
  OrientationRelationship,
  RoutesInput,
  RoutesResult,
} from "../src/predict/physics-inputs.js";
import { ADAPTER_PHYSICS, type PhysicsInputs, type PredictInput, predict } from "../src/predict/predict.js";

const C = (celsius: number) => celsius + 273.15;

function run(
  metal: string,
  support: string,
  gas: GasKind,
  celsius: number,
  extra: Partial<PredictInput> = {},
  physics?: PhysicsInputs,
) {
  return predict({ metal, support, gas, temperature_K: C(celsius), ...extra }, physics);
}

/** Stated ranges of the assumptions the must-show cases depend on (docs/predict.md, "Sensitivity"). */
const RANGES: Record<string, number[]> = {
  // The bulk deficit of TiO2 at 773 K, H2O:H2 = 1e-4 is x ≈ 3e-3 (Millot & Picard law, src/thermo/defects.ts):
  // a threshold above ≈ 2e-3 turns Pt/TiO2 at 500 °C to none. Ranged up to 1e-3 here; the fragility is
  // reported in docs/predict.md (suboxide availability from the bulk deficit, not a surface one).
  suboxideMinNonstoichiometry: [1e-4, 3e-4, 1e-3],
  interfaceStructuralEnergy_J_per_m2: [0, 0.25, 0.5],
  emsiMinElectronegativityDifference: [0.8, 1.0, 1.1],
  h2WaterRatio: [1e-6, 1e-5, 1e-4, 1e-3],
  o2Pressure_bar: [0.01, 0.21, 1, 10],
  huttigFraction: [0.27, 0.3, 0.33],
  tammannFraction: [0.45, 0.5, 0.55],
  defaultDuration_h: [0.1, 1, 10],
  cmsiMaxSize_nm: [0.5, 1, 1.5],
};

function holdsAcrossRanges(base: () => PredictInput, check: (label: string) => void): void {
  for (const [name, values] of Object.entries(RANGES))
    for (const v of values) check(predict({ ...base(), overrides: { [name]: v } }).label);
  for (const size of [2, 3, 5, 10]) check(predict({ ...base(), particleSize_nm: size }).label);
}

describe("must-show predictions, robust across the stated assumption ranges", () => {
  it("Ru/TiO2-rutile in O2 at 450 °C → BP-SMSI", () => {
    const base = (): PredictInput => ({
      metal: "Ru",
      support: "TiO2-rutile",
      gas: "O2",
      temperature_K: C(450),
    });
    expect(predict(base()).label).toBe("BP-SMSI");
    holdsAcrossRanges(base, (l) => expect(l).toBe("BP-SMSI"));
  });

  it("Ru/TiO2-anatase in O2 at 450 °C → not BP-SMSI (the gate is closed)", () => {
    const base = (): PredictInput => ({
      metal: "Ru",
      support: "TiO2-anatase",
      gas: "O2",
      temperature_K: C(450),
    });
    const r = predict(base());
    expect(r.label).not.toBe("BP-SMSI");
    // RuO2 on anatase is semi-coherent (src/match/gate.ts); what closes BP is the route: O crosses the
    // mismatched interface more slowly than the metal oxidises from its own surface
    expect(r.rationale.find((x) => x.descriptor.startsWith("dominant O route"))?.verdict).toBe("not-met");
    holdsAcrossRanges(base, (l) => expect(l).not.toBe("BP-SMSI"));
  });

  it("Pt/TiO2 in H2 at 500 °C → SE-SMSI reductive, on anatase and on rutile", () => {
    for (const support of ["TiO2-anatase", "TiO2-rutile"]) {
      const base = (): PredictInput => ({ metal: "Pt", support, gas: "H2", temperature_K: C(500) });
      expect(predict(base()).label).toBe("SE-SMSI-reductive");
      holdsAcrossRanges(base, (l) => expect(l).toBe("SE-SMSI-reductive"));
    }
  });

  it("Pt/TiO2 in H2 at 200 °C → none (Tauster's low-temperature reduction)", () => {
    const base = (): PredictInput => ({ metal: "Pt", support: "TiO2", gas: "H2", temperature_K: C(200) });
    expect(predict(base()).label).toBe("none");
    holdsAcrossRanges(base, (l) => expect(l).toBe("none"));
  });

  it("Pt/α-Al2O3 in H2 at 500 °C → none (the support does not reduce)", () => {
    const base = (): PredictInput => ({
      metal: "Pt",
      support: "Al2O3-alpha",
      gas: "H2",
      temperature_K: C(500),
    });
    const r = predict(base());
    expect(r.label).toBe("none");
    expect(r.rationale.find((x) => x.descriptor.startsWith("support reduction"))?.verdict).toBe("not-met");
    holdsAcrossRanges(base, (l) => expect(l).toBe("none"));
  });

  it("Pt/CeO2 and Au/TiO2 are answered with a class, a rationale and consequences", () => {
    for (const [metal, support, gas] of [
      ["Pt", "CeO2", "H2"],
      ["Pt", "CeO2", "O2"],
      ["Au", "TiO2", "H2"],
      ["Au", "TiO2", "O2"],
    ] as const) {
      const r = run(metal, support, gas, 500);
      expect(r.class).not.toBe("indeterminate");
      expect(r.likelihood).toBeGreaterThan(0);
      expect(r.rationale.length).toBeGreaterThan(5);
      expect(r.consequences.coAdsorption.uptakeRatio).toBeGreaterThanOrEqual(0);
      expect(r.consequences.coAdsorption.uptakeRatio).toBeLessThanOrEqual(1);
    }
    // no sourced Pt or Au bulk oxide: no oxidation drive is a physical answer, not an error
    const pt = run("Pt", "CeO2", "O2", 500);
    expect(pt.rationale.find((x) => x.descriptor.startsWith("metal oxidation"))?.verdict).toBe("not-met");
  });

  it("every rationale row has a source and a verdict; ranked likelihoods sum to 1", () => {
    const r = run("Ru", "TiO2-rutile", "O2", 450);
    for (const row of r.rationale) {
      expect(row.source.length).toBeGreaterThan(10);
      expect(["met", "not-met", "unknown"]).toContain(row.verdict);
    }
    expect(r.ranked.reduce((s, x) => s + x.likelihood, 0)).toBeCloseTo(1, 9);
    expect(r.assumptions.every((a) => a.source.length > 0)).toBe(true);
  });
});

// ---------------------------------------------------------------- contract-shaped inputs
const rel = (verdict: OrientationRelationship["verdict"], strain: number): OrientationRelationship => ({
  filmPlane: "(0001)",
  substratePlane: "(110)",
  verdict,
  strain,
  cellsFilm: 1,
  cellsSubstrate: 1,
  coincidenceSiteDensity_per_nm2: 5,
  reason: "test",
});

function gateOf(verdict: OrientationRelationship["verdict"]): PhysicsInputs["gateFor"] {
  return (metal: string, support: string): InterfaceGateResult => ({
    metal,
    support,
    relationships: [rel(verdict, 0.02)],
    chosen: { ...rel(verdict, 0.02), sensitivity: null },
    oxide: null,
    thresholds: { coherentMaxMisfit: { value: 0.05, source: "test" } },
  });
}

function routesOf(
  dominant: "interface" | "surface" | "none",
  drivingForce_eV: number,
): PhysicsInputs["routesFor"] {
  return (_input: RoutesInput): RoutesResult => {
    const step = (rate: number) => ({
      flux_per_s: rate,
      limitingStep: "test step",
      steps: [{ step: "test step", rate_per_s: rate, source: "test" }],
    });
    return {
      routes: {
        interface: step(dominant === "interface" ? 10 : 0.01),
        surface: step(dominant === "surface" ? 10 : 0.01),
      },
      dominantRoute: dominant,
      bottomUp: dominant === "interface",
      oxidationDownhill: drivingForce_eV > 0,
      drivingForce_eV,
      timeToOxidise_s: drivingForce_eV > 0 ? 100 : null,
      reduction: null,
      assumptions: [],
    };
  };
}

const nsOf =
  (x: number): PhysicsInputs["nonstoichiometryFor"] =>
  (oxide: string): Nonstoichiometry => ({
    oxide,
    x,
    formula: `${oxide}-x`,
    lowerOxide: "Ti2O3",
    xMax: 0.5,
    source: "test",
    assumptions: [],
  });

describe("predictor logic on explicit contract-shaped inputs", () => {
  it("BP needs a coherent or semi-coherent gate AND the interface route AND a downhill oxidation", () => {
    const phys = (
      v: OrientationRelationship["verdict"],
      d: "interface" | "surface" | "none",
      df: number,
    ): PhysicsInputs => ({
      ...ADAPTER_PHYSICS,
      gateFor: gateOf(v),
      routesFor: routesOf(d, df),
    });
    expect(run("Ru", "TiO2-rutile", "O2", 450, {}, phys("coherent", "interface", 0.8)).label).toBe("BP-SMSI");
    expect(run("Ru", "TiO2-rutile", "O2", 450, {}, phys("semi-coherent", "interface", 0.8)).label).toBe(
      "BP-SMSI",
    );
    expect(run("Ru", "TiO2-rutile", "O2", 450, {}, phys("incoherent", "interface", 0.8)).label).not.toBe(
      "BP-SMSI",
    );
    expect(run("Ru", "TiO2-rutile", "O2", 450, {}, phys("coherent", "surface", 0.8)).label).not.toBe(
      "BP-SMSI",
    );
    expect(run("Ru", "TiO2-rutile", "O2", 450, {}, phys("coherent", "none", -0.5)).label).not.toBe("BP-SMSI");
  });

  it("a treatment shorter than the time to oxidise gives no BP", () => {
    const phys: PhysicsInputs = {
      ...ADAPTER_PHYSICS,
      gateFor: gateOf("coherent"),
      routesFor: routesOf("interface", 0.8),
    };
    expect(run("Ru", "TiO2-rutile", "O2", 450, { duration_h: 1 }, phys).label).toBe("BP-SMSI");
    expect(run("Ru", "TiO2-rutile", "O2", 450, { duration_h: 1e-4 }, phys).label).not.toBe("BP-SMSI");
  });

  it("SE follows the support's reduction x across the suboxide threshold, in either direction", () => {
    const phys = (x: number): PhysicsInputs => ({ ...ADAPTER_PHYSICS, nonstoichiometryFor: nsOf(x) });
    const min = PREDICT_PARAMETERS.suboxideMinNonstoichiometry.value;
    expect(run("Pt", "TiO2-anatase", "H2", 500, {}, phys(min * 30)).label).toBe("SE-SMSI-reductive");
    expect(run("Pt", "TiO2-anatase", "H2", 500, {}, phys(min / 30)).label).toBe("none");
  });

  it("a reduced support still gives no SE below the suboxide's Hüttig temperature", () => {
    const phys: PhysicsInputs = { ...ADAPTER_PHYSICS, nonstoichiometryFor: nsOf(0.1) };
    // Ti2O3 T_m 2115 K → Hüttig 635 K
    expect(run("Pt", "TiO2-anatase", "H2", 250, {}, phys).label).not.toBe("SE-SMSI-reductive");
    expect(run("Pt", "TiO2-anatase", "H2", 450, {}, phys).label).toBe("SE-SMSI-reductive");
  });

  it("single atoms are CMSI whatever the gas: nothing to encapsulate or oxidise from below", () => {
    for (const gas of ["H2", "O2"] as const)
      expect(run("Pt", "CeO2", gas, 500, { particleSize_nm: "single-atoms" }).label).toBe("CMSI");
  });

  it("the CO consequence: SE blocks sites; BP lowers the d-band and weakens CO binding", () => {
    const se = run("Pt", "TiO2-anatase", "H2", 500);
    expect(se.consequences.coAdsorption.siteBlockingFraction).toBeGreaterThan(0.5);
    expect(se.consequences.coAdsorption.dBandShift_eV).toBeNull();
    const bp = run("Ru", "TiO2-rutile", "O2", 450);
    expect(bp.consequences.coAdsorption.siteBlockingFraction).toBe(0);
    expect(bp.consequences.coAdsorption.dBandShift_eV).toBeLessThan(0);
    expect(bp.consequences.coAdsorption.bindingChange_eV).toBeGreaterThan(0);
  });
});

describe("treatment history: an overlayer persists through non-oxidising treatments, O2 reverses it", () => {
  const htr = { gas: "H2" as const, temperature_K: C(500) };
  it("Pt/TiO2 after a 500 °C H2 reduction stays encapsulated in a later 200 °C H2 or CO2/H2 step", () => {
    // alone, the later step gives none (Tauster's LTR)
    expect(run("Pt", "TiO2-anatase", "H2", 200).label).toBe("none");
    for (const gas of ["H2", "CO2/H2", "vacuum", "inert"] as const) {
      const after = run("Pt", "TiO2-anatase", gas, 200, { prior: [htr] });
      expect(after.label).toBe("SE-SMSI-reductive");
      expect(after.notes.some((n) => /persists/.test(n))).toBe(true);
    }
  });

  it("an oxidising step after the reduction is predicted on its own (Tauster's O2 reversal)", () => {
    const alone = run("Pt", "TiO2-anatase", "O2", 400);
    const after = run("Pt", "TiO2-anatase", "O2", 400, { prior: [htr] });
    expect(after.label).toBe(alone.label);
    expect(after.notes.some((n) => /reversal/.test(n))).toBe(true);
    // …and an O2 step between the reduction and a mild H2 step removes the carried overlayer
    const cycle = run("Pt", "TiO2-anatase", "H2", 200, {
      prior: [htr, { gas: "O2", temperature_K: C(500) }],
    });
    expect(cycle.label).toBe("none");
  });

  it("a prior step that makes no overlayer changes nothing (Pt/α-Al2O3, across the H2 water ratios)", () => {
    for (const r of RANGES.h2WaterRatio) {
      const o = { overrides: { h2WaterRatio: r } };
      expect(run("Pt", "Al2O3-alpha", "H2", 200, { ...o, prior: [htr] }).label).toBe(
        run("Pt", "Al2O3-alpha", "H2", 200, o).label,
      );
    }
  });
});

describe("named answers, never a crash", () => {
  it("an alloy is evaluated as its first element with a halved likelihood", () => {
    const alloy = run("PtCo", "TiO2", "H2", 500);
    const pure = run("Pt", "TiO2", "H2", 500);
    expect(alloy.label).toBe(pure.label);
    expect(alloy.likelihood).toBeCloseTo(pure.likelihood / 2, 9);
    expect(alloy.notes.join(" ")).toMatch(/alloy PtCo/);
  });

  it("an oxophilic metal (Al on TiO2) reduces the support: interfacial redox, with the reason", () => {
    const r = run("Al", "TiO2", "H2", 500);
    expect(r.class).toBe("BP-SMSI");
    expect(r.rationale[0].descriptor).toMatch(/interfacial redox/);
    expect(r.notes.join(" ")).toMatch(/reduces the support at the interface/);
  });

  it("an unknown support names the missing descriptors and lowers the likelihood", () => {
    const r = run("Au", "Ca10(PO4)6(OH)2 (hydroxyapatite)", "O2", 500);
    expect(r.class).not.toBe("indeterminate");
    expect(r.missing.length).toBeGreaterThan(2);
    expect(r.likelihood).toBeLessThan(run("Au", "TiO2", "O2", 500).likelihood);
  });

  it("an unknown element is indeterminate with the reason", () => {
    const r = run("Xq", "TiO2", "H2", 500);
    expect(r.class).toBe("indeterminate");
    expect(r.notes[0]).toMatch(/metal/);
  });

  it("an unknown override is refused by name", () => {
    expect(() => run("Pt", "TiO2", "H2", 500, { overrides: { noSuchThing: 1 } })).toThrow(
      /--set: unknown parameter/,
    );
  });
});

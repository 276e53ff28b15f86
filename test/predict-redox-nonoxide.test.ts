/**
 * Two mechanisms of predict that do not need a reducible oxide support:
 *  - interfacial redox (src/predict/redox.ts): a metal whose oxide is more stable than the support's first
 *    reduction step takes the support's lattice O (Fu & Wagner, Surf. Sci. Rep. 62, 431 (2007));
 *  - a non-oxide support (src/predict/non-oxide.ts) whose oxidation product covers the metal in O2
 *    (BOx over metals on h-BN, Song et al., J. Phys. Chem. Lett. 2021) or burns away (carbon → CO2).
 * Each contrast is held across a range of temperature and gas, not at one value.
 */
import { describe, expect, it } from "vitest";
import type { GasKind } from "../src/predict/conditions.js";
import { resolveSupport } from "../src/predict/materials.js";
import {
  resolveNonOxide,
  supportOxidationDescriptor,
  supportOxidationEquilibrium_eV,
} from "../src/predict/non-oxide.js";
import { metalOxideEquilibrium } from "../src/predict/physics-inputs.js";
import { conditionMap } from "../src/predict/map.js";
import { predict } from "../src/predict/predict.js";
import type { PublishedCase } from "../src/classify/published-cases.js";
import { interfacialRedoxDescriptor } from "../src/predict/redox.js";
import { equilibriumDeltaMuO, reductionReaction } from "../src/thermo/equilibria.js";
import { deltaMuO, deltaMuOStandard, pO2FromDeltaMuO } from "../src/thermo/oxygen-potential.js";
import { KJ_PER_MOL_PER_EV } from "../src/units/constants.js";

const TEMPERATURES_K = [300, 500, 773, 1000];
const run = (metal: string, support: string, gas: GasKind, T: number, pO2_bar?: number) =>
  predict({ metal, support, gas, temperature_K: T, composition: pO2_bar ? { pO2_bar } : {} });

describe("interfacial redox (Fu & Wagner 2007)", () => {
  // Metals whose oxides lie below TiO2's first reduction step on an Ellingham diagram, and metals above it.
  const REACTIVE_ON_TITANIA = ["Al", "Zr", "Cr", "V", "Mg"];
  const NOBLE_ON_TITANIA = ["Fe", "Co", "Ni", "Cu", "Ru", "Pt", "Au"];

  it("reactive metals reduce rutile at every temperature and in every gas; late metals never do", () => {
    for (const T of TEMPERATURES_K)
      for (const gas of ["vacuum", "inert", "H2", "O2"] as GasKind[]) {
        for (const m of REACTIVE_ON_TITANIA) {
          const r = run(m, "TiO2-rutile", gas, T);
          expect(r.rationale[0].verdict).toBe("met");
          // in O2 the metal oxidises from the gas too: an oxide on an oxide, no supported metal left
          expect(r.class, `${m} ${gas} ${T} K`).toBe(gas === "O2" ? "none" : "BP-SMSI");
        }
        for (const m of NOBLE_ON_TITANIA) {
          const row = interfacialRedoxDescriptor(m, resolveSupport("TiO2-rutile"), T);
          expect(row?.verdict, `${m} ${T} K`).toBe("not-met");
          expect(
            run(m, "TiO2-rutile", gas, T).rationale.some((x) => /interfacial redox/.test(x.descriptor)),
          ).toBe(false);
        }
      }
  });

  it("the margin is the difference of the two equilibrium oxygen potentials", () => {
    const T = 773;
    const s = resolveSupport("TiO2-rutile");
    const row = interfacialRedoxDescriptor("Al", s, T);
    const rx = reductionReaction("TiO2", s.thermoPhase ?? undefined, "support", T);
    const metalEq = metalOxideEquilibrium("Al", T);
    expect(metalEq).not.toBeNull();
    expect(row?.value).toBeCloseTo(equilibriumDeltaMuO(rx, T) - (metalEq?.deltaMuO_eV ?? 0), 10);
  });

  it("a harder-to-reduce support stops the reaction: Ti and Zr reduce SiO2 but not Al2O3; Cr reduces neither", () => {
    for (const T of TEMPERATURES_K) {
      for (const m of ["Ti", "Zr"]) {
        expect(interfacialRedoxDescriptor(m, resolveSupport("SiO2"), T)?.verdict).toBe("met");
        expect(interfacialRedoxDescriptor(m, resolveSupport("Al2O3"), T)?.verdict).toBe("not-met");
      }
      expect(interfacialRedoxDescriptor("Cr", resolveSupport("SiO2"), T)?.verdict).toBe("not-met");
    }
  });

  it("a metal on its own oxide is not interfacial redox", () => {
    expect(interfacialRedoxDescriptor("Ti", resolveSupport("TiO2-rutile"), 773)).toBeNull();
  });
});

describe("non-oxide supports", () => {
  it("names resolve: h-BN, boron nitride, graphene; an oxide named with graphene stays the oxide", () => {
    expect(resolveNonOxide("h-BN (sheets)")?.key).toBe("BN");
    expect(resolveNonOxide("hexagonal boron nitride")?.key).toBe("BN");
    expect(resolveNonOxide("graphene")?.key).toBe("carbon");
    expect(resolveNonOxide("TiO2")).toBeNull();
    expect(resolveSupport("graphene-covered ZnO(0001)").formula).toBe("ZnO");
    expect(resolveSupport("h-BN").nonOxide?.key).toBe("BN");
    // the bundled h-BN structure gives the gate; its chemistry stays the non-oxide's
    expect(resolveSupport("h-BN (sheets)")).toMatchObject({ materialId: "h-BN", formula: null, cation: "B" });
    expect(resolveSupport("boron nitride").name).toBe("h-BN");
  });

  it("the oxidation equilibrium of BN is ΔG°/n_O from the 298 K data (Ellingham approximation)", () => {
    const s = resolveNonOxide("h-BN");
    if (!s) throw new Error("h-BN not resolved");
    const T = 773;
    // 2 BN + 3/2 O2 → B2O3 + N2 per BN, per O2: ΔH, ΔS from CODATA/JANAF rows
    const dH = 0.5 * -1273.5 - -250.91; // kJ per BN
    const dS = 0.5 * 53.97 + 0.5 * 191.61 - 14.77 - 0.75 * 205.15; // J/K per BN
    const dG_per_O2 = (dH - (T * dS) / 1000) / 0.75;
    expect(supportOxidationEquilibrium_eV(s, T)).toBeCloseTo(
      deltaMuOStandard(T) + dG_per_O2 / 2 / KJ_PER_MOL_PER_EV,
      10,
    );
    // the equilibrium p_O2 is far below anything a gas supplies; sign: O2 oxidises, the equilibrium gas does not
    const eq = supportOxidationEquilibrium_eV(s, T);
    expect(pO2FromDeltaMuO(T, eq)).toBeLessThan(1e-30);
    expect(supportOxidationDescriptor(s, T, deltaMuO(T, 0.2)).verdict).toBe("met");
    expect(supportOxidationDescriptor(s, T, eq - 0.1).verdict).toBe("not-met");
  });

  it("metals on h-BN in O2 are encapsulated by the oxidation product (SE-SMSI oxidative) over T and p_O2", () => {
    for (const m of ["Pt", "Au", "Rh", "Ir"])
      for (const T of [573, 773, 973])
        for (const pO2 of [0.01, 0.21, 1]) {
          const r = run(m, "h-BN", "O2", T, pO2);
          expect(r.label, `${m} ${T} K ${pO2} bar`).toBe("SE-SMSI-oxidative");
        }
  });

  it("the same metals on h-BN in H2 or vacuum are not SE: a non-oxide has no suboxide", () => {
    for (const m of ["Pt", "Au"])
      for (const gas of ["H2", "vacuum"] as GasKind[])
        for (const T of [573, 773, 973]) expect(run(m, "h-BN", gas, T).class).not.toBe("SE-SMSI");
  });

  it("carbon burns to CO2 in O2: nothing is left to cover the metal", () => {
    for (const T of [573, 773, 973]) {
      const r = run("Pt", "graphene", "O2", T);
      expect(r.class).not.toBe("SE-SMSI");
      expect(r.rationale.find((x) => /stays on the surface/.test(x.descriptor))?.verdict).toBe("not-met");
    }
  });

  it("a map overlays only its own support's cases: unresolved or stand-in supports do not match each other", () => {
    const record = (id: string, support: string): PublishedCase =>
      ({
        id,
        metal: "Pt",
        support,
        support_phase: null,
        facet: null,
        particle_size_nm: null,
        treatment: { gas: "O2", temperature_C: 500, duration_h: null },
        expected_class: "SE-SMSI-oxidative",
      }) as unknown as PublishedCase;
    const cases = [record("bn", "h-BN (sheets)"), record("lapo4", "LaPO4"), record("tio2", "TiO2")];
    const req = { metal: "Pt", tMin_K: 500, tMax_K: 900, muMin_eV: -3, muMax_eV: 0, nT: 2, nMu: 2 };
    const ids = (support: string) => conditionMap({ ...req, support }, cases).cases.map((c) => c.id);
    expect(ids("h-BN")).toEqual(["bn"]);
    expect(ids("graphene")).toEqual([]);
    expect(ids("LaPO4")).toEqual(["lapo4"]);
    expect(ids("BaTiO3")).toEqual([]);
    expect(ids("TiO2")).toEqual(["tio2"]);
  });
});

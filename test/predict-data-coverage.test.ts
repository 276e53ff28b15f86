/**
 * Data coverage of the supports smsi predict names (issue 12): every support listed in
 * data/predict/descriptors.json `lowerPhase` has 298 K thermochemistry, a reduction reaction on its convex
 * hull and an oxygen nonstoichiometry; the thermochemical rows added for the hull neighbours are checked
 * against independent published values; the predictor obeys the physics these data feed.
 */
import { describe, expect, it } from "vitest";
import { descriptorData, predictParameters } from "../src/predict/data.js";
import { resolveSupport } from "../src/predict/materials.js";
import { nonstoichiometryFor } from "../src/predict/physics-inputs.js";
import { predict } from "../src/predict/predict.js";
import { ellinghamGibbs, oxideThermo, parseOxideFormula } from "../src/thermo/ellingham.js";
import { equilibriumDeltaMuO, reactionGibbs, reductionReaction } from "../src/thermo/equilibria.js";
import { speciesTable } from "../src/thermo/species-data.js";

const lowerPhase = descriptorData().lowerPhase.values;
const supports = Object.keys(lowerPhase);
const p = predictParameters();
/** Dry flowing H2 as predict assumes it (h2WaterRatio). */
const dryH2 = { kind: "H2O/H2", ratio: p.h2WaterRatio } as const;
/** Supports knowingly without a reduction reaction or nonstoichiometry, with the reason. None today. */
const REDUCTION_KNOWINGLY_ABSENT: Record<string, string> = {};

/** The rows this issue added to data/thermo/species-298K.json (hull neighbours and their metals). */
const ADDED_ROWS = [
  "NbO2",
  "NbO",
  "Nb",
  "VO2",
  "V2O3",
  "VO",
  "V",
  "Ta2O5",
  "Ta",
  "Ga2O3",
  "Ga",
  "SnO",
  "MoO2",
  "WO2",
  "W",
  "Y2O3",
  "Y",
  "Cr2O3",
  "Cr",
];

/**
 * Supports of `lowerPhase` without a sourced oxide surface energy: no calorimetric surface enthalpy or DFT
 * value of the dominant facet was found on a page in this workspace (issue 12 data pass). The wetting
 * descriptor then says "unknown". A support added to `lowerPhase` must be given a value or be listed here.
 */
const SURFACE_ENERGY_KNOWINGLY_ABSENT = [
  "Nb2O5",
  "Ta2O5",
  "Ga2O3",
  "In2O3",
  "Co3O4",
  "NiO",
  "CuO",
  "La2O3",
  "Cr2O3",
  "MoO3",
  "WO3",
  "Al2O3", // the bundled α and γ polymorphs carry values under their ids (Al2O3-alpha, Al2O3-gamma)
  "SiO2", // under its bundled id SiO2-alpha-quartz
  "ZrO2", // under ZrO2-monoclinic and ZrO2-tetragonal
  "TiO2", // under TiO2-rutile, TiO2-anatase, TiO2-brookite
];

const ratio = (f: string) => {
  const x = parseOxideFormula(f);
  return x ? x.nO / x.nMetal : 0;
};

describe("every support named in lowerPhase has a reduction reaction and a nonstoichiometry", () => {
  it.each(supports.filter((s) => !(s in REDUCTION_KNOWINGLY_ABSENT)))(
    "%s: hull neighbour with less O, finite equilibrium μ_O, 0 ≤ x ≤ xMax in H2",
    (oxide) => {
      for (const T of [600, 773.15, 1000]) {
        const rx = reductionReaction(oxide, undefined, "support", T);
        expect(ratio(rx.lower.formula)).toBeLessThan(ratio(oxide));
        expect(Number.isFinite(equilibriumDeltaMuO(rx, T))).toBe(true);
        const ns = nonstoichiometryFor(oxide, T, dryH2);
        expect(Number.isFinite(ns.x)).toBe(true);
        expect(ns.x).toBeGreaterThanOrEqual(0);
        expect(ns.x).toBeLessThanOrEqual(ns.xMax + 1e-12);
      }
    },
  );

  it("the first reduction step on the hull goes no deeper than the tabulated lower phase (1000 K, above the wüstite eutectoid)", () => {
    for (const oxide of supports) {
      const hull = reductionReaction(oxide, undefined, "support", 1000).lower.formula;
      expect(ratio(hull), `${oxide}: hull ${hull} vs lowerPhase ${lowerPhase[oxide]}`).toBeGreaterThanOrEqual(
        ratio(lowerPhase[oxide]) - 1e-9,
      );
    }
  });

  it("a more reducing gas never lowers the deficit x (H2O:H2 from 1e-2 to 1e-6 at 773 K)", () => {
    for (const oxide of supports) {
      const wet = nonstoichiometryFor(oxide, 773.15, { kind: "H2O/H2", ratio: 1e-2 }).x;
      const dry = nonstoichiometryFor(oxide, 773.15, { kind: "H2O/H2", ratio: 1e-6 }).x;
      expect(dry, oxide).toBeGreaterThanOrEqual(wet * (1 - 1e-12));
    }
  });

  it("no prediction names the support reduction as missing for these supports", () => {
    for (const support of supports) {
      const r = predict({ metal: "Pt", support, gas: "H2", temperature_K: 773.15 });
      expect(r.missing.join(" "), support).not.toMatch(/support reduction/);
    }
  });
});

describe("added thermochemical rows", () => {
  const rows = speciesTable().filter((r) => ADDED_ROWS.includes(r.formula));
  it("each added formula has exactly one row, with finite ΔH_f, S > 0 and a source", () => {
    for (const f of ADDED_ROWS)
      expect(
        rows.filter((r) => r.formula === f),
        f,
      ).toHaveLength(1);
    for (const r of rows) {
      expect(Number.isFinite(r.dHf298_kJ_per_mol), r.formula).toBe(true);
      expect(r.S298_J_per_mol_K, r.formula).toBeGreaterThan(0);
      expect(r.source.length, r.formula).toBeGreaterThan(10);
      // elements are the reference state; oxides form exothermically
      if (parseOxideFormula(r.formula)) expect(r.dHf298_kJ_per_mol as number).toBeLessThan(0);
      else expect(r.dHf298_kJ_per_mol).toBe(0);
    }
  });

  it("rows not marked verify name the page they were read on; verify rows say so in the source", () => {
    for (const r of rows) {
      if (r.verify) expect(r.source, r.formula).toMatch(/verify/i);
      else expect(r.source, r.formula).toMatch(/https:\/\//);
    }
  });

  it("ΔfG°(298 K) from the rows matches the tabulated ΔfG° of the same compilations (metal entropies consistent)", () => {
    // Robie, Hemingway & Fisher, USGS Bull. 1452 (1978) as quoted with the V2O3 and VO rows; CRC for NbO
    const tabulated: [string, number][] = [
      ["V2O3", -1139.052],
      ["VO", -404.219],
      ["NbO", -378.6],
    ];
    for (const [f, g] of tabulated)
      expect(ellinghamGibbs(f, 298.15).dG_kJ_per_mol_oxide, f).toBeCloseTo(g, 0);
  });
});

describe("Nb–O against the solid-electrolyte emf study of Jacob, Shekhar, Vinay & Waseda (J. Chem. Eng. Data 55, 4854 (2010))", () => {
  // ΔfG°/(J/mol), 1000–1300 K: NbO = −414986 + 86.861 T; NbO2 = −779864 + 164.438 T; NbO2.422 = −911045 + 197.932 T.
  // The bundled rows are 298 K ΔH/S with ΔCp = 0 (JANAF 1973 for NbO2, CRC for NbO): agreement within 20 kJ/mol
  // of oxide (≤ 0.15 eV per O) is what that approximation allows; a unit, phase or sign error would be far outside.
  const jacob = {
    NbO: (T: number) => (-414986 + 86.861 * T) / 1000,
    NbO2: (T: number) => (-779864 + 164.438 * T) / 1000,
    NbO2_422: (T: number) => (-911045 + 197.932 * T) / 1000,
  };
  const temperatures = [1000, 1100, 1200, 1300];

  it("ΔfG°(NbO) and ΔfG°(NbO2) within 20 kJ/mol of the emf lines", () => {
    for (const T of temperatures) {
      expect(Math.abs(ellinghamGibbs("NbO", T).dG_kJ_per_mol_oxide - jacob.NbO(T))).toBeLessThan(20);
      expect(Math.abs(ellinghamGibbs("NbO2", T).dG_kJ_per_mol_oxide - jacob.NbO2(T))).toBeLessThan(20);
    }
  });

  it("Nb2O5 reduces to NbO2 on the hull, at the measured NbO2/NbO2.422 oxygen potential within 15 kJ/mol O2", () => {
    for (const T of temperatures) {
      const rx = reductionReaction("Nb2O5", undefined, "oxide", T);
      expect(rx.lower.formula).toBe("NbO2");
      // NbO2 + 0.211 O2 → NbO2.422 (Nb12O29, the first phase of the Nb2O5−x field), per mol O2
      const measured = (jacob.NbO2_422(T) - jacob.NbO2(T)) / 0.211;
      expect(Math.abs(reactionGibbs(rx, T).dG_kJ_per_mol_O2 - measured)).toBeLessThan(15);
    }
  });

  it("NbO and NbO2 are both stable (on the hull): Nb/NbO < NbO/NbO2 < NbO2/Nb2O5 in equilibrium μ_O", () => {
    for (const T of temperatures) {
      const steps = ["NbO", "NbO2", "Nb2O5"].map((f) => reductionReaction(f, undefined, "oxide", T));
      expect(steps.map((s) => s.lower.formula)).toEqual(["Nb", "NbO", "NbO2"]);
      const mu = steps.map((s) => equilibriumDeltaMuO(s, T));
      expect(mu[0]).toBeLessThan(mu[1]);
      expect(mu[1]).toBeLessThan(mu[2]);
    }
  });
});

describe("V–O against the coulometric titration of V2O5 (J. Phys. Chem. B 111, 5680 (2007))", () => {
  // oxidation enthalpies at 823–973 K: 2 V2O3 + O2 → 2 V2O4 −380 ± 10, 2 V2O4 + O2 → 2 V2O5 −285 ± 20 kJ/mol O2;
  // their sum (2 V2O3 + 2 O2 → 2 V2O5) does not involve the VO2 row and is compared at 2σ of the combined error (≈ 45)
  const h = (f: string) => oxideThermo(f).dHf298_kJ_per_mol;
  it("2 V2O3 + 2 O2 → 2 V2O5 releases the measured −665 ± 22 kJ (sum of the two steps)", () => {
    expect(Math.abs(2 * (h("V2O5") - h("V2O3")) - (-380 - 285))).toBeLessThan(45);
  });
  it("V2O5 reduces first to VO2 (V4+), then V2O3, then VO: the hull of the added rows", () => {
    const T = 773.15;
    expect(reductionReaction("V2O5", undefined, "oxide", T).lower.formula).toBe("VO2");
    expect(reductionReaction("VO2", undefined, "oxide", T).lower.formula).toBe("V2O3");
    expect(reductionReaction("V2O3", undefined, "oxide", T).lower.formula).toBe("VO");
  });
});

describe("oxide surface energies", () => {
  const surfaces = descriptorData().oxideSurfaceEnergy_J_per_m2;
  it("every value is a positive surface energy below 10 J/m² with a source", () => {
    for (const [k, v] of Object.entries(surfaces)) {
      expect(v.value, k).toBeGreaterThan(0);
      expect(v.value, k).toBeLessThan(10);
      expect(v.source.length, k).toBeGreaterThan(10);
    }
  });

  it("every lowerPhase support has a surface energy under its resolved key or is knowingly absent", () => {
    for (const s of supports) {
      const key = resolveSupport(s).surfaceKey;
      const has = key !== null && key in surfaces;
      expect(has || SURFACE_ENERGY_KNOWINGLY_ABSENT.includes(s), s).toBe(true);
    }
  });

  it("supports with a sourced surface energy get a wetting verdict, not 'unknown'", () => {
    for (const s of supports) {
      const key = resolveSupport(s).surfaceKey;
      if (key === null || !(key in surfaces)) continue;
      const r = predict({ metal: "Pt", support: s, gas: "H2", temperature_K: 773.15 });
      const row = r.rationale.find((x) => x.descriptor.startsWith("wetting of the metal by the reduced"));
      expect(row?.verdict, s).not.toBe("unknown");
    }
  });
});

describe("the predictor obeys the physics these data feed", () => {
  const metals = ["Pt", "Pd", "Rh", "Ru", "Ir", "Ni", "Co", "Au", "Ag", "Cu"];

  it("a support H2 cannot reduce (x three decades below the suboxide threshold) gives no reductive SE-SMSI", () => {
    let checked = 0;
    for (const support of supports) {
      for (const T of [573.15, 773.15, 973.15]) {
        const x = nonstoichiometryFor(support, T, dryH2).x;
        if (x >= p.suboxideMinNonstoichiometry * 1e-3) continue;
        for (const metal of metals) {
          const r = predict({ metal, support, gas: "H2", temperature_K: T });
          expect(r.label, `${metal}/${support} ${T} K (x = ${x})`).not.toBe("SE-SMSI-reductive");
          checked++;
        }
      }
    }
    // the irreducible supports (MgO, Al2O3, ZrO2, La2O3, Y2O3, …) make this a real check
    expect(checked).toBeGreaterThan(50);
  });

  it("Nb2O5, V2O5, Ta2O5, Ga2O3, Cr2O3, Y2O3 thermochemistry reaches the predictor (a finite x is reported)", () => {
    for (const support of ["Nb2O5", "V2O5", "Ta2O5", "Ga2O3", "Cr2O3", "Y2O3"]) {
      const r = predict({ metal: "Pt", support, gas: "H2", temperature_K: 773.15 });
      const row = r.rationale.find((x) => x.descriptor.startsWith("support reduction"));
      expect(typeof row?.value, support).toBe("number");
      expect(oxideThermo(support).sources.length).toBeGreaterThan(0);
    }
  });
});

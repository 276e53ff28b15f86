/**
 * The language rules read phrases as a chemist reads them: negation, hedging, speculation, numbers with
 * units, formula tokens as whole case-sensitive tokens. Each row is a phrase, the finding it must give and
 * the value; rows of both polarities.
 */
import { describe, expect, it } from "vitest";
import { type FindingKey, type ReadContext, readText } from "../src/classify/findings.js";
import { clauses, readCue } from "../src/classify/language.js";
import { identifySupport } from "../src/classify/supports.js";
import { DEFAULT_THRESHOLDS } from "../src/classify/thresholds.js";
import { stepKind } from "../src/classify/treatments.js";

const ctx = (metal: string, support: string): ReadContext => ({
  metal,
  support: identifySupport(support)?.support ?? null,
  thresholds: DEFAULT_THRESHOLDS,
});

type Row = [
  phrase: string,
  about: string | undefined,
  metal: string,
  support: string,
  key: FindingKey,
  value: string,
];
const ROWS: Row[] = [
  // chemisorption: both polarities, numbers, hedges
  ["no significant H2 uptake", "chemisorption", "Pt", "TiO2", "chemisorptionSuppressed", "yes"],
  ["significant decrease in H2 uptake", "chemisorption", "Pt", "TiO2", "chemisorptionSuppressed", "yes"],
  ["none detected (H/Pt = 0)", "chemisorption", "Pt", "TiO2", "chemisorptionSuppressed", "yes"],
  ["H/M fell from 0.88 to 0.02", "chemisorption", "Pt", "TiO2", "chemisorptionSuppressed", "yes"],
  ["H/Pt 0.88 → 0.85", "chemisorption", "Pt", "TiO2", "chemisorptionSuppressed", "no"],
  ["CO uptake decreased by 90 %", "chemisorption", "Pt", "TiO2", "chemisorptionSuppressed", "yes"],
  ["H2 uptake unchanged after reduction", "chemisorption", "Pt", "TiO2", "chemisorptionSuppressed", "no"],
  ["none", "chemisorption", "Pt", "TiO2", "chemisorptionSuppressed", "no"],
  ["CO chemisorption retained", "chemisorption", "Pt", "TiO2", "chemisorptionSuppressed", "no"],
  [
    "slight decrease in CO chemisorption",
    "chemisorption",
    "Pt",
    "TiO2",
    "chemisorptionSuppressed",
    "partial",
  ],
  ["H2 chemisorption was not suppressed", "chemisorption", "Pt", "TiO2", "chemisorptionSuppressed", "no"],
  ["partially suppressed", "chemisorption", "Pt", "TiO2", "chemisorptionSuppressed", "partial"],
  ["CO adsorption strongly suppressed", "chemisorption", "Rh", "TiO2", "chemisorptionSuppressed", "yes"],
  // overlayer
  ["no encapsulation observed", "encapsulation", "Pt", "TiO2", "overlayer", "no"],
  ["a TiOx overlayer covers the Pt particles", "overlayer", "Pt", "TiO2", "overlayer", "yes"],
  ["encapsulation was not observed by HRTEM", undefined, "Pt", "CeO2", "overlayer", "no"],
  ["partial encapsulation of the particles", undefined, "Pd", "CeO2", "overlayer", "partial"],
  ["yes", "encapsulation", "Au", "hydroxyapatite", "overlayer", "yes"],
  ["no", "encapsulation", "Ru", "TiO2", "overlayer", "no"],
  // support reduction and electron transfer
  ["Ti3+ not detected by XPS", undefined, "Pt", "TiO2", "supportReduced", "no"],
  ["Ti3+ detected by XPS after reduction", undefined, "Pt", "TiO2", "supportReduced", "yes"],
  ["electron transfer from the support to Pt", undefined, "Pt", "Al2O3", "electronTransfer", "yes"],
  ["without electron transfer", undefined, "Pt", "Al2O3", "electronTransfer", "no"],
  // oxygen in the metal
  ["oxygen penetrates into the Ru bulk", undefined, "Ru", "TiO2", "bulkOxygen", "yes"],
  ["no", "bulk_oxygen", "Ru", "TiO2", "bulkOxygen", "no"],
  ["RuO2 grows from the interface upward", undefined, "Ru", "TiO2", "onsetInterface", "yes"],
  ["18O from the support lattice found in RuO2", undefined, "Ru", "TiO2", "o18Support", "yes"],
  // out of the scheme
  ["PdZn alloy formed on reduction", undefined, "Pd", "ZnO", "alloy", "yes"],
  ["no alloy formation with Zn", undefined, "Pd", "ZnO", "alloy", "no"],
  ["atomically dispersed Pt on ceria", undefined, "Pt", "CeO2", "singleAtoms", "yes"],
  ["no single atoms were observed", undefined, "Pt", "CeO2", "singleAtoms", "no"],
  ["Ni exsolved from the perovskite lattice", undefined, "Ni", "perovskite", "exsolution", "yes"],
  // IR, numbers with units
  ["linear CO band shifted from 2090 to 2040 cm-1", undefined, "Pt", "TiO2", "coAdsorptionAltered", "yes"],
  ["CO band red-shifted by 5 cm-1", undefined, "Pt", "TiO2", "coAdsorptionAltered", "no"],
  // reversibility
  ["O2 at 500 °C", "reversibility", "Pt", "TiO2", "reversedByOxidation", "yes"],
  ["partially, by calcination in air", "reversibility", "Pt", "TiO2", "reversedByOxidation", "partial"],
  ["irreversible", "reversibility", "Pt", "TiO2", "irreversible", "yes"],
  // an answer followed by its elaboration; a thing removed is absent now
  [
    "none: significant H2 and CO uptakes after reduction",
    "chemisorption",
    "Pt",
    "TiO2",
    "chemisorptionSuppressed",
    "no",
  ],
  ["thin TiOx overlayer completely removed", "overlayer", "Ni", "TiO2", "overlayer", "no"],
  ["TiOx overlayer partially removed", "overlayer", "Ni", "TiO2", "overlayer", "partial"],
  ["partially reduced titania migrated over Ru", undefined, "Ru", "TiO2", "overlayer", "yes"],
  ["altered CO adsorption", undefined, "Au", "TiO2", "coAdsorptionAltered", "yes"],
];

describe("a table of phrases, both polarities", () => {
  it("has at least 20 rows and both polarities", () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(20);
    expect(ROWS.filter((r) => r[5] === "no").length).toBeGreaterThanOrEqual(8);
    expect(ROWS.filter((r) => r[5] === "yes").length).toBeGreaterThanOrEqual(8);
  });
  it.each(ROWS)("%s (about %s) → %s/%s: %s = %s", (phrase, about, metal, support, key, value) => {
    const found = readText(phrase, "t", ctx(metal, support), about).filter((f) => f.key === key);
    expect(found.length).toBeGreaterThan(0);
    // numbers decide over words; among equals, every reading agrees
    const rank = { number: 2, field: 1, text: 0 } as const;
    const top = Math.max(...found.map((f) => rank[f.kind]));
    const values = new Set(found.filter((f) => rank[f.kind] === top).map((f) => f.value));
    expect([...values]).toEqual([value]);
  });

  it("speculative wording gives an inferred finding, a plain statement a direct one", () => {
    const may = readText("encapsulation may occur", "t", ctx("Pt", "TiO2")).find(
      (f) => f.key === "overlayer",
    );
    expect(may?.basis).toBe("inferred");
    const seen = readText("encapsulation seen by HRTEM", "t", ctx("Pt", "TiO2")).find(
      (f) => f.key === "overlayer",
    );
    expect(seen?.basis).toBe("direct");
  });

  it("a fall in catalytic activity is catalysis, not chemisorption; 'partial reduction' is no bare answer", () => {
    const f = readText("CO2 conversion decreased", "t", ctx("Ni", "TiO2"), "chemisorption");
    expect(f.some((x) => x.key === "chemisorptionSuppressed")).toBe(false);
    expect(f.find((x) => x.key === "catalysisChanged")?.value).toBe("yes");
    const g = readText("partial reduction only (XAS)", "t", ctx("Co", "TiO2"), "chemisorption");
    expect(g.some((x) => x.key === "chemisorptionSuppressed")).toBe(false);
  });

  it("a quoted title is not an observation", () => {
    const f = readText(
      'as reported by the review "From Surface Encapsulation to Bulk Penetration"',
      "t",
      ctx("Ru", "TiO2"),
    );
    expect(f.some((x) => x.key === "overlayer")).toBe(false);
  });

  it("vacancies in the support bulk are not oxygen in the metal", () => {
    const f = readText("lower activity (bulk O vacancies)", "t", ctx("Au", "TiO2"));
    expect(f.some((x) => x.key === "bulkOxygen")).toBe(false);
    expect(f.find((x) => x.key === "supportReduced")?.value).toBe("yes");
  });

  it('"none reported" and "not measured" are unknown, not no', () => {
    for (const t of ["none reported", "not measured", "n/a"])
      expect(readText(t, "t", ctx("Pt", "TiO2"), "encapsulation")).toEqual([]);
  });

  it("a negation does not reach past a clause boundary", () => {
    const r = readCue("no sintering, but a TiOx overlayer formed", /overlayer/i);
    expect(r.map((x) => x.polarity)).toEqual(["yes"]);
    expect(clauses("H/M 0.88 → 0.02; Ti3+ seen")).toEqual(["H/M 0.88 → 0.02", "Ti3+ seen"]);
  });
});

describe("supports are whole formula tokens and names, never substrings", () => {
  it.each([
    ["TiO2", "TiO2"],
    ["titania (P25)", "TiO2"],
    ["ceria nanorods", "CeO2"],
    ["gamma-alumina", "Al2O3"],
    ["silica", "SiO2"],
    ["zirconia", "ZrO2"],
    ["magnesia", "MgO"],
    ["zinc oxide", "ZnO"],
    ["Pt/CeO2", "CeO2"],
  ])("%s → %s", (text, name) => {
    expect(identifySupport(text)?.support.name).toBe(name);
  });
  it.each(["SiO2 (impregnation, calcination, reduction; H/Pt ratio)", "amorphous silica after impregnation"])(
    "%s is silica, not titania",
    (text) => {
      const s = identifySupport(text);
      expect(s?.support.name).toBe("SiO2");
      expect(s?.support.reducible).toBe(false);
    },
  );
  it("formulas are case-sensitive: 'tio2' or 'ratio' name no support", () => {
    expect(identifySupport("ratio of impregnation")).toBeNull();
    expect(identifySupport("tio2")).toBeNull();
  });
  it("the polymorph picks the structure for the coherence premise", () => {
    expect(identifySupport("TiO2", "rutile")?.materialsId).toBe("TiO2-rutile");
    expect(identifySupport("TiO2", "anatase")?.materialsId).toBe("TiO2-anatase");
    expect(identifySupport("TiO2")?.materialsId).toBeNull();
    expect(identifySupport("SiO2", "amorphous")?.noStructure).toMatch(/amorphous/);
  });
});

describe("treatments", () => {
  it.each([
    ["H2", "reductive"],
    ["5% H2/Ar", "reductive"],
    ["UHV anneal", "reductive"],
    ["10% CO/N2", "reductive"],
    ["CO + O2 (CO oxidation)", "adsorbate"],
    ["CO + excess O2 (lean)", "oxidative"],
    ["O2", "oxidative"],
    ["air (calcination)", "oxidative"],
    ["CO2/H2 (CO2 hydrogenation)", "adsorbate"],
    ["H2O vapour", "oxidative"],
    ["N2", "inert"],
    ["wet chemistry (aqueous)", "wet-chemical"],
    ["atom trapping (gas not stated in source)", "unknown"],
  ])("%s → %s", (gas, kind) => {
    expect(stepKind(gas).kind).toBe(kind);
  });
});

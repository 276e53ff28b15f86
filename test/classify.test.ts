import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { classifyEvidence, type PremiseProvider } from "../src/classify/classify.js";
import { parseEvidenceText, validateEvidence } from "../src/classify/parse-evidence.js";
import { interfaceCoherence, oxygenStep } from "../src/classify/premises.js";
import {
  caseToEvidence,
  parseCasesDocument,
  readCase,
  readCasesDocument,
} from "../src/classify/published-cases.js";
import type { EvidenceInput } from "../src/classify/schema.js";
import { scoreCases } from "../src/classify/score.js";
import { runCli } from "./helpers/cli.js";

const example = (name: string) => {
  const path = join("examples/evidence", name);
  return parseEvidenceText(readFileSync(path, "utf8"), path);
};
const classify = (doc: EvidenceInput, premises?: PremiseProvider | false) =>
  classifyEvidence(validateEvidence(doc), premises === undefined ? {} : { premises });
const verdicts = (r: ReturnType<typeof classifyEvidence>) =>
  Object.fromEntries(r.criteria.map((c) => [c.id, c.verdict]));

const SHARED_CASES = "../shared/cases/published-cases.json";
const BUNDLED_CASES = "data/classify/published-cases.json";

describe("BP-SMSI needs origin evidence", () => {
  // A metal oxidised in O2 on an irreducible support, O found in its bulk, nothing on where it came from.
  const oxidised = (metal: string, support: string, T: number): EvidenceInput => ({
    catalyst: { metal, support },
    treatments: [{ gas: "O2", temperature_C: T }],
    microscopy: { technique: "HRTEM", overlayer: "no" },
    bulk_oxygen_in_metal: { observed: "yes" },
  });
  const cases = [
    ["Ru", "SiO2"],
    ["Ru", "Al2O3"],
    ["Ir", "MgO"],
  ] as const;
  for (const [metal, support] of cases)
    for (const T of [300, 400, 450, 600])
      it(`${metal}/${support} in O2 at ${T} °C with bulk O and no origin evidence is not BP-SMSI; with ¹⁸O from the support it is`, () => {
        const r = classify(oxidised(metal, support, T));
        expect(r.class).not.toBe("BP-SMSI");
        expect(r.class).toBe("metal-oxidised");
        expect(r.label).toBe("metal oxidised, origin unknown");
        expect(r.nextExperiment?.experiment).toMatch(/18O|¹⁸O|ETEM/);
        const c1 = r.criteria.find((c) => c.id === "C1");
        expect(c1?.verdict).toBe("unknown");
        const traced = classify({
          ...oxidised(metal, support, T),
          isotope: { o18_in_metal: "yes", o18_origin: "support" },
        });
        expect(traced.class).toBe("BP-SMSI");
        expect(traced.criteria.find((c) => c.id === "C1")?.via).toContain("lattice-oxygen");
      });

  it("interface-first oxidation with oxide grown inside the metal is origin evidence (no gas route)", () => {
    const r = classify({
      catalyst: { metal: "Ru", support: "TiO2", support_phase: "rutile" },
      treatments: [{ gas: "O2", temperature_C: 400 }],
      microscopy: {
        technique: "in situ ETEM",
        overlayer: "no",
        oxidation_onset: "interface",
        oxide_grown_in_metal: "yes",
      },
    });
    expect(r.class).toBe("BP-SMSI");
  });

  it("BP-SMSI on its premises alone (nothing observed in the metal) is not a verdict", () => {
    const r = classify({
      catalyst: { metal: "Ru", support: "TiO2", support_phase: "rutile" },
      treatments: [{ gas: "O2", temperature_C: 400 }],
      microscopy: { overlayer: "no" },
    });
    expect(r.class).not.toBe("BP-SMSI");
    expect(r.class).not.toBe("metal-oxidised");
  });

  it("18O from the gas makes it gas oxidation, never BP-SMSI", () => {
    const r = classify({
      catalyst: { metal: "Ru", support: "TiO2", support_phase: "rutile" },
      treatments: [{ gas: "O2", temperature_C: 400 }],
      bulk_oxygen_in_metal: { observed: "yes" },
      isotope: { o18_in_metal: "yes", o18_origin: "gas" },
    });
    expect(r.class).toBe("metal-oxidised");
  });

  it("the BP premises are checked where the phases are named, and the output says how", () => {
    const r = classifyEvidence(example("ru-rutile-o2-bp.yaml"));
    expect(r.premises.checked).toBe(true);
    expect(r.premises.how).toMatch(/smsi interface/);
    expect(r.premises.how).toMatch(/thermo/);
    const anatase = classifyEvidence(example("ru-anatase-o2.yaml"));
    expect(anatase.premises.result?.coherence.find((c) => c.metal === "RuO2")?.verdict).not.toBe("coherent");
    expect(r.premises.result?.coherence.find((c) => c.metal === "RuO2")?.verdict).toBe("coherent");
  });

  it("an injected mismatched interface lowers BP-SMSI's likelihood, a matched one raises it", () => {
    const doc: EvidenceInput = {
      catalyst: { metal: "Ru", support: "TiO2", support_phase: "rutile" },
      treatments: [{ gas: "O2", temperature_C: 400 }],
      bulk_oxygen_in_metal: { observed: "yes" },
      isotope: { o18_in_metal: "yes", o18_origin: "support" },
    };
    const step = () => ({ downhill: true, drivingForce_eV: 1, oxide: "RuO2", equation: "Ru + O2 ⇌ RuO2" });
    const bp = (v: "coherent" | "incoherent") =>
      classify(doc, { interfaceCoherence: () => v, oxygenStep: step }).ranked.find(
        (x) => x.class === "BP-SMSI",
      )?.likelihood ?? 0;
    expect(bp("coherent")).toBeGreaterThan(bp("incoherent"));
  });
});

describe("strict criteria as the review defines them", () => {
  it("a shell seen alone is the most likely class, provisional, never a strict verdict", () => {
    const r = classify({
      catalyst: { metal: "Pt", support: "TiO2" },
      treatments: [{ gas: "H2", temperature_C: 500 }],
      microscopy: { technique: "HRTEM", overlayer: "yes" },
    });
    expect(r.class).toBe("SE-SMSI");
    expect(r.status).toBe("provisional");
    expect(r.allStrictCriteriaMet).toBe(false);
    expect(verdicts(r).C4).toBe("unknown");
    expect(r.confidence.level).not.toBe("high");
  });

  it("all four criteria met or implied gives a strict verdict, and says which are implied", () => {
    const r = classifyEvidence(example("au-hap-oxidative.yaml"));
    expect([r.class, r.trigger, r.status]).toEqual(["SE-SMSI", "oxidative", "strict"]);
    expect(r.criteria.find((c) => c.id === "C2")?.basis).toBe("implied");
    expect(r.confidence.reasons.join(" ")).toMatch(/C2 implied/);
    for (const c of r.criteria) if (c.verdict !== "unknown") expect(c.passage).toMatch(/review/);
  });

  it("electrons or vacancies alone never meet C1: EMSI, moderate, not strict", () => {
    const r = classifyEvidence(example("pt-al2o3-emsi.yaml"));
    expect([r.class, r.strength, r.strict]).toEqual(["EMSI", "moderate", false]);
    expect(verdicts(r).C1).toBe("not-met");
  });

  it("too little evidence is indeterminate and asks for an experiment", () => {
    const r = classifyEvidence(example("thin-evidence.yaml"));
    expect(r.class).toBe("indeterminate");
    expect(r.nextExperiment).not.toBeNull();
  });
});

describe("numbers and words, read as a chemist reads them", () => {
  it("Rh/TiO2 after H2 at 500 °C given only as numbers (H/M 0.7 → 0.05) is SE-SMSI reductive", () => {
    const r = classify({
      catalyst: { metal: "Rh", support: "TiO2" },
      treatments: [{ gas: "H2", temperature_C: 500 }],
      chemisorption: { h_per_metal: { before: 0.7, after: 0.05 } },
    });
    expect(r.label).toBe("SE-SMSI-reductive");
    expect(r.criteria.find((c) => c.id === "C1")?.basis).toBe("implied");
    // it never asks for the measurement it was given
    expect(r.nextExperiment?.experiment).not.toMatch(/chemisorption/i);
    for (const m of r.missing) expect(m.experiment).not.toMatch(/^H2 and CO chemisorption/);
  });

  it("the same numbers after H2 at 200 °C, or on silica, are not SE-SMSI (Tauster's contrast)", () => {
    for (const T of [150, 200, 250]) {
      const r = classify({
        catalyst: { metal: "Rh", support: "TiO2" },
        treatments: [{ gas: "H2", temperature_C: T }],
        chemisorption: { h_per_metal: { before: 0.7, after: 0.68 } },
      });
      expect(r.class).not.toBe("SE-SMSI");
    }
  });

  it("Tauster's H/M 0.88 → 0 without `suppressed` is SE-SMSI and does not ask for chemisorption", () => {
    const e = example("tauster-pt-tio2.yaml");
    e.chemisorption = { h_per_metal: { before: 0.88, after: 0 }, suppressed: "unknown" };
    const r = classifyEvidence(e);
    expect(r.label).toBe("SE-SMSI-reductive");
    expect(r.nextExperiment?.experiment).not.toMatch(/chemisorption/i);
  });

  it("a silica-supported metal, preparation with impregnation and calcination, chemisorption unchanged after hot H2, is none", () => {
    const r = classify({
      catalyst: { metal: "Pt", support: "SiO2", support_phase: "amorphous (impregnation)" },
      treatments: [
        { gas: "air (calcination)", temperature_C: 400, note: "prepared by incipient-wetness impregnation" },
        { gas: "H2 (reduction)", temperature_C: 500 },
      ],
      chemisorption: { h_per_metal: { before: 0.6, after: 0.57 } },
      notes: "impregnation, calcination and reduction; H/Pt ratio unchanged",
    });
    expect(r.support?.name).toBe("SiO2");
    expect(r.facts.supportReducible).toBe(false);
    expect(r.class).toBe("none");
  });

  it("CO + O2 is not a reduction", () => {
    const r = classify({
      catalyst: { metal: "Au", support: "TiO2" },
      treatments: [{ gas: "CO + O2", temperature_C: 300 }],
    });
    expect(r.treatments.trigger).not.toBe("reductive");
    expect(r.treatments.hotReduction).toBe(false);
  });

  it("redox order: an oxidation after a hot reduction is read in order", () => {
    const r = classify({
      catalyst: { metal: "Pt", support: "titania" },
      treatments: [
        { gas: "O2", temperature_C: 400, order: 2 },
        { gas: "H2", temperature_C: 500, order: 1 },
      ],
    });
    expect(r.treatments.steps.map((s) => s.kind)).toEqual(["reductive", "oxidative"]);
    expect(r.treatments.oxidisedAfterReduction).toBe(true);
    expect(r.support?.name).toBe("TiO2");
  });
});

describe("outside the SE/BP scheme, each with its own label", () => {
  it("PdZn on ZnO is the alloy class, with Table-1 text for Pd and ZnO (no TiO2−x, no Ti³⁺)", () => {
    const r = classify({
      catalyst: { metal: "Pd", support: "ZnO" },
      treatments: [{ gas: "H2", temperature_C: 500 }],
      chemisorption: { suppressed: "yes" },
      reports: [{ about: "evidence", text: "PdZn intermetallic formed (XRD); no ZnOx overlayer" }],
    });
    expect(r.class).toBe("RMSI");
    expect(r.outOfScheme).toMatch(/alloy/);
    const text = JSON.stringify(r.dimensions);
    expect(text).toMatch(/Zn/);
    expect(text).toMatch(/Pd/);
    expect(text).not.toMatch(/TiO2|Ti³⁺|Ti3\+/);
  });

  it.each([
    ["metal_into_support", "metal-into-support"],
    ["exsolution", "exsolution"],
    ["single_atoms_anchored", "CMSI"],
  ])("microscopy.%s → %s", (field, cls) => {
    const r = classify({
      catalyst: { metal: "Ni", support: "CeO2" },
      treatments: [{ gas: "H2", temperature_C: 600 }],
      microscopy: { overlayer: "no", [field]: "yes" },
    });
    expect(r.class).toBe(cls);
  });

  it("the SE Table-1 text names the actual support's suboxide", () => {
    const r = classify({
      catalyst: { metal: "Pt", support: "CeO2" },
      treatments: [{ gas: "H2", temperature_C: 700 }],
      microscopy: { overlayer: "yes" },
    });
    expect(r.dimensions.migratingSpecies).toMatch(/CeO2−x|Ce³⁺/);
    expect(r.dimensions.migratingSpecies).not.toMatch(/Ti/);
  });
});

describe("ranked answers", () => {
  it("every class is ranked with a likelihood that sums to 1, with evidence for and against", () => {
    const r = classifyEvidence(example("ru-rutile-o2-bp.yaml"));
    const sum = r.ranked.reduce((s, x) => s + x.likelihood, 0);
    expect(sum).toBeCloseTo(1, 2);
    expect(r.ranked[0].class).toBe("BP-SMSI");
    expect(r.ranked[0].for.length).toBeGreaterThan(0);
    expect(r.likelihoodMeaning).toMatch(/not a calibrated probability/);
  });
  it("the next experiment is never one whose result is given", () => {
    for (const f of readdirSync("examples/evidence")) {
      const r = classifyEvidence(example(f));
      if (!r.nextExperiment) continue;
      if (r.findings.some((x) => x.key === "overlayer" && x.value !== "unknown"))
        expect(r.nextExperiment.experiment).not.toMatch(/^HRTEM/);
      if (r.findings.some((x) => x.key === "o18Support" && x.value !== "unknown"))
        expect(r.nextExperiment.experiment).not.toMatch(/isotope/);
    }
  });
});

describe("premises (interface gate and thermo)", () => {
  it("RuO2 is coherent on rutile and not on anatase; unknown phases give null", () => {
    expect(interfaceCoherence("RuO2", "TiO2-rutile")).toBe("coherent");
    expect(interfaceCoherence("RuO2", "TiO2-anatase")).not.toBe("coherent");
    expect(interfaceCoherence("Unobtainium", "TiO2-rutile")).toBeNull();
  });
  it("Ru oxidation in 1 bar O2 is downhill from 300 to 700 °C; Pt's (PtO2) is not at 450 °C", () => {
    for (const T of [573, 723, 973])
      expect(oxygenStep("Ru", "TiO2-rutile", T, { kind: "O2", pO2_bar: 1 })?.downhill).toBe(true);
    expect(oxygenStep("Ru", "TiO2-rutile", 723, { kind: "H2O/H2", ratio: 1e-6 })?.downhill).toBe(false);
    // PtO2 (Nagano 2002 estimate, data/thermo) decomposes well below 723 K in 1 bar O2
    expect(oxygenStep("Pt", "TiO2-rutile", 723, { kind: "O2", pO2_bar: 1 })?.downhill).toBe(false);
  });
});

describe("old evidence documents stay valid", () => {
  it.each(readdirSync("examples/evidence"))("%s parses and classifies", (f) => {
    const r = classifyEvidence(example(f));
    expect(r.class).toBeTruthy();
  });
});

describe("published cases", () => {
  const path = existsSync(SHARED_CASES) ? SHARED_CASES : BUNDLED_CASES;
  const cases = parseCasesDocument(JSON.parse(readFileSync(path, "utf8")), path);

  it("the adapter never reads the expected class, the taxonomy gap or the curator's note", () => {
    for (const c of cases.slice(0, 10)) {
      const relabelled = {
        ...c,
        expected_class: "none",
        acceptable_classes: ["none"],
        taxonomy_gap: "x",
        note: "BP-SMSI alloy",
      };
      expect(caseToEvidence(relabelled)).toEqual(caseToEvidence(c));
    }
  });

  it("curated enum fields are read as text, never copied into a deciding field", () => {
    for (const c of cases) {
      const e = caseToEvidence(c);
      expect(e.bulk_oxygen_in_metal).toBeUndefined();
      expect(e.microscopy).toBeUndefined();
    }
  });

  it("scores all cases, per batch, and reports per case what was used and ignored", () => {
    const s = scoreCases(cases);
    expect(s.total).toBe(cases.length);
    expect(Object.values(s.perBatch).reduce((n, b) => n + b.total, 0)).toBe(cases.length);
    const diagonal = s.labels.reduce((n, l) => n + s.confusion[l][l], 0);
    expect(diagonal).toBe(s.correct);
    for (const c of s.cases) {
      expect(c.ignored.join(" ")).toMatch(/expected_class/);
      if (!c.correct) expect(c.reason.length).toBeGreaterThan(0);
    }
  });

  it("a malformed record is reported with its path and skipped; the rest are scored", () => {
    const doc = JSON.parse(readFileSync(path, "utf8")) as unknown[];
    const broken = [...doc.slice(0, 3), { id: "X-1", metal: "Pt", support: 5 }];
    const r = readCasesDocument(broken, "my.json");
    expect(r.cases.length).toBe(3);
    expect(r.malformed[0].path).toMatch(/^my\.json\[3\]\(X-1\)\./);
    expect(() => readCasesDocument([], "empty.json")).toThrow(/no cases/);
  });

  it("no source file or rule names a case id", () => {
    for (const f of readdirSync("src/classify"))
      expect(readFileSync(join("src/classify", f), "utf8")).not.toMatch(/SMSI-\d{3}/);
    expect(readFileSync("data/classify/supports.yaml", "utf8")).not.toMatch(/SMSI-\d{3}/);
  });

  it("reading a case lists its report paths", () => {
    const r = readCase(cases[0]);
    expect(r.reportPaths.length).toBe(r.evidence.reports?.length ?? 0);
  });

  it("the bundled copy of the cases equals the shared file", () => {
    if (!existsSync(SHARED_CASES)) return expect(existsSync(BUNDLED_CASES)).toBe(true);
    expect(readFileSync(BUNDLED_CASES, "utf8")).toBe(readFileSync(SHARED_CASES, "utf8"));
  });
});

describe("CLI", () => {
  it("classify FILE prints a readable report with criteria, ranking and the next experiment", async () => {
    const r = await runCli("classify", "examples/evidence/tauster-pt-tio2.yaml");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/class\s+SE-SMSI \(trigger: reductive\)/);
    expect(r.out).toMatch(/C1 mass migration/);
    expect(r.out).toMatch(/next experiment/);
  });
  it("classify --json keeps `class` and adds `ranked` and `nextExperiment`", async () => {
    const r = await runCli("classify", "examples/evidence/ru-rutile-o2-bp.yaml", "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.class).toBe("BP-SMSI");
    for (const k of [
      "trigger",
      "strength",
      "strict",
      "criteria",
      "dimensions",
      "confidence",
      "conflicts",
      "missing",
      "ranked",
      "nextExperiment",
      "premises",
    ])
      expect(doc).toHaveProperty(k);
    for (const k of ["class", "trigger", "likelihood", "for", "against"])
      expect(doc.ranked[0]).toHaveProperty(k);
  });
  it("classify --case is case-insensitive", async () => {
    const r = await runCli("classify", "--case", "smsi-043", "--json", "--cases", BUNDLED_CASES);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).case.id).toBe("SMSI-043");
  });
  it("score classify --json reports per batch, per class and each case", async () => {
    const r = await runCli("score", "classify", "--cases", BUNDLED_CASES, "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc.perBatch).length).toBeGreaterThanOrEqual(2);
    expect(doc.cases[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        correct: expect.any(Boolean),
        used: expect.any(Array),
      }),
    );
  });
});

describe("sensitivity: the Tauster contrast holds across the assumed thresholds", () => {
  const doc = (T: number, after: number): EvidenceInput => ({
    catalyst: { metal: "Rh", support: "TiO2" },
    treatments: [{ gas: "H2", temperature_C: T }],
    chemisorption: { h_per_metal: { before: 0.7, after } },
  });
  for (const suppressedMaxRatio of [0.15, 0.3, 0.45])
    for (const retainedMinRatio of [0.7, 0.8, 0.9])
      for (const hotReductionMin_C of [350, 400, 450])
        it(`ratio ≤ ${suppressedMaxRatio}, retained ≥ ${retainedMinRatio}, hot ≥ ${hotReductionMin_C} °C`, () => {
          const thresholds = { suppressedMaxRatio, retainedMinRatio, hotReductionMin_C };
          const hot = classifyEvidence(validateEvidence(doc(500, 0.05)), { thresholds });
          const mild = classifyEvidence(validateEvidence(doc(200, 0.68)), { thresholds });
          expect(hot.label).toBe("SE-SMSI-reductive");
          expect(mild.class).not.toBe("SE-SMSI");
        });
});

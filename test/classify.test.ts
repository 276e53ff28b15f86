import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { classifyEvidence } from "../src/classify/classify.js";
import { triggerOfGas } from "../src/classify/facts.js";
import { parseEvidenceText, validateEvidence } from "../src/classify/parse-evidence.js";
import { caseToEvidence, parseCasesDocument } from "../src/classify/published-cases.js";
import { DEFAULT_RULES_DIR, loadRuleSet } from "../src/classify/rules.js";
import { scoreCases } from "../src/classify/score.js";
import { InputError } from "../src/units/errors.js";
import { runCli } from "./helpers/cli.js";

const example = (name: string) => {
  const path = join("examples/evidence", name);
  return parseEvidenceText(readFileSync(path, "utf8"), path);
};
const classifyExample = (name: string) => classifyEvidence(example(name));
const verdicts = (name: string) =>
  Object.fromEntries(classifyExample(name).criteria.map((c) => [c.id, c.verdict]));

const SHARED_CASES = "../shared/cases/published-cases.json";
const BUNDLED_CASES = "data/classify/published-cases.json";
const loadCasesFile = (path: string) => parseCasesDocument(JSON.parse(readFileSync(path, "utf8")), path);

describe("classes from hand-written evidence documents", () => {
  it("Tauster's Pt/TiO2 after H2 at 500 °C is SE-SMSI, reductive, inferred from chemisorption collapse", () => {
    const r = classifyExample("tauster-pt-tio2.yaml");
    expect(r.class).toBe("SE-SMSI");
    expect(r.trigger).toBe("reductive");
    expect(r.strength).toBe("strong");
    expect(r.strict).toBe(true);
    const c1 = r.criteria.find((c) => c.id === "C1");
    expect(c1?.rule[0].basis).toBe("inferred");
    // The migration is inferred, so microscopy is the first experiment asked for.
    expect(r.missing.map((m) => m.experiment).join(" ")).toMatch(/HRTEM/);
  });

  it("the same Pt/TiO2 reduced at 200 °C is not SE-SMSI: the Tauster rule needs a hot reduction", () => {
    const e = example("tauster-pt-tio2.yaml");
    e.treatments[0].temperature_C = 200;
    expect(classifyEvidence(e).class).not.toBe("SE-SMSI");
  });

  it("the Tauster inference needs a reducible support: Pt/SiO2 with the same data is not SE-SMSI", () => {
    const e = example("tauster-pt-tio2.yaml");
    e.catalyst.support = "SiO2";
    const r = classifyEvidence(e);
    expect(r.facts.supportReducible).toBe(false);
    expect(r.class).not.toBe("SE-SMSI");
  });

  it("oxidative and adsorbate-induced SE-SMSI", () => {
    const ox = classifyExample("au-hap-oxidative.yaml");
    expect([ox.class, ox.trigger]).toEqual(["SE-SMSI", "oxidative"]);
    const ad = classifyExample("rh-tio2-adsorbate.yaml");
    expect([ad.class, ad.trigger]).toEqual(["SE-SMSI", "adsorbate"]);
    expect(ad.label).toBe("SE-SMSI-adsorbate");
  });

  it("a wet-chemical trigger is named as such", () => {
    const e = example("au-hap-oxidative.yaml");
    e.treatments = [{ gas: "wet chemistry (aqueous)" }];
    const r = classifyEvidence(e);
    expect([r.class, r.trigger]).toEqual(["SE-SMSI", "wet-chemical"]);
  });

  it("Ru/rutile in O2 with 18O from the support is BP-SMSI with all four criteria met", () => {
    const r = classifyExample("ru-rutile-o2-bp.yaml");
    expect(r.class).toBe("BP-SMSI");
    expect(r.allStrictCriteriaMet).toBe(true);
    expect(r.criteria.find((c) => c.id === "C1")?.via).toContain("lattice-oxygen");
    expect(r.dimensions?.migratingSpecies).toMatch(/lattice O2-/);
    expect(r.conflicts).toEqual([]);
  });

  it("Ru/anatase in O2 without penetration is a weak interaction", () => {
    const r = classifyExample("ru-anatase-o2.yaml");
    expect([r.class, r.strength, r.strict]).toEqual(["none", "weak", false]);
  });

  it("electron transfer alone is EMSI, moderate, not strict", () => {
    const r = classifyExample("pt-al2o3-emsi.yaml");
    expect([r.class, r.strength, r.strict]).toEqual(["EMSI", "moderate", false]);
  });

  it("anchored single atoms are CMSI", () => {
    expect(classifyExample("pt1-ceo2-cmsi.yaml").class).toBe("CMSI");
  });

  it("an intermetallic without a shell is reported outside the scheme, not forced into a class", () => {
    const r = classifyExample("pt-tio2-alloy.yaml");
    expect(r.class).toBe("none");
    expect(r.outOfScheme).toMatch(/alloy/);
  });

  it("too little evidence is indeterminate and says what to measure", () => {
    const r = classifyExample("thin-evidence.yaml");
    expect(r.class).toBe("indeterminate");
    expect(r.confidence.level).toBe("low");
    expect(r.missing.length).toBeGreaterThanOrEqual(3);
    for (const m of r.missing) expect(m.wouldDistinguish.length).toBeGreaterThan(0);
  });

  it("a weak interaction when nothing changed", () => {
    const r = classifyExample("pt-sio2-none.yaml");
    expect([r.class, r.strength]).toEqual(["none", "weak"]);
  });
});

describe("each criterion's three verdicts", () => {
  it("C1 mass migration: met / not-met / unknown", () => {
    expect(verdicts("au-hap-oxidative.yaml").C1).toBe("met");
    expect(verdicts("pt-sio2-none.yaml").C1).toBe("not-met");
    expect(verdicts("thin-evidence.yaml").C1).toBe("unknown");
  });
  it("C2 interfacial bonding: met / not-met / unknown", () => {
    expect(verdicts("ru-rutile-o2-bp.yaml").C2).toBe("met");
    expect(verdicts("pt-sio2-none.yaml").C2).toBe("not-met");
    expect(verdicts("thin-evidence.yaml").C2).toBe("unknown");
  });
  it("C3 reconstruction: met / not-met / unknown", () => {
    expect(verdicts("pt-tio2-alloy.yaml").C3).toBe("met");
    expect(verdicts("pt-sio2-none.yaml").C3).toBe("not-met");
    expect(verdicts("tauster-pt-tio2.yaml").C3).toBe("unknown");
  });
  it("C4 regulation: met / not-met / unknown", () => {
    expect(verdicts("tauster-pt-tio2.yaml").C4).toBe("met");
    expect(verdicts("pt-sio2-none.yaml").C4).toBe("not-met");
    expect(verdicts("thin-evidence.yaml").C4).toBe("unknown");
  });
});

describe("conflicts are reported, not silently resolved", () => {
  it("support cations found by EELS on the metal override 'no overlayer seen' (met, no conflict)", () => {
    const e = example("pt-sio2-none.yaml");
    e.eels_eds = { support_cations_on_metal: "yes" };
    const r = classifyEvidence(e);
    expect(r.criteria.find((c) => c.id === "C1")?.verdict).toBe("met");
  });

  it("direct evidence for and against migration leaves C1 undecided and says so", () => {
    const f = example("ru-anatase-o2.yaml");
    f.isotope = { o18_in_metal: "yes", o18_origin: "support" };
    const g = classifyEvidence(f);
    expect(g.conflicts.join(" ")).toMatch(/C1/);
    expect(g.criteria.find((c) => c.id === "C1")?.verdict).toBe("unknown");
    expect(g.confidence.score).toBeLessThan(classifyExample("ru-anatase-o2.yaml").confidence.score);
  });

  it("an overlayer with retained chemisorption is SE-SMSI with a conflict", () => {
    const e = example("au-hap-oxidative.yaml");
    e.chemisorption = { suppressed: "no" };
    const r = classifyEvidence(e);
    expect(r.class).toBe("SE-SMSI");
    expect(r.conflicts.some((c) => /not suppressed/.test(c))).toBe(true);
  });
});

describe("treatment triggers", () => {
  it.each([
    ["H2", "reductive"],
    ["UHV anneal", "reductive"],
    ["10% CO/N2 (strongly reductive)", "reductive"],
    ["O2/air (calcination)", "oxidative"],
    ["air (annealing)", "oxidative"],
    ["CO2/H2 (CO2 hydrogenation)", "adsorbate"],
    ["wet chemistry (aqueous; details not read)", "wet-chemical"],
    ["atom trapping (gas not stated in source)", "unknown"],
  ])("%s → %s", (gas, trigger) => {
    expect(triggerOfGas(gas)).toBe(trigger);
  });
});

describe("published cases", () => {
  const cases = loadCasesFile(existsSync(SHARED_CASES) ? SHARED_CASES : BUNDLED_CASES);
  const byId = (id: string) => {
    const c = cases.find((x) => x.id === id);
    if (!c) throw new Error(`case ${id} missing`);
    return c;
  };

  it("SMSI-043 (Ru/rutile-TiO2, O2) is BP-SMSI", () => {
    expect(classifyEvidence(caseToEvidence(byId("SMSI-043"))).class).toBe("BP-SMSI");
  });
  it("SMSI-044 (Ru/anatase-TiO2, O2) is none", () => {
    expect(classifyEvidence(caseToEvidence(byId("SMSI-044"))).class).toBe("none");
  });
  it("SMSI-001 (Tauster's Pt/TiO2, H2 500 °C) is SE-SMSI reductive", () => {
    expect(classifyEvidence(caseToEvidence(byId("SMSI-001"))).label).toBe("SE-SMSI-reductive");
  });

  it("scores at least 90 % on the shared published cases, with a consistent confusion matrix", () => {
    const s = scoreCases(cases);
    expect(s.total).toBe(cases.length);
    expect(s.accuracy).toBeGreaterThanOrEqual(0.9);
    const total = Object.values(s.confusion).reduce(
      (n, row) => n + Object.values(row).reduce((a, b) => a + b, 0),
      0,
    );
    expect(total).toBe(cases.length);
    const diagonal = s.labels.reduce((n, l) => n + s.confusion[l][l], 0);
    expect(diagonal).toBe(s.correct);
  });

  it("the adapter never reads the expected class: relabelling a case does not change the evidence", () => {
    const c = byId("SMSI-040");
    const relabelled = { ...c, expected_class: "none", acceptable_classes: ["none"] };
    expect(caseToEvidence(relabelled)).toEqual(caseToEvidence(c));
  });

  it("no rule or adapter pattern names a case id", () => {
    const files = [
      ...readdirSync(join(DEFAULT_RULES_DIR, "rules", "criteria")).map((f) =>
        join(DEFAULT_RULES_DIR, "rules", "criteria", f),
      ),
      join(DEFAULT_RULES_DIR, "rules", "classes", "classes.yaml"),
      join(DEFAULT_RULES_DIR, "rules", "experiments.yaml"),
      "src/classify/published-cases.ts",
      "src/classify/classify.ts",
      "src/classify/facts.ts",
    ];
    for (const f of files) expect(readFileSync(f, "utf8")).not.toMatch(/SMSI-\d{3}/);
  });

  it("the bundled copy of the cases equals the shared file", () => {
    if (!existsSync(SHARED_CASES)) return expect(existsSync(BUNDLED_CASES)).toBe(true);
    expect(readFileSync(BUNDLED_CASES, "utf8")).toBe(readFileSync(SHARED_CASES, "utf8"));
  });
});

describe("bad input", () => {
  const fails = (text: string, name = "e.yaml") => {
    try {
      parseEvidenceText(text, name);
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as InputError).message;
    }
    throw new Error("expected an InputError");
  };

  it("names the field path of a wrong value", () => {
    const m = fails("catalyst: { metal: Pt, support: TiO2 }\nmicroscopy: { overlayer: maybe }\n");
    expect(m).toMatch(/^microscopy\.overlayer: /);
  });
  it("names a missing required field", () => {
    expect(fails("catalyst: { metal: Pt }\n")).toMatch(/^catalyst\.support: /);
  });
  it("names an unknown field and suggests checking the spelling", () => {
    expect(fails("catalyst: { metal: Pt, support: TiO2 }\nchemisorbtion: {}\n")).toMatch(/chemisorbtion/);
  });
  it("names a wrong type deep in a list", () => {
    const m = fails(
      "catalyst: { metal: Pt, support: TiO2 }\ntreatments:\n  - { gas: H2, temperature_C: hot }\n",
    );
    expect(m).toMatch(/^treatments\.0\.temperature_C: /);
  });
  it("rejects invalid YAML and JSON with the file name", () => {
    expect(fails("catalyst: [", "bad.yaml")).toMatch(/^bad\.yaml: not valid YAML/);
    expect(fails("{", "bad.json")).toMatch(/^bad\.json: not valid JSON/);
  });
  it("rejects a negative temperature below absolute zero", () => {
    expect(() =>
      validateEvidence({
        catalyst: { metal: "Pt", support: "TiO2" },
        treatments: [{ gas: "H2", temperature_C: -300 }],
      }),
    ).toThrow(/treatments\.0\.temperature_C/);
  });
  it("a cases file with a malformed case names the case and field", () => {
    expect(() => parseCasesDocument([{ id: "X-1", metal: "Pt" }], "my.json")).toThrow(
      /my\.json\[0\]\(X-1\)\.support/,
    );
  });
  it("a rule that references an unknown evidence field fails at load time", () => {
    const dir = mkdtempSync(join(tmpdir(), "smsi-rules-"));
    cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
    const p = join(dir, "rules", "criteria", "C4-regulation.yaml");
    writeFileSync(
      p,
      readFileSync(p, "utf8").replace("chemisorption.suppressed, in", "chemisorption.supressed, in"),
    );
    expect(() => loadRuleSet(dir)).toThrow(/unknown evidence field "chemisorption\.supressed"/);
  });
});

describe("CLI", () => {
  it("classify FILE prints a readable report", async () => {
    const r = await runCli("classify", "examples/evidence/tauster-pt-tio2.yaml");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/class\s+SE-SMSI \(trigger: reductive\)/);
    expect(r.out).toMatch(/C1 mass migration/);
  });
  it("classify --case --json prints one JSON document with the required keys", async () => {
    const r = await runCli("classify", "--case", "SMSI-043", "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    for (const k of [
      "class",
      "trigger",
      "strength",
      "strict",
      "criteria",
      "dimensions",
      "confidence",
      "conflicts",
      "missing",
    ])
      expect(doc).toHaveProperty(k);
    expect(doc.class).toBe("BP-SMSI");
  });
  it("score classify --json reports accuracy, perClass, confusion and cases", async () => {
    const r = await runCli("score", "classify", "--cases", BUNDLED_CASES, "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(doc.cases[0]).toEqual(
      expect.objectContaining({ id: expect.any(String), correct: expect.any(Boolean) }),
    );
  });
  it("bad input exits 1 with the field named", async () => {
    const dir = mkdtempSync(join(tmpdir(), "smsi-ev-"));
    const p = join(dir, "bad.yaml");
    writeFileSync(p, "catalyst: { metal: Pt, support: TiO2 }\nxps: { metal_state: purple }\n");
    const r = await runCli("classify", p);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: xps\.metal_state: /);
    const missing = await runCli("classify", "--case", "SMSI-999");
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/--case/);
    const none = await runCli("classify");
    expect(none.code).toBe(1);
  });
});

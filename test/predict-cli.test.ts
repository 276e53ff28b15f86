/** The predict, map and score-predict commands: JSON shapes, charts, CSV, and bad input named by field. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  caseToPredictInput,
  normaliseLabel,
  parseParticleSize,
  scorePredictions,
} from "../src/predict/score.js";
import { runCli } from "./helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "smsi-predict-"));

function caseRecord(id: string, over: Record<string, unknown>) {
  return {
    id,
    metal: "Pt",
    support: "TiO2",
    support_phase: null,
    facet: null,
    particle_size_nm: null,
    treatment: { gas: "H2", temperature_C: 500 },
    observed: {},
    expected_class: "SE-SMSI-reductive",
    key_evidence: [],
    ...over,
  };
}

describe("smsi predict", () => {
  it("prints one JSON document with the issue's fields", async () => {
    const r = await runCli(
      "predict",
      "--metal",
      "Ru",
      "--support",
      "TiO2-rutile",
      "--gas",
      "O2",
      "--temperature",
      "450C",
      "--p-o2",
      "1bar",
      "--size-nm",
      "3",
      "--json",
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const k of [
      "class",
      "trigger",
      "likelihood",
      "ranked",
      "phenomena",
      "consequences",
      "rationale",
      "assumptions",
    ])
      expect(j).toHaveProperty(k);
    expect(j.class).toBe("BP-SMSI");
    for (const row of j.rationale)
      for (const k of ["descriptor", "value", "unit", "threshold", "source", "verdict"])
        expect(row).toHaveProperty(k);
  });

  it("prints a readable table, and --set overrides a named assumption", async () => {
    const r = await runCli(
      "predict",
      "--metal",
      "Pt",
      "--support",
      "TiO2-anatase",
      "--gas",
      "H2",
      "--temperature",
      "500C",
      "--set",
      "suboxideMinNonstoichiometry=1e-4",
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/predicted: SE-SMSI-reductive/);
    expect(r.out).toMatch(/suboxideMinNonstoichiometry=0.0001/);
  });

  it("names the field of bad input", async () => {
    const bad = [
      [["--gas", "plasma"], "--gas"],
      [["--gas", "H2", "--temperature", "-5K"], "--temperature"],
      [["--gas", "H2", "--size-nm", "0"], "--size-nm"],
      [["--gas", "H2", "--set", "nope=1"], "--set"],
      [["--gas", "H2O/H2"], "--h2o-h2"],
      [["--gas", "H2", "--time", "soon"], "--time"],
      [["--gas", "H2", "--prior", "H2 500C"], "--prior"],
      [["--gas", "H2", "--prior", "plasma@500C"], "--prior"],
      [["--gas", "H2", "--prior", "H2@-5K"], "--prior"],
      [["--gas", "H2", "--prior", "H2@500C,soon"], "--prior"],
    ] as const;
    for (const [args, field] of bad) {
      const r = await runCli("predict", "--metal", "Pt", "--support", "TiO2", ...args);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`error: ${field}`);
    }
  });
});

describe("smsi predict --prior", () => {
  it("a 500 °C H2 reduction before a 200 °C H2 step leaves Pt/TiO2 encapsulated; without it, none", async () => {
    const args = ["predict", "--metal", "Pt", "--support", "TiO2-anatase", "--gas", "H2"];
    const alone = JSON.parse((await runCli(...args, "--temperature", "200C", "--json")).out);
    const after = JSON.parse(
      (await runCli(...args, "--temperature", "200C", "--prior", "H2@500C,2h", "--json")).out,
    );
    expect(alone.label).toBe("none");
    expect(after.label).toBe("SE-SMSI-reductive");
    expect(after.ranked[0].label).toBe("SE-SMSI-reductive");
  });
});

describe("smsi map", () => {
  it("writes SVG, PNG and CSV with a legend and the pair's cases", async () => {
    const svg = join(dir, "map.svg");
    const png = join(dir, "map.png");
    const csv = join(dir, "map.csv");
    const cases = join(dir, "cases.json");
    writeFileSync(
      cases,
      JSON.stringify([
        caseRecord("T-1", {
          metal: "Ru",
          support: "TiO2",
          support_phase: "rutile",
          treatment: { gas: "O2", temperature_C: 450 },
          expected_class: "BP-SMSI",
        }),
      ]),
    );
    const r = await runCli(
      "map",
      "--metal",
      "Ru",
      "--support",
      "TiO2-rutile",
      "--points",
      "100",
      "--cases",
      cases,
      "--out",
      svg,
      "--csv",
      csv,
      "--json",
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.cells.length).toBe(100);
    expect(j.cases.map((c: { id: string }) => c.id)).toEqual(["T-1"]);
    const text = readFileSync(svg, "utf8");
    expect(text).toMatch(/^<\?xml/);
    expect(text).toContain("BP-SMSI");
    expect(readFileSync(csv, "utf8").split("\n")[0]).toBe(
      "temperature_K,temperature_C,deltaMuO_eV,pO2_bar,class,likelihood",
    );
    const r2 = await runCli(
      "map",
      "--metal",
      "Ru",
      "--support",
      "TiO2-rutile",
      "--points",
      "64",
      "--cases",
      cases,
      "--out",
      png,
    );
    expect(r2.code).toBe(0);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe("PNG");
  });

  it("refuses a bad chart name or grid", async () => {
    expect(
      (await runCli("map", "--metal", "Ru", "--support", "TiO2-rutile", "--out", "x.pdf")).err,
    ).toContain("error: --out");
    expect(
      (await runCli("map", "--metal", "Ru", "--support", "TiO2-rutile", "--points", "1e9", "--json")).err,
    ).toContain("error: --points");
    expect(existsSync("x.pdf")).toBe(false);
  });
});

describe("smsi score predict", () => {
  it("scores any file of that format; missing temperature or phase never crash; acceptable classes count", async () => {
    const file = join(dir, "score.json");
    writeFileSync(
      file,
      JSON.stringify([
        caseRecord("A", {}),
        caseRecord("B", { treatment: { gas: "H2", temperature_C: 200 }, expected_class: "none" }),
        caseRecord("C", { treatment: { gas: "wet chemistry" }, expected_class: "SE-SMSI-reductive" }),
        caseRecord("D", {
          metal: "PtCo",
          treatment: { gas: "H2" },
          expected_class: "none",
          acceptable_classes: ["SE-SMSI-reductive"],
        }),
        caseRecord("E", { metal: "Al", support: "TiO2", expected_class: "none", batch: "later" }),
        caseRecord("F", {
          particle_size_nm: "single atoms",
          treatment: { gas: "atom trapping" },
          expected_class: "CMSI (not strict)",
        }),
        caseRecord("G", { treatment: { gas: "H2", temperature_C: -250 }, expected_class: "none" }),
      ]),
    );
    const r = await runCli("score", "predict", "--cases", file, "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const k of ["accuracy", "correct", "total", "perClass", "confusion", "byBatch", "cases"])
      expect(j).toHaveProperty(k);
    expect(j.total).toBe(7);
    const byId = Object.fromEntries(j.cases.map((c: { id: string }) => [c.id, c]));
    expect(byId.A.correct).toBe(true);
    expect(byId.B.got).toBe("none");
    expect(byId.C.got).toBe("indeterminate");
    expect(byId.D.correct).toBe(true);
    // Al reduces TiO2 at the interface (interfacial redox): a named answer, not a refusal
    expect(byId.E.got).toBe("BP-SMSI");
    expect(byId.F.got).toBe("CMSI");
    expect(byId.G.got).toBe("indeterminate");
    expect(byId.G.reason).toMatch(/--temperature/);
    expect(Object.keys(j.byBatch).sort()).toEqual(["2026-11 (first batch)", "later"]);
    for (const c of j.cases)
      for (const k of ["id", "expected", "acceptable", "got", "correct", "reason"])
        expect(c).toHaveProperty(k);
  });

  it("refuses an empty or malformed file by field", async () => {
    const empty = join(dir, "empty.json");
    writeFileSync(empty, "[]");
    expect((await runCli("score", "predict", "--cases", empty)).err).toContain("error: --cases");
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{");
    expect((await runCli("score", "predict", "--cases", bad)).err).toContain("error: --cases");
    expect((await runCli("score", "predict", "--cases", dir)).code).toBe(1);
  });

  it("the score group keeps classify's subcommand", async () => {
    const r = await runCli("score", "--help");
    expect(r.out).toContain("classify");
    expect(r.out).toContain("predict");
  });
});

describe("case inputs", () => {
  it("reads sizes, labels and temperature words without looking at observations", () => {
    expect(parseParticleSize("5-8")).toBe(6.5);
    expect(parseParticleSize("~2")).toBe(2);
    expect(parseParticleSize("single atoms")).toBe("single-atoms");
    expect(parseParticleSize("nanoclusters")).toBeNull();
    expect(normaliseLabel("EMSI-only (not strict)")).toBe("EMSI");
    const { input } = caseToPredictInput(
      caseRecord("X", {
        treatment: { gas: "H2 (low-temperature reduction)" },
        facet: "metal (111)",
      }) as never,
    );
    expect(input.temperature_K).toBeCloseTo(473.15, 9);
    expect(input.facet).toBeNull();
  });

  it("scorePredictions gives the confusion matrix of the effective labels", () => {
    const r = scorePredictions([caseRecord("A", {}), caseRecord("B", { expected_class: "none" })] as never);
    expect(r.confusion["SE-SMSI-reductive"]["SE-SMSI-reductive"]).toBe(1);
    expect(r.confusion.none["SE-SMSI-reductive"]).toBe(1);
    expect(r.perClass.none.recall).toBe(0);
  });
});

describe("a user's own support (CIF imported with smsi materials import)", () => {
  it("gets its interface gate computed and names the descriptors it lacks", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "smsi-predict-user-"));
    const before = process.env.SMSI_DATA_DIR;
    process.env.SMSI_DATA_DIR = dataDir;
    try {
      const imp = await runCli(
        "materials",
        "import",
        "data/materials/cif/SrTiO3.cif",
        "--id",
        "MyPerovskite",
        "--role",
        "support",
      );
      expect(imp.code).toBe(0);
      const r = await runCli(
        "predict",
        "--metal",
        "Ru",
        "--support",
        "MyPerovskite",
        "--gas",
        "O2",
        "--temperature",
        "450C",
        "--json",
      );
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out);
      const gate = j.rationale.find((x: { descriptor: string }) => x.descriptor.startsWith("interface gate"));
      expect(gate.verdict).not.toBe("unknown");
      expect(j.missing.length).toBeGreaterThan(0);
      expect(j.likelihood).toBeLessThan(1);
    } finally {
      if (before === undefined) delete process.env.SMSI_DATA_DIR;
      else process.env.SMSI_DATA_DIR = before;
    }
  });
});

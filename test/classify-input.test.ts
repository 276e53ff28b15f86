/** Bad evidence input: a clear error naming the field, exit 1, bounded time and memory; every problem listed. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nestingDepth, parseEvidenceText } from "../src/classify/parse-evidence.js";
import { InputError } from "../src/units/errors.js";
import { runCli } from "./helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "smsi-classify-input-"));
const file = (name: string, text: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const fails = (text: string, name = "e.yaml") => {
  try {
    parseEvidenceText(text, name);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).message;
  }
  throw new Error("expected an InputError");
};

describe("evidence documents: every problem named by its field", () => {
  it("a wrong enum value names its path", () => {
    expect(fails("catalyst: { metal: Pt, support: TiO2 }\nmicroscopy: { overlayer: maybe }\n")).toMatch(
      /^microscopy\.overlayer: /,
    );
  });
  it("a missing required field", () => {
    expect(fails("catalyst: { metal: Pt }\n")).toMatch(/^catalyst\.support: /);
  });
  it("an unknown field, with the documentation to check", () => {
    expect(fails("catalyst: { metal: Pt, support: TiO2 }\nchemisorbtion: {}\n")).toMatch(
      /chemisorbtion.*docs\/classify\.md/,
    );
  });
  it("wrong types deep in a list", () => {
    expect(
      fails("catalyst: { metal: Pt, support: TiO2 }\ntreatments:\n  - { gas: H2, temperature_C: hot }\n"),
    ).toMatch(/^treatments\.0\.temperature_C: /);
  });
  it("every problem of a document is listed", () => {
    const m = fails(
      "catalyst: { metal: 5, support: TiO2, particle_size_nm: 1e300 }\nxps: { metal_state: purple }\nir_co: { band_shift_cm1: 1e300 }\n",
    );
    for (const path of [
      "catalyst.metal",
      "catalyst.particle_size_nm",
      "xps.metal_state",
      "ir_co.band_shift_cm1",
    ])
      expect(m).toContain(path);
  });
  it("absurd numbers are refused with their field: sizes of 1e300 nm, H/M of 1e9", () => {
    expect(fails("catalyst: { metal: Pt, support: TiO2, particle_size_nm: 1e300 }\n")).toMatch(
      /^catalyst\.particle_size_nm: /,
    );
    expect(
      fails("catalyst: { metal: Pt, support: TiO2 }\nchemisorption: { h_per_metal: { before: 1e9 } }\n"),
    ).toMatch(/^chemisorption\.h_per_metal\.before: /);
  });
  it("invalid YAML and JSON name the file", () => {
    expect(fails("catalyst: [", "bad.yaml")).toMatch(/^bad\.yaml: not valid YAML/);
    expect(fails("{", "bad.json")).toMatch(/^bad\.json: not valid JSON/);
  });
  it("unknown YAML tags are refused", () => {
    expect(fails("catalyst: !!python/object { metal: Pt, support: TiO2 }\n")).toMatch(/tag/);
    expect(fails("catalyst: !custom { metal: Pt, support: TiO2 }\n")).toMatch(/tag/);
  });
  it("deep nesting is refused before it is built", () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    expect(nestingDepth(deep)).toBe(100_000);
    expect(fails(`catalyst: ${deep}\n`)).toMatch(/nested/);
    expect(fails(deep, "deep.json")).toMatch(/nested/);
    const block = Array.from({ length: 200 }, (_, i) => `${"  ".repeat(i)}a${i}:`).join("\n");
    expect(fails(block)).toMatch(/nested/);
  });
  it("an empty document and a scalar are refused", () => {
    expect(fails("")).toMatch(/empty/);
    expect(fails("42\n")).toMatch(/mapping/);
  });
  it("alias bombs stop at the alias limit", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 8; i++)
      lines.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(", ")}]`,
      );
    expect(fails(lines.join("\n"))).toMatch(/e\.yaml: not valid YAML/);
  });
});

describe("CLI: bad files exit 1 with the field named", () => {
  const run = async (...args: string[]) => runCli("classify", ...args);
  it("a directory", async () => {
    const r = await run(dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: file: .*directory/);
  });
  it("an empty file", async () => {
    const r = await run(file("empty.yaml", ""));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: file: .*empty/);
  });
  it("/dev/zero", async () => {
    const r = await run("/dev/zero");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: file: .*device/);
  });
  it("a 10 MB file", async () => {
    const r = await run(file("big.yaml", Buffer.alloc(10 * 1024 * 1024, "a")));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: file: .*larger than/);
  });
  it("a missing file", async () => {
    const r = await run(join(dir, "nope.yaml"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no such file/);
  });
  it("wrong types", async () => {
    const r = await run(file("types.yaml", "catalyst: { metal: [Pt], support: TiO2 }\ntreatments: 5\n"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: catalyst\.metal: .*treatments/);
  });
  it("an empty cases file is an error, not 0/0", async () => {
    const r = await runCli("score", "classify", "--cases", file("cases.json", "[]"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no cases/);
    const empty = await runCli("score", "classify", "--cases", file("empty.json", ""));
    expect(empty.code).toBe(1);
  });
  it("a cases file with one malformed record scores the rest and lists the bad one", async () => {
    const good = {
      id: "T-1",
      metal: "Pt",
      support: "TiO2",
      treatment: { gas: "H2", temperature_C: 500 },
      observed: { chemisorption_suppression: "H/Pt 0.8 → 0.01" },
      expected_class: "SE-SMSI-reductive",
      key_evidence: [],
    };
    const r = await runCli(
      "score",
      "classify",
      "--cases",
      file("mixed.json", JSON.stringify([good, { id: "T-2", metal: 7 }])),
      "--json",
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.total).toBe(1);
    expect(doc.malformed[0].path).toMatch(/\[1\]\(T-2\)/);
  });
});

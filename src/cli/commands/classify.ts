/** `smsi classify FILE | --case ID` and `smsi score classify --cases FILE`. */
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { classifyEvidence } from "../../classify/classify.js";
import { MAX_EVIDENCE_CHARS, parseEvidenceText } from "../../classify/parse-evidence.js";
import { caseToEvidence, type PublishedCase, parseCasesDocument } from "../../classify/published-cases.js";
import { formatClassification, formatScore } from "../../classify/report.js";
import { scoreCases } from "../../classify/score.js";
import { InputError } from "../../units/errors.js";
import { type Io, printJson } from "../output.js";

export const BUNDLED_CASES = fileURLToPath(
  new URL("../../../data/classify/published-cases.json", import.meta.url),
);
const MAX_CASES_FILE_BYTES = 20_000_000;

function readTextFile(path: string, field: string, maxBytes: number): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new InputError(field, `cannot read "${path}": no such file`);
  }
  if (size > maxBytes) throw new InputError(field, `"${path}" is larger than ${maxBytes} bytes`);
  return readFileSync(path, "utf8");
}

export function loadCases(path: string, field = "--cases"): PublishedCase[] {
  const text = readTextFile(path, field, MAX_CASES_FILE_BYTES);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new InputError(field, `"${path}" is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseCasesDocument(doc, path);
}

export function register(program: Command, io: Io): void {
  program
    .command("classify")
    .description("classify characterisation evidence into an SMSI class, with every criterion explained")
    .argument("[file]", "evidence document (YAML or JSON; see docs/classify.md)")
    .option("--case <id>", "classify a published case instead of a file")
    .option("--cases <file>", "cases file for --case", BUNDLED_CASES)
    .option("--json", "print one JSON document")
    .addHelpText(
      "after",
      "\nExample:\n  $ smsi classify examples/evidence/tauster-pt-tio2.yaml\n  $ smsi classify --case SMSI-043 --json",
    )
    .action((file: string | undefined, opts: { case?: string; cases: string; json?: boolean }) => {
      if (file && opts.case)
        throw new InputError("--case", "give either an evidence FILE or --case ID, not both");
      if (!file && !opts.case)
        throw new InputError("file", "give an evidence FILE (YAML/JSON) or --case ID (e.g. --case SMSI-043)");
      let evidence: ReturnType<typeof parseEvidenceText>;
      let title: string | undefined;
      let caseInfo: { id: string; expected: string; acceptable: string[] } | undefined;
      if (opts.case) {
        const cases = loadCases(opts.cases);
        const c = cases.find((x) => x.id === opts.case);
        if (!c)
          throw new InputError(
            "--case",
            `no case "${opts.case}" in ${opts.cases}; ids look like ${cases
              .slice(0, 3)
              .map((x) => x.id)
              .join(", ")}`,
          );
        evidence = caseToEvidence(c);
        title = c.id;
        caseInfo = { id: c.id, expected: c.expected_class, acceptable: c.acceptable_classes ?? [] };
      } else {
        const path = file as string;
        evidence = parseEvidenceText(readTextFile(path, "file", MAX_EVIDENCE_CHARS), path);
      }
      const result = classifyEvidence(evidence);
      if (opts.json) return printJson(io, caseInfo ? { case: caseInfo, evidence, ...result } : result);
      io.out(formatClassification(evidence, result, title));
      if (caseInfo) io.out(`\npublished label: ${caseInfo.expected}`);
    });

  const score = program
    .command("score")
    .description("score smsi against published cases")
    .addHelpText("after", "\nExample:\n  $ smsi score classify --cases ../shared/cases/published-cases.json");
  score
    .command("classify")
    .description("classify every case of a published-cases file; accuracy, confusion matrix, per-class P/R")
    .option("--cases <file>", "cases file (format of ../shared/cases/published-cases.json)", BUNDLED_CASES)
    .option("--json", "print one JSON document")
    .addHelpText(
      "after",
      "\nExample:\n  $ smsi score classify --cases ../shared/cases/published-cases.json --json",
    )
    .action((opts: { cases: string; json?: boolean }) => {
      const report = scoreCases(loadCases(opts.cases));
      if (opts.json) return printJson(io, report);
      io.out(formatScore(report));
    });
}

/** `smsi classify FILE | --case ID` and the `score` command group with `score classify --cases FILE`. */
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { classifyEvidence } from "../../classify/classify.js";
import { MAX_EVIDENCE_BYTES, parseEvidenceText } from "../../classify/parse-evidence.js";
import { readCase, readCasesFile } from "../../classify/published-cases.js";
import { formatClassification, formatScore } from "../../classify/report.js";
import { scoreCases } from "../../classify/score.js";
import { InputError } from "../../units/errors.js";
import { readInputText } from "../../units/read-input.js";
import { type Io, printJson } from "../output.js";

export const BUNDLED_CASES = fileURLToPath(
  new URL("../../../data/classify/published-cases.json", import.meta.url),
);
/** The `score` command group; other commands add subcommands to it (`score predict`). */
export function scoreGroup(program: Command): Command {
  const existing = program.commands.find((c) => c.name() === "score");
  if (existing) return existing;
  return program
    .command("score")
    .description("score smsi against published cases")
    .addHelpText("after", "\nExample:\n  $ smsi score classify --cases ../shared/cases/published-cases.json");
}

export function register(program: Command, io: Io): void {
  program
    .command("classify")
    .description(
      "classify characterisation evidence into an SMSI class: criteria C1–C4, ranked classes, the next experiment",
    )
    .argument("[file]", "evidence document (YAML or JSON; see docs/classify.md)")
    .option("--case <id>", "classify a published case instead of a file (case-insensitive id)")
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
        const { cases } = readCasesFile(opts.cases);
        const want = opts.case.trim().toUpperCase();
        const c = cases.find((x) => x.id.toUpperCase() === want);
        if (!c)
          throw new InputError(
            "--case",
            `no case "${opts.case}" in ${opts.cases}; ids look like ${cases
              .slice(0, 3)
              .map((x) => x.id)
              .join(", ")}`,
          );
        evidence = readCase(c).evidence;
        title = c.id;
        caseInfo = { id: c.id, expected: c.expected_class, acceptable: c.acceptable_classes ?? [] };
      } else {
        const path = file as string;
        const text = readInputText(path, {
          field: "file",
          maxBytes: MAX_EVIDENCE_BYTES,
          what: "an evidence document (YAML or JSON)",
        });
        evidence = parseEvidenceText(text, path);
      }
      const result = classifyEvidence(evidence);
      if (opts.json) return printJson(io, caseInfo ? { case: caseInfo, evidence, ...result } : result);
      io.out(formatClassification(evidence, result, title));
      if (caseInfo) io.out(`\npublished label: ${caseInfo.expected}`);
    });

  scoreGroup(program)
    .command("classify")
    .description(
      "classify every case of a published-cases file: accuracy overall and per batch, per-class P/R, each miss with its reason",
    )
    .option("--cases <file>", "cases file (format of ../shared/cases/published-cases.json)", BUNDLED_CASES)
    .option("--json", "print one JSON document")
    .addHelpText(
      "after",
      "\nExample:\n  $ smsi score classify --cases ../shared/cases/published-cases.json --json",
    )
    .action((opts: { cases: string; json?: boolean }) => {
      const { cases, malformed } = readCasesFile(opts.cases);
      const report = scoreCases(cases, {}, malformed);
      if (opts.json) return printJson(io, report);
      io.out(formatScore(report));
    });
}

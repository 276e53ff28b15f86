/** Fuzz target: the evidence parser, called only through parseEvidenceText(text, fileName). */
import fc from "fast-check";
import { stringify as toYaml } from "yaml";
import { parseEvidenceText } from "../../../src/classify/parse-evidence.js";
import { type FuzzTarget, outcomeOf, seedFiles } from "./common.js";

const EXAMPLE_EVIDENCE = seedFiles("examples/evidence/", ".yaml");
const YAML_NASTY = [
  "!foo",
  "!!js/undefined",
  "&a",
  "*a",
  "<<: *a",
  "1e300",
  "-1e300",
  ".nan",
  ".inf",
  "~",
  "[",
  "{",
  "- ",
  "? ",
  ": ",
  "'",
  '"',
  "|",
  ">",
  "\t",
  "%YAML 1.2",
  "---",
  "...",
  "0x10",
  "0o17",
  "2026-11-25",
];

export interface EvidenceInput {
  text: string;
  fileName: string;
}

export const evidenceTarget: FuzzTarget<EvidenceInput> = {
  name: "evidence",
  arbitrary: fc.record({
    fileName: fc.constantFrom("evidence.yaml", "evidence.json", "evidence"),
    text: fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.jsonValue({ maxDepth: 6 }).map((v) => toYaml(v)),
      fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v) ?? "null"),
      fc
        .tuple(
          fc.constantFrom(...EXAMPLE_EVIDENCE),
          fc.array(
            fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...YAML_NASTY), fc.string({ maxLength: 6 }))),
            {
              minLength: 1,
              maxLength: 4,
            },
          ),
        )
        .map(([t, edits]) => {
          const words = t.split(/(\s+)/);
          for (const [at, token] of edits) words[2 * (at % Math.ceil(words.length / 2))] = token;
          return words.join("");
        }),
      fc
        .tuple(fc.constantFrom("[", "{a: ", "- ", '{"a":'), fc.integer({ min: 100, max: 3000 }))
        .map(([open, depth]) => open.repeat(depth)),
    ),
  }),
  run(input) {
    return outcomeOf(() => {
      parseEvidenceText(input.text, input.fileName);
      return undefined;
    });
  },
  show: (input) => JSON.stringify({ fileName: input.fileName, text: input.text.slice(0, 300) }),
};

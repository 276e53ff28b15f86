/** Read an evidence document (YAML or JSON) and validate it; errors name the field path. */
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { InputError } from "../units/errors.js";
import { Evidence } from "./schema.js";

/** Evidence files are small; refuse anything larger than this many characters. */
export const MAX_EVIDENCE_CHARS = 1_000_000;

export function zodToInputError(error: z.ZodError, prefix = ""): InputError {
  const issue = error.issues[0];
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "(document)";
  const extra =
    error.issues.length > 1
      ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? "s" : ""})`
      : "";
  let message = issue.message;
  if (issue.code === "unrecognized_keys")
    message = `unknown field(s) ${issue.keys.join(", ")}; check the spelling against docs/classify.md`;
  return new InputError(path, `${message}${extra}`);
}

export function validateEvidence(doc: unknown, prefix = ""): Evidence {
  const r = Evidence.safeParse(doc);
  if (!r.success) throw zodToInputError(r.error, prefix);
  return r.data;
}

export function parseEvidenceText(text: string, fileName = "evidence"): Evidence {
  if (text.length > MAX_EVIDENCE_CHARS)
    throw new InputError(fileName, `file larger than ${MAX_EVIDENCE_CHARS} characters`);
  let doc: unknown;
  try {
    doc = /\.json$/i.test(fileName) ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new InputError(
      fileName,
      `not valid ${/\.json$/i.test(fileName) ? "JSON" : "YAML"}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`,
    );
  }
  if (doc === null || typeof doc !== "object")
    throw new InputError(fileName, "the document must be a mapping with at least `catalyst`");
  return validateEvidence(doc);
}

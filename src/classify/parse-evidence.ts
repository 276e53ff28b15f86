/** Read an evidence document (YAML or JSON) and validate it; errors name the field path. */
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { InputError } from "../units/errors.js";
import { zodToInputError } from "../units/validation.js";
import { Evidence } from "./schema.js";

/** Evidence files are small; refuse anything larger than this many characters. */
export const MAX_EVIDENCE_CHARS = 1_000_000;

/** Validation errors of evidence and case files point to the schema's documentation. */
export function evidenceError(error: z.ZodError, prefix = ""): InputError {
  return zodToInputError(error, prefix, "docs/classify.md");
}

export function validateEvidence(doc: unknown, prefix = ""): Evidence {
  const r = Evidence.safeParse(doc);
  if (!r.success) throw evidenceError(r.error, prefix);
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

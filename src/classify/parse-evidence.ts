/**
 * Read an evidence document (YAML or JSON) and validate it. Every problem of the document is listed,
 * each with its field path; the first names the error's field. Bounded: size, nesting depth, aliases and
 * YAML tags are checked before the document is built.
 */
import { parseDocument } from "yaml";
import type { z } from "zod";
import { InputError } from "../units/errors.js";
import { Evidence } from "./schema.js";

/** Evidence files are small; refuse anything larger than this many characters. */
export const MAX_EVIDENCE_CHARS = 1_000_000;
/** Largest file size read for an evidence document, bytes (UTF-8 may take 4 bytes per character). */
export const MAX_EVIDENCE_BYTES = 4 * MAX_EVIDENCE_CHARS;
/** Deepest nesting accepted; the schema itself is four levels deep. */
export const MAX_NESTING_DEPTH = 32;
/** At most this many problems are listed in one message. */
export const MAX_LISTED_PROBLEMS = 20;

/** Every problem of a zod failure as "path: message", the paths prefixed. */
export function listProblems(error: z.ZodError, prefix = ""): { path: string; message: string }[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "(document)";
    const message =
      issue.code === "unrecognized_keys"
        ? `unknown field(s) ${issue.keys.join(", ")}; check the spelling against docs/classify.md`
        : issue.message;
    return { path, message };
  });
}

/** Validation errors of evidence and case files: the first problem's path is the field; all are listed. */
export function evidenceError(error: z.ZodError, prefix = ""): InputError {
  const all = listProblems(error, prefix);
  const [first, ...rest] = all;
  const more = rest
    .slice(0, MAX_LISTED_PROBLEMS - 1)
    .map((p) => `${p.path}: ${p.message}`)
    .join("; ");
  const extra =
    rest.length > MAX_LISTED_PROBLEMS - 1 ? `; and ${rest.length - MAX_LISTED_PROBLEMS + 1} more` : "";
  return new InputError(first.path, `${first.message}${more ? ` — also ${more}${extra}` : ""}`);
}

export function validateEvidence(doc: unknown, prefix = ""): Evidence {
  const r = Evidence.safeParse(doc);
  if (!r.success) throw evidenceError(r.error, prefix);
  return r.data;
}

/** Deepest bracket nesting of flow collections and block indentation, without building the document. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === "\\" && quote === '"') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "[" || ch === "{") max = Math.max(max, ++depth);
    else if (ch === "]" || ch === "}") depth = Math.max(0, depth - 1);
    else if (ch === "#") while (i < text.length && text[i] !== "\n") i++;
  }
  for (const line of text.split("\n")) {
    const m = /^( *)((?:- +)*)/.exec(line);
    if (m) max = Math.max(max, Math.floor(m[1].length / 2) + (m[2].match(/-/g)?.length ?? 0));
  }
  return max;
}

function parseText(text: string, fileName: string): unknown {
  const isJson = /\.json$/i.test(fileName);
  const depth = nestingDepth(text);
  if (depth > MAX_NESTING_DEPTH)
    throw new InputError(
      fileName,
      `nested ${depth} levels deep; an evidence document needs at most ${MAX_NESTING_DEPTH}`,
    );
  try {
    if (isJson) return JSON.parse(text);
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
    const problems = [...doc.errors, ...doc.warnings];
    if (problems.length) {
      const first = problems[0];
      const what =
        first.code === "TAG_RESOLVE_FAILED"
          ? "unknown YAML tag (tags are not accepted)"
          : first.message.split("\n")[0];
      throw new InputError(
        fileName,
        `not valid YAML: ${what}${problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : ""}`,
      );
    }
    return doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    if (e instanceof InputError) throw e;
    const msg =
      e instanceof RangeError
        ? "too deeply nested"
        : e instanceof Error
          ? e.message.split("\n")[0]
          : String(e);
    throw new InputError(fileName, `not valid ${isJson ? "JSON" : "YAML"}: ${msg}`);
  }
}

export function parseEvidenceText(text: string, fileName = "evidence"): Evidence {
  if (typeof text !== "string") throw new InputError(fileName, "expected the text of an evidence document");
  if (text.length > MAX_EVIDENCE_CHARS)
    throw new InputError(fileName, `file larger than ${MAX_EVIDENCE_CHARS} characters`);
  if (!text.trim())
    throw new InputError(fileName, "the document is empty; it needs at least `catalyst: { metal, support }`");
  const doc = parseText(text, fileName);
  if (doc === null || typeof doc !== "object" || Array.isArray(doc))
    throw new InputError(fileName, "the document must be a mapping with at least `catalyst`");
  return validateEvidence(doc);
}

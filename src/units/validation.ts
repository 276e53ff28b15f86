/** Turn a zod validation failure into an InputError that lists every problem, each with its field path. */
import type { z } from "zod";
import { InputError } from "./errors.js";

/** At most this many problems are spelled out in one message; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 20;

/**
 * @param prefix  what the path is relative to (a file name, "case SMSI-043", "--thermo-data")
 * @param docs    where the accepted fields are documented, quoted for misspelt keys
 * The error's field is the path of the first problem; its message lists every problem as
 * `path: message`, separated by "; " (the first without its path, which the field already names).
 */
export function zodToInputError(error: z.ZodError, prefix = "", docs = "the documentation"): InputError {
  const pathOf = (issue: z.core.$ZodIssue) =>
    [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "(document)";
  const messageOf = (issue: z.core.$ZodIssue) =>
    issue.code === "unrecognized_keys"
      ? `unknown field(s) ${issue.keys.join(", ")}; check the spelling against ${docs}`
      : issue.message;
  const [first, ...rest] = error.issues;
  const listed = rest.slice(0, MAX_LISTED_PROBLEMS - 1).map((i) => `${pathOf(i)}: ${messageOf(i)}`);
  const unlisted = rest.length - listed.length;
  const more = rest.length
    ? ` (${rest.length + 1} problems; also ${listed.join("; ")}${unlisted ? `; and ${unlisted} more` : ""})`
    : "";
  return new InputError(pathOf(first), `${messageOf(first)}${more}`);
}

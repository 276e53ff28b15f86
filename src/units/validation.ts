/** Turn a zod validation failure into an InputError that names the field path of the first problem. */
import type { z } from "zod";
import { InputError } from "./errors.js";

/**
 * @param prefix  what the path is relative to (a file name, "case SMSI-043", "--thermo-data")
 * @param docs    where the accepted fields are documented, quoted for misspelt keys
 */
export function zodToInputError(error: z.ZodError, prefix = "", docs = "the documentation"): InputError {
  const issue = error.issues[0];
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "(document)";
  const extra =
    error.issues.length > 1
      ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? "s" : ""})`
      : "";
  let message = issue.message;
  if (issue.code === "unrecognized_keys")
    message = `unknown field(s) ${issue.keys.join(", ")}; check the spelling against ${docs}`;
  return new InputError(path, `${message}${extra}`);
}

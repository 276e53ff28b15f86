/**
 * Errors caused by user input. Every one names the offending field and says how to fix it,
 * so that the CLI can print `error: <field>: <message>` and the API can answer 4xx.
 */
export class InputError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = "InputError";
    this.field = field;
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}

import { InputError } from "../../units/errors.js";

/** A CIF that cannot be read: names the tag (field) and the line. */
export class CifError extends InputError {
  readonly line: number;
  constructor(field: string, line: number, message: string, fileName?: string) {
    super(field, `${message} (${fileName ? `${fileName}, ` : ""}line ${line})`);
    this.name = "CifError";
    this.line = line;
  }
}

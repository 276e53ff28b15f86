import { expect } from "vitest";
import { InputError } from "../../src/units/errors.js";

/** The InputError thrown by `f`; fails the test if `f` returns or throws anything else. */
export function inputErrorOf(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error("expected an InputError, but nothing was thrown");
}

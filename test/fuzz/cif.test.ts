import { describe, expect, it } from "vitest";
import { checkTarget } from "./property.js";
import { cifReadTarget, cifRoundTripTarget } from "./targets/cif.js";

describe("fuzz: CIF reader and writer (fixed seed, small time budget)", () => {
  it("reading arbitrary, mutated and generated CIFs gives a structure or an InputError, never an internal error; what is read can be written and read back", () => {
    expect(checkTarget(cifReadTarget).runs).toBeGreaterThan(0);
  });
  it("write → read gives back every label, block name and text value, for hostile text", () => {
    expect(checkTarget(cifRoundTripTarget).runs).toBeGreaterThan(0);
  });
});

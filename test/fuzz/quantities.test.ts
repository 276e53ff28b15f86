import { describe, expect, it } from "vitest";
import { checkTarget } from "./property.js";
import { quantityTarget } from "./targets/quantities.js";

describe("fuzz: quantity parsers (fixed seed, small time budget)", () => {
  it("temperatures, pressures and gas ratios are read within their ranges or refused with an InputError", () => {
    expect(checkTarget(quantityTarget, 2000).runs).toBeGreaterThan(0);
  });
});

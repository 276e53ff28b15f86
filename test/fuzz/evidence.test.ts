import { describe, expect, it } from "vitest";
import { checkTarget } from "./property.js";
import { evidenceTarget } from "./targets/evidence.js";

describe("fuzz: evidence parser parseEvidenceText (fixed seed, small time budget)", () => {
  it("arbitrary text, YAML/JSON documents, mutated examples and deep nesting give evidence or an InputError", () => {
    expect(checkTarget(evidenceTarget).runs).toBeGreaterThan(0);
  });
});

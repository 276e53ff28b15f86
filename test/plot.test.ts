import { describe, expect, it } from "vitest";
import { spreadLabels } from "../src/plot/render.js";

describe("end-label placement", () => {
  it("labels already a line apart stay where they are", () => {
    expect(spreadLabels([0, 10, 20], 5)).toEqual([0, 10, 20]);
  });
  it("crowded labels end up at least one gap apart, in the order of their values, centred on them", () => {
    const values = [3, 1, 2, 2.5, 40];
    const out = spreadLabels(values, 2);
    const byValue = values.map((v, i) => ({ v, y: out[i] })).sort((a, b) => a.v - b.v);
    for (let k = 1; k < byValue.length; k++)
      expect(byValue[k].y - byValue[k - 1].y).toBeGreaterThanOrEqual(2 - 1e-12);
    // the four crowded labels keep the mean of their values; the far one is untouched
    const crowded = [0, 1, 2, 3].map((i) => out[i]);
    expect(crowded.reduce((s, y) => s + y, 0) / 4).toBeCloseTo((3 + 1 + 2 + 2.5) / 4, 12);
    expect(out[4]).toBe(40);
  });
});

import { describe, expect, it } from "vitest";
import { distinctColours, spreadLabels, yExtent } from "../src/plot/render.js";

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

describe("colours for many series", () => {
  it("30 distinct colours, neighbours far apart in hue or lightness", () => {
    const c = distinctColours(30);
    expect(new Set(c).size).toBe(30);
    const rgb = (h: string) => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16));
    for (let i = 1; i < c.length; i++) {
      const [a, b] = [rgb(c[i - 1]), rgb(c[i])];
      const d = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
      expect(d).toBeGreaterThan(80);
    }
  });
  it("a fitted y range does not pin 0", () => {
    const [lo, hi] = yExtent([-3.4, -3.3, -3.2], false);
    expect(hi).toBeLessThan(0);
    expect(lo).toBeLessThan(-3.4);
    expect(yExtent([-3.4, -3.2], true)[1]).toBe(0);
  });
});

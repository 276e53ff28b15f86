/**
 * smsi predict --kmc-check: a brief KMC run (Model A) on the same landscape reports which route O took into
 * the metal, beside the routes model's verdict; the class and its likelihood stay the fast descriptors'.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_KMC_CHECK_EVENTS } from "../src/predict/kmc-check.js";
import { type PredictInput, predict } from "../src/predict/predict.js";
import { runCli } from "./helpers/cli.js";

const RU = (support: string, extra: Partial<PredictInput> = {}): PredictInput => ({
  metal: "Ru",
  support,
  gas: "O2",
  composition: { pO2_bar: 1 },
  temperature_K: 723.15,
  ...extra,
});
const checkRow = (p: ReturnType<typeof predict>) => p.rationale.find((r) => r.chain === "check");

describe("KMC route check", () => {
  it("Ru/rutile in O2 at 450 °C: net O enters through the interface, as the routes model says; class and likelihood unchanged", () => {
    const plain = predict(RU("TiO2-rutile"));
    const checked = predict(RU("TiO2-rutile", { kmcCheck: { events: DEFAULT_KMC_CHECK_EVENTS } }));
    const row = checkRow(checked);
    expect(row?.verdict).toBe("met");
    expect(row?.value).toBeGreaterThan(0);
    expect(row?.source).toMatch(/routes model: interface route — agrees/);
    expect(checked.label).toBe(plain.label);
    expect(checked.likelihood).toBe(plain.likelihood);
    expect(checked.missing).toEqual(plain.missing);
    expect(checkRow(plain)).toBeUndefined();
  });

  it("Ru/anatase: no net O through the interface (the gate closes it), so the check never says interface", () => {
    const row = checkRow(predict(RU("TiO2-anatase", { kmcCheck: { events: DEFAULT_KMC_CHECK_EVENTS } })));
    expect(row?.verdict).not.toBe("met");
    expect(row?.source).toMatch(/net 0 O across the interface/);
  });

  it("is reproducible (fixed seed) and not run in a reducing gas", () => {
    const a = checkRow(predict(RU("TiO2-rutile", { kmcCheck: { events: 50_000 } })));
    const b = checkRow(predict(RU("TiO2-rutile", { kmcCheck: { events: 50_000 } })));
    expect(a?.value).toBe(b?.value);
    const h2 = predict({
      metal: "Pt",
      support: "TiO2",
      gas: "H2",
      temperature_K: 773.15,
      kmcCheck: { events: 1000 },
    });
    expect(checkRow(h2)).toBeUndefined();
  });

  it("the CLI bounds the events and names the flag", async () => {
    const args = "predict --metal Ru --support TiO2-rutile --gas O2 --temperature 450C".split(" ");
    for (const bad of ["1e9", "abc", "2.5"]) {
      const r = await runCli(...args, "--kmc-check", bad);
      expect(r.code).toBe(1);
      expect(r.err).toContain("--kmc-check");
    }
    const ok = await runCli(...args, "--kmc-check", "5e4", "--json");
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).rationale.some((r: { chain: string }) => r.chain === "check")).toBe(true);
  });
});

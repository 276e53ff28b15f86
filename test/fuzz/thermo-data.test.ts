import { afterEach, describe, expect, it } from "vitest";
import { applyThermoData, NO_USER_DATA } from "../../src/thermo/user-data.js";
import { checkTarget } from "./property.js";
import { thermoDataTarget } from "./targets/thermo-data.js";

afterEach(() => applyThermoData(NO_USER_DATA));

describe("fuzz: --thermo-data documents (fixed seed, small time budget)", () => {
  it("arbitrary JSON and generated rows are accepted only within the plausible ranges, else refused", () => {
    expect(checkTarget(thermoDataTarget, 1000).runs).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from "vitest";
import { atmosphereFromOptions } from "../src/thermo/oxygen-potential.js";
import { InputError } from "../src/units/errors.js";
import {
  GAS_RATIO_RANGE,
  PRESSURE_RANGE_BAR,
  parseGasRatio,
  parsePositiveNumber,
  parsePressure,
  parseTemperature,
  TEMPERATURE_RANGE_K,
} from "../src/units/quantities.js";
import { runCli } from "./helpers/cli.js";
import { inputErrorOf } from "./helpers/errors.js";

describe("SI prefixes are case-sensitive (m = milli, M = mega)", () => {
  it("1 mPa is a millipascal, 1 MPa a megapascal: nine orders of magnitude apart", () => {
    expect(parsePressure("1 mPa")).toBeCloseTo(1e-8, 20); // 1e-3 Pa / 1e5 Pa per bar
    expect(parsePressure("1 MPa")).toBeCloseTo(10, 12);
    expect(parsePressure("1 MPa") / parsePressure("1 mPa")).toBeCloseTo(1e9, 0);
  });
  it("1 mbar is a millibar and 1 Mbar a megabar, which is outside the accepted range", () => {
    expect(parsePressure("1mbar")).toBeCloseTo(1e-3, 15);
    const e = inputErrorOf(() => parsePressure("1 Mbar", "--p-o2"));
    expect(e.field).toBe("--p-o2");
    expect(e.message).toMatch(/1e\+6 bar is outside the accepted range 1e-100–10000 bar/);
  });
  it("unknown or wrongly cased units are refused with the accepted list", () => {
    for (const t of ["1 MBAR", "1 pa", "1 KPA", "1 furlong"]) {
      const e = inputErrorOf(() => parsePressure(t, "--p-o2"));
      expect(e.message).toMatch(/case-sensitive/);
    }
  });
  it("temperature units: K, C, °C, degC; lower-case k is not kelvin", () => {
    expect(parseTemperature("723K")).toBe(723);
    expect(parseTemperature("450C")).toBeCloseTo(723.15, 10);
    expect(parseTemperature("450 °C")).toBeCloseTo(723.15, 10);
    expect(() => parseTemperature("723k")).toThrow(InputError);
  });
});

describe("numerals are plain decimals", () => {
  it.each(["0x10", "0b11", "0o17", "Infinity", "1_000", "1e", "--1", "NaN", "1,5"])("%s is refused", (t) => {
    expect(inputErrorOf(() => parsePositiveNumber(t, "--h2o-h2", "e.g. 1e-3")).field).toBe("--h2o-h2");
    expect(inputErrorOf(() => parsePressure(t, "--p-o2")).field).toBe("--p-o2");
    expect(inputErrorOf(() => parseTemperature(t)).field).toBe("--temperature");
  });
  it("decimal forms are read", () => {
    expect(parsePositiveNumber(".5", "x", "")).toBe(0.5);
    expect(parsePositiveNumber("2.", "x", "")).toBe(2);
    expect(parsePositiveNumber(" 1e-3 ", "x", "")).toBe(1e-3);
  });
  it("smsi thermo mu-o --h2o-h2 0x10 is refused naming --h2o-h2", async () => {
    const r = await runCli("thermo", "mu-o", "--temperature", "700K", "--h2o-h2", "0x10");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: --h2o-h2: cannot read "0x10" as a decimal number/);
  });
});

describe("physical ranges name the flag and the accepted range", () => {
  it("temperature: field --temperature by default, range in the message", () => {
    for (const t of ["1e16", "50K", "-300C"]) {
      const e = inputErrorOf(() => parseTemperature(t));
      expect(e.field).toBe("--temperature");
      expect(e.message).toMatch(`${TEMPERATURE_RANGE_K.min}–${TEMPERATURE_RANGE_K.max} K`);
    }
  });
  it("p_O2 = 1e300 bar is refused, at the parser and in atmosphereFromOptions", async () => {
    expect(inputErrorOf(() => parsePressure("1e300", "--p-o2")).message).toMatch(
      /outside the accepted range/,
    );
    expect(inputErrorOf(() => atmosphereFromOptions({ pO2_bar: 1e300 })).field).toBe("--p-o2");
    const r = await runCli("thermo", "mu-o", "--temperature", "700K", "--p-o2", "1e300");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: --p-o2: 1e\+300 bar is outside the accepted range/);
  });
  it("--h2o-h2 1e200 is reported as --h2o-h2 (not as the derived p_O2)", async () => {
    const e = inputErrorOf(() => atmosphereFromOptions({ h2oH2: 1e200 }));
    expect(e.field).toBe("--h2o-h2");
    expect(e.message).toMatch(/1e\+200 is outside the accepted range 1e-15–1e\+15/);
    expect(inputErrorOf(() => atmosphereFromOptions({ co2Co: 1e-200 })).field).toBe("--co2-co");
    const r = await runCli("thermo", "mu-o", "--temperature", "700K", "--h2o-h2", "1e200");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: --h2o-h2: /);
    expect(r.err).not.toMatch(/p-o2|Infinity|internal/);
  });
  it("every ratio inside the accepted range at both ends of the T range gives a finite Δμ_O or a refusal naming the flag", async () => {
    for (const flag of ["--h2o-h2", "--co2-co"])
      for (const ratio of [GAS_RATIO_RANGE.min, GAS_RATIO_RANGE.max])
        for (const T of [TEMPERATURE_RANGE_K.min, TEMPERATURE_RANGE_K.max]) {
          const r = await runCli("thermo", "mu-o", "--temperature", `${T}K`, flag, String(ratio), "--json");
          if (r.code === 0) expect(Number.isFinite(JSON.parse(r.out).deltaMuO_eV)).toBe(true);
          else {
            // a derived quantity out of its own range is reported against a flag the user typed
            expect(r.code).toBe(1);
            expect(r.err).toMatch(new RegExp(`^error: (${flag}|--temperature): `));
          }
        }
  });
  it("the range ends themselves are accepted", () => {
    expect(parsePressure(`${PRESSURE_RANGE_BAR.max}bar`)).toBe(PRESSURE_RANGE_BAR.max);
    expect(parseGasRatio(String(GAS_RATIO_RANGE.min), "--h2o-h2", "")).toBe(GAS_RATIO_RANGE.min);
  });
});

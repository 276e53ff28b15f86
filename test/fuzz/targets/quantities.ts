/** Fuzz target: the temperature, pressure and gas-ratio parsers. */
import fc from "fast-check";
import {
  GAS_RATIO_RANGE,
  PRESSURE_RANGE_BAR,
  parseGasRatio,
  parsePressure,
  parseTemperature,
  type Range,
  TEMPERATURE_RANGE_K,
} from "../../../src/units/quantities.js";
import { type FuzzTarget, outcomeOf } from "./common.js";

const UNITS = [
  "",
  "K",
  "C",
  "°C",
  "degC",
  "k",
  "bar",
  "mbar",
  "Mbar",
  "atm",
  "Pa",
  "mPa",
  "MPa",
  "kPa",
  "GPa",
  "Torr",
  "mTorr",
  "MBAR",
  "pa",
  "µbar",
];
const numberText = fc.oneof(
  fc.double().map(String),
  fc.integer().map(String),
  fc.constantFrom(
    "0x10",
    "0b1",
    "1_000",
    "Infinity",
    "-Infinity",
    "NaN",
    "1e400",
    "1e-400",
    ".5",
    "5.",
    "+1",
    "--1",
    " 7 ",
    "",
    "1,5",
    "١٢",
  ),
);

export interface QuantityInput {
  parser: "temperature" | "pressure" | "ratio";
  text: string;
}

const PARSERS: Record<QuantityInput["parser"], { parse: (t: string) => number; range: Range }> = {
  temperature: { parse: (t) => parseTemperature(t, "--temperature"), range: TEMPERATURE_RANGE_K },
  pressure: { parse: (t) => parsePressure(t, "--p-o2"), range: PRESSURE_RANGE_BAR },
  ratio: { parse: (t) => parseGasRatio(t, "--h2o-h2", "e.g. 1e-3"), range: GAS_RATIO_RANGE },
};

export const quantityTarget: FuzzTarget<QuantityInput> = {
  name: "quantities",
  arbitrary: fc.record({
    parser: fc.constantFrom("temperature", "pressure", "ratio"),
    text: fc.oneof(
      fc.string({ maxLength: 20 }),
      fc
        .tuple(numberText, fc.constantFrom("", " "), fc.constantFrom(...UNITS))
        .map(([n, s, u]) => `${n}${s}${u}`),
    ),
  }),
  run(input) {
    return outcomeOf(() => {
      const p = PARSERS[input.parser];
      const v = p.parse(input.text);
      if (!Number.isFinite(v) || v < p.range.min || v > p.range.max)
        return { kind: "wrong", detail: `${input.text} → ${v}, outside ${p.range.min}–${p.range.max}` };
      if (/^\s*[+-]?0(x[0-9a-f]|b[01]|o[0-7])/i.test(input.text))
        return { kind: "wrong", detail: `${input.text} read as ${v}` };
      return undefined;
    });
  },
  show: (input) => JSON.stringify(input),
};

/**
 * Named-unit quantities and parsing of user-written temperatures and pressures.
 * Temperatures: `723K`, `450C`, `450°C`, bare number = kelvin.
 * Pressures: `1bar`, `0.21 atm`, `100Pa`, `5kPa`, `1e-6mbar`, `760Torr`; bare number = bar.
 */
import { ATMOSPHERE_PA, CELSIUS_ZERO_K, STANDARD_PRESSURE_PA } from "./constants.js";
import { InputError } from "./errors.js";

/** Temperature in kelvin. */
export type Kelvin = number;
/** Pressure in bar. */
export type Bar = number;
/** Energy per particle in electronvolt. */
export type ElectronVolt = number;
/** Molar energy in kJ/mol. */
export type KiloJoulePerMole = number;
/** Length in ångström. */
export type Angstrom = number;
/** Area in Å². */
export type SquareAngstrom = number;
/** Angle in degrees. */
export type Degree = number;
/** Time in seconds. */
export type Second = number;

const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?`;
const TEMPERATURE_RE = new RegExp(`^\\s*(${NUMBER})\\s*(K|C|°C|degC)?\\s*$`, "i");
const PRESSURE_RE = new RegExp(`^\\s*(${NUMBER})\\s*(bar|mbar|atm|Pa|kPa|MPa|Torr|mTorr)?\\s*$`, "i");

/** Pressure units in pascal, each exact by definition (1 bar = 1e5 Pa; 1 atm = 101325 Pa; 1 Torr = atm/760). */
const PASCAL_PER_UNIT: Record<string, number> = {
  bar: STANDARD_PRESSURE_PA,
  mbar: STANDARD_PRESSURE_PA / 1000,
  atm: ATMOSPHERE_PA,
  pa: 1,
  kpa: 1e3,
  mpa: 1e6,
  torr: ATMOSPHERE_PA / 760,
  mtorr: ATMOSPHERE_PA / 760 / 1000,
};

export function celsiusToKelvin(celsius: number): Kelvin {
  return celsius + CELSIUS_ZERO_K;
}

export function kelvinToCelsius(kelvin: Kelvin): number {
  return kelvin - CELSIUS_ZERO_K;
}

/** Parse `723K`, `450C` or a bare number (kelvin). Throws InputError naming `field` if not > 0 K. */
export function parseTemperature(text: string | number, field = "temperature"): Kelvin {
  let kelvin: number;
  if (typeof text === "number") {
    kelvin = text;
  } else {
    const m = TEMPERATURE_RE.exec(text);
    if (!m) {
      throw new InputError(
        field,
        `cannot read "${text}" as a temperature; write e.g. 723K, 450C or 723 (kelvin)`,
      );
    }
    const value = Number(m[1]);
    const unit = (m[2] ?? "K").toUpperCase();
    kelvin = unit === "K" ? value : celsiusToKelvin(value);
  }
  return assertTemperature(kelvin, field);
}

export function assertTemperature(kelvin: number, field = "temperature"): Kelvin {
  if (!Number.isFinite(kelvin) || kelvin <= 0) {
    throw new InputError(field, `temperature must be above 0 K (got ${kelvin} K); write e.g. 723K or 450C`);
  }
  return kelvin;
}

/** Parse `0.2bar`, `1atm`, `100Pa` or a bare number (bar) into bar. Throws InputError if not > 0. */
export function parsePressure(text: string | number, field = "pressure"): Bar {
  let bar: number;
  if (typeof text === "number") {
    bar = text;
  } else {
    const m = PRESSURE_RE.exec(text);
    if (!m) {
      throw new InputError(
        field,
        `cannot read "${text}" as a pressure; write e.g. 0.2bar, 1atm, 100Pa or 0.2 (bar)`,
      );
    }
    const unit = (m[2] ?? "bar").toLowerCase();
    bar = (Number(m[1]) * PASCAL_PER_UNIT[unit]) / STANDARD_PRESSURE_PA;
  }
  return assertPressure(bar, field);
}

export function assertPressure(bar: number, field = "pressure"): Bar {
  if (!Number.isFinite(bar) || bar <= 0) {
    throw new InputError(
      field,
      `pressure must be a positive number of bar (got ${bar}); write e.g. 0.2bar or 1atm`,
    );
  }
  return bar;
}

/** Parse a strictly positive finite number (ratios, sizes). */
export function parsePositiveNumber(text: string | number, field: string, hint: string): number {
  const value = typeof text === "number" ? text : Number(text);
  if (typeof text === "string" && text.trim() === "") {
    throw new InputError(field, `missing value; ${hint}`);
  }
  if (!Number.isFinite(value) || value <= 0) {
    throw new InputError(field, `must be a positive number (got "${text}"); ${hint}`);
  }
  return value;
}

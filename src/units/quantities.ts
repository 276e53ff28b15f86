/**
 * Named-unit quantities and parsing of user-written temperatures, pressures and ratios.
 * Temperatures: `723K`, `450C`, `450°C`, `450degC`; bare number = kelvin.
 * Pressures: `1bar`, `0.21 atm`, `100Pa`, `5kPa`, `1e-6mbar`, `760Torr`; bare number = bar.
 * Unit symbols are case-sensitive as in the SI (m = milli, M = mega): `1 mPa` is a millipascal,
 * `1 MPa` a megapascal, `1 Mbar` a megabar. Numbers are plain decimals (`1e-3`, `.5`, `2.`); `0x10`,
 * `Infinity`, `1_000` and the like are refused. Every value read from a user is checked against a
 * plausible physical range, and the message names the flag and the range.
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

/** A closed interval [min, max] of accepted values, with the unit used in messages. */
export interface Range {
  min: number;
  max: number;
  unit: string;
}

/**
 * Temperatures accepted from users, K: the range of the O2 Shomate fit (100–6000 K, NIST Chemistry WebBook,
 * from Chase, NIST-JANAF Thermochemical Tables, 4th ed. (1998)) on which every oxygen-potential result rests.
 * It spans all catalysis and the melting point of every solid (≈ 4200 K).
 */
export const TEMPERATURE_RANGE_K: Range = { min: 100, max: 6000, unit: "K" };

/**
 * Pressures accepted from users, bar. ASSUMPTION: above 1e4 bar (1 GPa) the ideal-gas chemical potential
 * k_B T ln(p/p°) used throughout is no longer a usable approximation (fugacity corrections of O2 exceed
 * a factor of ten); below 1e-100 bar an equivalent p_O2 means Δμ_O < −10 eV at 1000 K, more reducing than
 * any oxide needs (CaO, the most stable common oxide, is reduced near Δμ_O ≈ −6 eV).
 */
export const PRESSURE_RANGE_BAR: Range = { min: 1e-100, max: 1e4, unit: "bar" };

/**
 * Gas ratios (p_H2O/p_H2, p_CO2/p_CO) accepted from users. ASSUMPTION: a minority gas below 1e-15 of the
 * majority (sub-ppq) can be neither set nor measured in a laboratory atmosphere (the best purifiers reach
 * ppt, 1e-12), so ratios outside [1e-15, 1e15] are not atmospheres anyone can make.
 */
export const GAS_RATIO_RANGE: Range = { min: 1e-15, max: 1e15, unit: "" };

/** A plain decimal number with optional exponent: no hex, binary, octal, `Infinity`, separators. */
export const DECIMAL = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?`;
const DECIMAL_RE = new RegExp(`^\\s*(${DECIMAL})\\s*$`);
const TEMPERATURE_RE = new RegExp(`^\\s*(${DECIMAL})\\s*(K|C|°C|degC)?\\s*$`);
const PRESSURE_RE = new RegExp(`^\\s*(${DECIMAL})\\s*([A-Za-zµμ]+)?\\s*$`);

/**
 * Pressure units in pascal, each exact by definition (1 bar = 1e5 Pa; 1 atm = 101325 Pa;
 * 1 Torr = atm/760); SI prefixes by their case-sensitive symbols (BIPM SI Brochure, 9th ed., §3).
 */
const PASCAL_PER_UNIT: Record<string, number> = {
  Pa: 1,
  mPa: 1e-3,
  hPa: 1e2,
  kPa: 1e3,
  MPa: 1e6,
  GPa: 1e9,
  bar: STANDARD_PRESSURE_PA,
  mbar: STANDARD_PRESSURE_PA * 1e-3,
  µbar: STANDARD_PRESSURE_PA * 1e-6,
  μbar: STANDARD_PRESSURE_PA * 1e-6,
  ubar: STANDARD_PRESSURE_PA * 1e-6,
  kbar: STANDARD_PRESSURE_PA * 1e3,
  Mbar: STANDARD_PRESSURE_PA * 1e6,
  atm: ATMOSPHERE_PA,
  Torr: ATMOSPHERE_PA / 760,
  torr: ATMOSPHERE_PA / 760,
  mTorr: ATMOSPHERE_PA / 760 / 1000,
};
const PRESSURE_UNITS = "bar, mbar, atm, Pa, kPa, MPa, mPa (millipascal), Torr, mTorr";

export function celsiusToKelvin(celsius: number): Kelvin {
  return celsius + CELSIUS_ZERO_K;
}

export function kelvinToCelsius(kelvin: Kelvin): number {
  return kelvin - CELSIUS_ZERO_K;
}

/** Number formatted for a range message: 6000, 1e-15, 0.5. */
function show(x: number): string {
  return Math.abs(x) !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e5) ? x.toExponential() : String(x);
}

/** Throws InputError naming `field` and the accepted range when `value` is not finite and within `range`. */
export function assertInRange(value: number, field: string, range: Range, hint = ""): number {
  if (!Number.isFinite(value) || value < range.min || value > range.max) {
    const unit = range.unit ? ` ${range.unit}` : "";
    throw new InputError(
      field,
      `${show(value)}${unit} is outside the accepted range ${show(range.min)}–${show(range.max)}${unit}${hint ? `; ${hint}` : ""}`,
    );
  }
  return value;
}

/** A plain decimal number (see DECIMAL); throws InputError naming `field` otherwise. */
export function parseDecimal(text: string | number, field: string, hint: string): number {
  if (typeof text === "number") {
    if (Number.isNaN(text)) throw new InputError(field, `not a number; ${hint}`);
    return text;
  }
  if (text.trim() === "") throw new InputError(field, `missing value; ${hint}`);
  const m = DECIMAL_RE.exec(text);
  if (!m) throw new InputError(field, `cannot read "${text}" as a decimal number; ${hint}`);
  return Number(m[1]);
}

/**
 * Parse `723K`, `450C` or a bare number (kelvin). Throws InputError naming `field` if the text is not a
 * temperature or lies outside `range` (default TEMPERATURE_RANGE_K).
 */
export function parseTemperature(
  text: string | number,
  field = "--temperature",
  range: Range = TEMPERATURE_RANGE_K,
): Kelvin {
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
    kelvin = (m[2] ?? "K") === "K" ? value : celsiusToKelvin(value);
  }
  return assertInRange(kelvin, field, range, "write e.g. 723K or 450C");
}

/** A temperature above 0 K (no plausibility range: also used for derived values). */
export function assertTemperature(kelvin: number, field = "--temperature"): Kelvin {
  if (!Number.isFinite(kelvin) || kelvin <= 0) {
    throw new InputError(field, `temperature must be above 0 K (got ${kelvin} K); write e.g. 723K or 450C`);
  }
  return kelvin;
}

/**
 * Parse `0.2bar`, `1atm`, `100Pa` or a bare number (bar) into bar. Throws InputError naming `field`
 * if the text is not a pressure or lies outside `range` (default PRESSURE_RANGE_BAR).
 */
export function parsePressure(
  text: string | number,
  field = "pressure",
  range: Range = PRESSURE_RANGE_BAR,
): Bar {
  let bar: number;
  if (typeof text === "number") {
    bar = text;
  } else {
    const m = PRESSURE_RE.exec(text);
    const factor = m ? PASCAL_PER_UNIT[m[2] ?? "bar"] : undefined;
    if (!m || factor === undefined) {
      throw new InputError(
        field,
        `cannot read "${text}" as a pressure; write e.g. 0.2bar, 1atm, 100Pa or 0.2 (bar); units are case-sensitive: ${PRESSURE_UNITS}`,
      );
    }
    bar = factor === STANDARD_PRESSURE_PA ? Number(m[1]) : (Number(m[1]) * factor) / STANDARD_PRESSURE_PA;
  }
  return assertInRange(bar, field, range, "write e.g. 0.2bar or 1atm");
}

/** A positive finite pressure in bar (no plausibility range: also used for derived values). */
export function assertPressure(bar: number, field = "pressure"): Bar {
  if (!Number.isFinite(bar) || bar <= 0) {
    throw new InputError(
      field,
      `pressure must be a positive number of bar (got ${bar}); write e.g. 0.2bar or 1atm`,
    );
  }
  return bar;
}

/** Parse a strictly positive finite decimal number (ratios, sizes), optionally within `range`. */
export function parsePositiveNumber(
  text: string | number,
  field: string,
  hint: string,
  range?: Range,
): number {
  const value = parseDecimal(text, field, hint);
  if (!Number.isFinite(value) || value <= 0) {
    throw new InputError(field, `must be a positive number (got "${text}"); ${hint}`);
  }
  return range ? assertInRange(value, field, range, hint) : value;
}

/** Parse a gas ratio such as p_H2O/p_H2 within GAS_RATIO_RANGE. */
export function parseGasRatio(text: string | number, field: string, hint: string): number {
  return parsePositiveNumber(text, field, hint, GAS_RATIO_RANGE);
}

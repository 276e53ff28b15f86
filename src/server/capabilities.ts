/**
 * Every capability the web API exposes, one function each, called with plain data and returning plain JSON.
 * The routes (app.ts) and the job runner (jobs.ts) go through this module only, so that a capability built
 * elsewhere (predict, the interface gate, thermo routes, simulate) is re-pointed here and nowhere else.
 *
 * Inputs arrive validated in shape by the route schemas; values (temperatures, pressures, material ids)
 * are checked here by the same library parsers the CLI uses, and problems throw `InputError(field, …)`
 * naming the JSON field, which the server answers with 400.
 */
import type { RationaleRow as PredictRationaleRow } from "../predict/types.js";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeMaterial } from "../materials/describe.js";
import { classifyEvidence } from "../classify/classify.js";
import { validateEvidence } from "../classify/parse-evidence.js";
import { type PublishedCase, parseCasesDocument } from "../classify/published-cases.js";
import { MAX_MILLER_INDEX, distinctMillerIndices } from "../match/miller-enumeration.js";
import { conventionalCell } from "../match/cell.js";
import { VERDICT_RANK } from "../match/coherence.js";
import { type MatchOptions, type MatchResult, matchInterfaces } from "../match/match.js";
import { importMaterial } from "../materials/import.js";
import type { GasComposition, GasKind } from "../predict/conditions.js";
import { resolveSupport } from "../predict/materials.js";
import { predict as predictClass } from "../predict/predict.js";
import { getMaterial, listMaterials } from "../materials/library.js";
import { userDataDir } from "../materials/store.js";
import { MATERIAL_ROLES, type MaterialRole } from "../materials/types.js";
import { bundledOxides } from "../thermo/ellingham.js";
import { oxideStability } from "../thermo/equilibria.js";
import { type Atmosphere, oxygenPotential } from "../thermo/oxygen-potential.js";
import { canonicalSupport, type OxygenLandscape, oxygenLandscape } from "../thermo/landscape.js";
import { type MuOProfile, muOProfile } from "../thermo/profile.js";
import { InputError } from "../units/errors.js";
import { BulkOxygenModel, type BulkOxygenSample } from "../kinetics/bulk-oxygen.js";
import { EncapsulationModel, type EncapsulationSample } from "../kinetics/encapsulation.js";
import { type InterfaceGateResult, bulkPenetrationGateOrAssumed, interfaceGate } from "../match/gate.js";
import { bulkOxygenInputs, encapsulationInputs } from "../predict/simulate-inputs.js";
import { type Kelvin, parsePositiveNumber, parsePressure, parseTemperature } from "../units/quantities.js";
import {
  type InterfaceScene,
  type InterfaceSceneInput,
  buildInterfaceScene,
  interfaceExportText,
} from "./scene.js";

/** Heavy plotting stack, loaded when a chart is drawn. */
const charts = () => import("../plot/thermo-charts.js");
const render = () => import("../plot/render.js");
/** Snapshot pictures of the simulate job (as `smsi simulate --out`), loaded when a job ends. */
const simulateCharts = () => import("../plot/simulate-charts.js");

// ---------------------------------------------------------------- conditions

export const GASES = ["O2", "air", "H2", "CO", "H2O/H2", "CO2/CO", "vacuum", "inert"] as const;
export type Gas = (typeof GASES)[number];

/** O2 partial pressure of dry air, bar (standard atmosphere composition, 20.95 vol % O2). */
export const AIR_O2_FRACTION = 0.2095;
/** ASSUMPTION (overridable with `pO2`): a "pure O2" treatment is at 1 bar. */
export const DEFAULT_O2_PRESSURE_BAR = 1;
/**
 * ASSUMPTION (overridable with `h2oH2`): dry H2 still holds water from the reduction of the catalyst;
 * p(H2O)/p(H2) = 1e-3 (≈ 1000 ppm) is taken when none is given.
 */
export const DEFAULT_H2O_H2_RATIO = 1e-3;
/** ASSUMPTION (overridable with `co2Co`): CO with 0.1 % CO2, p(CO2)/p(CO) = 1e-3. */
export const DEFAULT_CO2_CO_RATIO = 1e-3;
/**
 * ASSUMPTION (overridable with `pO2`): residual O2 of "vacuum" or "inert" gas, 1e-10 bar (an ultra-high
 * vacuum chamber or a purified inert stream).
 */
export const DEFAULT_RESIDUAL_O2_BAR = 1e-10;

export interface ConditionsInput {
  gas: Gas;
  temperature: string | number;
  pO2?: string | number;
  h2oH2?: string | number;
  co2Co?: string | number;
}

export interface Conditions {
  gas: Gas;
  temperature_K: Kelvin;
  atmosphere: Atmosphere;
  assumptions: string[];
}

/** The gas and its optional ratios → an atmosphere with a defined Δμ_O; defaults are stated. */
export function conditions(input: ConditionsInput): Conditions {
  const T = parseTemperature(input.temperature, "temperature");
  const assumptions: string[] = [];
  const pressure = (dflt: number, why: string): number => {
    if (input.pO2 !== undefined) return parsePressure(input.pO2, "pO2");
    assumptions.push(`p_O2 = ${dflt} bar (${why}; give pO2 to change it)`);
    return dflt;
  };
  const ratio = (value: string | number | undefined, field: "h2oH2" | "co2Co", dflt?: number) => {
    if (value !== undefined) return parsePositiveNumber(value, field, "a positive ratio, e.g. 1e-3");
    if (dflt === undefined)
      throw new InputError(field, `required for gas "${input.gas}"; give the ratio, e.g. 1e-3`);
    assumptions.push(`${field === "h2oH2" ? "p_H2O/p_H2" : "p_CO2/p_CO"} = ${dflt} (assumed; give ${field})`);
    return dflt;
  };
  let atmosphere: Atmosphere;
  switch (input.gas) {
    case "O2":
      atmosphere = { kind: "O2", pO2_bar: pressure(DEFAULT_O2_PRESSURE_BAR, "pure O2 assumed at 1 bar") };
      break;
    case "air":
      atmosphere = { kind: "O2", pO2_bar: pressure(AIR_O2_FRACTION, "O2 fraction of dry air") };
      break;
    case "vacuum":
    case "inert":
      atmosphere = { kind: "O2", pO2_bar: pressure(DEFAULT_RESIDUAL_O2_BAR, "residual O2, assumed") };
      break;
    case "H2":
    case "H2O/H2":
      atmosphere = {
        kind: "H2O/H2",
        ratio: ratio(input.h2oH2, "h2oH2", input.gas === "H2" ? DEFAULT_H2O_H2_RATIO : undefined),
      };
      break;
    case "CO":
    case "CO2/CO":
      atmosphere = {
        kind: "CO2/CO",
        ratio: ratio(input.co2Co, "co2Co", input.gas === "CO" ? DEFAULT_CO2_CO_RATIO : undefined),
      };
      break;
  }
  return { gas: input.gas, temperature_K: T, atmosphere, assumptions };
}

// ---------------------------------------------------------------- materials

function materialPhase(id: string, field: string) {
  const m = getMaterial(id, userDataDir(), field);
  return { id: m.entry.id, structure: m.structure, entry: m.entry };
}

export function materialsList(role?: MaterialRole) {
  if (role && !MATERIAL_ROLES.includes(role))
    throw new InputError("role", `role must be one of ${MATERIAL_ROLES.join(", ")}`);
  return { materials: listMaterials().filter((e) => !role || e.role === role) };
}

export function materialShow(id: string) {
  return describeMaterial(id);
}

/** The library's import names CLI arguments in its errors; the API names its JSON fields. */
const IMPORT_FIELDS: Record<string, string> = { FILE: "cif", "--id": "id", "--role": "role" };

/** Import a CIF (text) into the user's data folder, as `smsi materials import` does. */
export function materialImport(input: { cif: string; id?: string; role?: string }) {
  const tmp = mkdtempSync(join(tmpdir(), "smsi-import-"));
  try {
    const file = join(tmp, "upload.cif");
    writeFileSync(file, input.cif);
    const entry = importMaterial({ file, id: input.id, role: input.role, dataDir: userDataDir() });
    predictMemo.clear();
    return { imported: entry };
  } catch (e) {
    if (e instanceof InputError && e.field in IMPORT_FIELDS)
      throw new InputError(IMPORT_FIELDS[e.field], e.message.slice(e.field.length + 2));
    throw e;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- match and interface

/** Largest Miller index a synchronous request may search; larger searches run as background jobs. */
export const SYNC_MAX_MILLER_INDEX = 1;

export interface MatchInput {
  film: string;
  substrate: string;
  filmMiller?: number[];
  substrateMiller?: number[];
  maxIndex?: number;
  maxArea?: number;
}

function matchOptions(input: MatchInput, maxIndexLimit: number): MatchOptions {
  const maxIndex = input.maxIndex ?? 1;
  if (maxIndex > maxIndexLimit)
    throw new InputError(
      "maxIndex",
      `at most ${maxIndexLimit} in a direct request; run larger searches as a job (POST /api/jobs/match-sweep)`,
    );
  return {
    maxIndex,
    maxArea: input.maxArea,
    filmMillers: input.filmMiller ? [input.filmMiller] : undefined,
    substrateMillers: input.substrateMiller ? [input.substrateMiller] : undefined,
  };
}

export function match(input: MatchInput): MatchResult {
  return matchInterfaces(
    materialPhase(input.film, "film"),
    materialPhase(input.substrate, "substrate"),
    matchOptions(input, SYNC_MAX_MILLER_INDEX),
  );
}

/**
 * The interface view: the interface gate's orientation relationships of the metal and its oxide on the
 * support, and the 3-D scene of the film the gate judges (or the one asked for), built by the slab builder
 * of `smsi interface --export` (whole repeat units: stoichiometric slabs).
 */
export function interfaceView(input: InterfaceSceneInput): {
  gate: InterfaceGateResult;
  scene: InterfaceScene;
} {
  const scene = buildInterfaceScene(input);
  return { gate: interfaceGate(input.metal, input.support, { supportFacet: input.supportFacet }), scene };
}

/** CIF or POSCAR of the same model the scene draws. */
export function interfaceExport(
  input: InterfaceSceneInput,
  format: "cif" | "poscar",
): { text: string; fileName: string } {
  return interfaceExportText(input, format);
}

export interface SweepProgress {
  progress(fraction: number, message: string): void;
  /** Yields to the event loop; throws when the job was cancelled or ran out of time. */
  checkpoint(): Promise<void>;
}

/**
 * A coincidence search over every film plane up to maxIndex (≤ 4), one film plane at a time so the job
 * reports progress and can be cancelled between planes. Same result semantics as `smsi match --max-index`.
 */
export async function matchSweep(input: MatchInput, ctx: SweepProgress) {
  const maxIndex = input.maxIndex ?? 2;
  if (!Number.isInteger(maxIndex) || maxIndex < 1 || maxIndex > MAX_MILLER_INDEX)
    throw new InputError("maxIndex", `an integer from 1 to ${MAX_MILLER_INDEX}`);
  const film = materialPhase(input.film, "film");
  const substrate = materialPhase(input.substrate, "substrate");
  const filmMillers = input.filmMiller
    ? [input.filmMiller]
    : distinctMillerIndices(conventionalCell(film.structure, "film").latticeRotations, maxIndex);
  const pairs: MatchResult["millerPairs"] = [];
  let best: MatchResult["best"] = null;
  let coherence: MatchResult["coherence"] | null = null;
  let nMatches = 0;
  for (let i = 0; i < filmMillers.length; i++) {
    await ctx.checkpoint();
    const r = matchInterfaces(film, substrate, {
      filmMillers: [filmMillers[i]],
      substrateMillers: input.substrateMiller ? [input.substrateMiller] : undefined,
      maxIndex,
      maxArea: input.maxArea,
    });
    nMatches += r.nMatches;
    pairs.push(...r.millerPairs);
    if (r.best && (!best || r.best.area < best.area)) best = r.best;
    if (!coherence || VERDICT_RANK[r.coherence.verdict] > VERDICT_RANK[coherence.verdict])
      coherence = r.coherence;
    ctx.progress((i + 1) / filmMillers.length, `film plane (${filmMillers[i].join(",")}) done`);
  }
  return {
    film: film.id,
    substrate: substrate.id,
    maxIndex,
    filmPlanes: filmMillers.length,
    nMatches,
    best,
    coherence,
    millerPairs: pairs.map(({ best: b, ...p }) => ({ ...p, area_A2: b?.area ?? null })),
  };
}

// ---------------------------------------------------------------- thermo

export function muO(input: ConditionsInput) {
  const c = conditions(input);
  const r = oxygenPotential(c.temperature_K, c.atmosphere);
  return { ...r, gas: c.gas, assumptions: c.assumptions };
}

export function stability(input: ConditionsInput & { oxide: string }) {
  const c = conditions(input);
  return { ...oxideStability(input.oxide, c.temperature_K, c.atmosphere), assumptions: c.assumptions };
}

export interface EllinghamInput {
  oxides?: string[];
  tMin?: string | number;
  tMax?: string | number;
}

/** Temperature points per Ellingham line. */
const ELLINGHAM_POINTS = 100;

export async function ellingham(input: EllinghamInput) {
  const tMin = parseTemperature(input.tMin ?? 300, "tMin");
  const tMax = parseTemperature(input.tMax ?? 2000, "tMax");
  if (tMax <= tMin) throw new InputError("tMax", `must exceed tMin (${tMin} K)`);
  const catalogue = bundledOxides();
  const list = input.oxides?.length ? input.oxides : catalogue.filter((o) => o.available).map((o) => o.id);
  const { ellinghamLines, ellinghamSvg } = await charts();
  const lines = ellinghamLines(list, tMin, tMax, Math.max(1, (tMax - tMin) / ELLINGHAM_POINTS));
  const omitted = input.oxides?.length ? [] : catalogue.filter((o) => !o.available);
  return { unit: "kJ/mol O2", lines, omitted, svg: ellinghamSvg(lines) };
}

export interface ProfileInput extends ConditionsInput {
  metal: string;
  support: string;
}

export async function profile(input: ProfileInput): Promise<MuOProfile & { svg: string }> {
  const c = conditions(input);
  const gate = bulkPenetrationGateOrAssumed(input.metal, input.support, "gate");
  const p = muOProfile(input.metal, input.support, c.temperature_K, c.atmosphere, { gate });
  const svg = (await charts()).profileSvg(p);
  return { ...p, assumptions: [...c.assumptions, ...p.assumptions], svg };
}

/** The oxygen landscape (O energy and barrier by region, support bulk → metal surface) and its chart. */
export async function landscape(input: ProfileInput): Promise<OxygenLandscape & { svg: string }> {
  const c = conditions(input);
  const gate = bulkPenetrationGateOrAssumed(input.metal, input.support, "gate");
  const l = oxygenLandscape({
    metal: input.metal,
    support: canonicalSupport(input.support),
    temperature_K: c.temperature_K,
    atmosphere: c.atmosphere,
    gate,
  });
  const svg = (await charts()).landscapeSvg(l, c.temperature_K, c.gas);
  return { ...l, svg };
}

/** PNG scales offered for slides. */
export const PNG_SCALES = [1, 2, 4] as const;

export async function svgToPngBytes(svg: string, scale: (typeof PNG_SCALES)[number]): Promise<Buffer> {
  return (await render()).svgToPng(svg, scale);
}

/** Temperatures of a profile sweep when none are asked for. */
export const DEFAULT_SWEEP_POINTS = 200;

/**
 * A temperature sweep of the μ_O profile (a job): the support → metal driving force at each of `points`
 * temperatures from tMin to tMax.
 */
export async function profileSweep(
  input: Omit<ProfileInput, "temperature"> & {
    tMin: string | number;
    tMax: string | number;
    points?: number;
  },
  ctx: SweepProgress,
) {
  const tMin = parseTemperature(input.tMin, "tMin");
  const tMax = parseTemperature(input.tMax, "tMax");
  if (tMax <= tMin) throw new InputError("tMax", `must exceed tMin (${tMin} K)`);
  const n = input.points ?? DEFAULT_SWEEP_POINTS;
  const rows: {
    temperature_K: number;
    drivingForce_eV: number;
    direction: string;
    gasDeltaMuO_eV: number;
  }[] = [];
  for (let i = 0; i < n; i++) {
    await ctx.checkpoint();
    const T = tMin + ((tMax - tMin) * i) / Math.max(1, n - 1);
    const c = conditions({ ...input, temperature: T });
    const p = muOProfile(input.metal, input.support, T, c.atmosphere);
    rows.push({
      temperature_K: T,
      drivingForce_eV: p.drivingForce_eV,
      direction: p.direction,
      gasDeltaMuO_eV: p.gasDeltaMuO_eV,
    });
    ctx.progress((i + 1) / n, `${T.toFixed(0)} K`);
  }
  return { metal: input.metal, support: input.support, gas: input.gas, rows };
}

// ---------------------------------------------------------------- classify and cases

export function classify(document: unknown) {
  const evidence = validateEvidence(document, "evidence");
  return { evidence, classification: classifyEvidence(evidence) };
}

const BUNDLED_CASES_URL = new URL("../../data/classify/published-cases.json", import.meta.url);

let publishedCache: { cases: PublishedCase[]; version: string } | null = null;

/** The bundled published cases and a version string that changes when the file does. */
export function publishedCases(): { cases: PublishedCase[]; version: string } {
  if (publishedCache) return publishedCache;
  const text = readFileSync(BUNDLED_CASES_URL, "utf8");
  const cases = parseCasesDocument(JSON.parse(text), "data/classify/published-cases.json");
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  publishedCache = { cases, version: `${cases.length}:${(h >>> 0).toString(16)}` };
  return publishedCache;
}

// ---------------------------------------------------------------- predict

export interface PredictInput extends ConditionsInput {
  metal: string;
  support: string;
  sizeNm?: number;
  /** Earlier treatments, oldest first. */
  prior?: ConditionsInput[];
}

/** A rationale row as the API answers it: predict's row without its internal chain and weight. */
export type RationaleRow = Omit<PredictRationaleRow, "chain" | "weight">;

export interface Prediction {
  metal: string;
  support: string;
  conditions: { gas: Gas; temperature_K: number; deltaMuO_eV: number; pO2_bar: number };
  class: string;
  trigger: string | null;
  label: string;
  likelihood: number;
  ranked: { class: string; trigger: string | null; label: string; likelihood: number }[];
  phenomena: string[];
  consequences: string[];
  rationale: RationaleRow[];
  missing: string[];
  assumptions: string[];
}

/** The server's gas names → the predictor's gas kinds (CO2/CO is CO with its ratio given). */
const PREDICT_GAS: Record<Gas, GasKind> = {
  O2: "O2",
  air: "air",
  H2: "H2",
  CO: "CO",
  "H2O/H2": "H2O/H2",
  "CO2/CO": "CO",
  vacuum: "vacuum",
  inert: "inert",
};

/** The atmosphere the server resolved (defaults stated) as the predictor's explicit composition. */
function compositionOf(a: Atmosphere): GasComposition {
  if (a.kind === "O2") return { pO2_bar: a.pO2_bar };
  if (a.kind === "H2O/H2") return { h2oH2: a.ratio };
  return { co2Co: a.ratio };
}

/** `smsi predict` (src/predict) on the API's fields; the wire shape flattens consequences and assumptions to text. */
/**
 * Predictions are pure functions of their inputs and the materials library: the last
 * `PREDICT_MEMO_SIZE` are kept (least recently used dropped; ≈ 5 kB each) and the memo is cleared when
 * a material is imported through the API. A material added to the data folder by the CLI while the
 * server runs is seen by new inputs only (restart the server to refresh the memo).
 */
export const PREDICT_MEMO_SIZE = 2000;
const predictMemo = new Map<string, Prediction>();

export function predict(input: PredictInput): Prediction {
  const key = JSON.stringify([
    input.metal,
    input.support,
    input.gas,
    input.temperature,
    input.pO2,
    input.h2oH2,
    input.co2Co,
    input.sizeNm,
    input.prior ?? null,
  ]);
  const hit = predictMemo.get(key);
  if (hit) {
    predictMemo.delete(key);
    predictMemo.set(key, hit);
    return hit;
  }
  const value = predictUncached(input);
  if (predictMemo.size >= PREDICT_MEMO_SIZE) predictMemo.delete(predictMemo.keys().next().value as string);
  predictMemo.set(key, value);
  return value;
}

/**
 * The support of a prediction: a bundled or imported material; else any support predict can read — a
 * formula (Nb2O5, BaTiO3), a common name (niobia) or a non-oxide (h-BN) — whose missing descriptors
 * (no structure: no gate) the answer names, as `smsi predict` does. Text predict cannot read at all
 * gets the library's 400 (a typo is not silently predicted).
 */
function predictSupport(text: string): { id: string } {
  try {
    return { id: materialPhase(text, "support").id };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const s = resolveSupport(text);
    if (s.formula || s.nonOxide) return { id: s.name };
    throw e;
  }
}

function predictUncached(input: PredictInput): Prediction {
  const metal = materialPhase(input.metal, "metal");
  if (metal.entry.role !== "metal")
    throw new InputError("metal", `"${metal.id}" is a ${metal.entry.role}, not a metal; e.g. Ru, Pt`);
  const support = predictSupport(input.support);
  const c = conditions(input);
  const gas = oxygenPotential(c.temperature_K, c.atmosphere);
  if (input.sizeNm !== undefined)
    parsePositiveNumber(input.sizeNm, "sizeNm", "the particle diameter in nm, e.g. 3");
  const r = predictClass({
    metal: metal.id,
    support: support.id,
    gas: PREDICT_GAS[c.gas],
    gasText: c.gas,
    composition: compositionOf(c.atmosphere),
    temperature_K: c.temperature_K,
    particleSize_nm: input.sizeNm ?? null,
    prior: (input.prior ?? []).map((t, i) => {
      let pc: Conditions;
      try {
        pc = conditions(t);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        throw new InputError(`prior.${i}.${e.field}`, e.message.slice(e.field.length + 2));
      }
      return {
        gas: PREDICT_GAS[pc.gas],
        gasText: pc.gas,
        composition: compositionOf(pc.atmosphere),
        temperature_K: pc.temperature_K,
      };
    }),
  });
  return {
    metal: metal.id,
    support: support.id,
    conditions: {
      gas: c.gas,
      temperature_K: c.temperature_K,
      deltaMuO_eV: gas.deltaMuO_eV,
      pO2_bar: gas.pO2_bar,
    },
    class: r.class,
    trigger: r.trigger,
    label: r.label,
    likelihood: r.likelihood,
    ranked: r.ranked.map((x) => ({
      class: x.class,
      trigger: x.trigger,
      label: x.label,
      likelihood: x.likelihood,
    })),
    phenomena: r.phenomena,
    consequences: [r.consequences.coAdsorption.summary],
    rationale: r.rationale.map(({ chain: _chain, weight: _weight, ...row }) => row),
    missing: r.missing,
    assumptions: [
      ...c.assumptions,
      ...r.assumptions.map(
        (a) =>
          `${a.name} = ${a.value}${a.unit ? ` ${a.unit}` : ""} (${a.isAssumption ? "assumption" : a.source})`,
      ),
      ...r.notes,
    ],
  };
}

// ---------------------------------------------------------------- condition map

/** Largest number of grid points of one condition map. */
export const MAX_MAP_POINTS = 2500;

export interface PredictMapInput {
  metal: string;
  support: string;
  gas: Gas;
  tMin: string | number;
  tMax: string | number;
  /** log10 of the gas variable: p_O2 in bar (O2, air, vacuum, inert), p_H2O/p_H2 (H2, H2O/H2) or p_CO2/p_CO. */
  log10Min: number;
  log10Max: number;
  nT: number;
  nY: number;
}

/** The variable a map varies for each gas. */
function mapVariable(gas: Gas): { field: "pO2" | "h2oH2" | "co2Co"; label: string } {
  if (gas === "H2" || gas === "H2O/H2") return { field: "h2oH2", label: "log10 p(H2O)/p(H2)" };
  if (gas === "CO" || gas === "CO2/CO") return { field: "co2Co", label: "log10 p(CO2)/p(CO)" };
  return { field: "pO2", label: "log10 p(O2) / bar" };
}

/**
 * The predicted class over temperature × the gas's O2 pressure (or H2O:H2, CO2:CO ratio) for one pair.
 * Calls `predict` (src/predict, as `smsi predict`) at every grid point.
 */
export function predictMap(input: PredictMapInput) {
  if (input.nT * input.nY > MAX_MAP_POINTS)
    throw new InputError("nT", `at most ${MAX_MAP_POINTS} grid points (nT × nY)`);
  const tMin = parseTemperature(input.tMin, "tMin");
  const tMax = parseTemperature(input.tMax, "tMax");
  if (tMax <= tMin) throw new InputError("tMax", `must exceed tMin (${tMin} K)`);
  if (input.log10Max <= input.log10Min) throw new InputError("log10Max", "must exceed log10Min");
  const v = mapVariable(input.gas);
  const step = (a: number, b: number, n: number, i: number) => (n === 1 ? a : a + ((b - a) * i) / (n - 1));
  const temperatures = Array.from({ length: input.nT }, (_, i) => step(tMin, tMax, input.nT, i));
  const logs = Array.from({ length: input.nY }, (_, j) => step(input.log10Min, input.log10Max, input.nY, j));
  const classes = logs.map((y) =>
    temperatures.map((T) => {
      const p = predict({
        metal: input.metal,
        support: input.support,
        gas: input.gas,
        temperature: T,
        [v.field]: 10 ** y,
      });
      return p.trigger ? `${p.class}-${p.trigger}` : p.class;
    }),
  );
  return {
    metal: input.metal,
    support: input.support,
    gas: input.gas,
    x: { label: "temperature (K)", values: temperatures },
    y: { label: v.label, field: v.field, values: logs },
    classes,
    legend: [...new Set(classes.flat())].sort(),
    note: "each cell is one call of predict at that temperature and gas composition",
  };
}

// ---------------------------------------------------------------- simulate (kinetic Monte Carlo)

export const SIMULATE_MODELS = ["bulk-oxygen", "encapsulation"] as const;
export type SimulateModel = (typeof SIMULATE_MODELS)[number];
export const GATE_VERDICTS = ["coherent", "semi-coherent", "incoherent"] as const;
/** Events of a web simulation when none is given (a few seconds at ≈ 0.6 M events/s). */
export const DEFAULT_WEB_SIMULATE_EVENTS = 200_000;
/** Most events one web simulation may run (≈ 10 s at ≈ 0.6 M events/s: the job queue stays short). */
export const MAX_WEB_SIMULATE_EVENTS = 5_000_000;
/** Samples of the time series a web run keeps (the chart's resolution; `sampleEvery` = events / this). */
export const WEB_SIMULATE_SAMPLES = 200;
/** Progress reports (and chart updates) per run. */
const SIMULATE_PROGRESS_STEPS = 40;

export interface SimulateInput {
  model: SimulateModel;
  metal: string;
  support: string;
  temperature: string | number;
  pO2?: string | number;
  h2oH2?: string | number;
  events?: number;
  sizeNm?: number;
  seed?: number;
  gate?: (typeof GATE_VERDICTS)[number];
}

/** One point of the live curve: the plotted observables of a sample. */
export interface SimulatePoint {
  events: number;
  time_s: number;
  /** bulk-oxygen: oxidised fraction; encapsulation: free metal site fraction. */
  a: number;
  /** bulk-oxygen: ¹⁸O fraction of the metal's O (null while it holds none); encapsulation: coverage. */
  b: number | null;
}

/** The interface verdict: given, else the bulk-penetration gate of src/match/gate.ts (incoherent when it cannot be judged). */
function simulationGate(metal: string, supportId: string, given?: SimulateInput["gate"]) {
  if (given) return { verdict: given, strain: Number.NaN, source: "given (gate)" };
  return bulkPenetrationGateOrAssumed(metal, supportId, "gate");
}

/** Everything checked and assembled before the job is queued, so bad input is a 400. */
export function prepareSimulation(input: SimulateInput) {
  if (input.model === "bulk-oxygen" && input.h2oH2 !== undefined)
    throw new InputError("h2oH2", "bulk-oxygen runs in O2: give pO2 (reducing gases: model encapsulation)");
  if (input.pO2 !== undefined && input.h2oH2 !== undefined)
    throw new InputError("h2oH2", "give either pO2 (O2) or h2oH2 (H2), not both");
  const gas: Gas = input.model === "bulk-oxygen" || input.pO2 !== undefined ? "O2" : "H2";
  const c = conditions({ gas, temperature: input.temperature, pO2: input.pO2, h2oH2: input.h2oH2 });
  const supportId = canonicalSupport(input.support);
  const gate = simulationGate(input.metal, supportId, input.gate);
  const system = {
    metal: input.metal,
    support: supportId,
    T: c.temperature_K,
    atmosphere: c.atmosphere,
    gate,
  };
  const events = input.events ?? DEFAULT_WEB_SIMULATE_EVENTS;
  const common = {
    temperature_K: c.temperature_K,
    seed: input.seed ?? 1,
    particleSize_nm: input.sizeNm,
    sampleEvery: Math.max(1, Math.ceil(events / WEB_SIMULATE_SAMPLES)),
  };
  if (input.model === "bulk-oxygen") {
    const x = bulkOxygenInputs(system, {}, "overrides");
    const options = { ...common, landscape: x.landscape, oxygenChemicalPotential_eV: x.mu };
    const model = new BulkOxygenModel(options);
    return { input, events, conditions: c, gate, supportId, mu: x.mu, model, landscape: x.landscape };
  }
  const x = encapsulationInputs(system, {}, "overrides");
  const options = {
    ...common,
    oxygenChemicalPotential_eV: x.mu,
    reductionEnergy_eV: x.reductionEnergy_eV,
    surfaceEnergies: x.surfaceEnergies,
  };
  const model = new EncapsulationModel(options);
  return { input, events, conditions: c, gate, supportId, mu: x.mu, model, encapsulation: x };
}

function point(s: BulkOxygenSample | EncapsulationSample): SimulatePoint {
  return "oxidisedFraction" in s
    ? { events: s.events, time_s: s.time_s, a: s.oxidisedFraction, b: s.o18FractionOfMetalOxygen }
    : { events: s.events, time_s: s.time_s, a: s.freeMetalSiteFraction, b: s.coverage };
}

/**
 * Run a prepared simulation in chunks, yielding between them (cancellation, other requests) and
 * reporting progress with the whole curve so far (≤ WEB_SIMULATE_SAMPLES points).
 */
export async function runSimulation(
  p: ReturnType<typeof prepareSimulation>,
  ctx: SweepProgress & { progress(fraction: number, message: string, data?: unknown): void },
) {
  const model = p.model as BulkOxygenModel | EncapsulationModel;
  // the pictures of `smsi simulate --out`: Model A's cross-section, Model B's top view, at start and end
  const picture = () =>
    model instanceof BulkOxygenModel
      ? { kind: "cross-section" as const, data: model.crossSection() }
      : { kind: "top-view" as const, data: (model as EncapsulationModel).topView() };
  const startPicture = picture();
  const chunk = Math.max(1, Math.ceil(p.events / SIMULATE_PROGRESS_STEPS));
  let done = 0;
  while (done < p.events) {
    await ctx.checkpoint();
    const n = Math.min(chunk, p.events - done);
    const ran = model.run(n);
    done += ran;
    ctx.progress(
      done / p.events,
      `${done} / ${p.events} events, t = ${model.engine.time.toExponential(3)} s`,
      { points: (model.series as (BulkOxygenSample | EncapsulationSample)[]).map(point) },
    );
    if (ran < n) break;
  }
  const series = model.series as (BulkOxygenSample | EncapsulationSample)[];
  const endPicture = picture();
  const draw = await simulateCharts();
  const title = `${p.input.metal} on ${p.supportId}, ${p.conditions.temperature_K.toFixed(1)} K`;
  const snapshots = [
    { at: "start", picture: startPicture },
    { at: "end", picture: endPicture },
  ].map(({ at, picture: pic }) => ({
    name: `${pic.kind}-${at}`,
    time_s: pic.data.time_s,
    svg:
      pic.kind === "cross-section"
        ? draw.crossSectionSvg(pic.data as ReturnType<BulkOxygenModel["crossSection"]>, title)
        : draw.topViewSvg(pic.data as ReturnType<EncapsulationModel["topView"]>, title),
  }));
  const last = model.sample();
  const final =
    "oxidisedFraction" in last
      ? {
          oxidisedFraction: last.oxidisedFraction,
          o18FractionOfMetalOxygen: last.o18FractionOfMetalOxygen,
          interfaceCrossings: last.interfaceCrossings,
          surfaceIncorporations: last.surfaceIncorporations,
          frontDepth_nm: last.frontDepth_nm,
        }
      : {
          coverage: last.coverage,
          freeMetalSiteFraction: last.freeMetalSiteFraction,
          coCapacityRelative: last.coCapacityRelative,
        };
  return {
    model: p.input.model,
    metal: p.input.metal,
    support: p.supportId,
    temperature_K: p.conditions.temperature_K,
    atmosphere: p.conditions.atmosphere,
    deltaMuO_eV: p.mu,
    gate: p.gate,
    final,
    points: series.map(point),
    series,
    snapshots,
    simulatedTime_s: model.engine.time,
    events: model.engine.events,
    parameters: model.parameters,
    assumptions: [
      ...model.assumptions,
      ...(p.landscape ? p.landscape.assumptions : []),
      ...p.conditions.assumptions.map((text) => ({
        name: "conditions",
        value: text,
        unit: "",
        source: "default",
        isAssumption: true,
      })),
    ],
    ...(p.encapsulation
      ? {
          surfaceEnergies: p.encapsulation.surfaceEnergies,
          reductionEnergy_eV: p.encapsulation.reductionEnergy_eV,
        }
      : {}),
  };
}

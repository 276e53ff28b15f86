/**
 * Score predict on a published-cases file (format of ../shared/cases/published-cases.json). Only the
 * inputs of a record are read — metal, support, support_phase, facet, particle_size_nm and the
 * treatment (gas, temperature_C, duration_h); never the id, the observations or the label — and
 * the label is compared afterwards. Documented defaults for what a record leaves out:
 *   temperature null → a value stated in temperature_note ("523 K"), else "high-temperature"/"HTR"
 *   in the note or gas text: 773 K, "low-temperature"/"LTR": 473 K (Tauster et al. 1978), else the
 *   midpoint of temperature_range_C, otherwise predict's defaultTemperature_K; TiO2 phase null →
 *   anatase (materials.ts); "reduction" without a gas → H2 (conditions.ts); gas not named →
 *   indeterminate (or CMSI when the size alone decides); prior_treatment → one earlier treatment.
 */
import type { PublishedCase } from "../classify/published-cases.js";
import { classTable } from "../classify/score.js";
import { InputError } from "../units/errors.js";
import { celsiusToKelvin } from "../units/quantities.js";
import {
  type GasComposition,
  type ParsedGas,
  parseGasText,
  parseTemperatureText,
  steamWaterHydrogenRatio,
} from "./conditions.js";
import { predictParameters } from "./data.js";
import { type PredictInput, type PriorTreatment, predict } from "./predict.js";
import type { Prediction } from "./types.js";

/** Tauster's high-temperature reduction, 500 °C (JACS 100, 170 (1978)). */
export const TAUSTER_HTR_K = 773.15;
/** Tauster's low-temperature reduction, 200 °C (JACS 100, 170 (1978)). */
export const TAUSTER_LTR_K = 473.15;

/** Published-case labels → predict labels ("EMSI-only (not strict)" → "EMSI"). */
export function normaliseLabel(label: string): string {
  const t = label.trim();
  if (/^EMSI/i.test(t)) return "EMSI";
  if (/^CMSI/i.test(t)) return "CMSI";
  return t;
}

/** Particle size from a record: a number, a range ("5-8" → 6.5), "~2", "<5" (bound), "single atoms". */
export function parseParticleSize(v: number | string | null | undefined): number | "single-atoms" | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return v > 0 && Number.isFinite(v) ? v : null;
  if (/single[- ]?atom|atomically dispersed/i.test(v)) return "single-atoms";
  const nums = (v.match(/\d+(?:\.\d+)?/g) ?? []).map(Number).filter((x) => x > 0);
  if (nums.length === 0) return null;
  if (/\d\s*[-–]\s*\d/.test(v) && nums.length >= 2) return (nums[0] + nums[1]) / 2;
  return nums[0];
}

export interface CaseInputResult {
  input: PredictInput;
  notes: string[];
}

/** Temperature of a treatment text: a stated value (with unit), else Tauster's HTR/LTR words, else null. */
function temperatureOf(
  text: string | null | undefined,
  hint: "high" | "low" | null,
): { temperature_K: number; note: string } | null {
  const stated = text ? parseTemperatureText(text) : null;
  if (stated) return { temperature_K: stated.temperature_K, note: stated.reason };
  const h = hint ?? (text ? parseGasText(text).temperatureHint : null);
  if (h === "high")
    return {
      temperature_K: TAUSTER_HTR_K,
      note: "temperature from 'high-temperature' in the text: 773 K (Tauster HTR)",
    };
  if (h === "low")
    return {
      temperature_K: TAUSTER_LTR_K,
      note: "temperature from 'low-temperature' in the text: 473 K (Tauster LTR)",
    };
  return null;
}

/** The gas composition a parsed text fixes: a stated O2 fraction, or pure steam's own H2O/H2 at T. */
function compositionOf(g: ParsedGas, T_K: number | null, notes: string[]): GasComposition {
  if (g.pO2_bar !== undefined) return { pO2_bar: g.pO2_bar };
  if (g.steam) {
    const T = T_K ?? predictParameters({}).defaultTemperature_K;
    const h2oH2 = steamWaterHydrogenRatio(T);
    notes.push(
      `steam: H2O/H2 = ${h2oH2.toPrecision(2)} from water's dissociation at ${T.toFixed(0)} K (an upper bound)`,
    );
    return { h2oH2 };
  }
  return {};
}

/** Lowest and highest value of a `temperature_range_C` (°C): an array of numbers, or text "300–450". */
function rangeBounds(range: number[] | string | null | undefined): [number, number] | null {
  const values = Array.isArray(range)
    ? range.filter((x) => Number.isFinite(x))
    : typeof range === "string"
      ? (range.match(/(?<![\d.])-?\d+(?:\.\d+)?/g) ?? []).map(Number)
      : [];
  return values.length > 0 ? [Math.min(...values), Math.max(...values)] : null;
}

/**
 * The predictor input of one record (inputs only: metal, support, phase, facet, size, treatment).
 * Temperature: `temperature_C`, else a value or HTR/LTR word in `temperature_note` or the gas text,
 * else the midpoint of `temperature_range_C`, else predict's default. `prior_treatment` becomes one
 * earlier treatment (its gas and temperature read from its text the same way).
 */
export function caseToPredictInput(c: PublishedCase): CaseInputResult {
  const notes: string[] = [];
  const g = parseGasText(c.treatment.gas);
  notes.push(...g.assumptions.map((a) => `assumption: ${a}`));
  let T: number | null = null;
  if (typeof c.treatment.temperature_C === "number") T = celsiusToKelvin(c.treatment.temperature_C);
  else {
    const fromText =
      temperatureOf(c.treatment.temperature_note, null) ?? temperatureOf(c.treatment.gas, g.temperatureHint);
    const range = c.treatment.temperature_range_C;
    if (fromText) {
      T = fromText.temperature_K;
      notes.push(fromText.note);
    } else if (rangeBounds(range)) {
      const [lo, hi] = rangeBounds(range) as [number, number];
      T = celsiusToKelvin((lo + hi) / 2);
      notes.push(`temperature: midpoint of the stated range ${lo}–${hi} °C`);
    }
  }
  const prior: PriorTreatment[] = [];
  if (c.treatment.prior_treatment) {
    const pg = parseGasText(c.treatment.prior_treatment);
    const pt = temperatureOf(c.treatment.prior_treatment, pg.temperatureHint);
    prior.push({
      gas: pg.kind,
      gasText: c.treatment.prior_treatment,
      composition: compositionOf(pg, pt?.temperature_K ?? null, notes),
      temperature_K: pt?.temperature_K ?? null,
    });
    notes.push(`prior treatment: ${pg.reason}${pt ? `; ${pt.note}` : ""}`);
  }
  // A facet that names the metal ("metal (111)") is the metal's, not the support's.
  const facet = c.facet && !/metal/i.test(c.facet) ? c.facet : null;
  return {
    input: {
      metal: c.metal,
      support: c.support,
      supportPhase: c.support_phase ?? null,
      facet,
      particleSize_nm: parseParticleSize(c.particle_size_nm),
      gas: g.kind,
      gasText: c.treatment.gas,
      composition: compositionOf(g, T, notes),
      temperature_K: T,
      duration_h: typeof c.treatment.duration_h === "number" ? c.treatment.duration_h : null,
      prior,
    },
    notes: [`gas: ${g.reason}`, ...notes],
  };
}

export interface PredictCaseScore {
  id: string;
  batch: string;
  expected: string;
  acceptable: string[];
  got: string;
  likelihood: number;
  correct: boolean;
  reason: string;
}

export interface PredictScoreReport {
  accuracy: number;
  correct: number;
  total: number;
  perClass: Record<
    string,
    { precision: number | null; recall: number | null; support: number; predicted: number }
  >;
  /** confusion[expected][got]; a prediction counted right under an acceptable label is entered as expected→expected. */
  confusion: Record<string, Record<string, number>>;
  byBatch: Record<string, { accuracy: number; correct: number; total: number }>;
  cases: PredictCaseScore[];
}

/** Batch of a record without a `batch` field (the first 48 records, gathered 2026-11). */
export const FIRST_BATCH = "2026-11 (first batch)";

/** Why the predictor said what it said, in one line: the deciding chain's descriptors. */
export function reasonOf(pr: Prediction, extra: string[]): string {
  const chain =
    pr.class === "SE-SMSI"
      ? "SE"
      : pr.class === "BP-SMSI"
        ? "BP"
        : pr.class === "EMSI"
          ? "EMSI"
          : pr.class === "CMSI"
            ? "CMSI"
            : null;
  const rows = pr.rationale.filter((r) => r.chain !== "size" && (chain === null || r.chain === chain));
  const fmt = (v: RowValue) => (typeof v === "number" ? Number(v.toPrecision(3)).toString() : (v ?? "?"));
  const parts = rows.map(
    (r) => `${r.descriptor.split(/[:(,]/)[0].trim()} = ${fmt(r.value)} ${r.unit} (${r.verdict})`,
  );
  return [`${pr.label} p=${pr.likelihood.toFixed(2)}`, ...parts, ...pr.notes, ...extra].join("; ");
}
type RowValue = Prediction["rationale"][number]["value"];

export function scorePredictions(cases: PublishedCase[]): PredictScoreReport {
  const scored: PredictCaseScore[] = cases.map((c) => {
    const { input, notes } = caseToPredictInput(c);
    let pr: Prediction;
    try {
      pr = predict(input);
    } catch (e) {
      // a record whose inputs the predictor refuses (e.g. a temperature outside the data) is indeterminate
      if (!(e instanceof InputError)) throw e;
      return {
        id: c.id,
        batch: typeof c.batch === "string" ? c.batch : FIRST_BATCH,
        expected: normaliseLabel(c.expected_class),
        acceptable: [
          ...new Set([normaliseLabel(c.expected_class), ...(c.acceptable_classes ?? []).map(normaliseLabel)]),
        ],
        got: "indeterminate",
        likelihood: 0,
        correct: false,
        reason: `indeterminate: ${e.message}`,
      };
    }
    const expected = normaliseLabel(c.expected_class);
    const acceptable = [...new Set([expected, ...(c.acceptable_classes ?? []).map(normaliseLabel)])];
    const batch = typeof c.batch === "string" ? c.batch : FIRST_BATCH;
    return {
      id: c.id,
      batch,
      expected,
      acceptable,
      got: pr.label,
      likelihood: pr.likelihood,
      correct: acceptable.includes(pr.label),
      reason: reasonOf(pr, notes),
    };
  });
  const { confusion, perClass } = classTable(scored);
  const byBatch: PredictScoreReport["byBatch"] = {};
  for (const s of scored) {
    byBatch[s.batch] ??= { accuracy: 0, correct: 0, total: 0 };
    const b = byBatch[s.batch];
    b.total++;
    if (s.correct) b.correct++;
  }
  for (const b of Object.values(byBatch)) b.accuracy = b.total ? b.correct / b.total : 0;
  const correct = scored.filter((s) => s.correct).length;
  return {
    accuracy: scored.length ? correct / scored.length : 0,
    correct,
    total: scored.length,
    perClass,
    confusion,
    byBatch,
    cases: scored,
  };
}

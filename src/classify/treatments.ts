/**
 * Treatments read as a chemist reads them: which gases (formula tokens are case-sensitive: "CO" is not
 * "CO2", "H2" is not "H2O"), whether the atmosphere reduces, oxidises, is a reaction mixture, inert or
 * wet chemistry, and in which order. CO + O2 is a reaction mixture, not a reduction.
 */
import { formulaPattern } from "./supports.js";
import { temperaturesC } from "./language.js";
import type { Evidence } from "./schema.js";
import { HOT_REDUCTION_MIN_C } from "./thresholds.js";

export const TRIGGERS = ["reductive", "oxidative", "adsorbate", "wet-chemical"] as const;
export type Trigger = (typeof TRIGGERS)[number];
export type StepKind = Trigger | "inert" | "unknown";

const any =
  (...ps: RegExp[]) =>
  (t: string) =>
    ps.some((p) => p.test(t));
/** Reducing gases and words: H2, hydrogen, CO, carbon monoxide, forming gas, vacuum/UHV anneals, "reduction". */
const REDUCTANT = any(
  formulaPattern("H2"),
  formulaPattern("CO"),
  formulaPattern("CH4"),
  formulaPattern("NH3"),
  /\bhydrogen\b/i,
  /\bcarbon monoxide\b/i,
  /\bforming gas\b/i,
  /\bsyngas\b/i,
  /\bhydrocarbons?\b/i,
);
const VACUUM = any(/\bUHV\b/, /\bvacuum\b/i);
const REDUCTION_WORD = /\breduc(?:tion|ed|ing|e)\b|\bHTR\b|\bLTR\b/i;
const OXIDANT = any(
  formulaPattern("O2"),
  formulaPattern("N2O"),
  formulaPattern("O3"),
  /\bair\b/i,
  /\boxygen\b/i,
  /\bozone\b/i,
);
const OXIDATION_WORD = /\boxidi[sz](?:ation|ed|ing|e)\b|\bcalcin\w*|\bre-?oxidi\w*/i;
/** Mild oxidants that, with a reductant, make an adsorbate-forming reaction mixture (CO2 + H2, CO + H2O). */
const MILD_OXIDANT = any(formulaPattern("CO2"), formulaPattern("H2O"), /\bsteam\b/i, /\bwater\b/i);
const INERT = any(
  formulaPattern("N2"),
  formulaPattern("Ar"),
  formulaPattern("He"),
  /\binert\b/i,
  /\bargon\b/i,
  /\bhelium\b/i,
  /\bnitrogen\b/i,
);
const WET =
  /\bwet\b|\baqueous\b|\bsolution\b|\bcolloid\w*|\bliquid[- ]phase\b|\bsolvothermal\b|\bhydrothermal\b/i;
const REACTION_WORD =
  /\breaction (?:conditions|mixture|atmosphere|gas|feed)\b|\bunder reaction\b|\bhydrogenation\b|\bmethanation\b|\bwater[- ]gas shift\b|\bWGS\b|\bCO oxidation\b|\bPROX\b|\bsteam reforming\b|\bdry reforming\b/i;
/** A reaction mixture with O2 stated in excess is oxidising overall. */
const OXIDANT_EXCESS = /\b(?:excess|lean|O2-rich|oxygen-rich|oxidi[sz]ing (?:mixture|conditions))\b/i;
const REDOX_CYCLES =
  /\bredox cycl\w*|\bcycl\w* (?:between|of) (?:H2|O2|reduction|oxidation)|\b(?:H2|O2)\s*\/\s*(?:O2|H2) cycl\w*/i;
const HIGH_T_WORDS = /\bhigh[- ]temperature\b|\bHTR\b/i;
const LOW_T_WORDS = /\blow[- ]temperature\b|\bLTR\b/i;

/** The kind of one atmosphere, from its free-text description. */
export function stepKind(gas: string): { kind: StepKind; why: string } {
  const t = gas.trim();
  if (WET.test(t)) return { kind: "wet-chemical", why: "wet chemistry (aqueous/solution)" };
  const red = REDUCTANT(t);
  const ox = OXIDANT(t);
  const mild = MILD_OXIDANT(t);
  if (red && ox)
    return OXIDANT_EXCESS.test(t)
      ? { kind: "oxidative", why: "reaction mixture with the oxidant in excess" }
      : { kind: "adsorbate", why: "reaction mixture of a reductant and O2 (not a reduction)" };
  if (red && mild)
    return { kind: "adsorbate", why: "reaction mixture (reductant with CO2/H2O): adsorbate-forming" };
  if (REACTION_WORD.test(t) && !ox && !red) return { kind: "adsorbate", why: "reaction conditions" };
  if (red) return { kind: "reductive", why: "reducing gas" };
  if (ox || OXIDATION_WORD.test(t)) return { kind: "oxidative", why: "oxidising gas or calcination" };
  if (mild) return { kind: "oxidative", why: "mild oxidant (CO2, H2O)" };
  if (VACUUM(t))
    return { kind: "reductive", why: "vacuum/UHV anneal (removes lattice O from reducible oxides)" };
  if (REDUCTION_WORD.test(t)) return { kind: "reductive", why: "named a reduction" };
  if (REACTION_WORD.test(t)) return { kind: "adsorbate", why: "reaction conditions" };
  if (INERT(t)) return { kind: "inert", why: "inert gas" };
  return { kind: "unknown", why: "no atmosphere recognised" };
}

export interface TreatmentStep {
  gas: string;
  kind: StepKind;
  why: string;
  temperature_C?: number;
  /** "hot" reduction (≥ the threshold, or named high-temperature), for reductive steps. */
  hot?: boolean | "unknown";
  index: number;
}

export interface TreatmentReading {
  steps: TreatmentStep[];
  /** The trigger of the last step that names an atmosphere (inert steps do not change it). */
  trigger: Trigger | "unknown";
  /** Some reductive step was hot (true), none was (false), or a temperature is missing (unknown). */
  hotReduction: boolean | "unknown";
  /** An oxidising step followed a reduction (or redox cycles were named). */
  oxidisedAfterReduction: boolean;
  redoxCycles: boolean;
  /** The last oxidising step's temperature, °C, if any. */
  lastOxidation?: { temperature_C?: number; gas: string };
}

/** Split a step description that names several steps ("H2 at 500 °C then O2 at 400 °C"). */
function splitSteps(gas: string): string[] {
  return gas
    .split(/\bthen\b|→|->|\bfollowed by\b|;/i)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function readTreatments(e: Evidence, hotMin_C = HOT_REDUCTION_MIN_C): TreatmentReading {
  const ordered = e.treatments
    .map((t, i) => ({ t, key: t.order ?? i + 1, i }))
    .sort((a, b) => a.key - b.key || a.i - b.i);
  const steps: TreatmentStep[] = [];
  let redoxCycles = false;
  for (const { t, i } of ordered) {
    const parts = splitSteps(t.gas);
    if (REDOX_CYCLES.test(`${t.gas} ${t.note ?? ""}`)) redoxCycles = true;
    parts.forEach((part, j) => {
      const k = stepKind(part);
      const inText = temperaturesC(part);
      const temperature_C = j === parts.length - 1 ? (t.temperature_C ?? inText[0]) : inText[0];
      const step: TreatmentStep = { gas: part, kind: k.kind, why: k.why, temperature_C, index: i };
      if (k.kind === "reductive") {
        const text = `${part} ${j === parts.length - 1 ? (t.note ?? "") : ""}`;
        if (temperature_C !== undefined) step.hot = temperature_C >= hotMin_C;
        else if (HIGH_T_WORDS.test(text)) step.hot = true;
        else if (LOW_T_WORDS.test(text)) step.hot = false;
        else step.hot = "unknown";
      }
      steps.push(step);
    });
  }
  let trigger: Trigger | "unknown" = "unknown";
  for (const s of steps) if (s.kind !== "inert" && s.kind !== "unknown") trigger = s.kind;
  const reductive = steps.filter((s) => s.kind === "reductive");
  const hotReduction: boolean | "unknown" = reductive.some((s) => s.hot === true)
    ? true
    : reductive.some((s) => s.hot === "unknown")
      ? "unknown"
      : steps.length === 0
        ? "unknown"
        : false;
  let seenReduction = false;
  let oxidisedAfterReduction = redoxCycles;
  let lastOxidation: TreatmentReading["lastOxidation"];
  for (const s of steps) {
    if (s.kind === "reductive") seenReduction = true;
    if (s.kind === "oxidative") {
      if (seenReduction) oxidisedAfterReduction = true;
      lastOxidation = { temperature_C: s.temperature_C, gas: s.gas };
    }
  }
  return { steps, trigger, hotReduction, oxidisedAfterReduction, redoxCycles, lastOxidation };
}

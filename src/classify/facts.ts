/**
 * Facts the rules use that are not single evidence fields: the trigger of the last treatment, whether
 * the support is reducible, whether the catalyst saw a hot reduction.
 */
import type { RuleSet } from "./rules.js";
import type { Evidence } from "./schema.js";

export const TRIGGERS = ["reductive", "oxidative", "adsorbate", "wet-chemical"] as const;
export type Trigger = (typeof TRIGGERS)[number];

/**
 * ASSUMPTION (overridable): the lowest reduction temperature counted as a "hot" (SMSI-inducing)
 * reduction. Tauster, Fung, Garten (JACS 100, 170, 1978) saw chemisorption kept after H2 at 200 °C
 * and lost after 500 °C; 400 °C lies between and is not itself a published threshold.
 */
export const HOT_REDUCTION_MINIMUM_C = 400;

export interface FactOptions {
  hotReductionMinimum_C?: number;
}

export interface Facts {
  trigger: Trigger | "unknown";
  supportReducible: boolean | "unknown";
  supportReducibilitySource?: string;
  hotReduction: boolean | "unknown";
}

const HIGH_TEMPERATURE_TEXT = /high[- ]temperature|\bHTR\b/i;
const OXYGEN = /(?<![A-Za-z])O2(?![A-Za-z0-9])|\bair\b|oxidi[sz]|oxidation|calcin/i;
const REDUCING =
  /(?<![A-Za-z])H2(?![A-Za-z0-9])|hydrogen|\bUHV\b|vacuum|reduc|(?<![A-Za-z])CO(?![A-Za-z0-9])/i;
const ADSORBATE = /CO2\s*\/\s*H2|H2\s*\/\s*CO2|CO2 (hydrogenation|reduction|methanation)|adsorbate/i;
const WET = /\bwet\b|aqueous|solution|colloid/i;

/** The trigger a treatment atmosphere implies, read from its free-text gas description. */
export function triggerOfGas(gas: string): Trigger | "unknown" {
  const head = gas.trim();
  if (WET.test(head)) return "wet-chemical";
  if (ADSORBATE.test(head)) return "adsorbate";
  if (/^(H2|CO|UHV|vacuum)(?![A-Za-z0-9])/i.test(head)) return "reductive";
  if (/^(O2|air)(?![A-Za-z0-9])/i.test(head)) return "oxidative";
  if (REDUCING.test(head)) return "reductive";
  if (OXYGEN.test(head)) return "oxidative";
  return "unknown";
}

function orderedTreatments(e: Evidence) {
  return e.treatments
    .map((t, i) => ({ t, key: t.order ?? i + 1 }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.t);
}

export function deriveFacts(e: Evidence, rules: RuleSet, options: FactOptions = {}): Facts {
  const minimum = options.hotReductionMinimum_C ?? HOT_REDUCTION_MINIMUM_C;
  const treatments = orderedTreatments(e);
  let trigger: Trigger | "unknown" = "unknown";
  for (const t of treatments) {
    const tr = triggerOfGas(t.gas);
    if (tr !== "unknown") trigger = tr;
  }
  let hotReduction: boolean | "unknown" = treatments.length === 0 ? "unknown" : false;
  for (const t of treatments) {
    if (triggerOfGas(t.gas) !== "reductive") continue;
    const text = `${t.gas} ${t.note ?? ""}`;
    if ((t.temperature_C !== undefined && t.temperature_C >= minimum) || HIGH_TEMPERATURE_TEXT.test(text))
      hotReduction = true;
    else if (t.temperature_C === undefined && hotReduction === false) hotReduction = "unknown";
  }
  const supportText = `${e.catalyst.support} ${e.catalyst.support_phase ?? ""}`;
  const hits = rules.supports.filter((s) => s.pattern.test(supportText));
  const reducible = hits.find((s) => s.reducible);
  const chosen = reducible ?? hits[0];
  return {
    trigger,
    supportReducible: chosen ? chosen.reducible : "unknown",
    supportReducibilitySource: chosen ? `${chosen.name}: ${chosen.source}` : undefined,
    hotReduction,
  };
}

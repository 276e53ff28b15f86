/**
 * The 2026 SMSI taxonomy as an explainable decision procedure: evaluate every criterion rule on the
 * evidence, report each criterion's verdict with the evidence and rule behind it, then take the first
 * class rule that holds. Conflicts are reported, never silently resolved.
 */
import { type ConditionContext, type CriterionVerdict, evaluate, readPath } from "./conditions.js";
import { deriveFacts, type FactOptions, type Facts, type Trigger } from "./facts.js";
import {
  bundledRuleSet,
  type CriterionDefinition,
  type CriterionRule,
  type Dimensions,
  type RuleSet,
  type SmsiClass,
  type Strength,
} from "./rules.js";
import type { Evidence } from "./schema.js";

export interface FiredRule {
  rule: string;
  verdict: "met" | "not-met";
  basis: "direct" | "inferred";
  evidence: string;
  cites: string;
}

export interface CriterionResult {
  id: string;
  name: string;
  verdict: CriterionVerdict;
  /** What the verdict rests on (the evidence statements of the rules that fired). */
  evidence: string[];
  /** The rules that fired, with their citations. */
  rule: FiredRule[];
  /** The kind of migration for C1 (surface-migration, lattice-oxygen). */
  via: string[];
}

export interface MissingExperiment {
  experiment: string;
  why: string;
  wouldDistinguish: string;
}

export type ConfidenceLevel = "high" | "medium" | "low";

export interface Classification {
  class: SmsiClass;
  /** The label used by the published-case files, e.g. "SE-SMSI-reductive". */
  label: string;
  trigger: Trigger | "unknown" | null;
  strength: Strength;
  /** True for the strict classes (SE-SMSI, BP-SMSI). */
  strict: boolean;
  /** True when all four strict criteria are met by the evidence. */
  allStrictCriteriaMet: boolean;
  outOfScheme?: string;
  decidedBy: { rule: string; cites: string };
  criteria: CriterionResult[];
  dimensions: Dimensions | undefined;
  confidence: { level: ConfidenceLevel; score: number; reasons: string[] };
  conflicts: string[];
  missing: MissingExperiment[];
  facts: Facts;
}

export interface ClassifyOptions extends FactOptions {
  rules?: RuleSet;
}

/**
 * ASSUMPTION (heuristic, documented in docs/classify.md): confidence factors. A class resting only on
 * inferred evidence, an undecided strict criterion, a conflict or low-quality evidence each lower it.
 */
export const CONFIDENCE_FACTORS = {
  inferredOnly: 0.7,
  perUnknownCriterion: 0.9,
  perConflict: 0.6,
  lowQualityEvidence: 0.8,
  highAtLeast: 0.75,
  mediumAtLeast: 0.5,
} as const;

function fillTemplate(text: string, evidence: Evidence): string {
  return text.replace(/\{([a-z0-9_.]+)\}/gi, (_, path: string) => {
    const v = readPath(evidence, path);
    return v === undefined || v === null ? "unknown" : String(v);
  });
}

function judgeCriterion(
  def: CriterionDefinition,
  fired: CriterionRule[],
  evidence: Evidence,
  conflicts: string[],
): CriterionResult {
  const met = fired.filter((r) => r.verdict === "met");
  const notMet = fired.filter((r) => r.verdict === "not-met");
  const direct = (rs: CriterionRule[]) => rs.some((r) => r.basis === "direct");
  let verdict: CriterionVerdict = "unknown";
  if (met.length && notMet.length) {
    const text = `${def.id} (${def.name}): ${met.map((r) => r.id).join(", ")} says met, ${notMet
      .map((r) => r.id)
      .join(", ")} says not met`;
    if (direct(met) && !direct(notMet)) verdict = "met";
    else if (direct(notMet) && !direct(met)) verdict = "not-met";
    conflicts.push(
      `${text}; ${verdict === "unknown" ? "left undecided" : `direct evidence wins: ${verdict}`}`,
    );
  } else if (met.length) verdict = "met";
  else if (notMet.length) verdict = "not-met";
  const used = verdict === "met" ? met : verdict === "not-met" ? notMet : fired;
  return {
    id: def.id,
    name: def.name,
    verdict,
    evidence: used.map((r) => fillTemplate(r.evidence, evidence)),
    rule: used.map((r) => ({
      rule: `${def.id}/${r.id}`,
      verdict: r.verdict,
      basis: r.basis,
      evidence: fillTemplate(r.evidence, evidence),
      cites: r.cites,
    })),
    via: verdict === "met" ? [...new Set(met.flatMap((r) => (r.via ? [r.via] : [])))] : [],
  };
}

const LABELS: Record<SmsiClass, string> = {
  "SE-SMSI": "SE-SMSI",
  "BP-SMSI": "BP-SMSI",
  EMSI: "EMSI-only (not strict)",
  CMSI: "CMSI (not strict)",
  none: "none",
  indeterminate: "indeterminate",
};

/** The published-case label of a class (and trigger), e.g. "SE-SMSI-oxidative". */
export function classLabel(cls: SmsiClass, trigger: string | null): string {
  if (cls === "SE-SMSI") return `SE-SMSI-${trigger ?? "unknown"}`;
  return LABELS[cls];
}

const SECTIONS = [
  "microscopy",
  "chemisorption",
  "xps",
  "ir_co",
  "eels_eds",
  "isotope",
  "bulk_oxygen_in_metal",
  "strain",
  "electron_transfer",
  "reversibility",
  "catalysis",
] as const;

export function classifyEvidence(evidence: Evidence, options: ClassifyOptions = {}): Classification {
  const rules = options.rules ?? bundledRuleSet();
  const facts = deriveFacts(evidence, rules, options);
  const results = new Map<string, CriterionResult>();
  const ctx: ConditionContext = {
    field: (path) => readPath(evidence, path),
    fact: (name) => (facts as unknown as Record<string, unknown>)[name],
    criterion: (id) => results.get(id),
  };
  const conflicts: string[] = [];
  for (const def of rules.criteria) {
    const fired = def.rules.filter((r) => evaluate(r.when, ctx));
    results.set(def.id, judgeCriterion(def, fired, evidence, conflicts));
  }
  const criteria = [...results.values()];
  const decided = rules.classes.find((c) => evaluate(c.when, ctx));
  if (!decided) throw new Error("classes.yaml has no fallback rule"); // loadRuleSet guarantees one
  const cls = decided.class;
  const strict = cls === "SE-SMSI" || cls === "BP-SMSI";
  const trigger = decided.trigger === "fromTreatment" ? facts.trigger : null;

  if (strict)
    for (const c of criteria)
      if (c.verdict === "not-met")
        conflicts.push(`${cls} but ${c.id} (${c.name}) is not met: ${c.evidence.join("; ")}`);
  if (cls === "SE-SMSI" && evidence.chemisorption?.suppressed === "no")
    conflicts.push(
      "an overlayer is reported but small-molecule chemisorption is not suppressed (permeable or partial shell?)",
    );
  if (cls === "BP-SMSI" && evidence.microscopy?.lattice_matched_interface === "no")
    conflicts.push("BP-SMSI needs a lattice-matched interface, but the interface is reported as mismatched");

  const missing = rules.experiments
    .filter((x) => evaluate(x.when, ctx))
    .map(({ experiment, why, wouldDistinguish }) => ({ experiment, why, wouldDistinguish }));

  const reasons: string[] = [];
  let score = cls === "indeterminate" ? 0 : 1;
  if (cls !== "indeterminate") {
    const deciding = criteria.flatMap((c) => (c.verdict !== "unknown" ? c.rule : []));
    if (deciding.length && deciding.every((r) => r.basis === "inferred")) {
      score *= CONFIDENCE_FACTORS.inferredOnly;
      reasons.push("the verdict rests on inferred (not directly observed) evidence");
    }
    const unknown = criteria.filter((c) => c.verdict === "unknown");
    if (unknown.length) {
      score *= CONFIDENCE_FACTORS.perUnknownCriterion ** unknown.length;
      reasons.push(`undecided criteria: ${unknown.map((c) => c.id).join(", ")}`);
    }
    if (conflicts.length) {
      score *= CONFIDENCE_FACTORS.perConflict ** conflicts.length;
      reasons.push(`${conflicts.length} conflict(s)`);
    }
    const low = SECTIONS.filter((s) => evidence[s]?.quality === "low");
    if (low.length) {
      score *= CONFIDENCE_FACTORS.lowQualityEvidence;
      reasons.push(`low-quality evidence in ${low.join(", ")}`);
    }
  } else reasons.push("no class rule holds on this evidence; see `missing`");
  const level: ConfidenceLevel =
    score >= CONFIDENCE_FACTORS.highAtLeast
      ? "high"
      : score >= CONFIDENCE_FACTORS.mediumAtLeast
        ? "medium"
        : "low";

  return {
    class: cls,
    label: classLabel(cls, trigger),
    trigger,
    strength: decided.strength,
    strict,
    allStrictCriteriaMet: criteria.length > 0 && criteria.every((c) => c.verdict === "met"),
    outOfScheme: decided.outOfScheme,
    decidedBy: { rule: decided.id, cites: decided.cites },
    criteria,
    dimensions: rules.dimensions[cls],
    confidence: { level, score: Math.round(score * 1000) / 1000, reasons },
    conflicts,
    missing,
    facts,
  };
}

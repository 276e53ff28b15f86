/**
 * The 2026 SMSI taxonomy as an explainable procedure: read the evidence into findings (numbers by stated
 * thresholds, free text by general language rules), judge the review's criteria C1–C4, check BP-SMSI's
 * premises where the phases are named, rank every class with a likelihood and the evidence for and against
 * it, and name the experiment that best separates the two most likely classes. Conflicts are reported.
 */
import { type CriterionResult, judgeCriteria, type Resolved, resolveFindings } from "./criteria.js";
import { evidenceFindings, type Finding, type FindingKey, type ReadContext } from "./findings.js";
import { interfaceCoherence, oxygenStep } from "./premises.js";
import {
  CLASS_NAMES,
  type Experiment,
  type NextExperiment,
  nextExperiment,
  OUTSIDE_SCHEME,
  openExperiments,
  type PremiseResult,
  type RankedClass,
  rankClasses,
  type SmsiClass,
} from "./rank.js";
import type { Evidence } from "./schema.js";
import { identifySupport, type IdentifiedSupport } from "./supports.js";
import { DEFAULT_PO2_BAR, DEFAULT_THRESHOLDS, type Thresholds, THRESHOLD_SOURCES } from "./thresholds.js";
import { readTreatments, type TreatmentReading, type Trigger } from "./treatments.js";

export { CLASS_NAMES, type SmsiClass };
export type Strength = "weak" | "moderate" | "strong" | "unknown";

export interface Dimensions {
  migratingSpecies: string;
  migrationPathway: string;
  structuralCharacteristics: string;
  corePremise: string;
  performanceRegulation: string;
}

export interface PremiseCheck {
  /** Whether the BP premises were checked (the evidence named the phases and BP was in contention). */
  checked: boolean;
  how: string;
  result: PremiseResult | null;
}

export interface Classification {
  class: SmsiClass;
  /** The published-case label, e.g. "SE-SMSI-reductive", "EMSI-only (not strict)". */
  label: string;
  trigger: Trigger | "unknown" | null;
  strength: Strength;
  /** True for the strict classes (SE-SMSI, BP-SMSI). */
  strict: boolean;
  /** strict: all four criteria met or implied; provisional: a strict class with criteria unknown. */
  status: "strict" | "provisional" | "not strict" | "indeterminate";
  allStrictCriteriaMet: boolean;
  outOfScheme?: string;
  criteria: CriterionResult[];
  ranked: RankedClass[];
  /** What `likelihood` means. */
  likelihoodMeaning: string;
  nextExperiment: NextExperiment | null;
  dimensions: Dimensions;
  confidence: { level: "high" | "medium" | "low"; score: number; reasons: string[] };
  conflicts: string[];
  missing: { experiment: string; why: string; wouldDistinguish: string }[];
  premises: PremiseCheck;
  findings: {
    key: FindingKey;
    value: string;
    basis: string;
    from: string[];
    says: string[];
    how: string[];
  }[];
  support: {
    name: string;
    matched: string;
    reducible: boolean;
    source: string;
    materialsId: string | null;
  } | null;
  treatments: TreatmentReading;
  thresholds: Record<string, { value: number; source: string }>;
  /** Kept for old consumers: trigger, support reducibility, hot reduction. */
  facts: {
    trigger: Trigger | "unknown";
    supportReducible: boolean | "unknown";
    hotReduction: boolean | "unknown";
  };
}

export interface PremiseProvider {
  interfaceCoherence: typeof interfaceCoherence;
  oxygenStep: typeof oxygenStep;
}

export interface ClassifyOptions {
  thresholds?: Partial<Thresholds>;
  /** Override the premise checks (tests); `false` skips them. */
  premises?: PremiseProvider | false;
}

export const LIKELIHOOD_MEANING =
  "normalised evidence score: (prior 0.1 + weights for − weights against, floored at 0) ÷ the sum over all classes; not a calibrated probability (docs/classify.md)";

const LABELS: Record<SmsiClass, string> = {
  "SE-SMSI": "SE-SMSI",
  "BP-SMSI": "BP-SMSI",
  EMSI: "EMSI-only (not strict)",
  CMSI: "CMSI (not strict)",
  RMSI: "RMSI (alloy/intermetallic, outside the scheme)",
  "metal-into-support": "metal into support (outside the scheme)",
  exsolution: "exsolution (outside the scheme)",
  "metal-oxidised": "metal oxidised, origin unknown",
  none: "none",
  indeterminate: "indeterminate",
};

const STRENGTH: Record<SmsiClass, Strength> = {
  "SE-SMSI": "strong",
  "BP-SMSI": "strong",
  EMSI: "moderate",
  CMSI: "moderate",
  RMSI: "strong",
  "metal-into-support": "strong",
  exsolution: "strong",
  "metal-oxidised": "unknown",
  none: "weak",
  indeterminate: "unknown",
};

/** The label of a class (and trigger), e.g. "SE-SMSI-oxidative". */
export function classLabel(cls: SmsiClass, trigger: string | null): string {
  if (cls === "SE-SMSI") return `SE-SMSI-${trigger ?? "unknown"}`;
  return LABELS[cls];
}

/**
 * The label in the published-case vocabulary (SE-SMSI-*, BP-SMSI, EMSI-only, CMSI, none). Classes outside
 * the SE/BP scheme have no label there and are scored as `none` (the scheme's "no SE/BP/EMSI/CMSI");
 * "metal oxidised, origin unknown" is scored as `indeterminate`. Fixed before any case was scored.
 */
export function schemeLabel(cls: SmsiClass, trigger: string | null): string {
  if (cls === "RMSI" || cls === "metal-into-support" || cls === "exsolution") return "none";
  if (cls === "metal-oxidised") return "indeterminate";
  return classLabel(cls, trigger);
}

/** The review's Table 1, written for this metal and support. */
export function dimensionsFor(
  cls: SmsiClass,
  metal: string,
  s: IdentifiedSupport | null,
  supportText: string,
): Dimensions {
  const sup = s?.support.name ?? supportText;
  const cat = s?.support.cation ?? "support";
  const sub = s?.support.suboxide && s.support.suboxide !== "none" ? s.support.suboxide : `${sup} suboxide`;
  const red =
    s?.support.reducedCation && s.support.reducedCation !== "none"
      ? s.support.reducedCation
      : `reduced ${cat}`;
  switch (cls) {
    case "SE-SMSI":
      return {
        migratingSpecies: `${cat} cations / low-valent ${sub} clusters (${red})`,
        migrationPathway: `2-D diffusion, ${sup} surface → ${metal} surface`,
        structuralCharacteristics: `${sub} shell on ${metal} (core–shell)`,
        corePremise: `${s ? (s.support.reducible ? "reducible" : "non-reducible (no mobile suboxide expected)") : "reducibility unknown for"} ${sup} + the trigger treatment`,
        performanceRegulation: `suppressed H2/CO adsorption on ${metal}, site blocking`,
      };
    case "BP-SMSI":
      return {
        migratingSpecies: `lattice O²⁻ of ${sup}`,
        migrationPathway: `${sup} bulk → interface channel → ${metal} bulk`,
        structuralCharacteristics: `O embedded in ${metal} (solid solution), ${metal} oxide grown from the interface; ${metal}–O–${cat} interface, no shell`,
        corePremise: `lattice-matched ${metal}/${sup} interface; μ_O difference`,
        performanceRegulation: `${metal} electronic state and surface adsorption (d-band down, weaker CO), surface left open`,
      };
    case "EMSI":
      return {
        migratingSpecies: "none (electrons only)",
        migrationPathway: `charge transfer across the ${metal}/${sup} interface`,
        structuralCharacteristics: "no shell, no bulk change",
        corePremise: `work-function / Fermi-level difference of ${metal} and ${sup}`,
        performanceRegulation: `electronic modification of adsorption on ${metal} (moderate)`,
      };
    case "CMSI":
      return {
        migratingSpecies: `none (${metal} atoms anchored by ${sup})`,
        migrationPathway: "none",
        structuralCharacteristics: `single ${metal} atoms covalently bound in ${sup} sites`,
        corePremise: `strong covalent ${metal}–O(${sup}) bonds at anchoring sites`,
        performanceRegulation: "single-site chemistry",
      };
    case "RMSI":
      return {
        migratingSpecies: `${red} from ${sup} into ${metal}`,
        migrationPathway: `reduction of ${sup} at the interface, ${cat} diffuses into ${metal}`,
        structuralCharacteristics: `${metal}–${cat} alloy / intermetallic, no oxide shell`,
        corePremise: `reducible ${sup} whose cation alloys with ${metal}, reducing treatment`,
        performanceRegulation: "ensemble and ligand effects of the alloy",
      };
    case "metal-into-support":
      return {
        migratingSpecies: `${metal} atoms or cations`,
        migrationPathway: `${metal} → ${sup} subsurface or bulk`,
        structuralCharacteristics: `${metal} dissolved in or buried below ${sup}`,
        corePremise: `${metal} soluble in the ${sup} lattice at the treatment conditions`,
        performanceRegulation: `fewer exposed ${metal} sites`,
      };
    case "exsolution":
      return {
        migratingSpecies: `${metal} cations of the ${sup} host lattice`,
        migrationPathway: `${sup} bulk → surface, reduced to metallic ${metal}`,
        structuralCharacteristics: `${metal} particles socketed in ${sup}`,
        corePremise: `${metal} dissolved in a reducible host (${sup}), reducing treatment`,
        performanceRegulation: "anchored, sinter-resistant particles",
      };
    case "metal-oxidised":
      return {
        migratingSpecies: `O, origin unknown (the gas or the ${sup} lattice)`,
        migrationPathway: `unknown: gas → ${metal} surface, or ${sup} → interface → ${metal}`,
        structuralCharacteristics: `oxygen in ${metal} / ${metal} oxide`,
        corePremise:
          "an oxidising gas; for BP-SMSI also a lattice-matched interface and support O shown by ¹⁸O",
        performanceRegulation: `oxidised ${metal}`,
      };
    case "none":
      return {
        migratingSpecies: "none",
        migrationPathway: "none",
        structuralCharacteristics: `${metal} particles on an unchanged ${sup}`,
        corePremise: "no driving force or no pathway for support migration",
        performanceRegulation: "none beyond particle size and dispersion",
      };
    default:
      return {
        migratingSpecies: "unknown",
        migrationPathway: "unknown",
        structuralCharacteristics: "unknown",
        corePremise: "unknown",
        performanceRegulation: "unknown",
      };
  }
}

function checkPremises(
  e: Evidence,
  s: IdentifiedSupport | null,
  tr: TreatmentReading,
  f: Map<FindingKey, Resolved>,
  provider: PremiseProvider | false,
): PremiseCheck {
  const present = (k: FindingKey) => {
    const v = f.get(k)?.value;
    return v === "yes" || v === "partial";
  };
  const inContention =
    tr.trigger === "oxidative" || present("bulkOxygen") || present("oxideInMetal") || present("o18Support");
  if (!inContention)
    return {
      checked: false,
      how: "not checked: no oxidising treatment and no oxygen in the metal (BP-SMSI not in contention)",
      result: null,
    };
  if (provider === false)
    return { checked: false, how: "not checked (premise checks switched off)", result: null };
  if (!s)
    return {
      checked: false,
      how: `not checked: the support "${e.catalyst.support}" was not recognised`,
      result: null,
    };
  if (!s.materialsId)
    return {
      checked: false,
      how: `not checked: ${s.support.name} — ${s.noStructure ?? "no structure"}`,
      result: null,
    };
  const metal = e.catalyst.metal.trim();
  const coherence: PremiseResult["coherence"] = [];
  const v = provider.interfaceCoherence(metal, s.materialsId);
  coherence.push({ metal, support: s.materialsId, verdict: v });
  const oxidation = tr.lastOxidation;
  let step: PremiseResult["oxygenStep"] = null;
  if (oxidation?.temperature_C !== undefined) {
    const pO2 = /\bair\b/i.test(oxidation.gas) ? DEFAULT_PO2_BAR.air : DEFAULT_PO2_BAR.O2;
    const r = provider.oxygenStep(metal, s.materialsId, oxidation.temperature_C + 273.15, {
      kind: "O2",
      pO2_bar: pO2,
    });
    if (r) {
      step = {
        downhill: r.downhill,
        drivingForce_eV: r.drivingForce_eV,
        oxide: r.oxide,
        temperature_C: oxidation.temperature_C,
      };
      // The interface that carries O may be the metal's oxide on the support (RuO2 on rutile).
      const ov = provider.interfaceCoherence(r.oxide, s.materialsId);
      if (ov) coherence.push({ metal: r.oxide, support: s.materialsId, verdict: ov });
    }
  }
  const parts = coherence.map(
    (c) => `${c.metal} on ${c.support}: ${c.verdict ?? "no verdict (phase not in the materials library)"}`,
  );
  return {
    checked: true,
    how: `interface coherence from smsi interface (the support's dominant facets against the dense planes, src/match/gate.ts) — ${parts.join("; ")}; μ_O step from smsi thermo equilibria — ${
      step
        ? `${step.oxide} formation ${step.downhill ? "downhill" : "uphill"} by ${Math.abs(step.drivingForce_eV).toFixed(2)} eV/O at ${step.temperature_C} °C in ${/\bair\b/i.test(oxidation?.gas ?? "") ? "air (0.21 bar O2, assumption)" : "O2 (1 bar, assumption)"}`
        : "not available (no oxidation temperature or no sourced oxide of the metal)"
    }`,
    result: { coherence, oxygenStep: step },
  };
}

function summariseFindings(f: Map<FindingKey, Resolved>): Classification["findings"] {
  return [...f.entries()].map(([key, r]) => ({
    key,
    value: r.value,
    basis: r.basis,
    from: r.used.map((x: Finding) => x.from),
    says: r.used.map((x: Finding) => x.says),
    how: r.used.map((x: Finding) => x.how),
  }));
}

export function classifyEvidence(evidence: Evidence, options: ClassifyOptions = {}): Classification {
  const thresholds: Thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const identified = identifySupport(evidence.catalyst.support, evidence.catalyst.support_phase ?? "");
  const treatments = readTreatments(evidence, thresholds.hotReductionMin_C);
  const ctx: ReadContext = {
    metal: evidence.catalyst.metal.trim(),
    support: identified?.support ?? null,
    thresholds,
  };
  const raw = evidenceFindings(evidence, ctx);
  const f = resolveFindings(raw);
  const criteria = judgeCriteria(f, { support: identified?.support ?? null, treatments });
  const provider = options.premises === undefined ? { interfaceCoherence, oxygenStep } : options.premises;
  const premises = checkPremises(evidence, identified, treatments, f, provider);
  const amorphous = identified?.noStructure === "amorphous (no lattice)";
  const ranked = rankClasses({
    findings: f,
    criteria,
    support: identified?.support ?? null,
    amorphousSupport: amorphous,
    treatments,
    premises: premises.result,
  });

  const conflicts: string[] = [];
  for (const r of f.values()) if (r.conflict) conflicts.push(r.conflict);
  const known = [...f.values()].some((r) => r.value !== "unknown");
  let cls: SmsiClass = known ? ranked[0].class : "indeterminate";
  // BP-SMSI needs origin evidence: oxygen in the metal alone is "metal oxidised, origin unknown".
  const has = (k: FindingKey) => f.get(k)?.value === "yes" || f.get(k)?.value === "partial";
  const origin =
    has("o18Support") ||
    (has("onsetInterface") && (has("oxideInMetal") || has("bulkOxygen")) && !has("onsetSurface"));
  const reasons: string[] = [];
  if (cls === "BP-SMSI" && !origin) {
    if (has("bulkOxygen") || has("oxideInMetal")) {
      cls = "metal-oxidised";
      reasons.push(
        "BP-SMSI ranks first but nothing shows the oxygen came from the support (¹⁸O tracing or interface-first oxidation): reported as metal oxidised, origin unknown",
      );
    } else {
      // Nothing observed in the metal either: BP rests on premises alone; the next class with evidence answers.
      const next = ranked.find(
        (r) => r.class !== "BP-SMSI" && r.class !== "metal-oxidised" && r.for.length > 0,
      );
      cls = next ? next.class : "indeterminate";
      reasons.push(
        "BP-SMSI ranks first on its premises alone (no oxygen observed in the metal, no origin evidence): not a verdict; the next class with evidence is reported",
      );
    }
  }
  const trigger = cls === "SE-SMSI" ? treatments.trigger : null;
  const strictClass = cls === "SE-SMSI" || cls === "BP-SMSI";
  const allMet = criteria.every((c) => c.verdict === "met");
  const status: Classification["status"] =
    cls === "indeterminate"
      ? "indeterminate"
      : strictClass
        ? allMet
          ? "strict"
          : "provisional"
        : "not strict";
  if (strictClass)
    for (const c of criteria)
      if (c.verdict === "not-met")
        conflicts.push(`${cls} but ${c.id} (${c.name}) is not met: ${c.evidence.join("; ")}`);

  const top = ranked.find((r) => r.class === cls);
  const second = ranked.find((r) => r.class !== cls);
  let score = cls === "indeterminate" ? 0 : (top?.likelihood ?? 0);
  if (strictClass && !allMet) {
    const unknown = criteria.filter((c) => c.verdict !== "met").map((c) => c.id);
    reasons.push(
      `provisional: ${unknown.join(", ")} not established, so this is the most likely class, not a strict verdict`,
    );
  }
  if (strictClass && allMet) {
    const implied = criteria.filter((c) => c.basis === "implied").map((c) => c.id);
    reasons.push(
      implied.length
        ? `strict: all four criteria met (${implied.join(", ")} implied by evidence the review names)`
        : "strict: all four criteria observed",
    );
  }
  if (second && top)
    reasons.push(`lead over ${second.class}: ${(top.likelihood - second.likelihood).toFixed(3)}`);
  if (conflicts.length) reasons.push(`${conflicts.length} conflict(s)`);
  if (!known) reasons.push("nothing about the catalyst's state is known; see nextExperiment");
  const margin = top && second ? top.likelihood - second.likelihood : 0;
  if (strictClass && !allMet) score = Math.min(score, 0.6);
  const level =
    cls === "indeterminate"
      ? "low"
      : status === "provisional"
        ? score >= 0.3 && margin >= 0.1
          ? "medium"
          : "low"
        : score >= 0.5 && margin >= 0.2 && !conflicts.length
          ? "high"
          : score >= 0.3 && margin >= 0.1
            ? "medium"
            : "low";

  const nx = known
    ? nextExperiment(ranked, f)
    : nextExperiment(
        ranked.filter((r) => ["SE-SMSI", "BP-SMSI", "EMSI", "none"].includes(r.class)),
        f,
      );
  const missing = openExperiments(ranked, f).map((x: Experiment) => ({
    experiment: x.experiment,
    why: x.why,
    wouldDistinguish: x.separates.map(([a, b]) => `${a} vs ${b}`).join(", "),
  }));

  const reducible = identified ? identified.support.reducible : "unknown";
  return {
    class: cls,
    label: classLabel(cls, trigger),
    trigger,
    strength: STRENGTH[cls],
    strict: strictClass,
    status,
    allStrictCriteriaMet: allMet,
    outOfScheme: OUTSIDE_SCHEME[cls],
    criteria,
    ranked,
    likelihoodMeaning: LIKELIHOOD_MEANING,
    nextExperiment: nx,
    dimensions: dimensionsFor(cls, evidence.catalyst.metal.trim(), identified, evidence.catalyst.support),
    confidence: { level, score: Math.round(score * 1000) / 1000, reasons },
    conflicts,
    missing,
    premises,
    findings: summariseFindings(f),
    support: identified
      ? {
          name: identified.support.name,
          matched: identified.matched,
          reducible: identified.support.reducible,
          source: identified.support.source,
          materialsId: identified.materialsId,
        }
      : null,
    treatments,
    thresholds: Object.fromEntries(
      (Object.keys(thresholds) as (keyof Thresholds)[]).map((k) => [
        k,
        { value: thresholds[k], source: THRESHOLD_SOURCES[k] },
      ]),
    ),
    facts: {
      trigger: treatments.trigger,
      supportReducible: reducible,
      hotReduction: treatments.hotReduction,
    },
  };
}

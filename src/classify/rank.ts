/**
 * Ranked answers: every class with a likelihood, the evidence for and against it, and the one experiment
 * that best separates the two most likely classes.
 *
 * The likelihood is a NORMALISED EVIDENCE SCORE, not a calibrated probability: for each class,
 * score = CLASS_PRIOR + Σ weights of the findings for it − Σ weights of the findings against it, floored at 0;
 * likelihood = score ÷ the sum of the scores of all classes. Weights (ASSUMPTION, written before scoring):
 * the class's defining observation (review / the class's founding paper) counts DEFINING_WEIGHT, a
 * supporting observation 1–1.5, a premise (support, treatment, interface) 0.25–0.5; an inferred or
 * low-quality finding counts half, a hedged (`partial`) one half.
 */
import type { Resolved } from "./criteria.js";
import type { CriterionResult } from "./criteria.js";
import { FINDING_MEANING, type FindingKey } from "./findings.js";
import type { SupportInfo } from "./supports.js";
import type { TreatmentReading, Trigger } from "./treatments.js";
import { BP_WINDOW_C } from "./thresholds.js";

/** All classes; equal likelihoods are ranked in this order (the scheme's classes first). */
export const CLASS_NAMES = [
  "SE-SMSI",
  "BP-SMSI",
  "EMSI",
  "none",
  "CMSI",
  "metal-oxidised",
  "RMSI",
  "metal-into-support",
  "exsolution",
  "indeterminate",
] as const;
export type SmsiClass = (typeof CLASS_NAMES)[number];
export type RankedClassName = Exclude<SmsiClass, "indeterminate">;

/** Classes outside the SE/BP scheme, each with its own label (what it is, in words). */
export const OUTSIDE_SCHEME: Partial<Record<SmsiClass, string>> = {
  RMSI: "alloy / intermetallic formation with the support's cation (reactive metal–support interaction): outside the SE/BP scheme",
  "metal-into-support":
    "the metal migrates into / dissolves in the support (not the support over the metal): outside the SE/BP scheme",
  exsolution: "metal exsolved from the host oxide lattice (socketed particles): outside the SE/BP scheme",
  "metal-oxidised":
    "metal oxidised, origin unknown: oxygen in the metal without evidence that it came from the support",
};

/** ASSUMPTION: score every class starts from, so that a class without evidence keeps a small likelihood. */
export const CLASS_PRIOR = 0.1;
/** ASSUMPTION: weight of a class's defining observation (the review's or the founding paper's). */
export const DEFINING_WEIGHT = 3;

export interface RankedClass {
  class: RankedClassName;
  trigger: Trigger | "unknown" | null;
  likelihood: number;
  for: string[];
  against: string[];
}

export interface PremiseResult {
  coherence: { metal: string; support: string; verdict: string | null }[];
  oxygenStep: { downhill: boolean; drivingForce_eV: number; oxide: string; temperature_C: number } | null;
}

export interface RankContext {
  findings: Map<FindingKey, Resolved>;
  criteria: CriterionResult[];
  support: SupportInfo | null;
  amorphousSupport: boolean;
  treatments: TreatmentReading;
  premises: PremiseResult | null;
}

interface Tally {
  score: number;
  for: string[];
  against: string[];
}

export function rankClasses(ctx: RankContext): RankedClass[] {
  const f = ctx.findings;
  const tallies = new Map<RankedClassName, Tally>();
  for (const c of CLASS_NAMES)
    if (c !== "indeterminate") tallies.set(c, { score: CLASS_PRIOR, for: [], against: [] });
  const weightOf = (r: Resolved, base: number) => {
    let w = base;
    if (r.value === "partial") w *= 0.5;
    if (r.basis === "inferred") w *= 0.5;
    if (r.used.every((x) => x.lowQuality)) w *= 0.5;
    return w;
  };
  const describe = (k: FindingKey, r: Resolved) =>
    `${FINDING_MEANING[k]}: ${r.value}${r.basis === "inferred" ? " (inferred)" : ""} [${r.used.map((x) => x.from).join(", ")}]`;
  /** A finding counts for (when present) or against (when absent) a class. */
  const on = (
    cls: RankedClassName,
    k: FindingKey,
    ifYes: number,
    ifNo: number,
    side: "for" | "against" = "for",
  ) => {
    const r = f.get(k);
    if (!r || r.value === "unknown") return;
    const t = tallies.get(cls) as Tally;
    const present = r.value !== "no";
    const base = present ? ifYes : ifNo;
    if (!base) return;
    const w = weightOf(r, base);
    const pro = (side === "for") === present;
    t.score += pro ? w : -w;
    (pro ? t.for : t.against).push(`${describe(k, r)} (${pro ? "+" : "−"}${w.toFixed(2)})`);
  };
  const premise = (cls: RankedClassName, text: string, w: number) => {
    const t = tallies.get(cls) as Tally;
    t.score += w;
    (w >= 0 ? t.for : t.against).push(`${text} (${w >= 0 ? "+" : "−"}${Math.abs(w).toFixed(2)})`);
  };
  const yes = (k: FindingKey) => f.get(k)?.value === "yes" || f.get(k)?.value === "partial";
  const tr = ctx.treatments;
  const reducible = ctx.support?.reducible;

  // SE-SMSI: a support shell over the metal (review Table 1; Tauster 1978).
  on("SE-SMSI", "overlayer", DEFINING_WEIGHT, 3);
  on("SE-SMSI", "supportCationsOnMetal", 2, 0.5);
  on("SE-SMSI", "chemisorptionSuppressed", 1.5, 1.5);
  on("SE-SMSI", "reversedByOxidation", tr.trigger === "reductive" || tr.oxidisedAfterReduction ? 1 : 0, 0);
  on("SE-SMSI", "supportReduced", 0.5, 0);
  on("SE-SMSI", "sintering", 1, 0, "against");
  on("SE-SMSI", "alloy", 1, 0, "against");
  on("SE-SMSI", "metalIntoSupport", 1, 0, "against");
  on("SE-SMSI", "singleAtoms", 1, 0, "against");
  if (reducible === true && tr.hotReduction === true)
    premise("SE-SMSI", `premise met: hot reduction on a reducible support (${ctx.support?.name})`, 0.5);
  if (reducible === false && !yes("overlayer"))
    premise(
      "SE-SMSI",
      `premise not met: ${ctx.support?.name} supplies no mobile suboxide (${ctx.support?.source})`,
      -0.5,
    );

  // BP-SMSI: support lattice O into the metal through a matched interface (Wang et al., Nature 2026).
  on("BP-SMSI", "o18Support", DEFINING_WEIGHT, 2);
  if (yes("onsetInterface") && (yes("oxideInMetal") || yes("bulkOxygen")) && !yes("onsetSurface"))
    premise(
      "BP-SMSI",
      "oxidation starts at the interface and the oxide grows inside the metal (defining)",
      DEFINING_WEIGHT,
    );
  on("BP-SMSI", "bulkOxygen", 1, 2);
  on("BP-SMSI", "oxideInMetal", 1, 1);
  on("BP-SMSI", "onsetSurface", 2, 0, "against");
  on("BP-SMSI", "o18Gas", DEFINING_WEIGHT, 0, "against");
  on("BP-SMSI", "subsurfaceStrain", 0.5, 0);
  on("BP-SMSI", "latticeMatched", 0.5, 1);
  on("BP-SMSI", "overlayer", 1.5, 0, "against");
  if ((yes("bulkOxygen") || yes("oxideInMetal")) && !yes("o18Support") && !yes("onsetInterface"))
    premise(
      "BP-SMSI",
      "no origin evidence: nothing shows the oxygen came from the support (¹⁸O, interface onset)",
      -0.5,
    );
  if (tr.trigger === "oxidative") {
    premise("BP-SMSI", "oxidising treatment (the BP trigger)", 0.5);
    const t = tr.lastOxidation?.temperature_C;
    if (t !== undefined && t >= BP_WINDOW_C.min && t <= BP_WINDOW_C.max)
      premise(
        "BP-SMSI",
        `oxidation at ${t} °C inside the observed window ${BP_WINDOW_C.min}–${BP_WINDOW_C.max} °C (Wang et al. 2026)`,
        0.25,
      );
  } else if (tr.trigger === "reductive") premise("BP-SMSI", "reducing treatment: BP is observed in O2", -1);
  if (ctx.amorphousSupport)
    premise("BP-SMSI", "premise not met: an amorphous support has no lattice to match", -1);
  for (const c of ctx.premises?.coherence ?? []) {
    if (c.verdict === "coherent" || c.verdict === "semi-coherent")
      premise("BP-SMSI", `premise met: ${c.metal} on ${c.support} is ${c.verdict} (smsi interface)`, 0.5);
    else if (c.verdict === "incoherent")
      premise("BP-SMSI", `premise not met: ${c.metal} on ${c.support} is incoherent (smsi interface)`, -0.5);
  }
  const step = ctx.premises?.oxygenStep;
  if (step)
    premise(
      "BP-SMSI",
      `μ_O step: ${step.oxide} formation ${step.downhill ? "downhill" : "uphill"} by ${Math.abs(step.drivingForce_eV).toFixed(2)} eV/O at ${step.temperature_C} °C (smsi thermo)`,
      step.downhill ? 0.25 : -1,
    );

  // Metal oxidised, origin unknown.
  on("metal-oxidised", "bulkOxygen", 1.5, 1.5);
  on("metal-oxidised", "oxideInMetal", 1.5, 1);
  on("metal-oxidised", "o18Gas", 2, 0);
  on("metal-oxidised", "onsetSurface", 1, 0);
  on("metal-oxidised", "o18Support", DEFINING_WEIGHT, 0, "against");
  if (yes("onsetInterface"))
    premise("metal-oxidised", "oxidation starts at the interface (points to the support)", -2);
  on("metal-oxidised", "overlayer", 1, 0, "against");

  // EMSI: electrons only (review strength ladder).
  on("EMSI", "electronTransfer", 1.5, 0.5);
  on("EMSI", "metalStateChanged", 1, 0.5);
  on("EMSI", "coAdsorptionAltered", 1, 0.5);
  on("EMSI", "supportReduced", 0.25, 0);
  const c1 = ctx.criteria.find((c) => c.id === "C1");
  const electronic = ["electronTransfer", "metalStateChanged", "coAdsorptionAltered"].some((k) =>
    yes(k as FindingKey),
  );
  if (c1?.verdict === "not-met" && electronic)
    premise("EMSI", "no mass migration (C1 not met) with an electronic change", 1);
  if (c1?.verdict === "met")
    premise("EMSI", `mass migration seen (C1 met: ${c1.via.join(", ")})`, c1.basis === "direct" ? -3 : -1);

  // CMSI: single atoms covalently anchored.
  on("CMSI", "singleAtoms", DEFINING_WEIGHT, 2);
  if (yes("singleAtoms")) on("CMSI", "metalStateChanged", 0.5, 0);
  on("CMSI", "overlayer", 1, 0, "against");

  // RMSI: alloy with the support's cation (Penner & Armbrüster 2015).
  on("RMSI", "alloy", DEFINING_WEIGHT, 2);
  // RMSI as defined here is an alloy without an oxide shell; a shell seen over the metal is SE's structure.
  on("RMSI", "overlayer", 1.5, 0, "against");
  if (ctx.support?.alloyFormer && tr.hotReduction === true)
    premise(
      "RMSI",
      `premise: hot reduction of ${ctx.support.name}, whose cation alloys with late transition metals (${ctx.support.source})`,
      0.5,
    );

  // Metal into the support.
  on("metal-into-support", "metalIntoSupport", DEFINING_WEIGHT, 2);
  on("metal-into-support", "overlayer", 1, 0, "against");

  // Exsolution.
  on("exsolution", "exsolution", DEFINING_WEIGHT, 2);
  if (ctx.support?.perovskite && tr.trigger === "reductive")
    premise("exsolution", "reducing treatment of a perovskite host", 0.25);

  // none: nothing migrated, nothing changed.
  // (side "against": present counts against, absent counts for)
  on("none", "overlayer", 0, 1.5, "against");
  on("none", "chemisorptionSuppressed", 0, 1.5, "against");
  on("none", "bulkOxygen", 0, 1, "against");
  on("none", "electronTransfer", 0, 0.5, "against");
  on("none", "metalStateChanged", 0, 0.5, "against");
  on("none", "coAdsorptionAltered", 0, 0.5, "against");
  for (const k of [
    "overlayer",
    "supportCationsOnMetal",
    "chemisorptionSuppressed",
    "o18Support",
    "alloy",
    "singleAtoms",
    "metalIntoSupport",
    "exsolution",
    "bulkOxygen",
    "oxideInMetal",
    "electronTransfer",
    "metalStateChanged",
    "coAdsorptionAltered",
  ] as FindingKey[])
    on("none", k, 1, 0, "against");
  on("none", "sintering", 0.5, 0);
  const c4 = ctx.criteria.find((c) => c.id === "C4");
  if (c4?.verdict === "not-met") premise("none", "nothing regulated (C4 not met)", 1);
  if (reducible === false && !yes("overlayer") && !yes("supportCationsOnMetal"))
    premise("none", `${ctx.support?.name} is not reducible (${ctx.support?.source})`, 0.25);

  const total = [...tallies.values()].reduce((s, t) => s + Math.max(0, t.score), 0);
  const ranked: RankedClass[] = [...tallies.entries()].map(([cls, t]) => ({
    class: cls,
    trigger: cls === "SE-SMSI" ? tr.trigger : null,
    likelihood: total > 0 ? Math.round((1000 * Math.max(0, t.score)) / total) / 1000 : 0,
    for: t.for,
    against: t.against,
  }));
  ranked.sort(
    (a, b) => b.likelihood - a.likelihood || CLASS_NAMES.indexOf(a.class) - CLASS_NAMES.indexOf(b.class),
  );
  return ranked;
}

export interface Experiment {
  experiment: string;
  why: string;
  /** Class pairs it separates. */
  separates: [RankedClassName, RankedClassName][];
  /** Findings that mean its result is already given. */
  given: FindingKey[];
}

/** Experiments in order of preference (the most decisive first). */
export const EXPERIMENTS: Experiment[] = [
  {
    experiment:
      "¹⁸O isotope tracing: label the support lattice (or the gas) with ¹⁸O and locate the ¹⁸O in the metal/its oxide",
    why: "only isotope tracing proves that the oxygen in the metal came from the support lattice (Wang et al. 2026)",
    separates: [
      ["BP-SMSI", "metal-oxidised"],
      ["BP-SMSI", "none"],
      ["BP-SMSI", "SE-SMSI"],
    ],
    given: ["o18Support", "o18Gas"],
  },
  {
    experiment:
      "in situ ETEM in O2 at the treatment temperature: does oxidation start at the interface or at the outer surface?",
    why: "bulk penetration oxidises the metal bottom-up from the interface without a shell; gas oxidation starts at the surface",
    separates: [
      ["BP-SMSI", "metal-oxidised"],
      ["BP-SMSI", "SE-SMSI"],
      ["BP-SMSI", "none"],
    ],
    given: ["onsetInterface", "onsetSurface"],
  },
  {
    experiment:
      "HRTEM/HAADF-STEM profile imaging of the particle edges with EELS/EDS maps of the support cation",
    why: "shows directly whether a support-derived shell covers the metal (C1, C3)",
    separates: [
      ["SE-SMSI", "EMSI"],
      ["SE-SMSI", "none"],
      ["SE-SMSI", "metal-into-support"],
      ["SE-SMSI", "CMSI"],
      ["SE-SMSI", "metal-oxidised"],
      ["SE-SMSI", "BP-SMSI"],
      ["SE-SMSI", "RMSI"],
    ],
    given: ["overlayer", "supportCationsOnMetal"],
  },
  {
    experiment: "H2 and CO chemisorption (H/M, CO/M) before and after the treatment",
    why: "the classical SE signature is a collapse of small-molecule uptake (Tauster 1978)",
    separates: [
      ["SE-SMSI", "EMSI"],
      ["SE-SMSI", "none"],
      ["EMSI", "none"],
      ["RMSI", "none"],
    ],
    given: ["chemisorptionSuppressed"],
  },
  {
    experiment: "XRD / EXAFS (metal–support-cation coordination) for alloy or intermetallic phases",
    why: "an alloy with the support's cation is a reactive interaction, not a shell",
    separates: [
      ["RMSI", "SE-SMSI"],
      ["RMSI", "none"],
      ["RMSI", "EMSI"],
    ],
    given: ["alloy"],
  },
  {
    experiment: "aberration-corrected HAADF-STEM and EXAFS (no metal–metal shell) for isolated atoms",
    why: "single atoms anchored by covalent bonds are CMSI",
    separates: [
      ["CMSI", "EMSI"],
      ["CMSI", "none"],
      ["CMSI", "SE-SMSI"],
    ],
    given: ["singleAtoms"],
  },
  {
    experiment: "IR of adsorbed CO (DRIFTS) before and after the treatment",
    why: "a band shift or a changed linear/bridged ratio shows regulated adsorption (C4) without site blocking",
    separates: [
      ["EMSI", "none"],
      ["SE-SMSI", "EMSI"],
      ["CMSI", "EMSI"],
    ],
    given: ["coAdsorptionAltered"],
  },
  {
    experiment: "XPS/XANES of the metal and of the support cations",
    why: "electron transfer and the metal's oxidation state (C2, C4)",
    separates: [
      ["EMSI", "none"],
      ["CMSI", "none"],
      ["metal-oxidised", "none"],
    ],
    given: ["metalStateChanged", "electronTransfer"],
  },
  {
    experiment:
      "reversibility test: O2 at 400–500 °C after the reduction, then chemisorption/microscopy again",
    why: "a suboxide shell is removed by oxidation; sintering, an alloy or dissolved metal is not undone",
    separates: [
      ["SE-SMSI", "none"],
      ["SE-SMSI", "RMSI"],
      ["SE-SMSI", "metal-into-support"],
    ],
    given: ["reversedByOxidation", "irreversible"],
  },
  {
    experiment: "depth profiling of the metal (LEIS, angle-resolved XPS, cross-section STEM-EDS)",
    why: "metal below the support surface is dissolution, not encapsulation",
    separates: [
      ["metal-into-support", "SE-SMSI"],
      ["metal-into-support", "none"],
      ["exsolution", "metal-into-support"],
    ],
    given: ["metalIntoSupport"],
  },
  {
    experiment: "in situ TEM of the host oxide during reduction (particles emerging from the lattice)",
    why: "exsolved particles grow out of the host and stay socketed",
    separates: [
      ["exsolution", "SE-SMSI"],
      ["exsolution", "none"],
      ["exsolution", "RMSI"],
    ],
    given: ["exsolution"],
  },
  {
    experiment:
      "HRTEM of the metal–support interface and `smsi interface METAL SUPPORT` (the interface gate)",
    why: "bulk penetration needs an epitaxial, lattice-matched interface",
    separates: [
      ["BP-SMSI", "metal-oxidised"],
      ["BP-SMSI", "none"],
    ],
    given: ["latticeMatched"],
  },
  {
    experiment: "particle-size histograms (TEM) before and after the treatment",
    why: "sintering also lowers H/M without any interaction",
    separates: [["SE-SMSI", "none"]],
    given: ["sintering"],
  },
];

export interface NextExperiment {
  experiment: string;
  why: string;
  separates: [string, string];
}

const isGiven = (x: Experiment, f: Map<FindingKey, Resolved>) =>
  x.given.some((k) => {
    const v = f.get(k)?.value;
    return v !== undefined && v !== "unknown";
  });

/** The single experiment that best separates the two most likely classes and whose result is not given. */
export function nextExperiment(ranked: RankedClass[], f: Map<FindingKey, Resolved>): NextExperiment | null {
  const a = ranked[0];
  // The competitor is the next class with some evidence for it (a class at its prior is no competitor).
  const b = ranked.slice(1).find((r) => r.for.length > 0) ?? ranked[1];
  if (!a || !b) return null;
  const pair = (x: Experiment) =>
    x.separates.some(([p, q]) => (p === a.class && q === b.class) || (p === b.class && q === a.class));
  const hit = EXPERIMENTS.find((x) => pair(x) && !isGiven(x, f));
  if (hit) return { experiment: hit.experiment, why: hit.why, separates: [a.class, b.class] };
  const forTop = EXPERIMENTS.find(
    (x) => x.separates.some(([p, q]) => p === a.class || q === a.class) && !isGiven(x, f),
  );
  return forTop ? { experiment: forTop.experiment, why: forTop.why, separates: [a.class, b.class] } : null;
}

/** Every experiment whose result is not given and that bears on one of the top three classes. */
export function openExperiments(ranked: RankedClass[], f: Map<FindingKey, Resolved>): Experiment[] {
  const top = new Set(ranked.slice(0, 3).map((r) => r.class));
  return EXPERIMENTS.filter((x) => !isGiven(x, f) && x.separates.some(([p, q]) => top.has(p) && top.has(q)));
}

/**
 * The review's four criteria of strict SMSI, each met / not met / unknown, with the evidence and the
 * passage it rests on. A criterion is met directly (an observation of it) or implied (by evidence the
 * review names as implying it: the passage is quoted). Sources: Li, Li, Yu, "From Surface Encapsulation to
 * Bulk Penetration" (2026 review), as summarised in ../shared/science/README.md §1; Tauster 1978; Wang et
 * al., Nature 2026.
 */
import { type Finding, type FindingKey, FINDING_MEANING } from "./findings.js";
import type { Polarity } from "./language.js";
import type { SupportInfo } from "./supports.js";
import type { TreatmentReading } from "./treatments.js";

export interface Resolved {
  value: Polarity;
  basis: "direct" | "inferred";
  /** The findings that decided it. */
  used: Finding[];
  /** Findings that disagreed and lost (lower tier) or tied (then value is unknown). */
  overruled: Finding[];
  conflict?: string;
}

const TIER: Record<Finding["kind"], number> = { number: 3, field: 2, text: 1 };

/** One value per finding key: numbers beat stated fields beat text; direct beats inferred; ties → unknown. */
export function resolveFindings(findings: Finding[]): Map<FindingKey, Resolved> {
  const byKey = new Map<FindingKey, Finding[]>();
  for (const f of findings) byKey.set(f.key, [...(byKey.get(f.key) ?? []), f]);
  const out = new Map<FindingKey, Resolved>();
  for (const [key, fs] of byKey) {
    const rank = (f: Finding) => TIER[f.kind] * 2 + (f.basis === "direct" ? 1 : 0);
    const top = Math.max(...fs.map(rank));
    const best = fs.filter((f) => rank(f) === top);
    const rest = fs.filter((f) => rank(f) !== top);
    const pos = best.filter((f) => f.value !== "no");
    const neg = best.filter((f) => f.value === "no");
    let value: Polarity;
    let conflict: string | undefined;
    if (pos.length && neg.length) {
      value = "unknown";
      conflict = `${FINDING_MEANING[key]}: ${pos.map((f) => `"${f.says}" (${f.from})`).join(", ")} says yes, ${neg
        .map((f) => `"${f.says}" (${f.from})`)
        .join(", ")} says no; left undecided`;
    } else if (neg.length) value = "no";
    else value = pos.every((f) => f.value === "yes") ? "yes" : "partial";
    const lost = rest.filter((f) => (f.value === "no") !== (value === "no"));
    if (!conflict && lost.length && value !== "unknown")
      conflict = `${FINDING_MEANING[key]}: ${lost.map((f) => `"${f.says}" (${f.from})`).join(", ")} disagrees with ${best
        .map((f) => f.from)
        .join(
          ", ",
        )}; the ${best[0].kind === "number" ? "measured number" : best[0].kind === "field" ? "stated field" : "direct statement"} wins`;
    out.set(key, {
      value,
      basis: best.some((f) => f.basis === "direct") ? "direct" : "inferred",
      used: value === "unknown" ? best : best.filter((f) => (f.value === "no") === (value === "no")),
      overruled: lost,
      conflict,
    });
  }
  return out;
}

export type CriterionVerdict = "met" | "not-met" | "unknown";

export interface CriterionResult {
  id: "C1" | "C2" | "C3" | "C4";
  name: string;
  verdict: CriterionVerdict;
  /** direct: observed; implied: by evidence the review names as implying it. */
  basis: "direct" | "implied" | "none";
  /** For C1: the kind of migration (surface-migration, lattice-oxygen, cation-into-metal). */
  via: string[];
  /** The evidence it rests on, in words, with the evidence paths. */
  evidence: string[];
  /** The passage of the review (or the paper) it rests on. */
  passage: string;
  note?: string;
}

/** Passages of the review the criteria rest on (../shared/science/README.md §1). */
export const REVIEW = {
  C1: "review criterion 1: mass migration of support species — oxide clusters, cations, lattice O²⁻; not electrons, not vacancies",
  C2: "review criterion 2: strong interfacial bonding (M–O, M–M) with electron transfer",
  C3: "review criterion 3: surface or bulk reconstruction — encapsulation layer, lattice distortion, phase change, interfacial alloying, O in the metal lattice",
  C4: "review criterion 4: qualitative regulation of electronic state, adsorption and catalysis",
  seTriad:
    "review, classical SE elements: support migration; encapsulation layer covering metal sites; suppressed CO/H2 chemisorption (Tauster, Fung, Garten, JACS 100, 170 (1978): lost after H2 at 500 °C, restored by O2)",
  bpOrigin:
    "review on Wang et al., Nature 2026: ¹⁸O tracing shows the O in RuO2 came from the TiO2 lattice; RuO2 grows from the interface upward",
  bpTable: "review Table 1, BP-SMSI: O embedded in the metal bulk, interface fused metal–O–support",
  seTable:
    "review Table 1, SE-SMSI: support shell on the metal (core–shell); Wang et al., Science 386, 915 (2024): strong metal–support-cation (M–M) interaction drives suboxide encapsulation",
  emsi: "review strength ladder: electron transfer without long-range migration is moderate (EMSI), not strict",
} as const;

const yes = (r?: Resolved) => r?.value === "yes" || r?.value === "partial";
const no = (r?: Resolved) => r?.value === "no";
const cite = (key: FindingKey, r: Resolved | undefined) =>
  r
    ? `${FINDING_MEANING[key]}: ${r.value}${r.basis === "inferred" ? " (inferred)" : ""} [${r.used.map((f) => f.from).join(", ")}]`
    : "";

export interface CriteriaContext {
  support: SupportInfo | null;
  treatments: TreatmentReading;
}

export function judgeCriteria(f: Map<FindingKey, Resolved>, ctx: CriteriaContext): CriterionResult[] {
  const g = (k: FindingKey) => f.get(k);
  const ev = (...keys: FindingKey[]) => keys.filter((k) => yes(g(k))).map((k) => cite(k, g(k)));

  // C1 — mass migration of support species
  const c1: CriterionResult = {
    id: "C1",
    name: "mass migration of support species",
    verdict: "unknown",
    basis: "none",
    via: [],
    evidence: [],
    passage: REVIEW.C1,
  };
  const surface = ev("overlayer", "supportCationsOnMetal");
  const interfaceOnset =
    yes(g("onsetInterface")) && (yes(g("oxideInMetal")) || yes(g("bulkOxygen"))) && !yes(g("onsetSurface"));
  const lattice = [
    ...ev("o18Support"),
    ...(interfaceOnset ? ev("onsetInterface", "oxideInMetal", "bulkOxygen") : []),
  ];
  const directSurface =
    surface.length > 0 &&
    ["overlayer", "supportCationsOnMetal"].some(
      (k) => yes(g(k as FindingKey)) && g(k as FindingKey)?.basis === "direct",
    );
  if (surface.length) c1.via.push("surface-migration");
  if (lattice.length) c1.via.push("lattice-oxygen");
  if (yes(g("alloy"))) c1.via.push("cation-into-metal");
  if (surface.length || lattice.length || yes(g("alloy"))) {
    c1.verdict = "met";
    c1.basis = directSurface || lattice.length || yes(g("alloy")) ? "direct" : "implied";
    c1.evidence = [...surface, ...lattice, ...ev("alloy")];
    if (lattice.length) c1.passage = `${REVIEW.C1}; ${REVIEW.bpOrigin}`;
  } else if (
    yes(g("chemisorptionSuppressed")) &&
    ctx.treatments.hotReduction === true &&
    ctx.support?.reducible === true &&
    !no(g("overlayer")) &&
    !yes(g("sintering"))
  ) {
    c1.verdict = "met";
    c1.basis = "implied";
    c1.via.push("surface-migration");
    c1.evidence = [
      cite("chemisorptionSuppressed", g("chemisorptionSuppressed")),
      `hot reduction on a reducible support (${ctx.support.name})`,
      ...ev("reversedByOxidation"),
    ];
    c1.passage = REVIEW.seTriad;
    c1.note = "migration implied by the Tauster signature, not imaged";
  } else if (
    no(g("overlayer")) &&
    !yes(g("supportCationsOnMetal")) &&
    !yes(g("o18Support")) &&
    !yes(g("alloy")) &&
    !yes(g("bulkOxygen")) &&
    !yes(g("oxideInMetal"))
  ) {
    c1.verdict = "not-met";
    c1.basis = "direct";
    c1.evidence = [cite("overlayer", g("overlayer"))];
  } else if (
    no(g("bulkOxygen")) &&
    !yes(g("overlayer")) &&
    !yes(g("supportCationsOnMetal")) &&
    !yes(g("alloy"))
  ) {
    c1.verdict = "not-met";
    c1.basis = "direct";
    c1.evidence = [cite("bulkOxygen", g("bulkOxygen")), "no overlayer reported"];
  }
  if (c1.verdict === "unknown" && (yes(g("bulkOxygen")) || yes(g("oxideInMetal"))))
    c1.note =
      "the metal took up oxygen, but nothing shows where it came from (gas or support lattice): oxygen in the metal alone is not migration of support species";

  // C2 — strong interfacial bonding with electron transfer
  const c2: CriterionResult = {
    id: "C2",
    name: "strong interfacial bonding with electron transfer",
    verdict: "unknown",
    basis: "none",
    via: [],
    evidence: [],
    passage: REVIEW.C2,
  };
  const transfer = ev("electronTransfer", "metalStateChanged");
  if (transfer.length && (yes(g("supportReduced")) || yes(g("electronTransfer")))) {
    c2.verdict = "met";
    c2.basis = "direct";
    c2.evidence = [...transfer, ...ev("supportReduced")];
  } else if (c1.via.includes("lattice-oxygen") && (yes(g("oxideInMetal")) || yes(g("bulkOxygen")))) {
    c2.verdict = "met";
    c2.basis = "implied";
    c2.evidence = ev("oxideInMetal", "bulkOxygen");
    c2.passage = `${REVIEW.C2}; implied by ${REVIEW.bpTable}`;
  } else if (yes(g("overlayer")) || yes(g("supportCationsOnMetal"))) {
    c2.verdict = "met";
    c2.basis = "implied";
    c2.evidence = [...ev("overlayer", "supportCationsOnMetal"), ...transfer];
    c2.passage = `${REVIEW.C2}; implied by ${REVIEW.seTable}`;
  } else if (yes(g("alloy"))) {
    c2.verdict = "met";
    c2.basis = "implied";
    c2.evidence = ev("alloy");
    c2.passage = `${REVIEW.C2}; an intermetallic is M–M bonding (review criterion 3: interfacial alloying)`;
  } else if (transfer.length) {
    c2.verdict = "met";
    c2.basis = "direct";
    c2.evidence = transfer;
    c2.note = "electron transfer measured; bonding strength not measured";
  } else if (no(g("electronTransfer")) || (no(g("metalStateChanged")) && !yes(g("supportReduced")))) {
    c2.verdict = "not-met";
    c2.basis = "direct";
    c2.evidence = [
      cite("electronTransfer", g("electronTransfer")),
      cite("metalStateChanged", g("metalStateChanged")),
    ].filter(Boolean);
  }

  // C3 — reconstruction
  const c3: CriterionResult = {
    id: "C3",
    name: "surface or bulk reconstruction",
    verdict: "unknown",
    basis: "none",
    via: [],
    evidence: [],
    passage: REVIEW.C3,
  };
  const recon = ev(
    "overlayer",
    "oxideInMetal",
    "bulkOxygen",
    "subsurfaceStrain",
    "alloy",
    "exsolution",
    "metalIntoSupport",
  );
  if (recon.length) {
    c3.verdict = "met";
    c3.basis = "direct";
    c3.evidence = recon;
  } else if (
    no(g("overlayer")) &&
    (no(g("bulkOxygen")) || no(g("oxideInMetal")) || no(g("subsurfaceStrain")) || no(g("alloy")))
  ) {
    c3.verdict = "not-met";
    c3.basis = "direct";
    c3.evidence = ["no overlayer, no oxide or O in the metal, no alloy, no distortion reported"];
  } else if (no(g("overlayer")) && g("overlayer")?.used.some((x) => x.kind !== "text")) {
    c3.verdict = "not-met";
    c3.basis = "direct";
    c3.evidence = [cite("overlayer", g("overlayer"))];
  }

  // C4 — regulation of electronic state, adsorption, catalysis
  const c4: CriterionResult = {
    id: "C4",
    name: "qualitative regulation of electronic state, adsorption or catalysis",
    verdict: "unknown",
    basis: "none",
    via: [],
    evidence: [],
    passage: REVIEW.C4,
  };
  const reg = ev("chemisorptionSuppressed", "coAdsorptionAltered", "metalStateChanged", "catalysisChanged");
  if (reg.length) {
    c4.verdict = "met";
    c4.basis = "direct";
    c4.evidence = reg;
  } else if (
    no(g("chemisorptionSuppressed")) ||
    (no(g("coAdsorptionAltered")) && no(g("metalStateChanged")))
  ) {
    c4.verdict = "not-met";
    c4.basis = "direct";
    c4.evidence = [
      cite("chemisorptionSuppressed", g("chemisorptionSuppressed")),
      cite("coAdsorptionAltered", g("coAdsorptionAltered")),
    ].filter(Boolean);
  }
  return [c1, c2, c3, c4];
}

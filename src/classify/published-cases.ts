/**
 * Published-case files (format of ../shared/cases/published-cases.json) and the documented adapter
 * that maps a case's `treatment`, `observed` and `key_evidence` into the evidence schema.
 * The adapter reads free text with keyword rules (listed in docs/classify.md); it never looks at the
 * case id, the expected class or the reference.
 */
import { z } from "zod";
import { InputError } from "../units/errors.js";
import { evidenceError } from "./parse-evidence.js";
import type { EvidenceInput, Evidence as EvidenceType } from "./schema.js";
import { Evidence } from "./schema.js";

/** Cases files are small; refuse anything larger. */
export const MAX_CASES = 10_000;

const nullableText = z.string().nullable().optional();

export const PublishedCase = z
  .object({
    id: z.string().min(1),
    metal: z.string().min(1),
    support: z.string().min(1),
    support_phase: nullableText,
    facet: nullableText,
    particle_size_nm: z.union([z.number(), z.string()]).nullable().optional(),
    treatment: z
      .object({
        gas: z.string().min(1),
        temperature_C: z.number().nullable().optional(),
        duration_h: z.number().nullable().optional(),
        prior_treatment: nullableText,
        temperature_note: nullableText,
        note: nullableText,
      })
      .passthrough(),
    observed: z
      .object({
        encapsulation: z.enum(["yes", "partial", "no", "unknown"]).nullable().optional(),
        overlayer: nullableText,
        bulk_oxygen_penetration: z.enum(["yes", "partial", "no", "unknown"]).nullable().optional(),
        chemisorption_suppression: nullableText,
        reversible_by: nullableText,
      })
      .passthrough(),
    expected_class: z.string().min(1),
    acceptable_classes: z.array(z.string()).optional(),
    key_evidence: z.array(z.string()).default([]),
    confidence: z.enum(["high", "medium", "low"]).optional(),
    taxonomy_gap: nullableText,
  })
  .passthrough();
export type PublishedCase = z.infer<typeof PublishedCase>;

export function parseCasesDocument(doc: unknown, fileName = "cases"): PublishedCase[] {
  const list = Array.isArray(doc) ? doc : (doc as { cases?: unknown })?.cases;
  if (!Array.isArray(list))
    throw new InputError(fileName, "expected a JSON array of cases (or an object with a `cases` array)");
  if (list.length > MAX_CASES) throw new InputError(fileName, `more than ${MAX_CASES} cases; split the file`);
  return list.map((c, i) => {
    const r = PublishedCase.safeParse(c);
    if (!r.success) {
      const id = (c as { id?: unknown })?.id;
      throw evidenceError(r.error, `${fileName}[${i}]${typeof id === "string" ? `(${id})` : ""}`);
    }
    return r.data;
  });
}

const MICROSCOPY = /TEM|STEM|STM|microscop|AFM/i;

/** Keyword rules of the adapter; each maps a phrase in a case's free text to an evidence field. */
export const ADAPTER_RULES = {
  intermetallic: /intermetallic|alloy/i,
  singleAtoms: /single[- ]atom|anchored|\b[A-Z][a-z]?1\b/,
  metalIntoSupport: /(spreads|migrates|diffuses)[^.;]*\b(below|into)\b[^.;]*(support|surface|TiO2|oxide)/i,
  noOverlayerReported: /^none reported/i,
  latticeMatched: /lattice[- ]match/i,
  chemisorptionRetained: /^none\b|significant [^.;]*uptake|no significant/i,
  chemisorptionPartial: /intermediate|partial/i,
  chemisorptionSuppressed: /nearly zero|<\s*0\.\d|suppress|drop|decrease|reduced far more|anomalous|blocked/i,
  coAdsorptionAltered:
    /CO adsorption (altered|changed)|altered CO adsorption|linear|bridged|band|cm-1|dipole/i,
  catalysisChanged: /activity|selectivity|conversion|hydrogenolysis|methanation|catalytic|product/i,
  reversedPartially: /partial/i,
  reversibleStrain: /strain|lattice|displacement/i,
  electronTransfer: /electron transfer/i,
  temperatureInText: /(-?\d+(?:\.\d+)?)\s*(°C|K)\b/,
} as const;

function temperatureFromText(text: string): number | undefined {
  const m = ADAPTER_RULES.temperatureInText.exec(text);
  if (!m) return undefined;
  const v = Number(m[1]);
  return m[2] === "K" ? v - 273.15 : v;
}

/** Map one published case into the evidence schema (see docs/classify.md, "The case adapter"). */
export function caseToEvidence(c: PublishedCase): EvidenceType {
  const o = c.observed;
  const quality = c.confidence;
  const source = c.reference && typeof c.reference === "object" ? describeReference(c.reference) : undefined;
  const provenance = { ...(quality ? { quality } : {}), ...(source ? { source } : {}) };
  const overlayerText = o.overlayer ?? "";
  const chem = o.chemisorption_suppression ?? "";
  const keyEvidence = c.key_evidence.join("; ");

  const treatments: EvidenceInput["treatments"] = [];
  if (c.treatment.prior_treatment)
    treatments.push({
      gas: c.treatment.prior_treatment,
      temperature_C: temperatureFromText(c.treatment.prior_treatment),
      order: 1,
    });
  const notes = [c.treatment.temperature_note, c.treatment.note].filter(Boolean).join("; ");
  treatments.push({
    gas: c.treatment.gas,
    temperature_C: c.treatment.temperature_C ?? undefined,
    duration_h: c.treatment.duration_h ?? undefined,
    order: 2,
    ...(notes ? { note: notes } : {}),
  });

  let overlayer: "yes" | "no" | "partial" | "unknown" = o.encapsulation ?? "unknown";
  if (overlayer === "unknown" && ADAPTER_RULES.noOverlayerReported.test(overlayerText)) overlayer = "no";
  const microscopy: NonNullable<EvidenceInput["microscopy"]> = {
    overlayer,
    ...(overlayerText ? { overlayer_composition: overlayerText } : {}),
    ...provenance,
  };
  const techniques = c.key_evidence.filter((k) => MICROSCOPY.test(k));
  if (techniques.length) microscopy.technique = techniques.join(", ");
  if (ADAPTER_RULES.intermetallic.test(overlayerText)) microscopy.intermetallic_formed = "yes";
  if (ADAPTER_RULES.singleAtoms.test(overlayerText)) microscopy.single_atoms_anchored = "yes";
  if (ADAPTER_RULES.metalIntoSupport.test(overlayerText)) microscopy.metal_into_support = "yes";
  if (ADAPTER_RULES.latticeMatched.test(overlayerText)) microscopy.lattice_matched_interface = "yes";

  const doc: EvidenceInput = {
    catalyst: {
      metal: c.metal,
      support: c.support,
      ...(c.support_phase ? { support_phase: c.support_phase } : {}),
      ...(c.facet ? { facet: c.facet } : {}),
      ...(typeof c.particle_size_nm === "number" ? { particle_size_nm: c.particle_size_nm } : {}),
    },
    treatments,
    microscopy,
  };
  if (o.bulk_oxygen_penetration && o.bulk_oxygen_penetration !== "unknown")
    doc.bulk_oxygen_in_metal = { observed: o.bulk_oxygen_penetration, ...provenance };

  if (chem && !/^n\/a$/i.test(chem.trim())) {
    let suppressed: "yes" | "no" | "partial" | "unknown" = "unknown";
    if (ADAPTER_RULES.chemisorptionRetained.test(chem)) suppressed = "no";
    else if (ADAPTER_RULES.chemisorptionSuppressed.test(chem))
      suppressed = ADAPTER_RULES.chemisorptionPartial.test(chem) ? "partial" : "yes";
    else if (ADAPTER_RULES.chemisorptionPartial.test(chem)) suppressed = "partial";
    if (suppressed !== "unknown") doc.chemisorption = { suppressed, ...provenance };
    if (ADAPTER_RULES.coAdsorptionAltered.test(chem))
      doc.ir_co = { adsorption_altered: "yes", ...provenance };
    if (ADAPTER_RULES.catalysisChanged.test(chem))
      doc.catalysis = { changed: "yes", description: chem, ...provenance };
  }
  if (o.reversible_by) {
    if (ADAPTER_RULES.reversibleStrain.test(o.reversible_by))
      doc.strain = { subsurface_distortion: "yes", reversible: "yes", ...provenance };
    else
      doc.reversibility = {
        by: o.reversible_by,
        observed: ADAPTER_RULES.reversedPartially.test(o.reversible_by) ? "partial" : "yes",
        ...provenance,
      };
  }
  if (ADAPTER_RULES.electronTransfer.test(keyEvidence))
    doc.electron_transfer = { observed: "yes", ...provenance };

  const r = Evidence.safeParse(doc);
  if (!r.success) throw evidenceError(r.error, `case ${c.id}`);
  return r.data;
}

function describeReference(ref: object): string | undefined {
  const r = ref as { authors?: unknown; year?: unknown; title?: unknown };
  const parts = [r.authors, r.year, r.title].filter((x) => typeof x === "string" || typeof x === "number");
  return parts.length ? parts.join(", ") : undefined;
}

/**
 * Published-case files (format of ../shared/cases/published-cases.json) and the adapter that turns a case
 * into an evidence document. The adapter has no keyword rules of its own: it copies the catalyst and the
 * treatments into their fields and passes every observation as free text (`reports`), which the classifier
 * reads with the same general language rules as any evidence text (language.ts, findings.ts). Curated enum
 * fields (`encapsulation`, `bulk_oxygen_penetration`) are read as text answers to their question, never
 * copied into a deciding field. The adapter never looks at the id, the expected class, the taxonomy gap,
 * the curator's note or the reference; it lists what it ignored.
 */
import { z } from "zod";
import { InputError } from "../units/errors.js";
import { readInputJson } from "../units/read-input.js";
import { evidenceError, listProblems } from "./parse-evidence.js";
import type { EvidenceInput, Evidence as EvidenceType } from "./schema.js";
import { Evidence, type REPORT_TOPICS } from "./schema.js";

/** Cases files are small; refuse anything larger. */
export const MAX_CASES = 10_000;

const nullableText = z.string().max(20_000).nullable().optional();

export const PublishedCase = z
  .object({
    id: z.string().min(1).max(200),
    metal: z.string().min(1).max(100),
    support: z.string().min(1).max(200),
    support_phase: nullableText,
    facet: nullableText,
    particle_size_nm: z
      .union([z.number(), z.string().max(2000)])
      .nullable()
      .optional(),
    treatment: z
      .object({
        gas: z.string().min(1).max(2000),
        temperature_C: z.number().nullable().optional(),
        temperature_range_C: z
          .union([z.array(z.number()).max(10), z.string().max(200)])
          .nullable()
          .optional(),
        duration_h: z.number().nullable().optional(),
        prior_treatment: nullableText,
        temperature_note: nullableText,
        note: nullableText,
      })
      .passthrough(),
    observed: z.record(z.string(), z.unknown()),
    expected_class: z.string().min(1),
    acceptable_classes: z.array(z.string()).optional(),
    key_evidence: z.array(z.string().max(20_000)).max(200).default([]),
    confidence: z.enum(["high", "medium", "low"]).optional(),
    taxonomy_gap: nullableText,
    batch: z.string().optional(),
  })
  .passthrough();
export type PublishedCase = z.infer<typeof PublishedCase>;

export interface MalformedCase {
  index: number;
  id: string | null;
  /** Where the first problem is: `file[3](X-1).treatment.gas`. */
  path: string;
  problems: string[];
}

export interface CasesDocument {
  cases: PublishedCase[];
  malformed: MalformedCase[];
}

/** Parse a cases document; malformed records are reported with their path and skipped. */
export function readCasesDocument(doc: unknown, fileName = "cases"): CasesDocument {
  const list = Array.isArray(doc) ? doc : (doc as { cases?: unknown } | null)?.cases;
  if (!Array.isArray(list))
    throw new InputError(fileName, "expected a JSON array of cases (or an object with a `cases` array)");
  if (list.length === 0) throw new InputError(fileName, "the file holds no cases");
  if (list.length > MAX_CASES) throw new InputError(fileName, `more than ${MAX_CASES} cases; split the file`);
  const cases: PublishedCase[] = [];
  const malformed: MalformedCase[] = [];
  list.forEach((c, i) => {
    const r = PublishedCase.safeParse(c);
    const rawId = (c as { id?: unknown } | null)?.id;
    const id = typeof rawId === "string" ? rawId : null;
    const prefix = `${fileName}[${i}]${id ? `(${id})` : ""}`;
    if (r.success) {
      try {
        caseToEvidence(r.data);
        cases.push(r.data);
      } catch (e) {
        malformed.push({
          index: i,
          id,
          path: e instanceof InputError ? e.field : prefix,
          problems: [e instanceof Error ? e.message : String(e)],
        });
      }
    } else {
      const problems = listProblems(r.error, prefix);
      malformed.push({
        index: i,
        id,
        path: problems[0].path,
        problems: problems.map((p) => `${p.path}: ${p.message}`),
      });
    }
  });
  if (cases.length === 0)
    throw new InputError(
      fileName,
      `no well-formed case: ${malformed
        .slice(0, 3)
        .map((m) => m.problems[0])
        .join("; ")}`,
    );
  return { cases, malformed };
}

/** Strict variant: the first malformed record is an error naming it. */
export function parseCasesDocument(doc: unknown, fileName = "cases"): PublishedCase[] {
  const list = Array.isArray(doc) ? doc : (doc as { cases?: unknown } | null)?.cases;
  if (Array.isArray(list))
    list.forEach((c, i) => {
      const r = PublishedCase.safeParse(c);
      if (!r.success) {
        const id = (c as { id?: unknown } | null)?.id;
        throw evidenceError(r.error, `${fileName}[${i}]${typeof id === "string" ? `(${id})` : ""}`);
      }
    });
  return readCasesDocument(doc, fileName).cases;
}

/** Which report topic each observed field answers; other observed fields are read as general evidence. */
const OBSERVED_TOPIC: Record<string, (typeof REPORT_TOPICS)[number]> = {
  encapsulation: "encapsulation",
  encapsulation_note: "encapsulation",
  overlayer: "overlayer",
  bulk_oxygen_penetration: "bulk_oxygen",
  bulk_oxygen_penetration_note: "bulk_oxygen",
  chemisorption_suppression: "chemisorption",
  reversible_by: "reversibility",
};

/** Fields of a case the adapter never reads, and why. */
export const IGNORED_CASE_FIELDS: Record<string, string> = {
  id: "identifier",
  expected_class: "the answer",
  acceptable_classes: "the answer",
  taxonomy_gap: "the curator's judgement of the scheme, not an observation",
  note: "the curator's commentary, not an observation",
  reference: "bibliography",
  doi: "bibliography",
  source_url_read: "bibliography",
  batch: "bookkeeping",
};

export interface CaseReading {
  evidence: EvidenceType;
  /** The case path each report of the evidence came from (reports[i] ← reportPaths[i]). */
  reportPaths: string[];
  ignored: { path: string; why: string }[];
}

const numberIn = (s: string): number | undefined => {
  const m = /(\d+(?:\.\d+)?)/.exec(s);
  return m ? Number(m[1]) : undefined;
};

/** Map one published case into the evidence schema (see docs/classify.md, "The case adapter"). */
export function readCase(c: PublishedCase): CaseReading {
  const quality = c.confidence;
  const reports: NonNullable<EvidenceInput["reports"]> = [];
  const reportPaths: string[] = [];
  const ignored: CaseReading["ignored"] = [];
  const report = (path: string, about: (typeof REPORT_TOPICS)[number], text: string | null | undefined) => {
    if (!text?.trim()) return;
    reports.push({ about, text, ...(quality ? { quality } : {}) });
    reportPaths.push(path);
  };

  const treatments: EvidenceInput["treatments"] = [];
  if (c.treatment.prior_treatment)
    treatments.push({ gas: c.treatment.prior_treatment.slice(0, 500), order: 1 });
  const notes = [c.treatment.temperature_note, c.treatment.note].filter(Boolean).join("; ");
  const range = c.treatment.temperature_range_C;
  const rangeMax =
    Array.isArray(range) && range.length
      ? Math.max(...range)
      : typeof range === "string"
        ? numberIn(range)
        : undefined;
  const t = c.treatment.temperature_C ?? rangeMax;
  treatments.push({
    gas: c.treatment.gas.slice(0, 500),
    ...(t !== undefined && t !== null && t > -273.15 && t <= 3000 ? { temperature_C: t } : {}),
    ...(c.treatment.duration_h !== null &&
    c.treatment.duration_h !== undefined &&
    c.treatment.duration_h >= 0 &&
    c.treatment.duration_h <= 1e5
      ? { duration_h: c.treatment.duration_h }
      : {}),
    order: 2,
    ...(notes ? { note: notes.slice(0, 10_000) } : {}),
  });
  for (const k of Object.keys(c.treatment))
    if (
      ![
        "gas",
        "temperature_C",
        "temperature_range_C",
        "duration_h",
        "prior_treatment",
        "temperature_note",
        "note",
      ].includes(k)
    )
      ignored.push({ path: `treatment.${k}`, why: "unknown treatment field" });

  for (const [k, v] of Object.entries(c.observed)) {
    if (typeof v !== "string") {
      if (v !== null && v !== undefined) ignored.push({ path: `observed.${k}`, why: "not text" });
      continue;
    }
    report(`observed.${k}`, OBSERVED_TOPIC[k] ?? "evidence", v.slice(0, 20_000));
  }
  c.key_evidence.forEach((k, i) => {
    report(`key_evidence[${i}]`, "evidence", k);
  });
  if (typeof c.particle_size_nm === "string") report("particle_size_nm", "evidence", c.particle_size_nm);

  for (const [k, why] of Object.entries(IGNORED_CASE_FIELDS)) if (k in c) ignored.push({ path: k, why });

  const size =
    typeof c.particle_size_nm === "number" && c.particle_size_nm > 0 && c.particle_size_nm <= 1e5
      ? c.particle_size_nm
      : undefined;
  const doc: EvidenceInput = {
    catalyst: {
      metal: c.metal,
      support: c.support,
      ...(c.support_phase ? { support_phase: c.support_phase.slice(0, 200) } : {}),
      ...(c.facet ? { facet: c.facet.slice(0, 100) } : {}),
      ...(size !== undefined ? { particle_size_nm: size } : {}),
    },
    treatments,
    ...(reports.length ? { reports } : {}),
  };
  const r = Evidence.safeParse(doc);
  if (!r.success) throw evidenceError(r.error, `case ${c.id}`);
  return { evidence: r.data, reportPaths, ignored };
}

export function caseToEvidence(c: PublishedCase): EvidenceType {
  return readCase(c).evidence;
}

/** Largest published-cases file read, bytes (the shared file is ≈ 0.1 MB). */
export const MAX_CASES_FILE_BYTES = 20_000_000;

/** A published-cases JSON file, read bounded; malformed records are listed and skipped (readCasesDocument). */
export function readCasesFile(path: string, field = "--cases"): CasesDocument {
  const doc = readInputJson(path, {
    field,
    maxBytes: MAX_CASES_FILE_BYTES,
    what: "a published-cases JSON file",
  });
  // problems name the flag and the file: "--cases cases.json[3](ID).metal"
  return readCasesDocument(doc, `${field} ${path}`);
}

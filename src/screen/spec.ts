/**
 * A screening campaign: metals × supports (× facets) × conditions, read from YAML or JSON, validated with
 * zod (every problem reported with its path), bounded before any work, and expanded into combinations,
 * each identified by a hash of its canonical inputs and the model version.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { GAS_KINDS, type GasKind } from "../predict/conditions.js";
import { MAX_TEMPERATURE_K, MIN_TEMPERATURE_K } from "../predict/predict.js";
import { InputError } from "../units/errors.js";
import { readInputText } from "../units/read-input.js";

/** smsi's own version (package.json): part of every combination id. */
export const SMSI_VERSION: string = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;

/**
 * Version of the screening model (what a combination computes and how its result is shaped). Bump it
 * when a result of the same inputs would change: every combination id changes with it, so a campaign
 * rerun after a model change computes afresh instead of mixing results of two models.
 */
export const SCREEN_MODEL_VERSION = 1;

/** The model version folded into every combination id. */
export const MODEL_VERSION = `smsi ${SMSI_VERSION}; screen model ${SCREEN_MODEL_VERSION}`;

export const COMPUTE_LEVELS = ["descriptors", "routes", "kmc"] as const;
export type ComputeLevel = (typeof COMPUTE_LEVELS)[number];

/** Largest campaign spec file, bytes. */
export const MAX_SPEC_BYTES = 1_000_000;
/** Largest number of combinations one campaign may expand to (bounded work and memory). */
export const MAX_COMBINATIONS = 2_000_000;
/** Largest number of KMC combinations (each runs a bounded simulation, ~10–100 ms). */
export const MAX_KMC_COMBINATIONS = 20_000;
/**
 * KMC events per combination unless the spec says otherwise. ASSUMPTION: a short, bounded run (tens of
 * ms) that shows whether O crosses the interface at all; not a converged oxidised fraction.
 */
export const DEFAULT_KMC_EVENTS = 20_000;
/** Most KMC events per combination a spec may ask for. */
export const MAX_KMC_EVENTS = 2_000_000;
/** Largest length of each list of the spec. */
export const MAX_LIST = 10_000;

/** The result fields a campaign may write to its output (CSV columns / JSON Lines keys). */
export const RESULT_FIELDS = [
  "class",
  "label",
  "likelihood",
  "share_BP",
  "share_SE",
  "share_EMSI",
  "share_CMSI",
  "share_none",
  "gate",
  "rationale",
  "dominantRoute",
  "bottomUp",
  "oxidationDownhill",
  "drivingForce_eV",
  "timeToOxidise_s",
  "kmc_oxidisedFraction",
  "kmc_interfaceCrossings",
  "kmc_events",
  "kmc_seed",
  "error",
] as const;
export type ResultField = (typeof RESULT_FIELDS)[number];

/** Fields written when the spec names none. */
export const DEFAULT_OUTPUT: Record<ComputeLevel, ResultField[]> = {
  descriptors: ["class", "label", "likelihood", "share_BP", "share_SE", "share_EMSI", "share_none"],
  routes: [
    "class",
    "label",
    "likelihood",
    "share_BP",
    "share_SE",
    "gate",
    "dominantRoute",
    "bottomUp",
    "drivingForce_eV",
    "timeToOxidise_s",
    "error",
  ],
  kmc: [
    "class",
    "label",
    "likelihood",
    "gate",
    "dominantRoute",
    "kmc_oxidisedFraction",
    "kmc_interfaceCrossings",
    "kmc_events",
    "kmc_seed",
    "error",
  ],
};

const id = z.string().trim().min(1).max(64);
const list = <T extends z.ZodTypeAny>(item: T) => z.array(item).min(1).max(MAX_LIST);

const supportEntry = z.union([
  id,
  z.strictObject({
    id,
    facets: list(
      z
        .string()
        .trim()
        .regex(/^\(-?\d+(\s*-?\d+){2,3}\)$|^\([\d-]+\)$/, "write a facet like (110) or (0001)"),
    ).optional(),
  }),
]);

export const campaignSchema = z
  .strictObject({
    name: z.string().max(200).optional(),
    metals: list(
      z
        .string()
        .trim()
        .regex(/^([A-Z][a-z]?)+$/, "write an element symbol (Ru) or an alloy (PtCo)"),
    ),
    supports: list(supportEntry),
    conditions: z.strictObject({
      gas: list(z.enum(GAS_KINDS)),
      temperature_C: list(
        z
          .number()
          .refine(
            (c) => c + 273.15 >= MIN_TEMPERATURE_K && c + 273.15 <= MAX_TEMPERATURE_K,
            `a temperature in °C between ${MIN_TEMPERATURE_K - 273.15} and ${MAX_TEMPERATURE_K - 273.15}`,
          ),
      ),
      pO2_bar: list(z.number().positive().finite()).optional(),
      h2oH2: list(z.number().positive().finite()).optional(),
    }),
    /** Particle diameter, nm (default: predict's). */
    particleSize_nm: z.number().positive().max(1e4).optional(),
    compute: z.enum(COMPUTE_LEVELS).default("descriptors"),
    output: list(z.enum(RESULT_FIELDS)).optional(),
    kmc: z
      .strictObject({
        /** KMC events per combination (bounded). */
        events: z.number().int().min(1).max(MAX_KMC_EVENTS).default(DEFAULT_KMC_EVENTS),
      })
      .optional(),
  })
  .superRefine((spec, ctx) => {
    if (spec.conditions.gas.includes("H2O/H2") && !spec.conditions.h2oH2)
      ctx.addIssue({
        code: "custom",
        path: ["conditions", "h2oH2"],
        message: "gas H2O/H2 needs its ratio: give conditions.h2oH2, e.g. [1e-3]",
      });
  });

export type CampaignSpecInput = z.input<typeof campaignSchema>;
export type CampaignSpec = z.output<typeof campaignSchema>;

/** The canonical inputs of one combination (all a worker needs). */
export interface Combination {
  id: string;
  compute: ComputeLevel;
  metal: string;
  support: string;
  /** The support facet, or null for the support's dominant facets (the gate's default). */
  facet: string | null;
  gas: GasKind;
  temperature_C: number;
  pO2_bar: number | null;
  h2oH2: number | null;
  particleSize_nm: number | null;
  kmcEvents: number | null;
}

export const INPUT_COLUMNS = [
  "id",
  "metal",
  "support",
  "facet",
  "gas",
  "temperature_C",
  "pO2_bar",
  "h2oH2",
  "particleSize_nm",
  "compute",
] as const;

/** The hash of a combination's canonical inputs and the model version (hex, 128 bits). */
export function combinationId(c: Omit<Combination, "id">): string {
  const canonical = JSON.stringify([
    MODEL_VERSION,
    c.compute,
    c.metal,
    c.support,
    c.facet,
    c.gas,
    c.temperature_C,
    c.pO2_bar,
    c.h2oH2,
    c.particleSize_nm,
    c.kmcEvents,
  ]);
  return createHash("sha256").update(canonical).digest("hex").slice(0, 32);
}

/** Validate a parsed document; every problem listed with its path. */
export function validateCampaign(doc: unknown, field = "spec"): CampaignSpec {
  const r = campaignSchema.safeParse(doc);
  if (!r.success) {
    const problems = r.error.issues.map((i) => `${[field, ...i.path].join(".")}: ${i.message}`);
    throw new InputError(
      field,
      `the campaign spec has ${problems.length} problem(s):\n  ${problems.join("\n  ")}`,
    );
  }
  const spec = r.data;
  const n = combinationCount(spec);
  if (n > MAX_COMBINATIONS)
    throw new InputError(
      field,
      `the campaign expands to ${n} combinations, more than ${MAX_COMBINATIONS}; split it`,
    );
  if (spec.compute === "kmc" && n > MAX_KMC_COMBINATIONS)
    throw new InputError(
      `${field}.compute`,
      `a kmc campaign may have at most ${MAX_KMC_COMBINATIONS} combinations (got ${n}); screen with descriptors or routes first`,
    );
  return spec;
}

/** Read a YAML or JSON campaign file (bounded). */
export function readCampaign(path: string, field = "SPEC"): CampaignSpec {
  const text = readInputText(path, {
    field,
    maxBytes: MAX_SPEC_BYTES,
    what: "a campaign spec (YAML or JSON)",
  });
  let doc: unknown;
  try {
    doc = parseYaml(text, { maxAliasCount: 100 });
  } catch (e) {
    throw new InputError(
      field,
      `"${path}" is not valid YAML/JSON: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  return validateCampaign(doc, field);
}

function supportsOf(spec: CampaignSpec): { id: string; facet: string | null }[] {
  return spec.supports.flatMap((s): { id: string; facet: string | null }[] =>
    typeof s === "string"
      ? [{ id: s, facet: null }]
      : s.facets
        ? s.facets.map((f) => ({ id: s.id, facet: f.replace(/\s+/g, "") }))
        : [{ id: s.id, facet: null }],
  );
}

const orNull = <T>(xs: readonly T[] | undefined): (T | null)[] => (xs ? [...xs] : [null]);

/** How many combinations a spec expands to (before expanding it). */
export function combinationCount(spec: CampaignSpec): number {
  const c = spec.conditions;
  return (
    spec.metals.length *
    supportsOf(spec).length *
    c.gas.length *
    c.temperature_C.length *
    orNull(c.pO2_bar).length *
    orNull(c.h2oH2).length
  );
}

/** Every combination of the campaign, in a stable order, with its id (duplicates removed). */
export function* combinations(spec: CampaignSpec): Generator<Combination> {
  const seen = new Set<string>();
  const c = spec.conditions;
  for (const metal of spec.metals)
    for (const s of supportsOf(spec))
      for (const gas of c.gas)
        for (const temperature_C of c.temperature_C)
          for (const pO2_bar of orNull(c.pO2_bar))
            for (const h2oH2 of orNull(c.h2oH2)) {
              const base = {
                compute: spec.compute,
                metal,
                support: s.id,
                facet: s.facet,
                gas,
                temperature_C,
                pO2_bar,
                h2oH2,
                particleSize_nm: spec.particleSize_nm ?? null,
                kmcEvents: spec.compute === "kmc" ? (spec.kmc?.events ?? DEFAULT_KMC_EVENTS) : null,
              };
              const id = combinationId(base);
              if (seen.has(id)) continue;
              seen.add(id);
              yield { id, ...base };
            }
}

/** The output fields of a campaign. */
export function outputFields(spec: CampaignSpec): ResultField[] {
  return spec.output ?? DEFAULT_OUTPUT[spec.compute];
}

/** A stable id of the campaign itself (its canonical spec). */
export function campaignId(spec: CampaignSpec): string {
  return createHash("sha256")
    .update(JSON.stringify([MODEL_VERSION, spec]))
    .digest("hex")
    .slice(0, 16);
}

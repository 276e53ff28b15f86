/** Request and response schemas of the JSON API (zod; also the OpenAPI description at /api/docs). */
import { z } from "zod";
import { DEFAULT_LAYERS, MAX_LAYERS, MAX_SPACING_A, MIN_SPACING_A } from "../match/interface-export.js";
import { MAX_MILLER_INDEX } from "../match/miller-enumeration.js";
import { MATERIAL_ROLES } from "../materials/types.js";
import { RUN_STATUSES } from "../store/store.js";
import { MAX_PARTICLE_SIZE_NM } from "../kinetics/bulk-oxygen.js";
import {
  DEFAULT_SWEEP_POINTS,
  DEFAULT_WEB_SIMULATE_EVENTS,
  GASES,
  GATE_VERDICTS,
  MAX_WEB_SIMULATE_EVENTS,
  SIMULATE_MODELS,
} from "./capabilities.js";

const quantity = z.union([z.string().min(1).max(40), z.number()]);
const id = z.string().min(1).max(80).describe("material id, e.g. TiO2-rutile");
const miller = z
  .array(z.number().int().min(-MAX_MILLER_INDEX).max(MAX_MILLER_INDEX))
  .length(3)
  .describe("Miller index [h, k, l]");

export const ConditionsBody = z.object({
  gas: z.enum(GASES).describe("treatment gas"),
  temperature: quantity.describe("723K, 450C or a number in kelvin"),
  pO2: quantity.optional().describe("O2 partial pressure: 0.21, 1bar, 1atm, 100Pa"),
  h2oH2: quantity.optional().describe("p(H2O)/p(H2)"),
  co2Co: quantity.optional().describe("p(CO2)/p(CO)"),
});

/** Earlier treatments one predict request may carry (each is a full prediction). */
export const MAX_PRIOR_TREATMENTS = 8;

export const PredictBody = z
  .object({
    metal: id.describe("metal, e.g. Ru"),
    support: id.describe("support id, e.g. TiO2-rutile"),
    sizeNm: z.number().positive().max(1e4).optional().describe("particle diameter, nm"),
    prior: z
      .array(ConditionsBody.strict())
      .max(MAX_PRIOR_TREATMENTS)
      .optional()
      .describe(
        "earlier treatments, oldest first (as the CLI's --prior): an overlayer one leaves persists through a later non-oxidising treatment",
      ),
  })
  .extend(ConditionsBody.shape)
  .strict();

export const RationaleRow = z.object({
  descriptor: z.string(),
  value: z.union([z.number(), z.string(), z.null()]),
  unit: z.string(),
  threshold: z.string(),
  source: z.string(),
  verdict: z.string(),
});

export const PredictResponse = z.object({
  runId: z.string(),
  conditions: z.object({
    gas: z.string(),
    temperature_K: z.number(),
    deltaMuO_eV: z.number(),
    pO2_bar: z.number(),
  }),
  adapter: z.string().optional(),
  metal: z.string(),
  support: z.string(),
  class: z.string(),
  trigger: z.string().nullable(),
  likelihood: z.number(),
  ranked: z.array(
    z.looseObject({ class: z.string(), trigger: z.string().nullable(), likelihood: z.number() }),
  ),
  phenomena: z.array(z.string()),
  consequences: z.array(z.string()),
  rationale: z.array(RationaleRow),
  missing: z
    .array(z.string())
    .describe("descriptors that could not be evaluated (no data); they lower the likelihood"),
  assumptions: z.array(z.string()),
});

export const PredictMapBody = z
  .object({
    metal: id,
    support: id,
    gas: z.enum(GASES),
    tMin: quantity.default("300K"),
    tMax: quantity.default("1200K"),
    log10Min: z.number().min(-60).max(10).default(-8),
    log10Max: z.number().min(-60).max(10).default(1),
    nT: z.number().int().min(1).max(100).default(37),
    nY: z.number().int().min(1).max(100).default(19),
  })
  .strict();

export const MatchBody = z
  .object({
    film: id,
    substrate: id,
    filmMiller: miller.optional(),
    substrateMiller: miller.optional(),
    maxIndex: z.number().int().min(1).max(MAX_MILLER_INDEX).optional(),
    maxArea: z.number().positive().max(2000).optional().describe("largest coincidence area, Å²"),
  })
  .strict();

export const InterfaceBody = z
  .object({
    metal: id.describe("metal, e.g. Ru"),
    support: id.describe("support id, e.g. TiO2-rutile"),
    film: z
      .enum(["auto", "metal", "oxide"])
      .default("auto")
      .describe("film drawn: auto = the one the bulk-penetration gate judges (metal or its oxide)"),
    supportFacet: z.string().min(1).max(40).optional().describe("only this support plane, e.g. (110)"),
    layers: z
      .number()
      .int()
      .min(1)
      .max(MAX_LAYERS)
      .optional()
      .describe(`whole repeat units of each slab (default ${DEFAULT_LAYERS})`),
    vacuum_A: z
      .number()
      .min(MIN_SPACING_A)
      .max(MAX_SPACING_A)
      .optional()
      .describe("vacuum above the film, Å"),
    gap_A: z.number().min(MIN_SPACING_A).max(MAX_SPACING_A).optional().describe("film–substrate gap, Å"),
  })
  .strict();

export const ExportQuery = z.object({ format: z.enum(["cif", "poscar"]).default("cif") });

export const SweepBody = MatchBody.extend({
  maxIndex: z.number().int().min(1).max(MAX_MILLER_INDEX).default(2),
}).strict();

export const ProfileSweepBody = z
  .object({
    metal: id,
    support: id,
    gas: z.enum(GASES),
    pO2: quantity.optional(),
    h2oH2: quantity.optional(),
    co2Co: quantity.optional(),
    tMin: quantity,
    tMax: quantity,
    points: z.number().int().min(2).max(2000).default(DEFAULT_SWEEP_POINTS),
  })
  .strict();

export const SimulateBody = z
  .object({
    model: z
      .enum(SIMULATE_MODELS)
      .describe("bulk-oxygen (Model A, BP-SMSI) or encapsulation (Model B, SE-SMSI)"),
    metal: id.describe("metal, e.g. Ru"),
    support: id.describe("support id, e.g. TiO2-rutile"),
    temperature: quantity.describe("723K, 450C or a number in kelvin"),
    pO2: quantity.optional().describe("O2 partial pressure (bulk-oxygen; default 1 bar)"),
    h2oH2: quantity.optional().describe("p(H2O)/p(H2) (encapsulation; default 1e-3)"),
    events: z
      .number()
      .int()
      .min(1)
      .max(MAX_WEB_SIMULATE_EVENTS)
      .default(DEFAULT_WEB_SIMULATE_EVENTS)
      .describe("kinetic Monte Carlo events to run"),
    sizeNm: z
      .number()
      .min(0.5)
      .max(MAX_PARTICLE_SIZE_NM)
      .optional()
      .describe("particle diameter, nm (default 3)"),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional()
      .describe("random seed (default 1)"),
    gate: z.enum(GATE_VERDICTS).optional().describe("override the interface verdict"),
  })
  .strict();

export const StabilityBody = ConditionsBody.extend({ oxide: id }).strict();

export const EllinghamBody = z
  .object({
    oxides: z.array(id).max(60).optional(),
    tMin: quantity.optional(),
    tMax: quantity.optional(),
  })
  .strict();

export const ProfileBody = ConditionsBody.extend({ metal: id, support: id }).strict();

export const ChartQuery = z.object({
  format: z.enum(["json", "svg", "png"]).default("json"),
  scale: z.coerce
    .number()
    .refine((x) => x === 1 || x === 2 || x === 4, "scale must be 1, 2 or 4")
    .default(2),
});

export const ClassifyQuery = z.object({
  save: z.enum(["true", "false"]).default("false").describe("keep the document as one of your cases"),
});

export const MaterialImportBody = z
  .object({
    cif: z.string().min(1).describe("the CIF text"),
    id: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe("id to store it under (default: the CIF data block name)"),
    role: z.enum(MATERIAL_ROLES as [string, ...string[]]).default("support"),
  })
  .strict();

export const MaterialsQuery = z.object({ role: z.enum(MATERIAL_ROLES as [string, ...string[]]).optional() });

const pageFields = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
};

export const CasesQuery = z.object({
  origin: z.enum(["published", "user"]).optional(),
  metal: z.string().max(40).optional(),
  support: z.string().max(40).optional(),
  class: z.string().max(40).optional().describe("class prefix, e.g. SE-SMSI"),
  q: z.string().max(200).optional().describe("free text"),
  ...pageFields,
});

export const RunsQuery = z.object({
  kind: z.string().max(40).optional(),
  status: z.enum(RUN_STATUSES).optional(),
  ...pageFields,
});

export const IdParams = z.object({ id: z.string().min(1).max(100) });

export const ErrorResponse = z.object({
  statusCode: z.number(),
  error: z.string(),
  field: z.string().optional(),
  message: z.string(),
});

export const JobInfoSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(["queued", "running", "done", "failed", "cancelled"]),
  progress: z.number(),
  message: z.string(),
  createdAt: z.string(),
  error: z.string().nullable(),
});

/** A JSON document whose shape is the library's (documented in docs/*.md), passed through as is. */
export const Loose = z.unknown().describe("JSON document (see docs/web.md)");

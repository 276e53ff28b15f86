/**
 * The evidence schema: what a laboratory measured on one catalyst after one treatment history.
 * Every section may carry its own `quality` and `source`. Unknown keys are rejected so typos surface.
 */
import { z } from "zod";

/** Free text is bounded so that a document cannot carry megabytes of prose into the regex readers. */
const text = (max = 10_000) => z.string().max(max);

export const TriState = z.enum(["yes", "no", "partial", "unknown"]);
export const Quality = z.enum(["high", "medium", "low"]);

const provenance = {
  quality: Quality.optional().describe("how much the observation can be trusted"),
  source: text(2_000).optional().describe("paper, DOI, notebook page or instrument run"),
};

const nonNegative = z.number().nonnegative();
/** Adsorbate per surface metal atom: Ir reaches H/M ≈ 1.6–2 (Tauster 1978); 10 is far beyond any metal. */
const perMetal = z.number().nonnegative().max(10);

export const Treatment = z
  .object({
    gas: text(500).min(1).describe("H2, O2, air, CO, CO2/H2, UHV, N2, vacuum, wet chemistry, …"),
    temperature_C: z.number().gt(-273.15).lte(3000).optional(),
    duration_h: nonNegative.max(100_000).optional(),
    order: z.number().int().positive().max(1000).optional(),
    note: text().optional(),
  })
  .strict();

const BeforeAfter = z.object({ before: perMetal.optional(), after: perMetal.optional() }).strict();

/** What a free-text report is about: bare answers ("yes", "none") answer this question. */
export const REPORT_TOPICS = [
  "encapsulation",
  "overlayer",
  "chemisorption",
  "bulk_oxygen",
  "reversibility",
  "evidence",
  "notes",
] as const;
export const Report = z
  .object({
    about: z.enum(REPORT_TOPICS).default("notes"),
    text: text(20_000),
    quality: Quality.optional(),
    source: text(2_000).optional(),
  })
  .strict();

export const Evidence = z
  .object({
    catalyst: z
      .object({
        metal: text(100).min(1),
        support: text(200).min(1),
        support_phase: text(200).optional(),
        facet: text(100).optional(),
        particle_size_nm: z.number().positive().max(100_000).optional().describe("at most 100 µm"),
      })
      .strict(),
    treatments: z.array(Treatment).max(50).default([]),
    microscopy: z
      .object({
        technique: text(500).optional().describe("HRTEM, STEM, ETEM, STM …"),
        overlayer: TriState.default("unknown").describe("support-derived layer over the metal"),
        overlayer_thickness_layers: nonNegative.max(1000).optional(),
        overlayer_thickness_nm: nonNegative.max(1000).optional(),
        overlayer_coverage_fraction: z.number().min(0).max(1).optional(),
        overlayer_composition: text().optional(),
        oxidation_onset: z.enum(["interface", "surface", "none", "unknown"]).default("unknown"),
        oxide_grown_in_metal: TriState.default("unknown").describe(
          "metal oxide grown inside the particle, e.g. RuO2 in Ru",
        ),
        lattice_matched_interface: TriState.default("unknown"),
        intermetallic_formed: TriState.default("unknown"),
        metal_into_support: TriState.default("unknown").describe(
          "the metal migrates into or below the support",
        ),
        single_atoms_anchored: TriState.default("unknown"),
        exsolution: TriState.default("unknown").describe(
          "metal particles exsolved from a host oxide lattice",
        ),
        ...provenance,
      })
      .strict()
      .optional(),
    chemisorption: z
      .object({
        h_per_metal: BeforeAfter.optional(),
        co_per_metal: BeforeAfter.optional(),
        uptake_ratio: z.number().nonnegative().max(10).optional().describe("uptake after ÷ before"),
        suppressed: TriState.default("unknown").describe("small-molecule (H2, CO) uptake suppressed"),
        ...provenance,
      })
      .strict()
      .optional(),
    xps: z
      .object({
        metal_state: z
          .enum(["metallic", "oxidized", "electron-rich", "electron-poor", "unknown"])
          .default("unknown"),
        support_cations_reduced: TriState.default("unknown").describe("Ti3+, Ce3+ … detected"),
        metal_binding_energy_shift_eV: z.number().min(-20).max(20).optional(),
        ...provenance,
      })
      .strict()
      .optional(),
    ir_co: z
      .object({
        band_shift_cm1: z.number().min(-1000).max(1000).optional(),
        adsorption_altered: TriState.default("unknown"),
        ...provenance,
      })
      .strict()
      .optional(),
    eels_eds: z
      .object({ support_cations_on_metal: TriState.default("unknown"), ...provenance })
      .strict()
      .optional(),
    isotope: z
      .object({
        o18_in_metal: TriState.default("unknown").describe("18O found in the metal or its new oxide"),
        o18_origin: z.enum(["support", "gas", "unknown"]).default("unknown"),
        ...provenance,
      })
      .strict()
      .optional(),
    bulk_oxygen_in_metal: z
      .object({ observed: TriState.default("unknown"), ...provenance })
      .strict()
      .optional()
      .describe("O dissolved in the metal lattice or oxide grown from the interface"),
    strain: z
      .object({
        subsurface_distortion: TriState.default("unknown"),
        reversible: TriState.default("unknown"),
        ...provenance,
      })
      .strict()
      .optional(),
    electron_transfer: z
      .object({
        observed: TriState.default("unknown"),
        direction: z.enum(["support-to-metal", "metal-to-support", "unknown"]).default("unknown"),
        ...provenance,
      })
      .strict()
      .optional(),
    reversibility: z
      .object({ by: text(1000).optional(), observed: TriState.default("unknown"), ...provenance })
      .strict()
      .optional(),
    catalysis: z
      .object({ changed: TriState.default("unknown"), description: text().optional(), ...provenance })
      .strict()
      .optional(),
    reports: z
      .array(Report)
      .max(200)
      .optional()
      .describe("free-text observations, read by the language rules"),
    notes: text(20_000).optional(),
  })
  .strict();

export type Evidence = z.infer<typeof Evidence>;
export type EvidenceInput = z.input<typeof Evidence>;

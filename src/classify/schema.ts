/**
 * The evidence schema: what a laboratory measured on one catalyst after one treatment history.
 * Every section may carry its own `quality` and `source`. Unknown keys are rejected so typos surface.
 */
import { z } from "zod";

export const TriState = z.enum(["yes", "no", "partial", "unknown"]);
export const Quality = z.enum(["high", "medium", "low"]);

const provenance = {
  quality: Quality.optional().describe("how much the observation can be trusted"),
  source: z.string().optional().describe("paper, DOI, notebook page or instrument run"),
};

const nonNegative = z.number().nonnegative();

export const Treatment = z
  .object({
    gas: z.string().min(1).describe("H2, O2, air, CO, CO2/H2, UHV, N2, vacuum, wet chemistry, …"),
    temperature_C: z.number().gt(-273.15).lte(3000).optional(),
    duration_h: nonNegative.optional(),
    order: z.number().int().positive().optional(),
    note: z.string().optional(),
  })
  .strict();

const BeforeAfter = z.object({ before: nonNegative.optional(), after: nonNegative.optional() }).strict();

export const Evidence = z
  .object({
    catalyst: z
      .object({
        metal: z.string().min(1),
        support: z.string().min(1),
        support_phase: z.string().optional(),
        facet: z.string().optional(),
        particle_size_nm: z.number().positive().optional(),
      })
      .strict(),
    treatments: z.array(Treatment).max(50).default([]),
    microscopy: z
      .object({
        technique: z.string().optional().describe("HRTEM, STEM, ETEM, STM …"),
        overlayer: TriState.default("unknown").describe("support-derived layer over the metal"),
        overlayer_thickness_layers: nonNegative.optional(),
        overlayer_coverage_fraction: z.number().min(0).max(1).optional(),
        overlayer_composition: z.string().optional(),
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
        ...provenance,
      })
      .strict()
      .optional(),
    chemisorption: z
      .object({
        h_per_metal: BeforeAfter.optional(),
        co_per_metal: BeforeAfter.optional(),
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
        ...provenance,
      })
      .strict()
      .optional(),
    ir_co: z
      .object({
        band_shift_cm1: z.number().optional(),
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
      .object({ by: z.string().optional(), observed: TriState.default("unknown"), ...provenance })
      .strict()
      .optional(),
    catalysis: z
      .object({ changed: TriState.default("unknown"), description: z.string().optional(), ...provenance })
      .strict()
      .optional(),
    notes: z.string().optional(),
  })
  .strict();

export type Evidence = z.infer<typeof Evidence>;
export type EvidenceInput = z.input<typeof Evidence>;

/**
 * How sharply a descriptor's contribution to a chain's likelihood turns over at its threshold:
 * weight = 1 / (1 + exp(−margin / width)), 0.5 at the threshold, 0.5 for a missing value. The widths
 * are ASSUMPTIONS (the spread of the inputs, not fitted): they shape the likelihood, never the verdict.
 */
export const MARGIN_WIDTH = {
  /** eV: the spread of DFT and thermochemical energies quoted in the science notes (~0.1 eV). */
  energy_eV: 0.1,
  /** decades: half an order of magnitude for rates, times and concentrations. */
  decades: 0.5,
  /** K: the spread of observed onset temperatures (Tauster 200/500 °C; model surfaces 600–800 K). */
  temperature_K: 50,
  /** J/m²: the stated uncertainty of calorimetric surface energies (±0.1–0.2 J/m²). */
  surface_J_per_m2: 0.2,
  /** Pauling units. */
  electronegativity: 0.1,
  /** nm. */
  size_nm: 0.2,
} as const;

/** Weight of a descriptor with the given margin (positive = threshold passed). */
export function weightOf(margin: number, width: number): number {
  if (!Number.isFinite(margin)) return margin > 0 ? 1 : margin < 0 ? 0 : 0.5;
  return 1 / (1 + Math.exp(-margin / width));
}

/** Probability weight of a missing descriptor. */
export const UNKNOWN_WEIGHT = 0.5;

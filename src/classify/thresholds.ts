/**
 * Thresholds that turn measured numbers into verdicts. Written from the literature before any case was
 * scored; each is a named export with its source, or marked ASSUMPTION. All are overridable through
 * `ClassifyOptions.thresholds` and are reported in the output that uses them.
 */

/**
 * Chemisorption counts as suppressed when the uptake after the treatment is at most this fraction of the
 * uptake before (H/M or CO/M, after ÷ before). Source: Tauster, Fung, Garten, J. Am. Chem. Soc. 100, 170
 * (1978): after H2 at 500 °C the group-8 metals on TiO2 kept between ~0 (Pt, Ir: H/M 0.88 → 0.00,
 * 1.60 → 0.00) and roughly a quarter (Ru, Os) of the H2 uptake they showed after H2 at 200 °C; 0.3 is the
 * upper end of that range (the Ru/Os ratios are quoted from memory of the paper's table: verify).
 */
export const SUPPRESSED_MAX_RATIO = 0.3;

/**
 * ASSUMPTION: chemisorption counts as retained when the uptake after is at least this fraction of the
 * uptake before. Volumetric H2/CO chemisorption on supported metals reproduces to roughly ±10–20 %, and
 * mild sintering lowers dispersion by a similar amount; a smaller loss is not read as an interaction.
 * Between SUPPRESSED_MAX_RATIO and this value the suppression is `partial`.
 */
export const RETAINED_MIN_RATIO = 0.8;

/**
 * ASSUMPTION: with only the value after the treatment given, H/M or CO/M at most this is read as
 * suppressed (inferred, since a large particle also has a low H/M). Tauster 1978 reported H/M ≤ 0.06
 * after H2 at 500 °C on TiO2 for all six metals; 0.05 is the value below which a metal of ≥ 20 nm
 * particles would have to be assumed (dispersion ≈ 1/d[nm]), which ordinary catalysts are not.
 */
export const SUPPRESSED_MAX_ABSOLUTE = 0.05;

/**
 * ASSUMPTION: a CO stretching band shift of at least this many cm⁻¹ counts as altered adsorption. Typical
 * DRIFTS resolution is 4 cm⁻¹, and coverage-dependent dipole coupling alone moves the linear CO band on
 * Pt by up to ~30–40 cm⁻¹ (Hammaker, Francis, Eischens, Spectrochim. Acta 21, 1295 (1965)); 10 cm⁻¹ is
 * above resolution but inside the dipole-coupling range, so a shift is read as `partial` below
 * IR_SHIFT_CLEAR_CM1 and `yes` above it.
 */
export const IR_SHIFT_MIN_CM1 = 10;

/** A CO band shift beyond the dipole-coupling range (Hammaker et al. 1965, ~40 cm⁻¹): clearly altered. */
export const IR_SHIFT_CLEAR_CM1 = 40;

/**
 * ASSUMPTION: a metal core-level binding-energy shift of at least this many eV counts as a changed
 * electronic state. XPS energy scales reproduce to about ±0.1 eV (ISO 15472 calibration), and final-state
 * (particle-size) shifts of small clusters reach a few tenths of an eV (Wertheim, Z. Phys. D 12, 319
 * (1989)); 0.3 eV is above calibration scatter. Positive: electron-poor; negative: electron-rich.
 */
export const XPS_SHIFT_MIN_EV = 0.3;

/**
 * An overlayer of at least this many layers is a shell (C1, C3); below it nothing was resolved.
 * ASSUMPTION: one oxide layer (~0.2–0.3 nm) is what HRTEM resolves on a metal particle's edge; SE shells
 * in the review are one to a few layers (TiO2−x bilayers on Pt).
 */
export const OVERLAYER_MIN_LAYERS = 1;

/** ASSUMPTION: one oxide layer thickness, nm, to convert a thickness in nm to layers (TiOx ≈ 0.25 nm). */
export const OXIDE_LAYER_NM = 0.25;

/**
 * The lowest H2 treatment temperature counted as an SMSI-inducing ("hot") reduction. Source: Tauster,
 * Fung, Garten 1978 saw chemisorption kept after H2 at 200 °C and lost after 500 °C. ASSUMPTION: 400 °C
 * lies between; it is not itself a published threshold (the onset on TiO2 is usually quoted near 400–
 * 500 °C, e.g. Haller & Resasco, Adv. Catal. 36, 173 (1989)).
 */
export const HOT_REDUCTION_MIN_C = 400;

/**
 * The temperature window in which BP-SMSI was observed: Wang et al., Nature 2026 (via the review):
 * Ru/rutile-TiO2 in O2 at 300–450 °C.
 */
export const BP_WINDOW_C = { min: 300, max: 450 } as const;

/** ASSUMPTION: the O2 partial pressure of "O2" with no pressure given (1 bar) and of air (0.21 bar). */
export const DEFAULT_PO2_BAR = { O2: 1, air: 0.21 } as const;

export interface Thresholds {
  suppressedMaxRatio: number;
  retainedMinRatio: number;
  suppressedMaxAbsolute: number;
  irShiftMin_cm1: number;
  irShiftClear_cm1: number;
  xpsShiftMin_eV: number;
  overlayerMinLayers: number;
  hotReductionMin_C: number;
}

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  suppressedMaxRatio: SUPPRESSED_MAX_RATIO,
  retainedMinRatio: RETAINED_MIN_RATIO,
  suppressedMaxAbsolute: SUPPRESSED_MAX_ABSOLUTE,
  irShiftMin_cm1: IR_SHIFT_MIN_CM1,
  irShiftClear_cm1: IR_SHIFT_CLEAR_CM1,
  xpsShiftMin_eV: XPS_SHIFT_MIN_EV,
  overlayerMinLayers: OVERLAYER_MIN_LAYERS,
  hotReductionMin_C: HOT_REDUCTION_MIN_C,
});

/** Source of each threshold, printed with a verdict that used it. */
export const THRESHOLD_SOURCES: Record<keyof Thresholds, string> = {
  suppressedMaxRatio: "Tauster, Fung, Garten, JACS 100, 170 (1978): ratios after/before HTR 0–~0.3",
  retainedMinRatio: "ASSUMPTION: chemisorption reproducibility and mild sintering (±10–20 %)",
  suppressedMaxAbsolute: "ASSUMPTION after Tauster 1978 (H/M ≤ 0.06 after HTR); inferred only",
  irShiftMin_cm1: "ASSUMPTION: above 4 cm⁻¹ resolution; Hammaker, Francis, Eischens 1965 dipole coupling",
  irShiftClear_cm1: "Hammaker, Francis, Eischens, Spectrochim. Acta 21, 1295 (1965): dipole-coupling range",
  xpsShiftMin_eV: "ASSUMPTION: above ±0.1 eV calibration scatter (ISO 15472) and small final-state shifts",
  overlayerMinLayers: "ASSUMPTION: one oxide layer is what HRTEM resolves",
  hotReductionMin_C: "ASSUMPTION between Tauster 1978's 200 °C (kept) and 500 °C (lost)",
};

/**
 * Shared shapes of smsi predict: one rationale row per descriptor, named assumptions, and the
 * prediction itself (`{ class, trigger, likelihood, ranked, phenomena, consequences, rationale,
 * assumptions }`, issue 12).
 */

export type PredictClass = "SE-SMSI" | "BP-SMSI" | "EMSI" | "CMSI" | "none" | "indeterminate";
export type PredictTrigger = "reductive" | "oxidative" | "adsorbate" | null;

/** met: the descriptor passes its threshold; not-met: it fails; unknown: a value is missing. */
export type DescriptorVerdict = "met" | "not-met" | "unknown";

export interface RationaleRow {
  descriptor: string;
  /** The value (number, text for categorical descriptors, null when missing). */
  value: number | string | null;
  unit: string;
  /** The threshold or rule the value is compared with, in words and numbers. */
  threshold: string;
  source: string;
  verdict: DescriptorVerdict;
  /**
   * Which chain the descriptor belongs to; "check": a cross-check reported beside the descriptors (the
   * KMC route check), in no chain's product and not in the likelihood's coverage.
   */
  chain: "BP" | "SE" | "EMSI" | "CMSI" | "size" | "scope" | "check";
  /** Probability (0–1) this descriptor contributes to its chain (logistic in the margin; 0.5 when unknown). */
  weight: number;
}

export interface NamedAssumption {
  name: string;
  value: number | string;
  unit: string;
  source: string;
  isAssumption: boolean;
}

export interface RankedClass {
  class: PredictClass;
  trigger: PredictTrigger;
  label: string;
  likelihood: number;
}

export interface Consequences {
  /** Expected change of CO adsorption. */
  coAdsorption: {
    /** Fraction of metal surface sites blocked by an overlayer (SE), 0 when none. */
    siteBlockingFraction: number;
    /** Expected CO uptake after / before (1 − blocking). */
    uptakeRatio: number;
    /** d-band centre shift, eV (negative = down), BP only; null otherwise. */
    dBandShift_eV: number | null;
    /** Change of the CO adsorption energy, eV (positive = weaker binding); null when not estimated. */
    bindingChange_eV: number | null;
    summary: string;
    sources: string[];
  };
}

export interface Prediction {
  input: {
    metal: string;
    support: string;
    supportPhase: string | null;
    facet: string | null;
    particleSize_nm: number | null;
    gas: string;
    temperature_K: number | null;
    duration_h: number | null;
    atmosphere: string;
  };
  class: PredictClass;
  trigger: PredictTrigger;
  /** The class label in the published-cases vocabulary (SE-SMSI-reductive, BP-SMSI, EMSI, CMSI, none, indeterminate). */
  label: string;
  likelihood: number;
  ranked: RankedClass[];
  phenomena: string[];
  consequences: Consequences;
  rationale: RationaleRow[];
  /** Descriptors that could not be evaluated (lower likelihood). */
  missing: string[];
  assumptions: NamedAssumption[];
  notes: string[];
}

/** The strongest (published-cases) label of a class and trigger. */
export function labelOf(cls: PredictClass, trigger: PredictTrigger): string {
  return cls === "SE-SMSI" && trigger ? `SE-SMSI-${trigger}` : cls;
}

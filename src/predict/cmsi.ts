/**
 * CMSI descriptor: single atoms and sub-nanometre clusters bond covalently to the support (the
 * review's CMSI, not strict SMSI): nothing to encapsulate, no bulk to oxidise from below.
 */
import type { PredictParameters } from "./data.js";
import type { RationaleRow } from "./types.js";
import { MARGIN_WIDTH, weightOf } from "./weight.js";

/** Size of a single atom for the size descriptor, nm (Pt metallic diameter ≈ 0.28 nm). */
export const SINGLE_ATOM_SIZE_NM = 0.28;

export function cmsiDescriptor(size_nm: number, singleAtoms: boolean, p: PredictParameters): RationaleRow {
  const margin = p.cmsiMaxSize_nm - size_nm;
  return {
    descriptor: "cluster size for covalent metal–support bonding (single atoms, sub-nm)",
    value: singleAtoms ? "single atoms" : size_nm,
    unit: "nm",
    threshold: `size ≤ ${p.cmsiMaxSize_nm} nm (cmsiMaxSize_nm)`,
    source:
      "Van Hardeveld & Hartog, Surf. Sci. 15, 189 (1969) (dispersion → 1 below 1 nm); CMSI in the review's taxonomy",
    verdict: margin >= 0 ? "met" : "not-met",
    chain: "CMSI",
    weight: singleAtoms ? 0.98 : weightOf(margin, MARGIN_WIDTH.size_nm),
  };
}

/**
 * Expected change of CO adsorption. SE: the overlayer blocks metal sites — complete encapsulation
 * removes CO/H2 uptake (Tauster, Fung, Garten 1978: CO/M → ~0), so the expected blocked fraction is
 * the SE likelihood (expectation over encapsulated / not). BP: O in the lattice moves the d-band centre
 * down (the review; Wang et al., Nature 2026) and CO binding weakens by slope × |Δε_d|
 * (Hammer & Nørskov, Adv. Catal. 45, 71 (2000)); both numbers are named assumptions.
 */
import { descriptorData, type PredictParameters } from "./data.js";
import type { Consequences } from "./types.js";

export function coConsequences(metal: string, pSE: number, pBP: number, p: PredictParameters): Consequences {
  const blocking = Math.min(1, Math.max(0, pSE));
  const eps = descriptorData().dBandCentre_eV.values[metal];
  const shift = pBP > 0.5 ? p.dBandShiftBP_eV : null;
  const binding = shift === null ? null : -p.coBindingSlope * shift;
  const parts = [
    `site blocking ${(100 * blocking).toFixed(0)} % → CO uptake ${(100 * (1 - blocking)).toFixed(0)} % of the clean metal`,
  ];
  if (shift !== null && binding !== null)
    parts.push(
      `d-band centre ${eps !== undefined ? `${eps.toFixed(2)} → ${(eps + shift).toFixed(2)} eV` : `shifted ${shift} eV`}; CO binds ≈ ${binding.toFixed(2)} eV weaker, surface left open`,
    );
  return {
    coAdsorption: {
      siteBlockingFraction: blocking,
      uptakeRatio: 1 - blocking,
      dBandShift_eV: shift,
      bindingChange_eV: binding,
      summary: parts.join("; "),
      sources: [
        "Tauster, Fung, Garten, JACS 100, 170 (1978)",
        "Hammer & Nørskov, Adv. Catal. 45, 71 (2000)",
        descriptorData().dBandCentre_eV.source,
      ],
    },
  };
}

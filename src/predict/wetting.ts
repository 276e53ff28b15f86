/**
 * SE chain, descriptors 3–4: the metal–support-cation interaction and wetting. An overlayer spreads
 * over the metal when γ_metal > γ_overlayer + γ_interface (Young–Dupré; science notes §5). The
 * interface energy is Miedema & den Broeder's chemical term plus a structural term:
 *   reduced suboxide (cation at the interface, e.g. Ti–Pt under TiOx):  γ_chem = ΔH_sol(M in C)/(c0 V_M^{2/3})
 *     — the metal–metal interaction that Wang et al., Science 386, 915 (2024) find governs encapsulation;
 *   stoichiometric overlayer (O at the interface): γ_chem = ΔH_f(metal oxide) per mol O /(c0 V_M^{2/3})
 *     — the metal–oxygen term (Hemmingson & Campbell, ACS Nano 11, 1196 (2017): adhesion rises with
 *     the metal's oxide formation enthalpy); 0 for metals without a stable sourced oxide (Pt, Au).
 * γ_overlayer: the support's measured surface energy (reduced oxides are lower, science notes §5, so
 * this is an upper bound: wetting predicted here holds a fortiori).
 */
import { oxideThermo } from "../thermo/ellingham.js";
import { phasesOfMetal } from "../thermo/equilibria.js";
import { descriptorData, type PredictParameters } from "./data.js";
import {
  chemicalInterfaceEnergy_J_per_m2,
  MIEDEMA_SOURCE,
  molarInterfaceArea_m2_per_mol,
  solutionEnthalpy_kJ_per_mol,
} from "./miedema.js";
import type { RationaleRow } from "./types.js";
import { MARGIN_WIDTH, UNKNOWN_WEIGHT, weightOf } from "./weight.js";

export function metalCationDescriptor(metal: string, cation: string | null): RationaleRow {
  const h = cation ? solutionEnthalpy_kJ_per_mol(metal, cation) : null;
  return {
    descriptor: `metal–support-cation interaction: Miedema ΔH_sol(${metal} in ${cation ?? "?"})`,
    value: h,
    unit: "kJ/mol",
    threshold: "< 0 (attractive metal–metal bonding; enters the interface energy below)",
    source: `${MIEDEMA_SOURCE}; stand-in for the metal–metal term of Wang et al., Science 386, 915 (2024)`,
    verdict: h === null ? "unknown" : h < 0 ? "met" : "not-met",
    chain: "SE",
    // reported; it enters the chain through the interface energy of the wetting descriptor
    weight: 1,
  };
}

const metalOxygenCache = new Map<string, { dH_per_O_kJ: number; oxide: string } | null>();

/** Formation enthalpy of the metal's most stable oxide per mol O (kJ/mol O), or null. */
export function metalOxygenEnthalpy(metal: string): { dH_per_O_kJ: number; oxide: string } | null {
  if (metalOxygenCache.has(metal)) return metalOxygenCache.get(metal) ?? null;
  let best: { dH_per_O_kJ: number; oxide: string } | null = null;
  for (const ph of phasesOfMetal(metal)) {
    if (ph.nO === 0 || !ph.thermo) continue;
    const th = oxideThermo(ph.formula, ph.phase);
    const perO = th.dHf298_kJ_per_mol / th.nO;
    if (!best || perO < best.dH_per_O_kJ) best = { dH_per_O_kJ: perO, oxide: ph.formula };
  }
  metalOxygenCache.set(metal, best);
  return best;
}

export interface WettingResult {
  row: RationaleRow;
  spreading_J_per_m2: number | null;
}

export function wettingDescriptor(
  metal: string,
  cation: string | null,
  surfaceKey: string | null,
  overlayer: "suboxide" | "stoichiometric",
  p: PredictParameters,
): WettingResult {
  const d = descriptorData();
  const gm = d.metalSurface.values[metal]?.surfaceEnergy_J_per_m2;
  const go = surfaceKey ? d.oxideSurfaceEnergy_J_per_m2[surfaceKey] : undefined;
  let gChem: number | null = null;
  let chemText = "";
  if (overlayer === "suboxide") {
    gChem = cation ? chemicalInterfaceEnergy_J_per_m2(metal, cation) : null;
    chemText = `γ_chem = ΔH_sol(${metal} in ${cation ?? "?"})/(c0 V^{2/3}) (Miedema & den Broeder 1979)`;
  } else {
    const mo = metalOxygenEnthalpy(metal);
    const area = molarInterfaceArea_m2_per_mol(metal);
    gChem = area === null ? null : mo ? (mo.dH_per_O_kJ * 1000) / area : 0;
    chemText = mo
      ? `γ_chem = ΔH_f(${mo.oxide}) per O /(c0 V^{2/3}) (metal–oxygen term)`
      : `γ_chem = 0: no sourced stable oxide of ${metal} (weak metal–oxygen term)`;
  }
  const descriptor = `wetting of the metal by the ${overlayer === "suboxide" ? "reduced suboxide" : "stoichiometric support"}: S = γ_M − γ_ov − γ_int`;
  const missing = [
    gm === undefined ? `γ(${metal})` : "",
    go === undefined ? `γ(${surfaceKey ?? "support"})` : "",
    gChem === null ? "γ_chem" : "",
  ].filter(Boolean);
  if (gm !== undefined && go === undefined && gChem !== null)
    return unknownOverlayerEnergy(
      descriptor,
      gm,
      gChem + p.interfaceStructuralEnergy_J_per_m2,
      surfaceKey,
      chemText,
    );
  if (gm === undefined || go === undefined || gChem === null)
    return {
      row: {
        descriptor,
        value: null,
        unit: "J/m²",
        threshold: "S > 0 (Young–Dupré)",
        source: `missing ${missing.join(", ")} (data/predict/descriptors.json)`,
        verdict: "unknown",
        chain: "SE",
        weight: UNKNOWN_WEIGHT,
      },
      spreading_J_per_m2: null,
    };
  const gInt = gChem + p.interfaceStructuralEnergy_J_per_m2;
  const S = gm - go.value - gInt;
  return {
    row: {
      descriptor,
      value: S,
      unit: "J/m²",
      threshold: `S > 0: γ_M ${gm.toFixed(2)} > γ_ov ${go.value.toFixed(2)} + γ_int ${gInt.toFixed(2)}`,
      source: `Young–Dupré (science notes §5); γ_M: ${d.metalSurface.source}; γ_ov: ${go.source}; ${chemText}; γ_struct = interfaceStructuralEnergy_J_per_m2`,
      verdict: S > 0 ? "met" : "not-met",
      chain: "SE",
      weight: weightOf(S, MARGIN_WIDTH.surface_J_per_m2),
    },
    spreading_J_per_m2: S,
  };
}

/**
 * Surface energies that are not a crystalline support's (B2O3: the surface tension of its melt, the
 * overlayer h-BN makes): left out of the population an unknown support's γ is drawn from.
 */
const NOT_SUPPORT_SURFACES = new Set(["B2O3"]);

let surfacePopulation: number[] | undefined;

/** The measured oxide surface energies in the data, each distinct (value, source) once (read once). */
function supportSurfaceEnergies(): number[] {
  if (surfacePopulation) return surfacePopulation;
  const seen = new Set<string>();
  const out: number[] = [];
  for (const [key, v] of Object.entries(descriptorData().oxideSurfaceEnergy_J_per_m2)) {
    if (NOT_SUPPORT_SURFACES.has(key) || seen.has(`${v.value}|${v.source}`)) continue;
    seen.add(`${v.value}|${v.source}`);
    out.push(v.value);
  }
  surfacePopulation = out;
  return out;
}

/**
 * Wetting when the support's surface energy is not in the data (Nb2O5, V2O3, Ta2O5, Ga2O3, …): the
 * weight is the expectation of the wetting weight over the oxides whose surface energies are measured
 * (empirical prior) — not a fixed ½, which would make SE impossible for every such support whatever
 * its reducibility. The verdict stays "unknown" (named as missing; the likelihood's coverage falls).
 */
function unknownOverlayerEnergy(
  descriptor: string,
  gm: number,
  gInt: number,
  surfaceKey: string | null,
  chemText: string,
): WettingResult {
  const population = supportSurfaceEnergies();
  const weights = population.map((g) => weightOf(gm - g - gInt, MARGIN_WIDTH.surface_J_per_m2));
  const wets = population.filter((g) => gm - g - gInt > 0).length;
  const weight = weights.reduce((a, b) => a + b, 0) / weights.length;
  return {
    row: {
      descriptor,
      value: null,
      unit: "J/m²",
      threshold: `S > 0 (Young–Dupré); γ(${surfaceKey ?? "support"}) unknown: weight ${weight.toFixed(2)} = mean over the ${population.length} measured oxide surface energies (S > 0 for ${wets})`,
      source: `missing γ(${surfaceKey ?? "support"}) (data/predict/descriptors.json); γ_M ${gm.toFixed(2)}, γ_int ${gInt.toFixed(2)} J/m²: ${chemText}`,
      verdict: "unknown",
      chain: "SE",
      weight,
    },
    spreading_J_per_m2: null,
  };
}

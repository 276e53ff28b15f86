/**
 * Miedema's model of the enthalpy of a transition-metal pair (de Boer, Boom, Mattens, Miedema,
 * Niessen, Cohesion in Metals, North-Holland 1988), implemented here from its published form:
 *
 *   ΔH_sol(A in B) = 2 V_A^{2/3} [ −P (Δφ*)² + Q (Δn_ws^{1/3})² − R ] / (n_ws,A^{−1/3} + n_ws,B^{−1/3})
 *
 * kJ per mol of A dissolved at infinite dilution in B (no volume or ordering corrections), with
 * Q/P = 9.4, P = 14.1 (two transition metals), 10.7 (two non-transition metals), 12.35 (mixed) and
 * R = P·R*_A·R*_B only for a transition/non-transition pair (parameters: data/predict/miedema.json,
 * as tabulated in matminer). The chemical interfacial energy of an A/B contact follows Miedema &
 * den Broeder (Z. Metallkde 70, 14 (1979)): γ_chem = ΔH_sol(A in B) / (c0 V_A^{2/3}), c0 = 4.5·10⁸.
 */
import { predictDataFile } from "./data.js";

interface MiedemaElement {
  V_cm3_per_mol: number;
  nws_du: number;
  phiStar_V: number;
  valenceElectrons: number;
  Rstar: number;
}

interface MiedemaDoc {
  source: string;
  constants: Record<string, { value: number; source: string }>;
  elements: Record<string, MiedemaElement>;
}

const doc = () => predictDataFile<MiedemaDoc>("miedema.json");

/** Elements with 3–11 valence electrons count as transition (incl. noble) metals for P and R. */
function isTransition(e: MiedemaElement): boolean {
  return e.valenceElectrons >= 3 && e.valenceElectrons <= 11;
}

export function hasMiedemaParameters(symbol: string): boolean {
  return symbol in doc().elements;
}

export const MIEDEMA_SOURCE =
  "Miedema model, de Boer et al., Cohesion in Metals (1988); parameters as tabulated in matminer Miedema.csv";

/** ΔH_sol(A in B) in kJ per mol A; null when either element lacks parameters. */
export function solutionEnthalpy_kJ_per_mol(a: string, b: string): number | null {
  const d = doc();
  const A = d.elements[a];
  const B = d.elements[b];
  if (!A || !B) return null;
  const c = d.constants;
  const both = isTransition(A) && isTransition(B);
  const none = !isTransition(A) && !isTransition(B);
  const P = both ? c.P_bothTransition.value : none ? c.P_bothNonTransition.value : c.P_mixed.value;
  const R = both || none ? 0 : P * A.Rstar * B.Rstar;
  const Q = P * c.QoverP.value;
  const dPhi = A.phiStar_V - B.phiStar_V;
  const dN = A.nws_du ** (1 / 3) - B.nws_du ** (1 / 3);
  const denom = A.nws_du ** (-1 / 3) + B.nws_du ** (-1 / 3);
  return (2 * A.V_cm3_per_mol ** (2 / 3) * (-P * dPhi * dPhi + Q * dN * dN - R)) / denom;
}

/** Molar interface area c0·V^{2/3} of an element, m² per mol. */
export function molarInterfaceArea_m2_per_mol(a: string): number | null {
  const A = doc().elements[a];
  if (!A) return null;
  const CM2_PER_M2 = 1e4;
  return (doc().constants.c0.value * A.V_cm3_per_mol ** (2 / 3)) / CM2_PER_M2;
}

/** Chemical interfacial energy of an A/B contact (Miedema & den Broeder 1979), J/m²; null if unknown. */
export function chemicalInterfaceEnergy_J_per_m2(a: string, b: string): number | null {
  const h = solutionEnthalpy_kJ_per_mol(a, b);
  const area = molarInterfaceArea_m2_per_mol(a);
  if (h === null || area === null) return null;
  const J_PER_KJ = 1000;
  return (h * J_PER_KJ) / area;
}

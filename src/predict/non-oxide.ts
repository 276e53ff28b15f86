/**
 * Non-oxide supports (h-BN, carbon) and the SE chain they take part in. A non-oxide has no suboxide
 * to give under a reducing gas. Under an oxidising gas its surface oxidises; a condensed product is
 * the candidate overlayer of oxidative SE-SMSI — BOx shells grow over Pt, Au, Rh, Ru and Ir on h-BN in
 * O2 (Song et al., J. Phys. Chem. Lett. 2021) — while a gaseous product (carbon → CO2) leaves nothing
 * to cover the metal. The product then faces the same mobility (Tammann) and wetting (Young–Dupré,
 * metal–O interface term) tests as a stoichiometric oxide support (mobility.ts, wetting.ts).
 *
 * Thermodynamics of the support's oxidation: ΔG°(T) ≈ ΔH°298 − TΔS°298 (Ellingham approximation),
 * expressed as the equilibrium Δμ_O of the reaction (per O atom, Reuter–Scheffler reference), so it is
 * compared with the gas's Δμ_O exactly as a metal/oxide pair is (src/thermo/equilibria.ts).
 */
import { identifySupport } from "../classify/supports.js";
import { deltaMuOStandard } from "../thermo/oxygen-potential.js";
import { KJ_PER_MOL_PER_EV } from "../units/constants.js";
import { predictDataFile } from "./data.js";
import type { RationaleRow } from "./types.js";
import { MARGIN_WIDTH, weightOf } from "./weight.js";

interface SpeciesRow {
  dHf298_kJ_per_mol: number;
  S298_J_per_mol_K: number;
  source: string;
}

export interface NonOxideSupport {
  /** Its entry in data/classify/supports.yaml ("BN", "carbon"). */
  key: string;
  /** Species of its thermochemistry ("BN", "C"). */
  species: string;
  cation: string;
  /** Per formula unit of the support: support + O2 → Σ products. */
  reaction: { support: number; O2: number; products: Record<string, number> };
  product: string;
  productCondensed: boolean;
  note: string;
}

interface NonOxideFile {
  species: Record<string, SpeciesRow>;
  supports: Record<string, Omit<NonOxideSupport, "key">>;
}

const file = () => predictDataFile<NonOxideFile>("non-oxide-supports.json");

/** The non-oxide support a name refers to ("h-BN (sheets)", "graphene"), or null (names: the classifier's table). */
export function resolveNonOxide(text: string): NonOxideSupport | null {
  const r = identifySupport(text);
  if (!r?.support.nonOxide) return null;
  const s = file().supports[r.support.name];
  return s ? { key: r.support.name, ...s } : null;
}

function species(name: string): SpeciesRow {
  const row = file().species[name];
  if (!row) throw new Error(`data/predict/non-oxide-supports.json lacks species ${name}`);
  return row;
}

/**
 * Equilibrium Δμ_O (eV per O) of the support's oxidation at T: the gas oxidises the support when its
 * Δμ_O lies above this value.
 */
export function supportOxidationEquilibrium_eV(s: NonOxideSupport, T_K: number): number {
  const { reaction } = s;
  const sup = species(s.species);
  let dH = -reaction.support * sup.dHf298_kJ_per_mol;
  let dS = -reaction.support * sup.S298_J_per_mol_K - reaction.O2 * species("O2").S298_J_per_mol_K;
  for (const [name, nu] of Object.entries(reaction.products)) {
    dH += nu * species(name).dHf298_kJ_per_mol;
    dS += nu * species(name).S298_J_per_mol_K;
  }
  const dG_per_O2 = (dH - (T_K * dS) / 1000) / reaction.O2;
  return deltaMuOStandard(T_K) + dG_per_O2 / 2 / KJ_PER_MOL_PER_EV;
}

function sources(s: NonOxideSupport): string {
  const names = [s.species, "O2", ...Object.keys(s.reaction.products)];
  return names.map((n) => `${n}: ${species(n).source}`).join("; ");
}

/** SE chain (oxidising gas), descriptor 1: does the gas oxidise the support's surface? */
export function supportOxidationDescriptor(
  s: NonOxideSupport,
  T_K: number,
  gasDeltaMuO_eV: number,
): RationaleRow {
  const eq = supportOxidationEquilibrium_eV(s, T_K);
  const margin = gasDeltaMuO_eV - eq;
  return {
    descriptor: `oxidation of the ${s.key} support by the gas (${s.note}): Δμ_O(gas) − Δμ_O,eq`,
    value: margin,
    unit: "eV per O",
    threshold: `> 0: the gas oxidises ${s.key} (Δμ_O,eq = ${eq.toFixed(2)} eV; kinetics of the support's oxidation not modelled)`,
    source: `ΔG° ≈ ΔH° − TΔS° from 298 K data: ${sources(s)}`,
    verdict: margin > 0 ? "met" : "not-met",
    chain: "SE",
    weight: weightOf(margin, MARGIN_WIDTH.energy_eV),
  };
}

/** SE chain (oxidising gas), descriptor 2: is the product condensed (something to cover the metal)? */
export function productPhaseDescriptor(s: NonOxideSupport): RationaleRow {
  return {
    descriptor: `oxidation product of the ${s.key} support stays on the surface (${s.product})`,
    value: s.productCondensed ? 1 : 0,
    unit: "yes/no",
    threshold: "a condensed product (a gas leaves nothing to cover the metal)",
    source: `${s.note} (data/predict/non-oxide-supports.json)`,
    verdict: s.productCondensed ? "met" : "not-met",
    chain: "SE",
    weight: s.productCondensed ? 1 : 0,
  };
}

/** SE chain (reducing gas, vacuum): a non-oxide has no suboxide to give. */
export function noSuboxideDescriptor(s: NonOxideSupport): RationaleRow {
  return {
    descriptor: `support reduction under the treatment: ${s.key} is not an oxide`,
    value: 0,
    unit: "O per formula unit",
    threshold: "a reducible oxide support (suboxide to migrate)",
    source: "science notes §5: SE-SMSI in a reducing gas needs a reduced support oxide",
    verdict: "not-met",
    chain: "SE",
    weight: 0,
  };
}

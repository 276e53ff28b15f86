/**
 * The oxygen landscape of a supported metal particle: for each region on the path of a lattice O atom —
 * support surface, subsurface layers 1–5, support bulk, interface, interfacial oxide, metal interstitial,
 * metal surface — the O energy and the migration barrier, each with its source or as a named, overridable
 * ASSUMPTION (data/thermo/oxygen-landscape.json).
 *
 * One free-energy model (docs/thermo.md, "Oxygen landscape"):
 * - site energies are energies of one O atom relative to ½ E(O2) (the Reuter–Scheffler reference); for
 *   lattice O in an oxide the O energy is minus the vacancy formation energy E_v;
 * - no site energy carries a configurational term k_B T ln c: concentrations and the gas entropy enter
 *   once, through the gas Δμ_O and the equilibrium Δμ_O of the metal/oxide pair at the route's ends
 *   (routes.ts), so configurational entropy is counted once.
 *
 * Bulk E_v of the support = reduction enthalpy per O to its convex-hull neighbour (species-298K.json, a
 * sourced thermochemical value; dilute-defect DFT values differ). Surface and subsurface values are
 * offsets from it (facet-specific, sourced where a DFT value was read). The interface layer is lowered by
 * the Fermi-level activation at a coherent interface (gate). The metal side: O in the metal's oxide
 * (ΔH_f per O), dissolved O above it, chemisorbed O at the surface.
 */
import { isElement } from "../crystal/elements.js";
import { InputError } from "../units/errors.js";
import { KJ_PER_MOL_PER_EV } from "../units/constants.js";
import {
  assertThermoTemperature,
  formationGibbs,
  type OxideThermo,
  parseOxideFormula,
  resolveOxide,
  THERMO_T_RANGE_K,
} from "./ellingham.js";
import { DataCache, thermoDataFile } from "./data-file.js";
import { phasesOfMetal, reductionReaction } from "./equilibria.js";
import { shomateSpecies } from "./gas.js";
import { vacancyFormation } from "./vacancy.js";
import { type Atmosphere, deltaMuOStandard } from "./oxygen-potential.js";
import type { RoutesInput } from "./routes.js";

export type GateVerdictInput = "coherent" | "semi-coherent" | "incoherent";

export interface Assumption {
  name: string;
  value: number;
  unit: string;
  source: string;
  isAssumption: boolean;
}

export interface LandscapeRegion {
  region: string;
  depth_nm: number;
  oxygenEnergy_eV: number;
  migrationBarrier_eV: number;
  energySource: string;
  barrierSource: string;
  isAssumption: boolean;
}

export interface OxygenLandscape {
  metal: string;
  support: string;
  facet: string;
  gate: GateVerdictInput;
  regions: LandscapeRegion[];
  assumptions: Assumption[];
}

/** Contract B: the routes input without the gas and particle size (both optional here). */
export type LandscapeInput = Omit<RoutesInput, "atmosphere" | "particleSize_nm"> & {
  atmosphere?: Atmosphere;
};

interface Param {
  value: number;
  range?: [number, number];
  unit: string;
  source: string;
  isAssumption: boolean;
}

interface LandscapeDoc {
  global: Record<string, Param>;
  metals: Record<string, Record<string, Param>>;
  supports: Record<string, { facet: string; facetSource: string } & Record<string, Param | string>>;
}

/**
 * Temperature resolution (K) of the cached structural choices (the support's hull neighbour, the metal's
 * first oxide). Energies are enthalpies (T-independent); the equilibrium μ_O and the gas μ_O are computed
 * at the exact T. A choice can be off only within ±5 K of a phase boundary (a speed/accuracy trade-off:
 * predict calls the routes thousands of times at scattered temperatures).
 */
export const T_BUCKET_K = 10;

/** The temperature at which cached structural choices are made for T. */
export function bucketTemperature(T: number): number {
  const [lo, hi] = THERMO_T_RANGE_K;
  return Math.min(hi, Math.max(lo, Math.round(T / T_BUCKET_K) * T_BUCKET_K));
}

/** Number of subsurface layers resolved (the review: O comes from 3–5 layers under the surface). */
export const SUBSURFACE_LAYERS = 5;

/** Bulk support region placed one layer below the deepest subsurface layer (a plotting position). */
const BULK_LAYER = SUBSURFACE_LAYERS + 1;

/** Interlayer spacing of O layers in the support, nm: ASSUMPTION for the depth axis only (≈ 0.3 nm). */
export const LAYER_SPACING_NM = 0.3;

/** Fraction of the Fermi-level activation and incoherence penalty applied per gate verdict. */
export const GATE_WEIGHT: Record<GateVerdictInput, { activation: number; penalty: number }> = {
  coherent: { activation: 1, penalty: 0 },
  "semi-coherent": { activation: 0.5, penalty: 0.5 },
  incoherent: { activation: 0, penalty: 1 },
};

export function landscapeData(): LandscapeDoc {
  return thermoDataFile<LandscapeDoc>("oxygen-landscape.json");
}

/** Materials ids accepted for the support, with the aliases of contract B ("SiO2-quartz"). */
const SUPPORT_ALIASES: Record<string, string> = {
  "SiO2-quartz": "SiO2-alpha-quartz",
  "alpha-quartz": "SiO2-alpha-quartz",
  quartz: "SiO2-alpha-quartz",
  rutile: "TiO2-rutile",
  anatase: "TiO2-anatase",
  Al2O3: "Al2O3-alpha",
};

export function canonicalSupport(support: string): string {
  return SUPPORT_ALIASES[support] ?? support;
}

/** Every named parameter of the model, resolved for a (metal, support) pair, with overrides applied. */
export interface ResolvedParameters {
  get(name: string): number;
  list: Assumption[];
  ranges: Record<string, [number, number]>;
  facet: string;
  facetSource: string;
}

const paramCache = new Map<string, { base: Map<string, Param>; facet: string; facetSource: string }>();

function baseParameters(metal: string, support: string) {
  const key = `${metal}|${support}`;
  const hit = paramCache.get(key);
  if (hit) return hit;
  const doc = landscapeData();
  const base = new Map<string, Param>();
  for (const [k, v] of Object.entries(doc.global)) base.set(k, v);
  const sup = doc.supports[support] ?? doc.supports.default;
  for (const [k, v] of Object.entries(sup)) if (typeof v === "object") base.set(k, v as Param);
  for (const [k, v] of Object.entries(doc.metals[metal] ?? {})) base.set(k, v);
  const out = { base, facet: sup.facet, facetSource: sup.facetSource };
  paramCache.set(key, out);
  return out;
}

export function resolveParameters(
  metal: string,
  support: string,
  overrides: Record<string, number> = {},
): ResolvedParameters {
  const { base, facet, facetSource } = baseParameters(metal, support);
  for (const [k, v] of Object.entries(overrides)) {
    if (!base.has(k))
      throw new InputError(
        `overrides.${k}`,
        `unknown parameter; known for ${metal}/${support}: ${[...base.keys()].join(", ")}`,
      );
    if (typeof v !== "number" || !Number.isFinite(v))
      throw new InputError(`overrides.${k}`, `must be a finite number (got ${v})`);
  }
  const list: Assumption[] = [];
  const ranges: Record<string, [number, number]> = {};
  for (const [k, p] of base) {
    const over = overrides[k];
    list.push({
      name: k,
      value: over ?? p.value,
      unit: p.unit,
      source: over !== undefined ? `user override (default ${p.value}: ${p.source})` : p.source,
      isAssumption: over !== undefined ? true : p.isAssumption,
    });
    if (p.range) ranges[k] = p.range;
  }
  return {
    get(name: string): number {
      const o = overrides[name];
      if (o !== undefined) return o;
      const p = base.get(name);
      if (!p) throw new Error(`oxygen-landscape.json lacks parameter ${name}`);
      return p.value;
    },
    list,
    ranges,
    facet,
    facetSource,
  };
}

const EV = (kJ: number) => kJ / KJ_PER_MOL_PER_EV;

/** ½ (H298 − H0) of O2 in eV: converts 298 K enthalpies to the ½ E(O2) (0 K) reference. */
function halfO2ZeroPoint_eV(): number {
  return EV((shomateSpecies("O2", "gas")?.H298_minus_H0_kJ_per_mol ?? 0) / 2);
}

export interface SupportEnergetics {
  formula: string;
  phase?: string;
  lowerPhase: string;
  /** Bulk vacancy formation energy (eV): reduction enthalpy per O to the hull neighbour. */
  bulkVacancy_eV: number;
  source: string;
}

const supportCache = new DataCache<SupportEnergetics>();

/** Bulk vacancy formation energy of a support from the thermochemistry of its hull neighbour. */
export function supportEnergetics(support: string, T: number): SupportEnergetics {
  const key = `${support}|${T}`;
  const hit = supportCache.get(key);
  if (hit) return hit;
  const sup = resolveOxide(support, "support");
  if (!parseOxideFormula(sup.formula)) throw new InputError("support", `"${support}" is not a binary oxide`);
  const rx = reductionReaction(sup.formula, sup.phase, "support", T);
  const v = vacancyFormation(sup.formula, sup.phase, "bulk", T);
  const out: SupportEnergetics = {
    formula: sup.formula,
    phase: sup.phase,
    lowerPhase: rx.lower.formula,
    bulkVacancy_eV: v.E_f_eV,
    source:
      v.kind === "thermochemical"
        ? `${v.source}: the bulk-thermodynamic vacancy energy, not a dilute-defect DFT value`
        : v.source,
  };
  supportCache.set(key, out);
  return out;
}

export interface MetalEnergetics {
  metal: string;
  /** The oxide in equilibrium with the metal at T (lowest equilibrium μ_O), or null. */
  oxide: { formula: string; phase: string; nMetal: number; nO: number } | null;
  /** O in that oxide relative to ½ E(O2), eV (ΔH_f per O). */
  oxideOxygen_eV: number;
  oxideSource: string;
  /** Δμ_O (eV per O) of the metal/oxide equilibrium at T; +∞ when no oxide has data. */
  equilibriumDeltaMuO_eV: number;
  /** Assumptions of the oxide's thermochemistry (ΔCp = 0, assumed S298, calibrated lines). */
  thermoAssumptions: string[];
  thermo: OxideThermo | null;
}

/** Δμ_O (eV per O) of the metal/oxide equilibrium at exactly T; +∞ without an oxide. */
export function metalEquilibriumDeltaMuO(m: MetalEnergetics, T: number): number {
  if (!m.thermo || !m.oxide) return Number.POSITIVE_INFINITY;
  return deltaMuOStandard(T) + EV(formationGibbs(m.thermo, T).dG_kJ_per_mol_oxide / m.oxide.nO);
}

const metalCache = new DataCache<MetalEnergetics>();

/** O energy in the metal's first oxide: the one in equilibrium with the metal (lowest equilibrium μ_O). */
export function metalEnergetics(metal: string, T: number, noOxide_eV: number): MetalEnergetics {
  const key = `${metal}|${T}|${noOxide_eV}`;
  const hit = metalCache.get(key);
  if (hit) return hit;
  let best: MetalEnergetics["oxide"] = null;
  let bestMu = Number.POSITIVE_INFINITY;
  let dH = 0;
  let src = "";
  let thermoAssumptions: string[] = [];
  let thermo: OxideThermo | null = null;
  for (const p of phasesOfMetal(metal, T)) {
    if (!p.thermo) continue;
    // the metal's hull neighbour: the oxide with the lowest ΔG°_f per O (first to form as μ_O rises)
    const gPerO = formationGibbs(p.thermo, T).dG_kJ_per_mol_oxide / p.nO;
    if (gPerO < bestMu) {
      bestMu = gPerO;
      best = { formula: p.formula, phase: p.phase, nMetal: p.nMetal, nO: p.nO };
      dH = p.thermo.dHf298_kJ_per_mol / p.nO;
      src = p.thermo.sources[0] ?? "";
      thermoAssumptions = p.thermo.assumptions.map((a) => `${p.formula}: ${a}`);
      thermo = p.thermo;
    }
  }
  const out: MetalEnergetics = best
    ? {
        metal,
        oxide: best,
        oxideOxygen_eV: EV(dH) + halfO2ZeroPoint_eV(),
        oxideSource: `ΔH_f per O of ${best.formula}: ${src}`,
        equilibriumDeltaMuO_eV: deltaMuOStandard(T) + EV(bestMu),
        thermoAssumptions,
        thermo,
      }
    : {
        metal,
        oxide: null,
        oxideOxygen_eV: noOxide_eV,
        oxideSource: "no sourced oxide: noOxideOxygenEnergy_eV (assumption)",
        equilibriumDeltaMuO_eV: Number.POSITIVE_INFINITY,
        thermoAssumptions: [],
        thermo: null,
      };
  metalCache.set(key, out);
  return out;
}

/** The O energies the routes use, computed once per (metal, support, T, gate, overrides). */
export interface LandscapeEnergies {
  support: SupportEnergetics;
  metal: MetalEnergetics;
  facet: string;
  surfaceVacancy_eV: number;
  layerVacancy_eV: number[];
  interfaceVacancy_eV: number;
  crossingBarrier_eV: number;
  metalOxygen_eV: number;
  adsorbedOxygen_eV: number;
  params: ResolvedParameters;
}

export function landscapeEnergies(input: LandscapeInput): LandscapeEnergies {
  const T = assertThermoTemperature(input.temperature_K, "--temperature");
  if (!/^[A-Z][a-z]?$/.test(input.metal) || !isElement(input.metal))
    throw new InputError("metal", `"${input.metal}" is not an element symbol; write e.g. Ru, Pd, Pt`);
  const verdict = input.gate?.verdict;
  if (!(verdict in GATE_WEIGHT))
    throw new InputError("gate.verdict", `must be coherent, semi-coherent or incoherent (got ${verdict})`);
  const supportId = canonicalSupport(input.support);
  const params = resolveParameters(input.metal, supportId, input.overrides);
  const Tb = bucketTemperature(T);
  const support = supportEnergetics(supportId, Tb);
  const metal = metalEnergetics(input.metal, Tb, params.get("noOxideOxygenEnergy_eV"));
  const w = GATE_WEIGHT[verdict];
  const dSurf = params.get("surfaceVacancyOffset_eV");
  const lambda = Math.max(1e-3, params.get("subsurfaceDecay_layers"));
  const surfaceVacancy_eV = support.bulkVacancy_eV - dSurf;
  const layerVacancy_eV: number[] = [];
  const base = baseParameters(input.metal, supportId).base;
  for (let k = 1; k <= SUBSURFACE_LAYERS; k++) {
    let e = support.bulkVacancy_eV - dSurf * Math.exp(-k / lambda);
    if (k === 1 && base.has("subsurfaceLayer1Offset_eV"))
      e = Math.min(e, surfaceVacancy_eV - params.get("subsurfaceLayer1Offset_eV"));
    layerVacancy_eV.push(e);
  }
  const interfaceVacancy_eV = surfaceVacancy_eV - w.activation * params.get("fermiLevelActivation_eV");
  const crossingBarrier_eV =
    params.get("coherentCrossingBarrier_eV") + w.penalty * params.get("incoherentCrossingPenalty_eV");
  const metalOxygen_eV = base.has("dissolvedOxygenEnergy_eV")
    ? params.get("dissolvedOxygenEnergy_eV")
    : metal.oxideOxygen_eV + params.get("dissolvedOxygenOffset_eV");
  const adsorbedOxygen_eV = metal.oxideOxygen_eV + params.get("adsorptionOffset_eV");
  return {
    support,
    metal,
    facet: params.facet,
    surfaceVacancy_eV,
    layerVacancy_eV,
    interfaceVacancy_eV,
    crossingBarrier_eV,
    metalOxygen_eV,
    adsorbedOxygen_eV,
    params,
  };
}

/** The oxygen landscape (contract B): regions along the O path with energies, barriers and sources. */
export function oxygenLandscape(input: LandscapeInput): OxygenLandscape {
  const e = landscapeEnergies(input);
  const p = e.params;
  const a = (name: string) => p.list.find((x) => x.name === name);
  const src = (name: string) => a(name)?.source ?? name;
  const isA = (...names: string[]) => names.some((n) => a(n)?.isAssumption ?? true);
  const supBarrier = p.get("supportMigrationBarrier_eV");
  const size = p.get("particleSize_nm");
  const regions: LandscapeRegion[] = [
    {
      region: "support bulk",
      depth_nm: -BULK_LAYER * LAYER_SPACING_NM,
      oxygenEnergy_eV: -e.support.bulkVacancy_eV,
      migrationBarrier_eV: supBarrier,
      energySource: e.support.source,
      barrierSource: src("supportMigrationBarrier_eV"),
      isAssumption: isA("supportMigrationBarrier_eV"),
    },
  ];
  for (let k = SUBSURFACE_LAYERS; k >= 1; k--)
    regions.push({
      region: `subsurface layer ${k}`,
      depth_nm: -k * LAYER_SPACING_NM,
      oxygenEnergy_eV: -e.layerVacancy_eV[k - 1],
      migrationBarrier_eV: supBarrier,
      energySource: `bulk value lowered by surfaceVacancyOffset_eV·exp(−${k}/subsurfaceDecay_layers)${k === 1 && a("subsurfaceLayer1Offset_eV") ? `; ${src("subsurfaceLayer1Offset_eV")}` : ""}`,
      barrierSource: src("supportMigrationBarrier_eV"),
      isAssumption: true,
    });
  regions.push(
    {
      region: "support surface",
      depth_nm: 0,
      oxygenEnergy_eV: -e.surfaceVacancy_eV,
      migrationBarrier_eV: p.get("gasExchangeBarrier_eV"),
      energySource: `bulk value lowered by surfaceVacancyOffset_eV on ${e.facet}: ${src("surfaceVacancyOffset_eV")}`,
      barrierSource: `gas exchange (O2 refills a surface vacancy): ${src("gasExchangeBarrier_eV")}`,
      isAssumption: isA("surfaceVacancyOffset_eV", "gasExchangeBarrier_eV"),
    },
    {
      region: "interface",
      depth_nm: 0,
      oxygenEnergy_eV: -e.interfaceVacancy_eV,
      migrationBarrier_eV: e.crossingBarrier_eV,
      energySource: `support surface value lowered by the Fermi-level activation × ${GATE_WEIGHT[input.gate.verdict].activation} (gate ${input.gate.verdict}: ${input.gate.source}); ${src("fermiLevelActivation_eV")}`,
      barrierSource: `crossing into the metal: coherentCrossingBarrier_eV + ${GATE_WEIGHT[input.gate.verdict].penalty} × incoherentCrossingPenalty_eV (assumptions)`,
      isAssumption: true,
    },
    {
      region: "interfacial oxide",
      depth_nm: LAYER_SPACING_NM,
      oxygenEnergy_eV: e.metal.oxideOxygen_eV,
      migrationBarrier_eV: p.get("oxideGrowthBarrier_eV"),
      energySource: e.metal.oxideSource,
      barrierSource: src("oxideGrowthBarrier_eV"),
      isAssumption: e.metal.oxide === null || isA("oxideGrowthBarrier_eV"),
    },
    {
      region: "metal interstitial",
      depth_nm: size / 4,
      oxygenEnergy_eV: e.metalOxygen_eV,
      migrationBarrier_eV: p.get("metalInterstitialBarrier_eV"),
      energySource: a("dissolvedOxygenEnergy_eV")
        ? src("dissolvedOxygenEnergy_eV")
        : `O in ${e.metal.oxide?.formula ?? "the metal"} + dissolvedOxygenOffset_eV (assumption)`,
      barrierSource: src("metalInterstitialBarrier_eV"),
      isAssumption:
        isA("dissolvedOxygenEnergy_eV", "metalInterstitialBarrier_eV") || !a("dissolvedOxygenEnergy_eV"),
    },
    {
      region: "metal surface",
      depth_nm: size / 2,
      oxygenEnergy_eV: e.adsorbedOxygen_eV,
      migrationBarrier_eV: p.get("penetrationBarrier_eV"),
      energySource: `chemisorbed O: O in ${e.metal.oxide?.formula ?? "the metal"} + adsorptionOffset_eV (assumption)`,
      barrierSource: `incorporation below the surface: ${src("penetrationBarrier_eV")}`,
      isAssumption: true,
    },
  );
  return {
    metal: input.metal,
    support: canonicalSupport(input.support),
    facet: e.facet,
    gate: input.gate.verdict,
    regions,
    assumptions: p.list,
  };
}

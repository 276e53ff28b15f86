/**
 * The predictor: metal, support (phase, facet), particle size, gas, temperature and time in; the SMSI
 * class to expect, its trigger, a likelihood, every class ranked, the phenomena, the consequences for
 * CO adsorption, one rationale row per descriptor and every assumption out.
 *
 * Chains (each a product of descriptor weights, docs/predict.md):
 *   BP  (oxidising gas): oxidation downhill × interface gate × interface route dominant × time
 *   SE  reductive/adsorbate (reducing gas, vacuum): support reduced × suboxide mobile (Hüttig) × wetting
 *       (Young–Dupré with the Miedema metal–cation term)
 *   SE  oxidative (oxidising gas): stoichiometric support mobile (Tammann) × wetting (metal–O term);
 *       a non-oxide support (h-BN): support oxidised by the gas × product condensed × product mobile
 *       (Tammann) × wetting by the product (non-oxide.ts)
 *   BP  by interfacial redox (non-oxidising gas): the metal's oxide is more stable than the support's
 *       first reduction step, so the metal takes the support's lattice O (redox.ts); in O2/air such a
 *       metal oxidises from the gas as well: none (an oxide on an oxide)
 *   CMSI: single atoms / sub-nm clusters (they also switch BP and SE off: nothing to cover or oxidise)
 *   EMSI: no strict class × |Δχ| large × support cation reducible
 *   none: the rest.
 */
import type { Atmosphere } from "../thermo/oxygen-potential.js";
import { InputError } from "../units/errors.js";
import { atmosphereOf, type GasComposition, type GasKind, isOxidising, triggerOf } from "./conditions.js";
import {
  descriptorData,
  type PredictParameterName,
  type PredictParameters,
  parameterAssumptions,
  predictParameters,
} from "./data.js";
import { cmsiDescriptor, SINGLE_ATOM_SIZE_NM } from "./cmsi.js";
import { coConsequences } from "./consequences.js";
import { emsiDescriptors } from "./emsi.js";
import { bestGate, gateDescriptor } from "./gate.js";
import { type ResolvedSupport, resolveMetal, resolveSupport } from "./materials.js";
import { mobilityDescriptor } from "./mobility.js";
import { noSuboxideDescriptor, productPhaseDescriptor, supportOxidationDescriptor } from "./non-oxide.js";
import { oxidationDescriptor } from "./oxidation.js";
import {
  gasPotential,
  gateFor,
  metalOxideEquilibrium,
  type Nonstoichiometry,
  nonstoichiometryFor,
  type RoutesResult,
  routesFor,
} from "./physics-inputs.js";
import { reducibilityDescriptor } from "./reducibility.js";
import { kmcRouteCheck } from "./kmc-check.js";
import { interfacialRedoxDescriptor } from "./redox.js";
import { routeDescriptor, timeDescriptor } from "./route.js";
import { oxidationShift_eV, sizeDescriptors } from "./size.js";
import {
  labelOf,
  type NamedAssumption,
  type Prediction,
  type PredictClass,
  type PredictTrigger,
  type RankedClass,
  type RationaleRow,
} from "./types.js";
import { metalCationDescriptor, wettingDescriptor } from "./wetting.js";

export interface PredictInput {
  metal: string;
  support: string;
  supportPhase?: string | null;
  facet?: string | null;
  /** Diameter, nm; "single-atoms" for atomically dispersed metal. */
  particleSize_nm?: number | "single-atoms" | null;
  /** Gas kind; null when the treatment names no gas the model knows. */
  gas: GasKind | null;
  /** What the user or record called the gas (reported). */
  gasText?: string;
  composition?: GasComposition;
  temperature_K?: number | null;
  duration_h?: number | null;
  overrides?: Record<string, number>;
  /**
   * Earlier treatments of the same catalyst, oldest first (e.g. a high-temperature H2 reduction before
   * an O2 or CO2/H2 treatment). An overlayer made by an earlier treatment persists through a later one
   * that cannot re-oxidise it; an oxidising gas reverses it (Tauster et al. 1978), see `predict`.
   */
  prior?: PriorTreatment[];
  /**
   * On request, a brief KMC run (Model A, this many events) checks the BP chain's route descriptor in an
   * oxidising gas; reported as a rationale row and a note, the class is unchanged (kmc-check.ts).
   */
  kmcCheck?: { events: number };
}

/** One earlier treatment: the gas fields of PredictInput. */
export interface PriorTreatment {
  gas: GasKind | null;
  gasText?: string;
  composition?: GasComposition;
  temperature_K?: number | null;
  duration_h?: number | null;
}

/**
 * The contract-shaped physics the predictor consumes (contracts A and B). Defaults to the adapter
 * (physics-inputs.ts); tests pass explicit contract-shaped results to check the predictor's logic.
 */
export interface PhysicsInputs {
  gateFor: typeof gateFor;
  routesFor: typeof routesFor;
  nonstoichiometryFor: typeof nonstoichiometryFor;
}

export const ADAPTER_PHYSICS: PhysicsInputs = { gateFor, routesFor, nonstoichiometryFor };

/** Likelihood factor for an alloy evaluated as its first-named element (ASSUMPTION: half). */
export const ALLOY_LIKELIHOOD_FACTOR = 0.5;

const SECONDS_PER_HOUR = 3600;
/** Temperature range of the NIST-JANAF O2 Shomate sets behind every μ_O (src/thermo/oxygen-potential.ts). */
export const MIN_TEMPERATURE_K = 100;
export const MAX_TEMPERATURE_K = 6000;

function atmosphereText(a: Atmosphere): string {
  if (a.kind === "O2") return `p_O2 = ${a.pO2_bar.toPrecision(3)} bar`;
  if (a.kind === "H2O/H2") return `H2O/H2 = ${a.ratio.toPrecision(3)}`;
  return `CO2/CO = ${a.ratio.toPrecision(3)}`;
}

const PHENOMENA: Record<string, string[]> = {
  "SE-SMSI": [
    "C1: support-derived (sub)oxide migrates over the metal surface",
    "C2: strong metal–support-cation bonding at the overlayer interface",
    "C3: core–shell reconstruction: overlayer covers the particle",
    "C4: CO/H2 chemisorption suppressed by site blocking; an overlayer from reduction is reversed by O2",
  ],
  "SE-SMSI-oxidative": [
    "C1: the support, or the oxide the gas makes of it, migrates over the metal in the oxidising gas",
    "C2: metal–O–support bonding at the overlayer interface",
    "C3: core–shell reconstruction: overlayer covers the particle",
    "C4: CO/H2 chemisorption suppressed by site blocking",
  ],
  "SE-SMSI-adsorbate": [
    "C1: adsorbate-modified (HCOx) reduced support migrates over the metal (Matsubu et al., Nat. Chem. 9, 120 (2017))",
    "C2: strong metal–support-cation bonding at the overlayer interface",
    "C3: an overlayer permeable to reactants covers the particle",
    "C4: adsorption and selectivity changed (CO2 reduction shifts towards CO)",
  ],
  "BP-SMSI": [
    "C1: support lattice O2− crosses the epitaxial interface into the metal (¹⁸O would show its origin)",
    "C2: fused metal–O–support interface",
    "C3: metal oxidises from the interface up (bottom-up oxide growth)",
    "C4: d-band centre down, CO binding weaker, metal surface left open",
  ],
  EMSI: ["electron transfer across the interface without mass migration (moderate, not strict SMSI)"],
  CMSI: ["single atoms / sub-nm clusters anchored by covalent M–O–support bonds (not strict SMSI)"],
  none: ["no migration of support species; weak (van der Waals/electrostatic) interaction"],
  indeterminate: ["not enough data to predict"],
};

interface ChainResult {
  pBP: number;
  pSE: number;
  pEMSI: number;
  pCMSI: number;
  seTrigger: PredictTrigger;
  rationale: RationaleRow[];
  routes: RoutesResult | null;
  ns: Nonstoichiometry | null;
  phenomena: string[];
}

function product(rows: RationaleRow[]): number {
  return rows.reduce((p, r) => p * r.weight, 1);
}

function chains(
  metal: string,
  s: ResolvedSupport,
  input: PredictInput,
  kind: GasKind,
  T: number,
  atm: Atmosphere,
  size_nm: number,
  singleAtoms: boolean,
  duration_s: number,
  p: PredictParameters,
  physics: PhysicsInputs,
): ChainResult {
  const rationale: RationaleRow[] = [];
  const phenomena: string[] = [];
  const cmsi = cmsiDescriptor(size_nm, singleAtoms, p);
  rationale.push(cmsi);
  const pCMSI = cmsi.weight;
  const oxidising = isOxidising(kind);
  // ---- BP chain (oxidising gases)
  let pBP = 0;
  let routes: RoutesResult | null = null;
  const eq = metalOxideEquilibrium(metal, T);
  rationale.push(...sizeDescriptors(metal, size_nm, eq?.oxide ?? null));
  if (oxidising) {
    const gate = s.materialId ? physics.gateFor(metal, s.materialId, input.facet ?? undefined) : null;
    const g = gate ? bestGate(gate) : null;
    const gateIn = g
      ? { verdict: g.verdict, strain: g.strain, source: g.which }
      : {
          verdict: "semi-coherent" as const,
          strain: Number.NaN,
          source: "unknown gate (no structure): neutral value",
        };
    routes = physics.routesFor({
      metal,
      support: s.materialId ?? s.formula ?? s.text,
      temperature_K: T,
      atmosphere: atm,
      particleSize_nm: size_nm,
      gate: gateIn,
    });
    const bp = [
      oxidationDescriptor(routes, oxidationShift_eV(metal, eq?.oxide ?? null, size_nm), metal),
      gateDescriptor(gate),
      routeDescriptor(routes),
      timeDescriptor(routes, duration_s),
    ];
    rationale.push(...bp);
    pBP = product(bp) * (1 - pCMSI);
    if (input.kmcCheck) {
      // on request: a brief KMC run of the same landscape, reported beside the routes model's verdict
      const check = kmcRouteCheck({
        metal,
        support: s.materialId ?? s.formula ?? s.text,
        temperature_K: T,
        atmosphere: atm,
        gate: gateIn,
        particleSize_nm: size_nm,
        events: input.kmcCheck.events,
      });
      const routesSay = routes.dominantRoute === "interface" ? "interface" : "surface";
      rationale.push(
        check.interfaceDominant === null
          ? check.row
          : {
              ...check.row,
              source: `${check.row.source}; routes model: ${routesSay} route — ${(check.interfaceDominant ? "interface" : "surface") === routesSay ? "agrees" : "disagrees"}`,
            },
      );
    }
  }
  // ---- SE chain
  let pSE = 0;
  let ns: Nonstoichiometry | null = null;
  const seTrigger: PredictTrigger = triggerOf(kind) ?? "reductive";
  const cationRow = metalCationDescriptor(metal, s.cation);
  rationale.push(cationRow);
  if (s.nonOxide) {
    // h-BN, carbon: no suboxide under a reducing gas; an oxidising gas makes the overlayer of its product
    const se = oxidising
      ? [
          supportOxidationDescriptor(s.nonOxide, T, gasPotential(T, atm).deltaMuO_eV),
          productPhaseDescriptor(s.nonOxide),
          mobilityDescriptor(s.nonOxide.product, T, "stoichiometric", p),
          wettingDescriptor(metal, s.cation, s.surfaceKey, "stoichiometric", p).row,
        ]
      : [noSuboxideDescriptor(s.nonOxide)];
    rationale.push(...se);
    pSE = product(se) * (1 - pCMSI);
    if (oxidising && !s.nonOxide.productCondensed)
      phenomena.push(
        `the ${s.nonOxide.key} support itself oxidises to gaseous ${s.nonOxide.product} (${s.nonOxide.note})`,
      );
  } else if (!oxidising) {
    if (s.formula) {
      try {
        ns = physics.nonstoichiometryFor(s.formula, T, atm, s.thermoPhase ?? undefined);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        ns = null;
      }
    }
    const lower = s.formula
      ? (descriptorData().lowerPhase.values[s.formula] ?? ns?.lowerOxide ?? null)
      : null;
    const se = [
      reducibilityDescriptor(ns, p),
      mobilityDescriptor(lower, T, "suboxide", p),
      wettingDescriptor(metal, s.cation, s.surfaceKey, "suboxide", p).row,
    ];
    rationale.push(...se);
    pSE = product(se) * (1 - pCMSI);
    if (lower && !/O/.test(lower) && pSE > 0.5)
      phenomena.push(
        `the reduced support gives ${lower} metal: expect ${metal}–${lower} alloy formation (taxonomy gap)`,
      );
  } else {
    const se = [
      mobilityDescriptor(s.formula, T, "stoichiometric", p),
      wettingDescriptor(metal, s.cation, s.surfaceKey, "stoichiometric", p).row,
    ];
    rationale.push(...se);
    pSE = product(se) * (1 - pCMSI);
  }
  // ---- EMSI
  const emsi = emsiDescriptors(metal, s.cation, s.formula, p);
  rationale.push(...emsi);
  const pEMSI = product(emsi) * (1 - Math.max(pBP, pSE)) * (1 - pCMSI);
  return {
    pBP,
    pSE,
    pEMSI,
    pCMSI,
    seTrigger: oxidising ? "oxidative" : seTrigger,
    rationale,
    routes,
    ns,
    phenomena,
  };
}

const USED_PARAMETERS: PredictParameterName[] = [
  "suboxideMinNonstoichiometry",
  "huttigFraction",
  "tammannFraction",
  "interfaceStructuralEnergy_J_per_m2",
  "emsiMinElectronegativityDifference",
  "cmsiMaxSize_nm",
  "dBandShiftBP_eV",
  "coBindingSlope",
];

function gasParameters(kind: GasKind | null, given: GasComposition): PredictParameterName[] {
  if (given.pO2_bar !== undefined || given.h2oH2 !== undefined || given.co2Co !== undefined) return [];
  switch (kind) {
    case "O2":
      return ["o2Pressure_bar"];
    case "air":
      return ["airO2Fraction"];
    case "H2":
      return ["h2WaterRatio"];
    case "CO":
      return ["coCo2Ratio"];
    case "CO2/H2":
      return ["co2H2FeedRatio"];
    case "vacuum":
      return ["vacuumWaterRatio"];
    case "inert":
      return ["inertO2Pressure_bar"];
    default:
      return [];
  }
}

function rank(
  scores: Record<Exclude<PredictClass, "indeterminate">, number>,
  seTrigger: PredictTrigger,
): RankedClass[] {
  const total = Object.values(scores).reduce((a, b) => a + b, 0) || 1;
  return (Object.entries(scores) as [Exclude<PredictClass, "indeterminate">, number][])
    .map(([cls, v]) => {
      const trigger = cls === "SE-SMSI" ? seTrigger : null;
      return { class: cls as PredictClass, trigger, label: labelOf(cls, trigger), likelihood: v / total };
    })
    .sort((a, b) => b.likelihood - a.likelihood);
}

function indeterminate(
  base: Prediction["input"],
  why: string,
  missing: string[],
  rationale: RationaleRow[],
  assumptions: NamedAssumption[],
  phenomena: string[] = [],
): Prediction {
  return {
    input: base,
    class: "indeterminate",
    trigger: null,
    label: "indeterminate",
    likelihood: 0,
    ranked: [],
    phenomena: [...phenomena, ...PHENOMENA.indeterminate],
    consequences: {
      coAdsorption: {
        siteBlockingFraction: 0,
        uptakeRatio: 1,
        dBandShift_eV: null,
        bindingChange_eV: null,
        summary: "not estimated",
        sources: [],
      },
    },
    rationale,
    missing,
    assumptions,
    notes: [why],
  };
}

/**
 * Predict the SMSI class of one catalyst under one treatment, after its earlier treatments.
 *
 * History (`input.prior`): each earlier treatment is predicted on its own. An SE overlayer it leaves
 * persists through a later non-oxidising treatment (H2, CO, CO2/H2, vacuum, inert cannot remove a
 * suboxide layer: it is their product), so the answer is SE with the earlier trigger when the later
 * treatment alone would give less. A later oxidising treatment re-oxidises the suboxide and restores
 * chemisorption — Tauster's reversal (Tauster, Fung, Garten, JACS 100, 170 (1978)) — so the later
 * treatment is then predicted on its own. A bulk oxide from BP is not carried over (a reducing gas
 * reduces it back; an oxidising one is predicted anyway).
 */
export function predict(input: PredictInput, physics: PhysicsInputs = ADAPTER_PHYSICS): Prediction {
  const current = predictOne(input, physics);
  if (!input.prior || input.prior.length === 0 || current.class === "indeterminate") return current;
  let carried: Prediction | null = null;
  for (const [i, t] of input.prior.entries()) {
    const before = predictOne(
      {
        ...input,
        gas: t.gas,
        gasText: t.gasText,
        composition: t.composition ?? {},
        temperature_K: t.temperature_K ?? null,
        duration_h: t.duration_h ?? null,
        prior: undefined,
      },
      physics,
    );
    const label = `prior treatment ${i + 1} (${t.gasText ?? t.gas ?? "?"}${before.input.temperature_K ? `, ${before.input.temperature_K.toFixed(0)} K` : ""})`;
    if (before.class === "SE-SMSI") carried = relabel(before, label);
    else if (carried && t.gas && isOxidising(t.gas)) carried = null;
    current.notes.push(`${label}: ${before.label} (p = ${before.likelihood.toFixed(2)})`);
  }
  if (!carried) return current;
  if (input.gas && isOxidising(input.gas)) {
    current.notes.push(
      `the overlayer of an earlier treatment is re-oxidised and withdrawn by this oxidising treatment (Tauster et al. 1978 reversal)`,
    );
    return current;
  }
  if (current.class === "SE-SMSI") return current;
  return {
    ...current,
    class: "SE-SMSI",
    trigger: carried.trigger,
    label: carried.label,
    likelihood: carried.likelihood,
    // the catalyst's state is the earlier treatment's: its ranking, not the later step's alone
    ranked: carried.ranked,
    phenomena: carried.phenomena,
    consequences: carried.consequences,
    rationale: [...carried.rationale, ...current.rationale],
    notes: [
      ...current.notes,
      `the ${carried.label} overlayer of the earlier treatment persists: this treatment (${input.gasText ?? input.gas}) does not re-oxidise it`,
    ],
  };
}

function relabel(p: Prediction, label: string): Prediction {
  return { ...p, rationale: p.rationale.map((r) => ({ ...r, descriptor: `${label}: ${r.descriptor}` })) };
}

/**
 * The answer when the metal reduces the support at the interface (redox.ts): support lattice O²⁻
 * enters the metal, which oxidises from the interface — BP-SMSI by the review's migrating species and
 * direction, driven by thermodynamics (no epitaxy gate). The likelihood is the descriptor's weight.
 */
function interfacialRedoxPrediction(
  base: Prediction["input"],
  metal: string,
  redox: RationaleRow,
  alloy: boolean,
  oxidisingGas: boolean,
  p: PredictParameters,
  assumptions: NamedAssumption[],
  notes: string[],
): Prediction {
  // In O2 or air a metal this oxophilic oxidises from the gas as well as from the support: what sits on
  // the support is its oxide, and no supported metal is left to show SMSI.
  const w = oxidisingGas ? 0 : redox.weight;
  const ranked = rank({ "BP-SMSI": w, "SE-SMSI": 0, EMSI: 0, CMSI: 0, none: 1 - w }, null);
  const top = ranked[0];
  assumptions.push(...parameterAssumptions(p, ["dBandShiftBP_eV", "coBindingSlope"]));
  notes.push(
    oxidisingGas
      ? `${metal} reduces the support at the interface (interfacial redox, Fu & Wagner 2007) and oxidises from the gas as well: the particle becomes its oxide — no supported metal, no SMSI of one`
      : `${metal} reduces the support at the interface (interfacial redox, Fu & Wagner 2007); the reaction front's depth and rate are not modelled`,
  );
  return {
    input: base,
    class: top.class,
    trigger: null,
    label: top.label,
    likelihood: top.likelihood * (alloy ? ALLOY_LIKELIHOOD_FACTOR : 1),
    ranked,
    phenomena:
      top.class === "BP-SMSI"
        ? [
            `C1: support lattice O2− moves into ${metal}, driven by ${metal}'s oxide being more stable than the support's reduced phase (interfacial redox; no epitaxy needed)`,
            "C2: metal–O–support bonds at the interface; the support is reduced next to it",
            `C3: ${metal} oxidises from the interface up`,
            "C4: electronic state of the metal changed (oxidised at the interface)",
          ]
        : [`${metal} oxidises through, from the gas and from the support: an oxide on an oxide`],
    consequences: coConsequences(metal, 0, top.class === "BP-SMSI" ? w : 0, p),
    rationale: [redox],
    missing: [],
    assumptions,
    notes,
  };
}

function predictOne(input: PredictInput, physics: PhysicsInputs): Prediction {
  const p = predictParameters(input.overrides ?? {});
  const notes: string[] = [];
  const assumptions: NamedAssumption[] = [];
  const given = input.composition ?? {};
  const singleAtoms = input.particleSize_nm === "single-atoms";
  let size_nm: number;
  if (singleAtoms) size_nm = SINGLE_ATOM_SIZE_NM;
  else if (typeof input.particleSize_nm === "number") {
    if (!(input.particleSize_nm > 0 && Number.isFinite(input.particleSize_nm)))
      throw new InputError(
        "--size-nm",
        `particle size must be a positive number of nm (got ${input.particleSize_nm})`,
      );
    size_nm = input.particleSize_nm;
  } else {
    size_nm = p.defaultParticleSize_nm;
    assumptions.push(...parameterAssumptions(p, ["defaultParticleSize_nm"]));
  }
  let T = input.temperature_K ?? null;
  if (T === null) {
    T = p.defaultTemperature_K;
    assumptions.push(...parameterAssumptions(p, ["defaultTemperature_K"]));
    notes.push(`no temperature given: ${T} K assumed (defaultTemperature_K)`);
  }
  if (!(T >= MIN_TEMPERATURE_K && T <= MAX_TEMPERATURE_K))
    throw new InputError(
      "--temperature",
      `give a temperature from ${MIN_TEMPERATURE_K} to ${MAX_TEMPERATURE_K} K, the range of the NIST O2 Shomate data μ_O is computed from (got ${T} K)`,
    );
  let durationH = input.duration_h ?? null;
  if (durationH === null) {
    durationH = p.defaultDuration_h;
    assumptions.push(...parameterAssumptions(p, ["defaultDuration_h"]));
  }
  const metalR = resolveMetal(input.metal);
  const s = resolveSupport(input.support, input.supportPhase);
  notes.push(...s.notes);
  const base: Prediction["input"] = {
    metal: input.metal,
    support: s.name,
    supportPhase: s.phase,
    facet: input.facet ?? null,
    particleSize_nm: singleAtoms ? null : size_nm,
    gas: input.gasText ?? input.gas ?? "unknown",
    temperature_K: T,
    duration_h: durationH,
    atmosphere: "",
  };
  if (!metalR.element)
    return indeterminate(base, `metal: ${metalR.problem}`, ["metal descriptors"], [], assumptions);
  const metal = metalR.element;
  if (metalR.alloy)
    notes.push(
      `alloy ${input.metal}: evaluated as its first-named element ${metal}, likelihood × ${ALLOY_LIKELIHOOD_FACTOR} (the alloying partner's own chemistry is not modelled)`,
    );
  // interfacial redox: a metal more oxophilic than the support's first reduction step takes its O
  const redox = interfacialRedoxDescriptor(metal, s, T);
  if (redox && redox.verdict === "met")
    return interfacialRedoxPrediction(
      base,
      metal,
      redox,
      metalR.alloy,
      input.gas !== null && isOxidising(input.gas),
      p,
      assumptions,
      notes,
    );
  if (input.gas === null) {
    const cm = cmsiDescriptor(size_nm, singleAtoms, p);
    if (cm.verdict === "met") {
      const pr = indeterminate(base, "treatment gas not modelled; size alone decides", [], [cm], assumptions);
      return { ...pr, class: "CMSI", label: "CMSI", likelihood: cm.weight, phenomena: PHENOMENA.CMSI };
    }
    return indeterminate(
      base,
      `treatment "${input.gasText ?? "?"}" names no gas smsi models (${["H2", "O2", "air", "CO", "CO2/H2", "H2O/H2", "vacuum", "inert"].join(", ")})`,
      ["gas / oxygen chemical potential"],
      [cm],
      assumptions,
    );
  }
  const atm = atmosphereOf(input.gas, T, p, given);
  assumptions.push(...parameterAssumptions(p, gasParameters(input.gas, given)));
  const gas = gasPotential(T, atm);
  base.atmosphere = `${atmosphereText(atm)} (Δμ_O = ${gas.deltaMuO_eV.toFixed(3)} eV)`;
  const c = chains(
    metal,
    s,
    input,
    input.gas,
    T,
    atm,
    size_nm,
    singleAtoms,
    durationH * SECONDS_PER_HOUR,
    p,
    physics,
  );
  const pNone = (1 - c.pBP) * (1 - c.pSE) * (1 - c.pEMSI) * (1 - c.pCMSI);
  const ranked = rank(
    { "BP-SMSI": c.pBP, "SE-SMSI": c.pSE, EMSI: c.pEMSI, CMSI: c.pCMSI, none: pNone },
    c.seTrigger,
  );
  const top = ranked[0];
  const missing = c.rationale
    .filter((r) => r.verdict === "unknown" && r.chain !== "check")
    .map((r) => r.descriptor);
  // Likelihood of the answer: the top class's share, times the fraction of descriptors that could be
  // evaluated (missing data lowers it), times the alloy factor. `ranked` keeps the relative shares.
  const judged = c.rationale.filter((r) => r.chain !== "size" && r.chain !== "check");
  const coverage = judged.length ? (judged.length - missing.length) / judged.length : 1;
  const factor = (metalR.alloy ? ALLOY_LIKELIHOOD_FACTOR : 1) * coverage;
  assumptions.push(...parameterAssumptions(p, USED_PARAMETERS));
  if (c.routes) for (const a of c.routes.assumptions) assumptions.push({ ...a });
  if (c.ns) for (const a of c.ns.assumptions) assumptions.push({ ...a });
  if (missing.length > 0) notes.push(`missing descriptors (likelihood lowered): ${missing.join("; ")}`);
  notes.push(...gas.notes);
  return {
    input: base,
    class: top.class,
    trigger: top.trigger,
    label: top.label,
    likelihood: top.likelihood * factor,
    ranked,
    phenomena: [
      ...((top.trigger ? PHENOMENA[`${top.class}-${top.trigger}`] : undefined) ?? PHENOMENA[top.class] ?? []),
      ...(top.class === "SE-SMSI" ? c.phenomena : []),
    ],
    consequences: coConsequences(metal, top.class === "SE-SMSI" ? c.pSE : 0, c.pBP, p),
    rationale: c.rationale,
    missing,
    assumptions,
    notes,
  };
}

/**
 * How oxygen reaches the interior of a supported metal particle: an analytic steady-state model of two
 * routes in series-resistance form (docs/thermo.md, "Oxygen routes").
 *
 * Each route is a linear sequence of O states (energies from the oxygen landscape, eV, relative to the
 * initial state "O in the gas, perfect support, clean metal") joined by transition states. For such a
 * sequence the steady-state turnover per channel is (Kozuch & Shaik, Acc. Chem. Res. 44, 101 (2011); the
 * same expression as the flux through a chain of hopping resistances):
 *
 *   J = N ν (1 − e^{β ΔG_r}) / Σ_i Σ_j e^{β (T_i − I_j + δ_ij)},   δ_ij = ΔG_r if j > i else 0,
 *
 * with ΔG_r = Δμ_O(M/MO_x equilibrium) − Δμ_O(gas) per O (negative when oxidation is downhill), N parallel
 * channels, ν the attempt frequency. 1/J is a sum of one resistance per transition state i; the step with
 * the largest resistance limits the route ("rate-limiting step", its degree of rate control).
 *
 * Interface route (bottom-up): interfacial lattice O crosses into the metal (making an interfacial
 * vacancy) → the vacancy moves through the support to its free surface → O2 from the gas refills it →
 * the O in the metal joins the oxide growing at the interface.
 * Surface route (top-down): O2 dissociates on the metal → O enters below the metal surface → O crosses the
 * surface oxide to the growth front.
 * In a reducing gas the support itself may lose O: the `reduction` field gives the support's stable phase
 * and the rate of O loss from its surface near the particle.
 */
import { getMaterial } from "../materials/library.js";
import { molarVolume_cm3_per_mol } from "../materials/properties.js";
import { AVOGADRO_PER_MOL, BOLTZMANN_eV_PER_K } from "../units/constants.js";
import { InputError } from "../units/errors.js";
import { DataCache } from "./data-file.js";
import { assertThermoTemperature } from "./ellingham.js";
import { equilibriumDeltaMuO, type Reaction, reductionReaction } from "./equilibria.js";
import {
  type Assumption,
  bucketTemperature,
  type GateVerdictInput,
  type LandscapeEnergies,
  landscapeEnergies,
  metalEquilibriumDeltaMuO,
} from "./landscape.js";
import { type Atmosphere, oxygenPotential } from "./oxygen-potential.js";

export type { Assumption, GateVerdictInput } from "./landscape.js";

export interface RoutesInput {
  /** Element symbol, "Ru". */
  metal: string;
  /** Materials id: "TiO2-rutile", "TiO2-anatase", "CeO2", "Al2O3-alpha", "SiO2-quartz", "MgO", "ZnO". */
  support: string;
  temperature_K: number;
  atmosphere: Atmosphere;
  /** Particle diameter, nm (default: the particleSize_nm assumption, 5 nm). */
  particleSize_nm?: number;
  gate: { verdict: GateVerdictInput; strain: number; source: string };
  overrides?: Record<string, number>;
}

export interface RouteStepRate {
  step: string;
  rate_per_s: number;
  barrier_eV?: number;
  source: string;
}

export interface RouteResult {
  flux_per_s: number;
  limitingStep: string;
  steps: RouteStepRate[];
}

export interface RoutesResult {
  routes: { interface: RouteResult; surface: RouteResult };
  dominantRoute: "interface" | "surface" | "none";
  bottomUp: boolean;
  oxidationDownhill: boolean;
  drivingForce_eV: number;
  timeToOxidise_s: number | null;
  /**
   * Reducing gases (or a support below its reduction limit): whether the bulk support is reduced, to which
   * hull neighbour, and the initial rate of O release from the support surface around the particle.
   */
  reduction: { supportReduced: boolean; suboxide: string | null; oLossFlux_per_s: number } | null;
  assumptions: Assumption[];
  /** The oxide the metal forms (in equilibrium with the metal), or null without a sourced oxide. */
  oxide: string | null;
  /** Gas Δμ_O, its equivalent p_O2, and the M/MO_x equilibrium Δμ_O (+∞ without an oxide), eV / bar. */
  gasDeltaMuO_eV: number;
  pO2_bar: number;
  equilibriumDeltaMuO_eV: number;
  /** Assumptions of the oxide thermochemistry behind the driving force (ΔCp = 0, assumed S298, …). */
  thermoAssumptions: string[];
  notes: string[];
}

/** Metal atoms per nm³ when the metal is not in the materials library: ASSUMPTION (≈ late transition metals). */
export const DEFAULT_METAL_DENSITY_PER_NM3 = 70;

/** Largest particle accepted, nm (beyond it the particle is bulk metal and the time is meaningless). */
export const MAX_PARTICLE_SIZE_NM = 1e4;

interface Step {
  step: string;
  ts: number;
  source: string;
  barrier: number;
}

const logSumExp = (xs: number[]) => {
  const m = Math.max(...xs);
  if (!Number.isFinite(m)) return m;
  let s = 0;
  for (const x of xs) s += Math.exp(x - m);
  return m + Math.log(s);
};

/**
 * Steady-state flux (per s) of a linear sequence: intermediates I[0..n-1] (I[0] = 0 the initial state),
 * transition states steps[i] between I[i] and I[i+1], reaction energy dG (the final state).
 */
export function sequenceFlux(
  intermediates: number[],
  steps: Step[],
  dG: number,
  T: number,
  prefactor_per_s: number,
): RouteResult {
  const beta = 1 / (BOLTZMANN_eV_PER_K * T);
  const logR = steps.map((s, i) =>
    logSumExp(intermediates.map((I, j) => beta * (s.ts - I + (j > i ? dG : 0)))),
  );
  const rates: RouteStepRate[] = steps.map((s, i) => ({
    step: s.step,
    rate_per_s: prefactor_per_s * Math.exp(-logR[i]),
    barrier_eV: s.barrier,
    source: s.source,
  }));
  const drive = -Math.expm1(beta * dG); // 1 − e^{βΔG_r}
  let limiting = 0;
  for (let i = 1; i < logR.length; i++) if (logR[i] > logR[limiting]) limiting = i;
  const flux = drive > 0 ? prefactor_per_s * drive * Math.exp(-logSumExp(logR)) : 0;
  return { flux_per_s: flux, limitingStep: steps[limiting].step, steps: rates };
}

const densityCache = new DataCache<number>();
function metalAtomsPerNm3(metal: string): { value: number; source: string } {
  let v = densityCache.get(metal);
  if (v === undefined) {
    try {
      const m = getMaterial(metal, undefined, "metal");
      v = AVOGADRO_PER_MOL / molarVolume_cm3_per_mol(m.structure) / 1e21;
    } catch {
      v = -1;
    }
    densityCache.set(metal, v);
  }
  return v > 0
    ? { value: v, source: `from the bundled ${metal} structure (molar volume)` }
    : { value: DEFAULT_METAL_DENSITY_PER_NM3, source: "ASSUMPTION: DEFAULT_METAL_DENSITY_PER_NM3" };
}

const supportRxCache = new DataCache<Reaction>();
/** Δμ_O (eV) below which the support reduces to its hull neighbour, at T (neighbour chosen per T bucket). */
function supportReductionLimit(
  formula: string,
  phase: string | undefined,
  T: number,
): { mu: number; lower: string } {
  const Tb = bucketTemperature(T);
  const key = `${formula}|${phase ?? ""}|${Tb}`;
  let rx = supportRxCache.get(key);
  if (!rx) {
    rx = reductionReaction(formula, phase, "support", Tb);
    supportRxCache.set(key, rx);
  }
  const exactKey = `${key}|${T}`;
  let mu = supportMuCache.get(exactKey);
  if (mu === undefined) {
    mu = equilibriumDeltaMuO(rx, T);
    supportMuCache.set(exactKey, mu);
  }
  return { mu, lower: rx.lower.formula };
}
const supportMuCache = new DataCache<number>();

const gasCache = new DataCache<ReturnType<typeof oxygenPotential>>();
function cachedGas(T: number, atmosphere: Atmosphere): ReturnType<typeof oxygenPotential> {
  const v = atmosphere.kind === "O2" ? atmosphere.pO2_bar : atmosphere.ratio;
  const key = `${T}|${atmosphere.kind}|${v}`;
  let g = gasCache.get(key);
  if (!g) {
    g = oxygenPotential(T, atmosphere);
    gasCache.set(key, g);
  }
  return g;
}

const landscapeCache = new DataCache<LandscapeEnergies>();

function cachedLandscape(input: RoutesInput): LandscapeEnergies {
  const T = input.temperature_K;
  const key = `${input.metal}|${input.support}|${Number.isFinite(T) ? bucketTemperature(T) : T}|${input.gate?.verdict}|${JSON.stringify(input.overrides ?? {})}`;
  let e = landscapeCache.get(key);
  if (!e) {
    e = landscapeEnergies(input);
    landscapeCache.set(key, e);
  }
  return e;
}

/** The two routes, their fluxes, limiting steps and the time to oxidise the particle (contract B). */
export function oxygenRoutes(input: RoutesInput): RoutesResult {
  const T = assertThermoTemperature(input.temperature_K, "--temperature");
  const e = cachedLandscape(input);
  const p = e.params;
  const size = input.particleSize_nm ?? p.get("particleSize_nm");
  if (!(Number.isFinite(size) && size > 0 && size <= MAX_PARTICLE_SIZE_NM))
    throw new InputError(
      "--size-nm",
      `particle diameter must be in (0, ${MAX_PARTICLE_SIZE_NM}] nm (got ${size})`,
    );
  const gas = cachedGas(T, input.atmosphere);
  const mu = gas.deltaMuO_eV;
  const muEq = metalEquilibriumDeltaMuO(e.metal, T);
  const dG = muEq - mu; // per O, final state of both routes
  const nu = p.get("attemptFrequency_per_s");
  const siteArea = p.get("siteArea_nm2");
  if (!(siteArea > 0) || !(nu > 0))
    throw new InputError("overrides", "siteArea_nm2 and attemptFrequency_per_s must be positive");
  const nInterface = Math.max(1, (Math.PI * size * size) / 4 / siteArea);
  const nSurface = Math.max(1, (Math.PI * size * size) / 2 / siteArea);
  const notes: string[] = [...gas.notes];

  // interface route: states relative to "O in the gas, perfect support, clean metal"
  const Em = e.metalOxygen_eV;
  const Eox = e.metal.oxideOxygen_eV;
  const S1 = e.interfaceVacancy_eV + Em; // interfacial O crossed into a metal interstice
  const S2 = e.interfaceVacancy_eV + Eox; // …and joined the oxide growing at the interface
  const S3 = e.surfaceVacancy_eV + Eox; // the vacancy has moved to the support's free surface
  const mSup = p.get("supportMigrationBarrier_eV");
  const eEx = p.get("gasExchangeBarrier_eV");
  const mInt = p.get("metalInterstitialBarrier_eV");
  const interfaceRoute = sequenceFlux(
    [0, S1, S2, S3],
    [
      {
        step: "interface crossing",
        ts: Math.max(0, S1) + e.crossingBarrier_eV,
        barrier: e.crossingBarrier_eV,
        source: `gate ${input.gate.verdict} (${input.gate.source}); interfacial vacancy ${e.interfaceVacancy_eV.toFixed(2)} eV, dissolved O ${Em.toFixed(2)} eV`,
      },
      {
        step: "oxide growth at the interface",
        ts: Math.max(S1, S2) + mInt,
        barrier: mInt,
        source: "dissolved O joins the oxide at the interface (metalInterstitialBarrier_eV)",
      },
      {
        step: "vacancy transport through the support",
        ts: Math.max(S2, S3) + mSup,
        barrier: mSup,
        source: `support ${e.facet}: surface vacancy ${e.surfaceVacancy_eV.toFixed(2)} eV; supportMigrationBarrier_eV ${mSup} eV`,
      },
      {
        step: "gas exchange at the support surface",
        ts: S3 + eEx,
        barrier: eEx,
        source: "O2 refills the surface vacancy (gasExchangeBarrier_eV)",
      },
    ],
    dG,
    T,
    nu * nInterface,
  );

  // surface route
  const Gads = e.adsorbedOxygen_eV - mu;
  const Gsub = Em - mu;
  const eDiss = p.get("dissociationBarrier_eV");
  const mPen = p.get("penetrationBarrier_eV");
  const mOx = p.get("oxideGrowthBarrier_eV");
  const surfaceRoute = sequenceFlux(
    [0, Gads, Gsub],
    [
      {
        step: "O2 dissociation at the metal surface",
        ts: Math.max(0, Gads) + eDiss,
        barrier: eDiss,
        source: "dissociationBarrier_eV",
      },
      {
        step: "incorporation below the metal surface",
        ts: Math.max(Gads, Gsub) + mPen,
        barrier: mPen,
        source: "penetrationBarrier_eV",
      },
      {
        step: "surface oxide growth",
        ts: Math.max(Gsub, dG) + mOx,
        barrier: mOx,
        source: "oxideGrowthBarrier_eV",
      },
    ],
    dG,
    T,
    nu * nSurface,
  );

  const downhill = Number.isFinite(dG) && dG < 0;
  let dominant: RoutesResult["dominantRoute"] = "none";
  if (downhill && (interfaceRoute.flux_per_s > 0 || surfaceRoute.flux_per_s > 0))
    dominant = interfaceRoute.flux_per_s >= surfaceRoute.flux_per_s ? "interface" : "surface";
  if (!downhill) {
    const why = e.metal.oxide
      ? `no oxidation drive: the gas Δμ_O (${mu.toFixed(3)} eV) is below the ${input.metal}/${e.metal.oxide.formula} equilibrium (${muEq.toFixed(3)} eV)`
      : `no oxidation drive: no stable bulk oxide of ${input.metal} with sourced data`;
    interfaceRoute.limitingStep = why;
    surfaceRoute.limitingStep = why;
    notes.push(why);
  }
  const density = metalAtomsPerNm3(input.metal);
  const atoms = ((Math.PI * size ** 3) / 12) * density.value;
  const oPerMetal = e.metal.oxide ? e.metal.oxide.nO / e.metal.oxide.nMetal : 0;
  const total = interfaceRoute.flux_per_s + surfaceRoute.flux_per_s;
  const time = downhill && total > 0 ? (atoms * oPerMetal) / total : null;

  let reduction: RoutesResult["reduction"] = null;
  const lim = supportReductionLimit(e.support.formula, e.support.phase, T);
  const supportReduced = mu < lim.mu;
  if (input.atmosphere.kind !== "O2" || supportReduced) {
    // O leaves the support surface into the gas: vacancy formation ΔG = E_v(surface) + Δμ_O(gas)
    const dGv = e.surfaceVacancy_eV + mu;
    const eRed = p.get("reductionBarrier_eV");
    const loss = sequenceFlux(
      [0],
      [
        {
          step: "O release from the support surface",
          ts: Math.max(0, dGv) + eRed,
          barrier: eRed,
          source: "",
        },
      ],
      dGv,
      T,
      nu * nInterface,
    );
    reduction = {
      supportReduced,
      suboxide: supportReduced ? lim.lower : null,
      oLossFlux_per_s: loss.flux_per_s,
    };
    if (supportReduced)
      notes.push(
        `the gas Δμ_O (${mu.toFixed(3)} eV) is below the ${e.support.formula}/${lim.lower} equilibrium (${lim.mu.toFixed(3)} eV): the support is reduced to ${lim.lower}`,
      );
  }

  const assumptions: Assumption[] = [
    ...p.list,
    {
      name: "supportBulkVacancy_eV",
      value: e.support.bulkVacancy_eV,
      unit: "eV",
      source: e.support.source,
      isAssumption: false,
    },
    {
      name: "metalOxideOxygen_eV",
      value: e.metal.oxideOxygen_eV,
      unit: "eV",
      source: e.metal.oxideSource,
      isAssumption: e.metal.oxide === null,
    },
    {
      name: "metalAtomDensity_per_nm3",
      value: density.value,
      unit: "nm^-3",
      source: density.source,
      isAssumption: density.source.startsWith("ASSUMPTION"),
    },
  ];
  if (input.particleSize_nm !== undefined) {
    const i = assumptions.findIndex((a) => a.name === "particleSize_nm");
    assumptions[i] = { ...assumptions[i], value: size, source: "given (--size-nm)", isAssumption: false };
  }
  return {
    routes: { interface: interfaceRoute, surface: surfaceRoute },
    dominantRoute: dominant,
    bottomUp: dominant === "interface",
    oxidationDownhill: downhill,
    drivingForce_eV: Number.isFinite(dG) ? -dG : Number.NEGATIVE_INFINITY,
    timeToOxidise_s: time,
    reduction,
    assumptions,
    oxide: e.metal.oxide?.formula ?? null,
    gasDeltaMuO_eV: mu,
    pO2_bar: gas.pO2_bar,
    equilibriumDeltaMuO_eV: muEq,
    thermoAssumptions: e.metal.thermoAssumptions,
    notes,
  };
}

export interface SensitivityRow {
  parameter: string;
  range: [number, number];
  atMin: { dominantRoute: RoutesResult["dominantRoute"]; interfaceToSurface: number };
  atMax: { dominantRoute: RoutesResult["dominantRoute"]; interfaceToSurface: number };
}

/** Each ranged parameter at the ends of its range (others at their values): the dominant route and flux ratio. */
export function routesSensitivity(input: RoutesInput): SensitivityRow[] {
  const e = cachedLandscape(input);
  const rows: SensitivityRow[] = [];
  const at = (name: string, v: number) => {
    const r = oxygenRoutes({ ...input, overrides: { ...(input.overrides ?? {}), [name]: v } });
    return {
      dominantRoute: r.dominantRoute,
      interfaceToSurface:
        r.routes.interface.flux_per_s / Math.max(r.routes.surface.flux_per_s, Number.MIN_VALUE),
    };
  };
  for (const [name, range] of Object.entries(e.params.ranges)) {
    if (name === "particleSize_nm" && input.particleSize_nm !== undefined) continue;
    rows.push({ parameter: name, range, atMin: at(name, range[0]), atMax: at(name, range[1]) });
  }
  return rows;
}

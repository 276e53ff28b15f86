/**
 * The ONE adapter between predict and the physics being built concurrently (contracts A and B,
 * /work/briefs/contracts.md): the interface gate (`src/match/gate.ts`, `interfaceGate`), the oxygen
 * routes (`src/thermo/routes.ts`, `oxygenRoutes`) and the defect thermodynamics
 * (`src/thermo/defects.ts`, `oxygenNonstoichiometry`). Everything else in predict consumes only the
 * contract shapes declared here. For now they are implemented on today's code (src/match coherence
 * and matchInterfaces; src/thermo equilibria, oxygen-potential and vacancy); every field that is
 * approximated is marked `// ADAPTER:`. At merge, point `gateFor`, `routesFor` and
 * `nonstoichiometryFor` at the real functions and delete the approximations below them.
 */
import { listMaterials } from "../materials/library.js";
import { type OrientationRelationship as GateOrientationRelationship, interfaceGate } from "../match/gate.js";
import { InputError } from "../units/errors.js";
import { BOLTZMANN_eV_PER_K } from "../units/constants.js";
import { equilibriumDeltaMuO, phasesOfMetal, reductionReaction } from "../thermo/equilibria.js";
import {
  nonstoichiometricOxides,
  type Nonstoichiometry as ThermoNonstoichiometry,
  oxygenNonstoichiometry,
} from "../thermo/defects.js";
import { type Atmosphere, oxygenPotential } from "../thermo/oxygen-potential.js";
import {
  oxygenRoutes,
  type RouteResult,
  type RouteStepRate,
  type RoutesInput,
  type RoutesResult as ThermoRoutesResult,
} from "../thermo/routes.js";
import { vacancyFormation, vacancyFraction } from "../thermo/vacancy.js";

// ---------------------------------------------------------------- contract A (src/match/gate.ts)
/** The subset of the gate's result (src/match/gate.ts) that predict reads; the real result is assignable to it. */
export type { GateVerdict } from "../match/gate.js";
export type OrientationRelationship = Pick<
  GateOrientationRelationship,
  | "filmPlane"
  | "substratePlane"
  | "verdict"
  | "strain"
  | "cellsFilm"
  | "cellsSubstrate"
  | "coincidenceSiteDensity_per_nm2"
  | "reason"
>;
export interface InterfaceGateResult {
  metal: string;
  support: string;
  relationships: OrientationRelationship[];
  chosen: OrientationRelationship & { sensitivity: unknown };
  oxide: { formula: string; chosen: OrientationRelationship & { sensitivity: unknown } } | null;
  thresholds: Record<string, { value: number; source: string }>;
}

// ---------------------------------------------------------------- contract B (src/thermo/*)
/** The parts of the routes and defect results (src/thermo) that predict reads; the real results are assignable. */
export type {
  Assumption,
  GateVerdictInput,
  RouteResult,
  RoutesInput,
  RouteStepRate,
} from "../thermo/routes.js";
export type RoutesResult = Pick<
  ThermoRoutesResult,
  | "routes"
  | "dominantRoute"
  | "bottomUp"
  | "oxidationDownhill"
  | "drivingForce_eV"
  | "timeToOxidise_s"
  | "reduction"
  | "assumptions"
>;
export type Nonstoichiometry = Pick<
  ThermoNonstoichiometry,
  "oxide" | "x" | "formula" | "lowerOxide" | "xMax" | "source" | "assumptions"
>;

// ---------------------------------------------------------------- gas μ_O, memoised
const potentialCache = new Map<string, ReturnType<typeof oxygenPotential>>();
/** Entries kept before the memo is cleared (bounded memory). */
const POTENTIAL_CACHE_MAX = 50_000;

/** oxygenPotential(T, atmosphere), memoised per (T, atmosphere): maps and scores repeat conditions. */
export function gasPotential(T: number, atmosphere: Atmosphere): ReturnType<typeof oxygenPotential> {
  const v = atmosphere.kind === "O2" ? atmosphere.pO2_bar : atmosphere.ratio;
  const key = `${T}|${atmosphere.kind}|${v}`;
  let hit = potentialCache.get(key);
  if (!hit) {
    if (potentialCache.size >= POTENTIAL_CACHE_MAX) potentialCache.clear();
    hit = oxygenPotential(T, atmosphere);
    potentialCache.set(key, hit);
  }
  return hit;
}

// ---------------------------------------------------------------- gate (contract A): src/match/gate.ts
/**
 * Contract A: the interface gate of metal on support (bundled ids), memoised by the gate itself.
 * Null when either side has no bundled structure or interface-plane data (the gate is then a
 * missing descriptor, named in the prediction).
 */
export function gateFor(metal: string, support: string, facet?: string): InterfaceGateResult | null {
  const ids = new Set(listMaterials().map((m) => m.id));
  if (!ids.has(metal) || !ids.has(support)) return null;
  try {
    return interfaceGate(metal, support, facet ? { supportFacet: facet } : {});
  } catch (e) {
    if (e instanceof InputError) return null;
    throw e;
  }
}

// ---------------------------------------------------------------- defects (contract B) on today's vacancy.ts
const stoichCache = new Map<
  string,
  { E_f: number; n: number; nLower: number; lower: string; source: string }
>();

function vacancyData(oxide: string, phase: string | undefined) {
  const key = `${oxide}|${phase ?? ""}`;
  const hit = stoichCache.get(key);
  if (hit) return hit;
  const v = vacancyFormation(oxide, phase, "bulk");
  const rx = reductionReaction(oxide, phase, "support");
  const n = rx.higher.nO / rx.higher.nMetal;
  const nLower = rx.lower.nO / rx.lower.nMetal;
  const d = { E_f: v.E_f_eV, n, nLower, lower: rx.lower.formula, source: v.source };
  stoichCache.set(key, d);
  return d;
}

/**
 * Contract B: oxygen nonstoichiometry x of MO(n−x) at (T, atmosphere), x ≤ n − n(lower oxide).
 */
export function nonstoichiometryFor(
  oxide: string,
  temperature_K: number,
  atmosphere: Atmosphere,
  phase?: string,
): Nonstoichiometry {
  if (nonstoichiometricOxides().includes(oxide)) {
    // the bundled id names the polymorph (TiO2-anatase); otherwise the formula's own hull is used
    const id =
      phase && listMaterials().some((m) => m.id === `${oxide}-${phase}`) ? `${oxide}-${phase}` : oxide;
    return oxygenNonstoichiometry(id, temperature_K, atmosphere);
  }
  return approximateNonstoichiometry(oxide, temperature_K, atmosphere, phase);
}

/**
 * ADAPTER fallback for oxides without equilibrium nonstoichiometry data (src/thermo/defects.ts covers
 * TiO2 and CeO2): a dilute-vacancy estimate with the 298 K reduction enthalpy as the vacancy free
 * energy (no reduction entropy: an upper estimate, review item 4), capped by the lower oxide.
 */
function approximateNonstoichiometry(
  oxide: string,
  temperature_K: number,
  atmosphere: Atmosphere,
  phase?: string,
): Nonstoichiometry {
  const d = vacancyData(oxide, phase);
  const mu = gasPotential(temperature_K, atmosphere).deltaMuO_eV;
  // ADAPTER: today's vacancy.ts uses a 298 K reduction enthalpy as the vacancy free energy (no
  // reduction entropy; review item 4) — x is an upper estimate until thermo's defects.ts lands
  const site = vacancyFraction(d.E_f, temperature_K, mu);
  const xMax = d.n - d.nLower;
  return {
    oxide,
    x: Math.min(site * d.n, xMax),
    formula: `${oxide}-x`,
    lowerOxide: d.lower,
    xMax,
    source: d.source,
    assumptions: [
      {
        name: "vacancyFreeEnergy",
        value: d.E_f,
        unit: "eV",
        source: "ADAPTER: 298 K reduction enthalpy per O as the vacancy free energy (src/thermo/vacancy.ts)",
        isAssumption: true,
      },
    ],
  };
}

// ---------------------------------------------------------------- routes (contract B), approximated
/** ADAPTER: attempt frequency of every hop, s⁻¹ (science notes §4: 10¹²–10¹³, assumption). */
const ADAPTER_ATTEMPT_FREQUENCY_HZ = 1e13;
/**
 * ADAPTER: O-vacancy migration barriers of supports, eV — midpoints of the ranges in
 * ../shared/science/kinetics-surfaces-interfaces.md ("Oxygen transport in oxides"); 2.0 eV where no
 * value is given (assumption).
 */
const ADAPTER_VACANCY_MIGRATION_EV: Record<string, number> = {
  TiO2: 1.0, // rutile DFT 0.7–1.8 (U); anatase (101) below
  "TiO2-anatase": 0.67, // De Lile & Mousseau: 0.52–0.82 (V)
  CeO2: 0.5, // 0.4–0.6 (U)
  ZrO2: 1.14, // 0.96–1.32 (V)
  MgO: 2.06, // 2.00–2.12 (V)
  Al2O3: 2.0, // V_O²⁺ 1.5–2.5 (U)
};
const ADAPTER_DEFAULT_MIGRATION_EV = 2.0;
/** ADAPTER: extra barrier for crossing a semi-coherent interface, eV (assumption); incoherent: closed. */
const ADAPTER_SEMICOHERENT_PENALTY_EV = 0.2;
/** ADAPTER: barrier of top-down oxidation (O2 dissociation + incorporation, surface-oxide growth), eV (assumption). */
const ADAPTER_SURFACE_OXIDATION_EV = 1.3;
/** ADAPTER: thickness of one metal layer oxidised per interface hop, nm (assumption). */
const ADAPTER_LAYER_NM = 0.2;
const ADAPTER_DEFAULT_SIZE_NM = 3;

const metalOxideCache = new Map<string, { formula: string; phase: string }[]>();

function directOxides(metal: string) {
  let hit = metalOxideCache.get(metal);
  if (!hit) {
    hit = [];
    for (const ox of phasesOfMetal(metal).filter((p) => p.nO > 0)) {
      try {
        if (reductionReaction(ox.formula, ox.phase).lower.nO === 0)
          hit.push({ formula: ox.formula, phase: ox.phase });
      } catch {
        // no usable reduction partner
      }
    }
    metalOxideCache.set(metal, hit);
  }
  return hit;
}

const rxCache = new Map<string, ReturnType<typeof reductionReaction>>();
function reaction(formula: string, phase?: string) {
  const key = `${formula}|${phase ?? ""}`;
  let rx = rxCache.get(key);
  if (!rx) {
    rx = reductionReaction(formula, phase, "support");
    rxCache.set(key, rx);
  }
  return rx;
}

/** Equilibrium Δμ_O of the metal with its first oxide (lowest equilibrium μ_O); null when no oxide has data. */
export function metalOxideEquilibrium(
  metal: string,
  T: number,
): { oxide: string; deltaMuO_eV: number } | null {
  let best: { oxide: string; deltaMuO_eV: number } | null = null;
  for (const ox of directOxides(metal)) {
    const eq = equilibriumDeltaMuO(reaction(ox.formula, ox.phase), T);
    if (!best || eq < best.deltaMuO_eV) best = { oxide: ox.formula, deltaMuO_eV: eq };
  }
  return best;
}

function seriesFlux(steps: RouteStepRate[]): RouteResult {
  let inv = 0;
  let limiting = steps[0];
  for (const s of steps) {
    inv += s.rate_per_s > 0 ? 1 / s.rate_per_s : Number.POSITIVE_INFINITY;
    if (s.rate_per_s < limiting.rate_per_s) limiting = s;
  }
  return { flux_per_s: Number.isFinite(inv) ? 1 / inv : 0, limitingStep: limiting.step, steps };
}

/**
 * Contract B: the routes by which O reaches the metal. support = a support formula or bundled id.
 */
/**
 * Contract B: the oxygen routes of src/thermo/routes.ts. Where that model has no data for the pair
 * (a support without thermochemistry or landscape rows, a temperature outside its range), the
 * approximate series model below answers instead, and says so in every step's source.
 */
export function routesFor(input: RoutesInput): RoutesResult {
  try {
    return oxygenRoutes(input);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return approximateRoutes(input, e.message);
  }
}

/** ADAPTER fallback: a one-line series model on the notes' midpoints (see the constants above). */
function approximateRoutes(input: RoutesInput, why: string): RoutesResult {
  const T = input.temperature_K;
  const kT = BOLTZMANN_eV_PER_K * T;
  const gas = gasPotential(T, input.atmosphere);
  const eq = metalOxideEquilibrium(input.metal, T);
  // ADAPTER: the bulk metal/oxide equilibrium; no particle-size term here (predict adds Gibbs–Thomson)
  const drivingForce = eq ? gas.deltaMuO_eV - eq.deltaMuO_eV : Number.NaN;
  const downhill = eq !== null && drivingForce > 0;
  const supportKey = input.support.startsWith("TiO2-anatase")
    ? "TiO2-anatase"
    : input.support.replace(/-.*$/, "");
  const eMig = ADAPTER_VACANCY_MIGRATION_EV[supportKey] ?? ADAPTER_DEFAULT_MIGRATION_EV;
  const rate = (e: number) => ADAPTER_ATTEMPT_FREQUENCY_HZ * Math.exp(-e / kT);
  const gatePenalty =
    input.gate.verdict === "coherent"
      ? 0
      : input.gate.verdict === "semi-coherent"
        ? ADAPTER_SEMICOHERENT_PENALTY_EV
        : Number.POSITIVE_INFINITY;
  const iface = seriesFlux([
    {
      step: "vacancy transport in the support",
      rate_per_s: rate(eMig),
      barrier_eV: eMig,
      source: "ADAPTER: science notes, O transport in oxides (midpoint)",
    },
    {
      step: "interface crossing",
      rate_per_s: Number.isFinite(gatePenalty) ? rate(eMig + gatePenalty) : 0,
      barrier_eV: eMig + gatePenalty,
      source: `ADAPTER: gate ${input.gate.verdict} (${input.gate.source}); incoherent interfaces closed (review: Ru/anatase, no bulk spillover)`,
    },
  ]);
  const surface = seriesFlux([
    {
      step: "dissociation and incorporation at the metal surface",
      rate_per_s: rate(ADAPTER_SURFACE_OXIDATION_EV),
      barrier_eV: ADAPTER_SURFACE_OXIDATION_EV,
      source: "ADAPTER: assumption",
    },
  ]);
  const dominant: RoutesResult["dominantRoute"] = !downhill
    ? "none"
    : iface.flux_per_s > surface.flux_per_s
      ? "interface"
      : "surface";
  const fastest = dominant === "interface" ? iface.flux_per_s : surface.flux_per_s;
  const layers = (input.particleSize_nm ?? ADAPTER_DEFAULT_SIZE_NM) / ADAPTER_LAYER_NM;
  let reduction: RoutesResult["reduction"] = null;
  if (input.atmosphere.kind !== "O2") {
    const formula = input.support.replace(/-.*$/, "");
    try {
      const rx = reaction(formula);
      const eqSupport = equilibriumDeltaMuO(rx, T);
      const ns = nonstoichiometryFor(formula, T, input.atmosphere);
      reduction = {
        // ADAPTER: bulk two-phase equilibrium decides "reduced"; O loss = x × vacancy hop rate
        supportReduced: gas.deltaMuO_eV < eqSupport,
        suboxide: rx.lower.formula,
        oLossFlux_per_s: ns.x * rate(eMig),
      };
    } catch {
      reduction = null;
    }
  }
  return {
    routes: { interface: iface, surface },
    dominantRoute: dominant,
    bottomUp: dominant === "interface",
    oxidationDownhill: downhill,
    drivingForce_eV: drivingForce,
    timeToOxidise_s: downhill && fastest > 0 ? layers / fastest : null,
    reduction,
    assumptions: [
      {
        name: "approximateRoutesModel",
        value: 1,
        unit: "flag",
        source: `the routes model of src/thermo/routes.ts could not run for this pair (${why}); a one-step series estimate on the science notes' midpoints answers instead`,
        isAssumption: true,
      },
      {
        name: "attemptFrequency",
        value: ADAPTER_ATTEMPT_FREQUENCY_HZ,
        unit: "Hz",
        source: "ADAPTER: science notes §4 (10¹²–10¹³, assumption)",
        isAssumption: true,
      },
      {
        name: "surfaceOxidationBarrier",
        value: ADAPTER_SURFACE_OXIDATION_EV,
        unit: "eV",
        source: "ADAPTER: assumption",
        isAssumption: true,
      },
      {
        name: "vacancyMigrationBarrier",
        value: eMig,
        unit: "eV",
        source: "ADAPTER: science notes (midpoint of the quoted range)",
        isAssumption: true,
      },
    ],
  };
}

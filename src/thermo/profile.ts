/**
 * The five-region oxygen chemical-potential profile of a supported metal particle (support surface |
 * support bulk | interfacial oxide | metal bulk | metal surface), Δμ_O in eV per O (reference ½ E_O2),
 * recomputed from the oxygen landscape and the two routes (routes.ts), so that it depends on the support
 * and on the interface gate (docs/thermo.md, "Profile").
 *
 * Oxidising gas (the metal's oxidation is downhill): O flows from the gas (Δμ_O,gas) to the oxide growth
 * front (the M/MO_x equilibrium Δμ_O,eq). Along each route the steady-state drop of μ_O across a step is
 * its share of the route's series resistance (the potential divider of a resistor chain, exact in linear
 * response, an approximation beyond it):
 *   interface route: gas →[gas exchange]→ support surface →[vacancy transport]→ support bulk (the O
 *   reservoir next to the interface) →[interface crossing]→ interfacial oxide →[oxide growth]→ metal bulk
 *   surface route:   gas →[dissociation]→ metal surface.
 * No oxidation drive (reducing gas, or no stable bulk oxide: Pt and Au in O2 at 450 °C): there is no flow
 * into the metal; the metal sits at the gas μ_O, the support bulk at max(gas, its reduction limit), where
 * a reduced support pins μ_O at the support/suboxide equilibrium.
 */
import { InputError } from "../units/errors.js";
import type { ElectronVolt, Kelvin } from "../units/quantities.js";
import { resolveOxide } from "./ellingham.js";
import { equilibriumDeltaMuO, reductionReaction } from "./equilibria.js";
import { type Nonstoichiometry, nonstoichiometricOxides, oxygenNonstoichiometry } from "./defects.js";
import { canonicalSupport, type GateVerdictInput } from "./landscape.js";
import type { Atmosphere } from "./oxygen-potential.js";
import { oxygenRoutes, type RoutesResult } from "./routes.js";
import { vacancyFormation, vacancyFraction } from "./vacancy.js";

/** Below this |Δμ| (eV/O) the profile reports no driving force. */
export const FLOW_THRESHOLD_EV = 0.01;

export type RegionName =
  | "support surface"
  | "support bulk"
  | "interfacial oxide"
  | "metal bulk"
  | "metal surface";

export interface ProfileRegion {
  region: RegionName;
  deltaMuO_eV: ElectronVolt;
  definition: string;
}

export interface ProfileStep {
  from: RegionName;
  to: RegionName;
  /** μ(from) − μ(to), eV per O: > 0 means O flows from → to. */
  drivingForce_eV: ElectronVolt;
}

export interface MuOProfile {
  metal: string;
  support: string;
  supportPhase: string;
  temperature_K: Kelvin;
  atmosphere: Atmosphere;
  gasDeltaMuO_eV: ElectronVolt;
  pO2_bar: number;
  gate: { verdict: GateVerdictInput; strain: number; source: string };
  interfacialOxide: string | null;
  interfacialOxideStable: boolean;
  supportReduction: string;
  supportReductionDeltaMuO_eV: ElectronVolt;
  /** Energy-only vacancy estimate (bounded by the lower oxide) with the vacancy energy used. */
  supportVacancy: { E_f_eV: ElectronVolt; fraction: number; source: string; note: string } | null;
  /** Measured-data nonstoichiometry of the support (CeO2, TiO2), null where no data exist. */
  supportNonstoichiometry: Nonstoichiometry | null;
  regions: ProfileRegion[];
  steps: ProfileStep[];
  /** Net direction of O exchange between support and metal. */
  direction: "support → metal" | "metal → support" | "none";
  /** μ(support bulk) − μ(interfacial oxide), eV per O. */
  drivingForce_eV: ElectronVolt;
  routes: Pick<RoutesResult, "dominantRoute" | "bottomUp" | "oxidationDownhill" | "timeToOxidise_s"> & {
    interfaceLimitingStep: string;
    surfaceLimitingStep: string;
  };
  assumptions: string[];
  notes: string[];
}

export interface ProfileOptions {
  gate?: { verdict: GateVerdictInput; strain: number; source: string };
  particleSize_nm?: number;
  overrides?: Record<string, number>;
}

/** Default gate when none is given: ASSUMPTION (the thermo layer cannot judge epitaxy; pass the gate). */
export const DEFAULT_PROFILE_GATE = {
  verdict: "incoherent" as GateVerdictInput,
  strain: Number.NaN,
  source:
    "ASSUMPTION: no gate given (incoherent); the CLI passes the bulk-penetration verdict of smsi interface",
};

/** μ_O after each step of a series chain: the potential-divider share of the total drop. */
function divider(muStart: number, muEnd: number, resistances: number[]): number[] {
  const total = resistances.reduce((s, r) => s + r, 0);
  const out: number[] = [];
  let acc = 0;
  for (const r of resistances) {
    acc += r;
    out.push(muStart - ((muStart - muEnd) * acc) / (total > 0 ? total : 1));
  }
  return out;
}

const resistance = (r: { steps: { rate_per_s: number }[] }) =>
  r.steps.map((s) => 1 / Math.max(s.rate_per_s, Number.MIN_VALUE));

/** Compute the five-region profile for metal (symbol) on support (bundled id or formula). */
export function muOProfile(
  metal: string,
  support: string,
  T: Kelvin,
  atmosphere: Atmosphere,
  options: ProfileOptions = {},
): MuOProfile {
  const gate = options.gate ?? DEFAULT_PROFILE_GATE;
  const supportId = canonicalSupport(support);
  const r = oxygenRoutes({
    metal,
    support: supportId,
    temperature_K: T,
    atmosphere,
    gate,
    particleSize_nm: options.particleSize_nm,
    overrides: options.overrides,
  });
  const sup = resolveOxide(supportId, "support");
  const supRx = reductionReaction(sup.formula, sup.phase, "support", T);
  const supRed = equilibriumDeltaMuO(supRx, T);
  const gasMu = r.gasDeltaMuO_eV;
  const muEq = r.equilibriumDeltaMuO_eV;
  const notes = [...r.notes];
  const assumptions = [
    ...r.thermoAssumptions,
    ...r.assumptions
      .filter((a) => a.isAssumption)
      .map((a) => `${a.name} = ${a.value} ${a.unit}: ${a.source}`),
  ];

  let regions: ProfileRegion[];
  if (r.oxidationDownhill) {
    const ri = resistance(r.routes.interface); // order: crossing, growth, transport, exchange
    const [surfaceMu, bulkMu, oxideMu, metalMu] = divider(gasMu, muEq, [ri[3], ri[2], ri[0], ri[1]]);
    const rs = resistance(r.routes.surface);
    const [metalSurfaceMu] = divider(gasMu, muEq, rs);
    regions = [
      {
        region: "support surface",
        deltaMuO_eV: surfaceMu,
        definition: "gas minus the drop across gas exchange (share of the interface route's resistance)",
      },
      {
        region: "support bulk",
        deltaMuO_eV: bulkMu,
        definition: "after vacancy transport through the support: the lattice O next to the interface",
      },
      {
        region: "interfacial oxide",
        deltaMuO_eV: oxideMu,
        definition: `after the interface crossing (gate ${gate.verdict})`,
      },
      {
        region: "metal bulk",
        deltaMuO_eV: metalMu,
        definition: `the ${r.oxide} growth front: the ${metal}/${r.oxide} equilibrium`,
      },
      {
        region: "metal surface",
        deltaMuO_eV: metalSurfaceMu,
        definition: "gas minus the drop across O2 dissociation (share of the surface route's resistance)",
      },
    ];
  } else {
    const supportBulk = Math.max(gasMu, supRed);
    regions = [
      { region: "support surface", deltaMuO_eV: gasMu, definition: "gas phase (no O flow into the metal)" },
      {
        region: "support bulk",
        deltaMuO_eV: supportBulk,
        definition: `max(gas, ${supRx.equation} equilibrium = ${supRed.toFixed(3)} eV)`,
      },
      {
        region: "interfacial oxide",
        deltaMuO_eV: gasMu,
        definition: r.oxide
          ? `${r.oxide} not stable in this gas (no oxidation drive): follows the gas`
          : `no stable bulk oxide of ${metal}: follows the gas`,
      },
      {
        region: "metal bulk",
        deltaMuO_eV: gasMu,
        definition: "no oxidation drive: dissolved O in equilibrium with the gas",
      },
      { region: "metal surface", deltaMuO_eV: gasMu, definition: "gas phase" },
    ];
    if (supRed > gasMu)
      notes.push(
        `gas μ_O is below the ${sup.formula} reduction limit: the support is reduced and releases O towards the gas`,
      );
  }
  const steps: ProfileStep[] = [];
  for (let i = 0; i + 1 < regions.length; i++)
    steps.push({
      from: regions[i].region,
      to: regions[i + 1].region,
      drivingForce_eV: regions[i].deltaMuO_eV - regions[i + 1].deltaMuO_eV,
    });
  const df = regions[1].deltaMuO_eV - regions[2].deltaMuO_eV;
  // direction of the net O exchange: the interface route carries O into the metal whenever oxidation is
  // downhill (its drop across the crossing may be small when the crossing is easy: a coherent interface)
  const direction: MuOProfile["direction"] =
    r.oxidationDownhill && r.routes.interface.flux_per_s > 0
      ? "support → metal"
      : df < -FLOW_THRESHOLD_EV
        ? "metal → support"
        : "none";

  let supportVacancy: MuOProfile["supportVacancy"] = null;
  try {
    const v = vacancyFormation(sup.formula, sup.phase, "bulk", T);
    const maxFraction =
      (supRx.higher.nO - (supRx.lower.nO / supRx.lower.nMetal) * supRx.higher.nMetal) / supRx.higher.nO;
    supportVacancy = {
      E_f_eV: v.E_f_eV,
      fraction: vacancyFraction(v.E_f_eV, T, regions[1].deltaMuO_eV, maxFraction),
      source: v.source,
      note: `${v.note ? `${v.note}; ` : ""}energy-only estimate (formation entropy neglected), bounded by ${supRx.lower.formula}`,
    };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    notes.push(`no vacancy formation energy for ${sup.formula}`);
  }
  const supportNonstoichiometry = nonstoichiometricOxides().includes(sup.formula)
    ? oxygenNonstoichiometry(supportId, T, atmosphere)
    : null;
  return {
    metal,
    support: sup.formula,
    supportPhase: supRx.higher.phase,
    temperature_K: T,
    atmosphere,
    gasDeltaMuO_eV: gasMu,
    pO2_bar: r.pO2_bar,
    gate,
    interfacialOxide: r.oxide,
    interfacialOxideStable: r.oxidationDownhill,
    supportReduction: supRx.equation,
    supportReductionDeltaMuO_eV: supRed,
    supportVacancy,
    supportNonstoichiometry,
    regions,
    steps,
    direction,
    drivingForce_eV: df,
    routes: {
      dominantRoute: r.dominantRoute,
      bottomUp: r.bottomUp,
      oxidationDownhill: r.oxidationDownhill,
      timeToOxidise_s: r.timeToOxidise_s,
      interfaceLimitingStep: r.routes.interface.limitingStep,
      surfaceLimitingStep: r.routes.surface.limitingStep,
    },
    assumptions,
    notes,
  };
}

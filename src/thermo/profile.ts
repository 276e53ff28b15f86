/**
 * The five-region oxygen chemical-potential profile of a supported metal particle
 * (support surface | support bulk | interfacial oxide | metal bulk | metal surface), each Δμ_O in
 * eV per O atom (Reuter–Scheffler reference ½ E_O2). Definitions (docs/thermo.md):
 *
 *   support surface   = gas (surfaces equilibrate with the gas phase)
 *   support bulk      = max(gas, Δμ_O of the support's reduction equilibrium): lattice O follows the gas
 *                       until the gas drops below the reduction limit, where the two-phase mixture
 *                       (e.g. TiO2/Ti2O3) pins μ_O
 *   interfacial oxide = Δμ_O of the metal/lowest-oxide equilibrium (Ru/RuO2) when that oxide is stable
 *                       in the gas; otherwise no oxide forms and the interface follows the gas
 *   metal bulk        = min(gas, Δμ_O(M/MO_x) + k_B T ln θ): dissolved O below saturation (θ = x/x_sat,
 *                       assumption 0.1)
 *   metal surface     = gas
 *
 * O flows down the gradient; the support → metal driving force is μ(support bulk) − μ(interfacial oxide).
 */
import { BOLTZMANN_eV_PER_K } from "../units/constants.js";
import { InputError } from "../units/errors.js";
import { assertTemperature, type ElectronVolt, type Kelvin } from "../units/quantities.js";
import { parseOxideFormula, resolveOxide } from "./ellingham.js";
import { equilibriumDeltaMuO, phasesOfMetal, reductionReaction } from "./equilibria.js";
import { type Atmosphere, oxygenPotential } from "./oxygen-potential.js";
import { vacancyFormation, vacancyFraction } from "./vacancy.js";

export const DEFAULT_METAL_O_SATURATION = 0.1;
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
  gasDeltaMuO_eV: ElectronVolt;
  pO2_bar: number;
  interfacialOxide: string | null;
  interfacialOxideStable: boolean;
  supportReduction: string;
  supportReductionDeltaMuO_eV: ElectronVolt;
  supportVacancy: { E_f_eV: ElectronVolt; fraction: number; source: string; note: string } | null;
  regions: ProfileRegion[];
  steps: ProfileStep[];
  /** Net direction of O exchange between support and metal. */
  direction: "support → metal" | "metal → support" | "none";
  /** μ(support bulk) − μ(interfacial oxide), eV per O. */
  drivingForce_eV: ElectronVolt;
  assumptions: string[];
  notes: string[];
}

export interface ProfileOptions {
  metalOSaturation?: number;
}

/** Compute the five-region profile for metal (symbol) on support (bundled id or formula). */
export function muOProfile(
  metal: string,
  support: string,
  T: Kelvin,
  atmosphere: Atmosphere,
  options: ProfileOptions = {},
): MuOProfile {
  assertTemperature(T);
  if (!/^[A-Z][a-z]?$/.test(metal))
    throw new InputError("metal", `"${metal}" is not an element symbol; write e.g. Ru, Pd, Pt`);
  const theta = options.metalOSaturation ?? DEFAULT_METAL_O_SATURATION;
  if (!(theta > 0 && theta <= 1))
    throw new InputError("--metal-o-saturation", `must be in (0, 1] (got ${theta}); e.g. 0.1`);
  const sup = resolveOxide(support, "support");
  if (!parseOxideFormula(sup.formula))
    throw new InputError("support", `"${support}" is not a binary oxide support`);
  const gas = oxygenPotential(T, atmosphere);
  const mu = gas.deltaMuO_eV;
  const notes = [...gas.notes];
  const assumptions: string[] = [
    `metal-bulk O at θ = x/x_sat = ${theta} of saturation (assumption; no sourced O solubility)`,
    "surfaces in equilibrium with the gas phase",
  ];

  const supRx = reductionReaction(sup.formula, sup.phase, "support");
  const supRed = equilibriumDeltaMuO(supRx, T);
  const supportBulk = Math.max(mu, supRed);

  const oxides = phasesOfMetal(metal).filter((p) => p.nO > 0);
  if (oxides.length === 0)
    throw new InputError(
      "metal",
      `no sourced oxide of ${metal} (needed for the interfacial-oxide region); supply ΔH_f and S298 of its oxide with --thermo-data FILE.json`,
    );
  // the oxide in equilibrium with the metal: lowest equilibrium μ_O among metal + O2 → oxide
  let interfacial = oxides[0];
  let muMO = Number.POSITIVE_INFINITY;
  for (const ox of oxides) {
    // equilibrium of the metal with this oxide directly
    const rx = reductionReaction(ox.formula, ox.phase);
    if (rx.lower.nO !== 0) continue;
    const eq = equilibriumDeltaMuO(rx, T);
    if (eq < muMO) {
      muMO = eq;
      interfacial = ox;
    }
  }
  if (!Number.isFinite(muMO)) {
    const rx = reductionReaction(interfacial.formula, interfacial.phase);
    muMO = equilibriumDeltaMuO(rx, T);
  }
  for (const a of interfacial.thermo?.assumptions ?? []) assumptions.push(`${interfacial.formula}: ${a}`);
  for (const a of supRx.higher.thermo?.assumptions ?? []) assumptions.push(`${sup.formula}: ${a}`);
  const oxideStable = mu > muMO;
  const interfaceMu = oxideStable ? muMO : mu;
  const metalBulk = Math.min(mu, muMO + BOLTZMANN_eV_PER_K * T * Math.log(theta));

  let supportVacancy: MuOProfile["supportVacancy"] = null;
  try {
    const v = vacancyFormation(sup.formula, sup.phase);
    supportVacancy = {
      E_f_eV: v.E_f_eV,
      fraction: vacancyFraction(v.E_f_eV, T, supportBulk),
      source: v.source,
      note: v.note,
    };
  } catch {
    notes.push(`no vacancy formation energy for ${sup.formula}`);
  }

  const regions: ProfileRegion[] = [
    {
      region: "support surface",
      deltaMuO_eV: mu,
      definition: "gas phase (surface equilibrated with the gas)",
    },
    {
      region: "support bulk",
      deltaMuO_eV: supportBulk,
      definition: `max(gas, ${supRx.equation} equilibrium = ${supRed.toFixed(3)} eV)`,
    },
    {
      region: "interfacial oxide",
      deltaMuO_eV: interfaceMu,
      definition: oxideStable
        ? `${metal}/${interfacial.formula} equilibrium (${interfacial.formula} stable in the gas)`
        : `${interfacial.formula} unstable (gas below ${metal}/${interfacial.formula} equilibrium ${muMO.toFixed(3)} eV): follows the gas`,
    },
    {
      region: "metal bulk",
      deltaMuO_eV: metalBulk,
      definition: `min(gas, ${metal}/${interfacial.formula} equilibrium + k_B T ln ${theta})`,
    },
    { region: "metal surface", deltaMuO_eV: mu, definition: "gas phase (surface equilibrated with the gas)" },
  ];
  const steps: ProfileStep[] = [];
  for (let i = 0; i + 1 < regions.length; i++)
    steps.push({
      from: regions[i].region,
      to: regions[i + 1].region,
      drivingForce_eV: regions[i].deltaMuO_eV - regions[i + 1].deltaMuO_eV,
    });
  const df = supportBulk - interfaceMu;
  const direction =
    df > FLOW_THRESHOLD_EV ? "support → metal" : df < -FLOW_THRESHOLD_EV ? "metal → support" : "none";
  if (!oxideStable && supRed > mu)
    notes.push(
      `gas μ_O is below the ${sup.formula} reduction limit: the support is reduced and releases O towards the metal and gas`,
    );
  return {
    metal,
    support: sup.formula,
    supportPhase: supRx.higher.phase,
    temperature_K: T,
    gasDeltaMuO_eV: mu,
    pO2_bar: gas.pO2_bar,
    interfacialOxide: interfacial.formula,
    interfacialOxideStable: oxideStable,
    supportReduction: supRx.equation,
    supportReductionDeltaMuO_eV: supRed,
    supportVacancy,
    regions,
    steps,
    direction,
    drivingForce_eV: df,
    assumptions,
    notes,
  };
}

/**
 * Inputs of the two kinetic Monte Carlo models (src/kinetics/simulate.ts) assembled from the bundled data:
 * the oxygen landscape of src/thermo/landscape.ts with the interface gate, Δμ_O of the gas and — for
 * encapsulation — the reduction energy (the support's surface O-vacancy energy of that landscape) and the
 * surface energies of the wetting descriptor of smsi predict (data/predict/descriptors.json). Used by
 * `smsi simulate` and by the web server's simulate job, so both run the same model on the same inputs.
 */
import { BULK_OXYGEN_DEFAULTS } from "../kinetics/bulk-oxygen.js";
import { ENCAPSULATION_DEFAULTS, type SurfaceEnergies } from "../kinetics/encapsulation.js";
import { canonicalSupport, oxygenLandscape } from "../thermo/landscape.js";
import { type Atmosphere, oxygenPotential } from "../thermo/oxygen-potential.js";
import { InputError } from "../units/errors.js";
import { descriptorData, predictParameters } from "./data.js";
import { resolveSupport } from "./materials.js";
import { wettingDescriptor } from "./wetting.js";

/** The interface verdict handed to the landscape (as `smsi thermo routes`). */
export type SimulationGate = Parameters<typeof oxygenLandscape>[0]["gate"];

/**
 * Split NAME=VALUE overrides into the model's named assumptions, the named extras and the landscape's
 * (thermo) overrides.
 */
export function splitOverrides(
  all: Record<string, number>,
  modelNames: readonly string[],
  extra: readonly string[] = [],
): { model: Record<string, number>; extra: Record<string, number>; landscape: Record<string, number> } {
  const out = {
    model: {} as Record<string, number>,
    extra: {} as Record<string, number>,
    landscape: {} as Record<string, number>,
  };
  for (const [k, v] of Object.entries(all)) {
    if (modelNames.includes(k)) out.model[k] = v;
    else if (extra.includes(k)) out.extra[k] = v;
    else out.landscape[k] = v;
  }
  return out;
}

/** oxygenLandscape with its override errors reported against `overridesField`. */
function landscapeFor(input: Parameters<typeof oxygenLandscape>[0], overridesField: string) {
  try {
    return oxygenLandscape(input);
  } catch (e) {
    if (e instanceof InputError && e.field.startsWith("overrides."))
      throw new InputError(overridesField, `${e.field.slice("overrides.".length)}: ${e.message}`);
    throw e;
  }
}

/** Where and how a simulation runs: METAL on SUPPORT at T in the atmosphere, with the interface gate. */
export interface SimulationSystem {
  metal: string;
  support: string;
  T: number;
  atmosphere: Atmosphere;
  gate: SimulationGate;
}

/** The landscape of METAL on SUPPORT (with its overrides) and Δμ_O of the gas: common to both models. */
function landscapeInputs(sys: SimulationSystem, landscapeOverrides: Record<string, number>, field: string) {
  const supportId = canonicalSupport(sys.support);
  const landscape = landscapeFor(
    {
      metal: sys.metal,
      support: supportId,
      temperature_K: sys.T,
      atmosphere: sys.atmosphere,
      gate: sys.gate,
      overrides: landscapeOverrides,
    },
    field,
  );
  return { supportId, landscape, mu: oxygenPotential(sys.T, sys.atmosphere).deltaMuO_eV };
}

/** Inputs of Model A (bulk oxygen): the landscape of METAL on SUPPORT and Δμ_O of the gas. */
export function bulkOxygenInputs(
  sys: SimulationSystem,
  overrides: Record<string, number> = {},
  overridesField = "--set",
) {
  const sets = splitOverrides(overrides, Object.keys(BULK_OXYGEN_DEFAULTS));
  return { sets, ...landscapeInputs(sys, sets.landscape, overridesField) };
}

/**
 * Inputs of Model B from the data: the landscape (src/thermo) of METAL on SUPPORT, Δμ_O of the gas, the
 * reduction energy (the support's surface O-vacancy energy of that landscape) and the surface energies of
 * the wetting descriptor of smsi predict (data/predict/descriptors.json), each overridable.
 */
export function encapsulationInputs(
  sys: SimulationSystem,
  overrides: Record<string, number> = {},
  overridesField = "--set",
) {
  const { metal } = sys;
  const extraNames = [
    "reductionEnergy_eV",
    "metalSurfaceEnergy_J_per_m2",
    "suboxideSurfaceEnergy_J_per_m2",
    "interfaceEnergy_J_per_m2",
  ];
  const predictNames = Object.keys(predictParameters());
  const sets = splitOverrides(overrides, Object.keys(ENCAPSULATION_DEFAULTS), [
    ...extraNames,
    ...predictNames,
  ]);
  const { supportId, landscape, mu } = landscapeInputs(sys, sets.landscape, overridesField);
  // reduction energy: the support's surface O-vacancy energy (landscape region "support surface")
  const surface = landscape.regions.find((x) => x.region === "support surface");
  if (!surface) throw new InputError("SUPPORT", `no support-surface region in the landscape of ${supportId}`);
  const reductionEnergy_eV = sets.extra.reductionEnergy_eV ?? -surface.oxygenEnergy_eV;
  // surface energies: the wetting descriptor of smsi predict (data/predict/descriptors.json)
  const predictOverrides = Object.fromEntries(
    Object.entries(sets.extra).filter(([k]) => predictNames.includes(k)),
  );
  const resolved = resolveSupport(supportId, null);
  const w = wettingDescriptor(
    metal,
    resolved.cation,
    resolved.surfaceKey,
    "suboxide",
    predictParameters(predictOverrides),
  );
  const d = descriptorData();
  const gmData = d.metalSurface.values[metal]?.surfaceEnergy_J_per_m2;
  const goData = resolved.surfaceKey ? d.oxideSurfaceEnergy_J_per_m2[resolved.surfaceKey]?.value : undefined;
  const gm = sets.extra.metalSurfaceEnergy_J_per_m2 ?? gmData;
  const go = sets.extra.suboxideSurfaceEnergy_J_per_m2 ?? goData;
  const gi =
    sets.extra.interfaceEnergy_J_per_m2 ??
    (w.spreading_J_per_m2 !== null && gmData !== undefined && goData !== undefined
      ? gmData - goData - w.spreading_J_per_m2
      : undefined);
  if (gm === undefined || go === undefined || gi === undefined)
    throw new InputError(
      overridesField,
      `no sourced surface energies for ${metal} on ${supportId} (${w.row.source}); give metalSurfaceEnergy_J_per_m2, suboxideSurfaceEnergy_J_per_m2 and interfaceEnergy_J_per_m2`,
    );
  const surfaceEnergies: SurfaceEnergies = {
    metal_J_per_m2: gm,
    suboxide_J_per_m2: go,
    interface_J_per_m2: gi,
    source: Object.keys(sets.extra).some((k) => extraNames.includes(k))
      ? `${overridesField} overrides; else ${w.row.source}`
      : w.row.source,
  };
  return { sets, supportId, landscape, mu, reductionEnergy_eV, surface, surfaceEnergies };
}

/**
 * What one combination computes: predict's class and shares (descriptors), plus the oxygen routes over
 * the interface gate (routes), plus a short bulk-oxygen KMC run with a seed derived from the combination
 * id (kmc). Pure: the same combination gives the same result in any process.
 */
import { simulateBulkOxygen } from "../kinetics/simulate.js";
import { bulkPenetrationGate } from "../match/gate.js";
import { atmosphereOf, isOxidising } from "../predict/conditions.js";
import { predictParameters } from "../predict/data.js";
import { predict } from "../predict/predict.js";
import type { PredictClass } from "../predict/types.js";
import { oxygenLandscape } from "../thermo/landscape.js";
import { oxygenRoutes } from "../thermo/routes.js";
import { InputError } from "../units/errors.js";
import type { Combination } from "./spec.js";

const CELSIUS_TO_KELVIN = 273.15;

/** The classes whose shares a result carries (predict's `ranked`). */
export const SHARE_CLASSES = ["BP-SMSI", "SE-SMSI", "EMSI", "CMSI", "none"] as const;

export interface CombinationResult {
  class: PredictClass;
  label: string;
  likelihood: number;
  shares: Record<(typeof SHARE_CLASSES)[number], number>;
  /** The descriptors that met their threshold in the chain of the answer (why it ranks there). */
  rationale: string[];
  /** Interface gate verdict (routes, kmc). */
  gate: string | null;
  routes: {
    dominantRoute: string;
    bottomUp: boolean;
    oxidationDownhill: boolean;
    drivingForce_eV: number;
    timeToOxidise_s: number | null;
  } | null;
  kmc: { seed: number; events: number; oxidisedFraction: number; interfaceCrossings: number } | null;
  /** Why a level could not be computed for this combination (the rest stands). */
  notes: string[];
}

const CHAIN_OF: Partial<Record<PredictClass, string>> = {
  "BP-SMSI": "BP",
  "SE-SMSI": "SE",
  EMSI: "EMSI",
  CMSI: "CMSI",
};

/** The KMC seed of a combination: the first 32 bits of its id (deterministic across machines). */
export function kmcSeed(id: string): number {
  return Number.parseInt(id.slice(0, 8), 16) >>> 0;
}

function round(x: number, digits = 6): number {
  return Number.isFinite(x) ? Number(x.toPrecision(digits)) : x;
}

/** Compute one combination. Throws InputError for a combination the model refuses (not retried). */
export function computeCombination(c: Combination): CombinationResult {
  const temperature_K = c.temperature_C + CELSIUS_TO_KELVIN;
  const composition = {
    pO2_bar: c.pO2_bar ?? undefined,
    h2oH2: c.h2oH2 ?? undefined,
  };
  const p = predict({
    metal: c.metal,
    support: c.support,
    facet: c.facet,
    gas: c.gas,
    temperature_K,
    composition,
    particleSize_nm: c.particleSize_nm,
  });
  const shares = { "BP-SMSI": 0, "SE-SMSI": 0, EMSI: 0, CMSI: 0, none: 0 };
  for (const r of p.ranked)
    if (r.class in shares) shares[r.class as keyof typeof shares] += round(r.likelihood);
  const chain = CHAIN_OF[p.class];
  const rationale = p.rationale
    .filter((r) => (chain ? r.chain === chain : r.verdict === "not-met") && r.verdict !== "unknown")
    .slice(0, 4)
    .map(
      (r) =>
        `${r.descriptor} ${typeof r.value === "number" ? round(r.value, 3) : (r.value ?? "—")}${r.unit ? ` ${r.unit}` : ""} ${r.verdict}`,
    );
  const result: CombinationResult = {
    class: p.class,
    label: p.label,
    likelihood: round(p.likelihood),
    shares,
    rationale,
    gate: null,
    routes: null,
    kmc: null,
    notes: [],
  };
  if (c.compute === "descriptors") return result;

  const atmosphere = atmosphereOf(c.gas, temperature_K, predictParameters(), composition);
  let gate: ReturnType<typeof bulkPenetrationGate>;
  try {
    gate = bulkPenetrationGate(c.metal, c.support, c.facet ? { supportFacet: c.facet } : {});
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    result.notes.push(`gate: ${e.message}`);
    return result;
  }
  result.gate = gate.verdict;
  const routesInput = {
    metal: c.metal,
    support: c.support,
    temperature_K,
    atmosphere,
    particleSize_nm: c.particleSize_nm ?? undefined,
    gate: { verdict: gate.verdict, strain: gate.strain, source: gate.source },
  };
  let gasDeltaMuO_eV: number;
  try {
    const r = oxygenRoutes(routesInput);
    gasDeltaMuO_eV = r.gasDeltaMuO_eV;
    result.routes = {
      dominantRoute: r.dominantRoute,
      bottomUp: r.bottomUp,
      oxidationDownhill: r.oxidationDownhill,
      drivingForce_eV: round(r.drivingForce_eV),
      timeToOxidise_s: r.timeToOxidise_s === null ? null : round(r.timeToOxidise_s),
    };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    result.notes.push(`routes: ${e.message}`);
    return result;
  }
  if (c.compute === "routes") return result;

  if (!isOxidising(c.gas)) {
    result.notes.push("kmc: bulk-oxygen KMC runs in O2-containing gases only");
    return result;
  }
  const seed = kmcSeed(c.id);
  const events = c.kmcEvents ?? 0;
  const sim = simulateBulkOxygen(
    {
      landscape: oxygenLandscape({ ...routesInput }),
      temperature_K,
      oxygenChemicalPotential_eV: gasDeltaMuO_eV,
      seed,
      particleSize_nm: c.particleSize_nm ?? undefined,
    },
    { events },
  );
  result.kmc = {
    seed,
    events: sim.events,
    oxidisedFraction: round(sim.final.oxidisedFraction),
    interfaceCrossings: sim.final.interfaceCrossings,
  };
  return result;
}

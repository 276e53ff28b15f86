/**
 * A brief kinetic Monte Carlo check of the BP chain's route descriptor: Model A (src/kinetics/bulk-oxygen.ts)
 * on the same thermo landscape, for a bounded number of events, counting O that enters the metal through
 * the interface (crossings) against O incorporated from the metal's own surface. Run only on request
 * (`smsi predict --kmc-check`); it is reported as a rationale row and a note — it does not change the
 * class, which stays the fast descriptors' (the routes model and the KMC share the landscape, so the
 * check tests the routes model's series-resistance reduction of it, not the landscape itself).
 */
import { simulateBulkOxygen } from "../kinetics/simulate.js";
import type { Atmosphere } from "../thermo/oxygen-potential.js";
import { InputError } from "../units/errors.js";
import { bulkOxygenInputs, type SimulationGate } from "./simulate-inputs.js";
import type { RationaleRow } from "./types.js";

/** Events of a check when none is given: ≈ 0.3 s of Model A on this machine (bench:kmc-models). */
export const DEFAULT_KMC_CHECK_EVENTS = 200_000;
/** Most events a check may run (≈ 10 s): predict stays interactive. */
export const MAX_KMC_CHECK_EVENTS = 5_000_000;
/** Seed of the check's random stream (a check is reproducible). */
export const KMC_CHECK_SEED = 20261125;

export interface KmcCheckInput {
  metal: string;
  support: string;
  temperature_K: number;
  atmosphere: Atmosphere;
  gate: SimulationGate;
  particleSize_nm: number;
  events: number;
}

export interface KmcCheckResult {
  row: RationaleRow;
  /** Whether the KMC's dominant route is the interface; null when the check could not run. */
  interfaceDominant: boolean | null;
}

/** Run Model A briefly and report which route the O took into the metal. */
export function kmcRouteCheck(input: KmcCheckInput): KmcCheckResult {
  const descriptor = `KMC check (Model A, ${input.events.toExponential(1)} events, seed ${KMC_CHECK_SEED}): net O into the metal through the interface vs from its surface, log10((net crossings + 1)/(net incorporations + 1))`;
  const base = {
    descriptor,
    unit: "decades",
    threshold: "> 0: interface route dominant (reported; the class stays the fast descriptors')",
    chain: "check" as const,
    weight: 1,
  };
  if (input.atmosphere.kind !== "O2")
    return {
      row: { ...base, value: null, source: "not run: Model A runs in O2", verdict: "unknown" },
      interfaceDominant: null,
    };
  let result: ReturnType<typeof simulateBulkOxygen>;
  try {
    const { sets, landscape, mu } = bulkOxygenInputs({
      metal: input.metal,
      support: input.support,
      T: input.temperature_K,
      atmosphere: input.atmosphere,
      gate: input.gate,
    });
    result = simulateBulkOxygen(
      {
        ...sets.model,
        landscape,
        temperature_K: input.temperature_K,
        oxygenChemicalPotential_eV: mu,
        seed: KMC_CHECK_SEED,
        particleSize_nm: input.particleSize_nm,
        accelerate: true,
      },
      { events: input.events },
    );
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return {
      row: { ...base, value: null, source: `not run: ${e.message}`, verdict: "unknown" },
      interfaceDominant: null,
    };
  }
  const f = result.final;
  const last = result.series[result.series.length - 1];
  // net transfers: the gross crossings are dominated by O hopping back and forth across the interface
  const netInterface = Math.max(0, last?.netInterfaceTransfer ?? 0);
  const netSurface = Math.max(0, (last?.surfaceIncorporations ?? 0) - (last?.surfaceReleases ?? 0));
  const ratio = Math.log10((netInterface + 1) / (netSurface + 1));
  const inconclusive = netInterface === 0 && netSurface === 0;
  return {
    row: {
      ...base,
      value: ratio,
      source: `Model A on the thermo landscape (src/kinetics/bulk-oxygen.ts): net ${netInterface} O across the interface (${f.interfaceCrossings.toPrecision(3)} crossings gross), net ${netSurface.toPrecision(3)} incorporated from the surface, ¹⁸O of the metal's O ${f.o18FractionOfMetalOxygen === null ? "—" : f.o18FractionOfMetalOxygen.toFixed(2)}, ${result.simulatedTime_s.toExponential(2)} s simulated${inconclusive ? "; inconclusive: no net O moved by either route in this run — run longer" : ""}`,
      verdict: inconclusive ? "unknown" : ratio > 0 ? "met" : "not-met",
    },
    // no net O moved by either route in this run: no verdict (run longer)
    interfaceDominant: inconclusive ? null : ratio > 0,
  };
}

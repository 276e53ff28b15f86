/**
 * Model B — suboxide creep (SE-SMSI) as a lattice gas of mobile MOx units on the support surface and
 * the metal (graph-lattice-gas.ts), in 2D: a periodic square lattice of surface sites, the particle's
 * surface mapped onto a central disk of the same area as its hemisphere (radius √2·R).
 *
 * - Units are made on support sites and unmade there (exchange with the support lattice as a
 *   reservoir): making one releases `oxygenPerUnit` O to the gas at Δμ_O and costs `reductionEnergy_eV`,
 *   so the reservoir's chemical potential is μ_unit = −(E_red + n_O·Δμ_O): reducing gas (low Δμ_O)
 *   makes units, oxidising gas (high Δμ_O) unmakes them — re-oxidation reverses the creep.
 * - A unit on a metal site changes the surface energy by (γ_suboxide + γ_interface − γ_metal)·A_site:
 *   below zero when the wetting inequality γ_metal > γ_suboxide + γ_interface holds, so units climb
 *   onto the metal and cover it; above zero they stay off.
 * - The uncovered metal fraction is the relative CO chemisorption capacity (one CO per free metal site:
 *   an assumption).
 * Surface energies and reduction energetics are passed in (the materials/thermo layers own them); the
 * rest are named assumptions in `assumptions`.
 */
import { InputError } from "../units/errors.js";
import {
  type GraphCheckpoint,
  GraphLatticeGas,
  type GraphLatticeGasOptions,
  type SiteGraph,
  compressedRows,
} from "./graph-lattice-gas.js";
import { type Assumption, assumptionRecorder } from "./landscape-input.js";
import { type RunOptions, runSampled } from "./sampled-run.js";

/** 1 J/m² in eV/nm² (1 eV = 1.602176634e-19 J exactly, SI 2019). */
export const EV_PER_NM2_PER_J_PER_M2 = 1 / 1.602176634e-19 / 1e18;

export const ENCAPSULATION_DEFAULTS = {
  particleSize_nm: 3,
  /** Surface site spacing, nm (one MOx unit per site). */
  siteSpacing_nm: 0.3,
  unitDiffusionBarrier_eV: 0.8,
  /** Barrier of a unit stepping between support and metal, eV. */
  climbBarrier_eV: 0.9,
  /** Barrier of making / unmaking a unit at a support site, eV. */
  exchangeBarrier_eV: 1.0,
  oxygenPerUnit: 1,
  attemptFrequency_Hz: 1e13,
  sampleEvery: 10_000,
} as const;

export interface SurfaceEnergies {
  metal_J_per_m2: number;
  suboxide_J_per_m2: number;
  interface_J_per_m2: number;
  source: string;
}

export interface EncapsulationOptions {
  temperature_K: number;
  /** Δμ_O of the gas, eV per O. */
  oxygenChemicalPotential_eV: number;
  /** Energy to make one mobile unit from the support surface at Δμ_O = 0, eV (passed in). */
  reductionEnergy_eV: number;
  surfaceEnergies: SurfaceEnergies;
  seed: number;
  particleSize_nm?: number;
  siteSpacing_nm?: number;
  unitDiffusionBarrier_eV?: number;
  climbBarrier_eV?: number;
  exchangeBarrier_eV?: number;
  oxygenPerUnit?: number;
  attemptFrequency_Hz?: number;
  sampleEvery?: number;
}

export interface EncapsulationSample {
  events: number;
  time_s: number;
  /** Fraction of metal sites under a unit. */
  coverage: number;
  freeMetalSiteFraction: number;
  /** CO chemisorption capacity relative to the clean particle (= free metal sites). */
  coCapacityRelative: number;
  /** Fraction of support sites holding a unit. */
  supportUnitFraction: number;
}

export interface EncapsulationCheckpoint {
  model: "encapsulation";
  engine: GraphCheckpoint;
  sinceSample: number;
  series: EncapsulationSample[];
  conditions: { oxygenChemicalPotential_eV: number; surfaceEnergies: SurfaceEnergies };
}

/** γ_metal > γ_suboxide + γ_interface: the suboxide wets the metal. */
export function wets(g: SurfaceEnergies): boolean {
  return g.metal_J_per_m2 > g.suboxide_J_per_m2 + g.interface_J_per_m2;
}

export class EncapsulationModel {
  readonly options: EncapsulationOptions;
  readonly assumptions: Assumption[] = [];
  readonly parameters: Record<string, number | string | boolean>;
  readonly engine: GraphLatticeGas;
  readonly series: EncapsulationSample[] = [];
  private readonly isMetal: Uint8Array;
  private readonly siteArea_nm2: number;
  private readonly oxygenPerUnit: number;
  private readonly sampleEvery: number;
  sinceSample = 0;
  private conditions: { oxygenChemicalPotential_eV: number; surfaceEnergies: SurfaceEnergies };

  constructor(options: EncapsulationOptions, checkpoint?: EncapsulationCheckpoint) {
    this.options = options;
    const D = ENCAPSULATION_DEFAULTS;
    const named = assumptionRecorder(D, this.assumptions);

    if (!(options.temperature_K > 0))
      throw new InputError("temperature", `must be above 0 K (got ${options.temperature_K})`);
    // an interface energy may be negative (strong metal–oxide adhesion, e.g. Miedema's chemical term)
    for (const [k, v] of Object.entries(options.surfaceEnergies))
      if (k !== "source" && !(typeof v === "number" && v >= (k === "interface_J_per_m2" ? -20 : 0) && v < 20))
        throw new InputError(
          `surfaceEnergies.${k}`,
          `must be a surface energy in J/m², within ±20 (got ${v})`,
        );
    const size = named("particleSize_nm", "nm", "assumption", options.particleSize_nm);
    if (!(size >= 0.5 && size <= 30)) throw new InputError("particleSize", `must be 0.5–30 nm (got ${size})`);
    const a = named(
      "siteSpacing_nm",
      "nm",
      "assumption: one MOx unit per ≈ 0.3 nm site",
      options.siteSpacing_nm,
    );
    const ed = named("unitDiffusionBarrier_eV", "eV", "assumption", options.unitDiffusionBarrier_eV);
    const ec = named("climbBarrier_eV", "eV", "assumption", options.climbBarrier_eV);
    const ex = named("exchangeBarrier_eV", "eV", "assumption", options.exchangeBarrier_eV);
    this.oxygenPerUnit = named(
      "oxygenPerUnit",
      "O",
      "assumption: MO2 → MO + O per unit",
      options.oxygenPerUnit,
    );
    const nu = named("attemptFrequency_Hz", "s⁻¹", "assumption", options.attemptFrequency_Hz);
    this.sampleEvery = options.sampleEvery ?? D.sampleEvery;
    this.siteArea_nm2 = a * a;
    // geometry: disk of the hemisphere's area, margin of one particle diameter
    const Rdisk = (Math.SQRT2 * size) / 2;
    const L = Math.max(6, Math.ceil((2 * Rdisk + size) / a));
    const N = L * L;
    this.isMetal = new Uint8Array(N);
    const c = (L - 1) / 2;
    for (let j = 0; j < L; j++)
      for (let i = 0; i < L; i++)
        if (Math.hypot((i - c) * a, (j - c) * a) <= Rdisk) this.isMetal[i + L * j] = 1;
    const edges: { from: number; to: number; barrier: number }[] = [];
    for (let j = 0; j < L; j++)
      for (let i = 0; i < L; i++) {
        const s = i + L * j;
        for (const t of [((i + 1) % L) + L * j, i + L * ((j + 1) % L)]) {
          const b = this.isMetal[s] === this.isMetal[t] ? ed : ec;
          edges.push({ from: s, to: t, barrier: b }, { from: t, to: s, barrier: b });
        }
      }
    const rows = compressedRows(N, edges);
    const reservoir = new Int8Array(N).fill(-1);
    const exchangeBarrier = new Float64Array(N);
    for (let s = 0; s < N; s++)
      if (!this.isMetal[s]) {
        reservoir[s] = 0;
        exchangeBarrier[s] = ex;
      }
    const graph: SiteGraph = {
      sites: N,
      hopStart: rows.start,
      hopTo: rows.to,
      hopBarrier_eV: Float64Array.from(rows.order, (k) => edges[k].barrier),
      hopKind: new Uint8Array(edges.length),
      pairStart: new Int32Array(N + 1),
      pairTo: new Int32Array(0),
      siteEnergy_eV: new Float64Array(N),
      reservoir,
      exchangeBarrier_eV: exchangeBarrier,
      exchangeGroup: new Uint8Array(N),
    };
    this.conditions = checkpoint?.conditions ?? {
      oxygenChemicalPotential_eV: options.oxygenChemicalPotential_eV,
      surfaceEnergies: options.surfaceEnergies,
    };
    graph.siteEnergy_eV.set(this.siteEnergies(this.conditions.surfaceEnergies));
    const engineOptions: GraphLatticeGasOptions = {
      graph,
      temperature_K: options.temperature_K,
      attemptFrequency_Hz: nu,
      pairEnergy_eV: 0,
      reservoirPotential_eV: [this.unitPotential(this.conditions.oxygenChemicalPotential_eV)],
      reservoirLabel: [0],
      seed: options.seed,
      initialOccupied: new Uint8Array(N),
      initialLabel: new Uint8Array(N),
    };
    this.parameters = {
      sites: N,
      metalSites: this.isMetal.reduce((s, x) => s + x, 0),
      wetting: wets(this.conditions.surfaceEnergies),
      temperature_K: options.temperature_K,
      reductionEnergy_eV: options.reductionEnergy_eV,
      surfaceEnergySource: options.surfaceEnergies.source,
    };
    if (checkpoint) {
      if (checkpoint.model !== "encapsulation")
        throw new InputError("checkpoint", "not an encapsulation checkpoint");
      this.engine = GraphLatticeGas.restore(engineOptions, checkpoint.engine);
      this.series.push(...checkpoint.series);
      this.sinceSample = checkpoint.sinceSample;
    } else {
      this.engine = new GraphLatticeGas(engineOptions);
      this.series.push(this.sample());
    }
  }

  /** Energy of a unit on each site: 0 on the support, the wetting change on the metal, eV. */
  private siteEnergies(g: SurfaceEnergies): Float64Array {
    const dE =
      (g.suboxide_J_per_m2 + g.interface_J_per_m2 - g.metal_J_per_m2) *
      this.siteArea_nm2 *
      EV_PER_NM2_PER_J_PER_M2;
    return Float64Array.from(this.isMetal, (m) => (m ? dE : 0));
  }

  /** μ of the support lattice as a reservoir of units: −(E_red + n_O·Δμ_O), eV. */
  private unitPotential(deltaMuO_eV: number): number {
    if (!Number.isFinite(deltaMuO_eV))
      throw new InputError("oxygenChemicalPotential", `must be finite (got ${deltaMuO_eV})`);
    return -(this.options.reductionEnergy_eV + this.oxygenPerUnit * deltaMuO_eV);
  }

  /** A new gas (e.g. O2 after H2: re-oxidation), with the surface energies of the units in it. */
  setAtmosphere(change: { oxygenChemicalPotential_eV: number; surfaceEnergies?: SurfaceEnergies }): void {
    this.conditions = {
      oxygenChemicalPotential_eV: change.oxygenChemicalPotential_eV,
      surfaceEnergies: change.surfaceEnergies ?? this.conditions.surfaceEnergies,
    };
    this.engine.setConditions({
      reservoirPotential_eV: [this.unitPotential(change.oxygenChemicalPotential_eV)],
      siteEnergy_eV: this.siteEnergies(this.conditions.surfaceEnergies),
    });
  }

  /** Run `events` more events (or until `until_s`), sampling every `sampleEvery` events. Returns events done. */
  run(events: number, options: RunOptions = {}): number {
    return runSampled(this.engine, this, this.sampleEvery, () => this.sample(), events, options);
  }

  sample(): EncapsulationSample {
    let metal = 0;
    let covered = 0;
    let support = 0;
    let onSupport = 0;
    const occ = this.engine.occupied;
    for (let s = 0; s < this.isMetal.length; s++)
      if (this.isMetal[s]) {
        metal++;
        covered += occ[s];
      } else {
        support++;
        onSupport += occ[s];
      }
    const free = 1 - covered / metal;
    return {
      events: this.engine.events,
      time_s: this.engine.time,
      coverage: covered / metal,
      freeMetalSiteFraction: free,
      coCapacityRelative: free,
      supportUnitFraction: onSupport / support,
    };
  }

  /** The surface seen from above: per site (row-major, side × side), metal or support and covered or not. */
  topView(): { side: number; spacing_nm: number; time_s: number; metal: number[]; occupied: number[] } {
    const side = Math.round(Math.sqrt(this.isMetal.length));
    return {
      side,
      spacing_nm: Math.sqrt(this.siteArea_nm2),
      time_s: this.engine.time,
      metal: Array.from(this.isMetal),
      occupied: Array.from(this.engine.occupied),
    };
  }

  checkpoint(): EncapsulationCheckpoint {
    return {
      model: "encapsulation",
      engine: this.engine.checkpoint(),
      sinceSample: this.sinceSample,
      series: structuredClone(this.series),
      conditions: structuredClone(this.conditions),
    };
  }
}

/**
 * Vacancy-mediated oxygen transport on a simple-cubic O sublattice: the KMC engine of smsi.
 *
 * Model: a fraction of the O sites is vacant; an O ion hops into a neighbouring vacancy with the
 * transition-state rate of `rates.ts` (site types carry O site energies, so the landscape can hold
 * regions such as support, interface and metal, and detailed balance holds for any landscape).
 * Selection is rejection-free (BKL n-fold way; Bortz, Kalos & Lebowitz 1975; Gillespie 1976): the
 * event catalogue is indexed by vacancy — each vacancy carries the sum of the rates of the O ions
 * that can jump into it — in a binary sum tree, so one event costs O(log n_vacancies) plus the
 * rates of the vacancies next to the two sites that changed. Time advances by −ln(u)/R_total.
 *
 * Every O ion keeps its identity, unwrapped displacement and isotope label (0 = ¹⁶O, 1 = ¹⁸O), so
 * tracer diffusion and isotope-exchange profiles come out of the same run. Lengths are in lattice
 * units (a = 1) unless a lattice constant is given.
 */
import { InputError } from "../units/errors.js";
import type { ElectronVolt, Kelvin, Second } from "../units/quantities.js";
import * as cubic from "./cubic-lattice.js";
import { Xoshiro128 } from "./random.js";
import { type Hertz, hopRateTable } from "./rates.js";
import { SumTree } from "./sum-tree.js";

// Module-local copies: imported bindings are live getters under the tsx/esbuild loader, too slow
// for the hot loop.
const DIRECTIONS = cubic.DIRECTIONS;
const STEP_X = cubic.STEP_X;
const STEP_Y = cubic.STEP_Y;
const STEP_Z = cubic.STEP_Z;

export interface VacancyLatticeGasOptions {
  /** Sites along x (and y, z unless given). */
  size: number | [number, number, number];
  /** Fraction of O sites vacant, 0 < c < 1. */
  vacancyFraction: number;
  temperature_K: Kelvin;
  attemptFrequency_Hz: Hertz;
  /** Hop barrier between sites of equal energy, eV. */
  barrier_eV: ElectronVolt;
  seed: number;
  /** Site type of each site (default: all 0). */
  siteTypes?: Uint8Array;
  /** O site energy of each type, eV (default [0]). */
  siteEnergy_eV?: readonly ElectronVolt[];
  /** Base barrier per pair of types, row-major nTypes×nTypes (default: barrier_eV everywhere). */
  pairBarrier_eV?: readonly ElectronVolt[];
  /** Initial isotope label of the O on each site (1 = ¹⁸O); default all ¹⁶O. */
  initialLabels?: (site: number) => 0 | 1;
}

export interface RunProgress {
  events: number;
  of: number;
  time_s: Second;
}

/** Vacancy fraction allowed at most: the vacancy-indexed catalogue is built for dilute vacancies (design limit). */
export const MAX_VACANCY_FRACTION = 0.25;

export class VacancyLatticeGas {
  readonly lattice: cubic.CubicLattice;
  readonly vacancies: number;
  readonly oxygens: number;
  readonly siteTypes: Uint8Array;
  readonly nTypes: number;
  /** Rate of an O hop from a site of type a into a vacancy on type b: rates[a·nTypes + b], s⁻¹. */
  readonly rates: Float64Array;

  /** Simulated time, s. */
  time: Second = 0;
  /** Events executed. */
  events = 0;
  /** Time over which `meanVacanciesByType` averages (since the start or the last `resetAverages`). */
  averagingTime: Second = 0;

  /** 1 where an O ion sits, 0 on a vacancy: the byte the hot loop reads most. */
  private readonly occupied: Uint8Array;
  private readonly atomAt: Int32Array;
  private readonly vacancyAt: Int32Array;
  private readonly vacancySite: Int32Array;
  private readonly vacancyDisplacement: Int32Array;
  private readonly atomDisplacement: Int32Array;
  private readonly label: Uint8Array;
  private readonly vacanciesOfType: Float64Array;
  private readonly vacancyTimeOfType: Float64Array;
  private readonly tree: SumTree;
  private readonly rng: Xoshiro128;

  constructor(options: VacancyLatticeGasOptions) {
    const [nx, ny, nz] = Array.isArray(options.size)
      ? options.size
      : [options.size, options.size, options.size];
    this.lattice = cubic.cubicLattice(nx, ny, nz);
    const N = this.lattice.sites;
    const c = options.vacancyFraction;
    if (!(c > 0 && c <= MAX_VACANCY_FRACTION))
      throw new InputError(
        "vacancyFraction",
        `must be in (0, ${MAX_VACANCY_FRACTION}] (got ${c}); e.g. 0.05`,
      );
    const nv = Math.round(c * N);
    if (nv < 1)
      throw new InputError("vacancyFraction", `${c} of ${N} sites is no vacancy; raise it or the lattice`);
    if (!(options.temperature_K > 0))
      throw new InputError("temperature", `must be above 0 K (got ${options.temperature_K})`);
    if (!(options.attemptFrequency_Hz > 0))
      throw new InputError(
        "attemptFrequency",
        `must be positive in s⁻¹ (got ${options.attemptFrequency_Hz}); typical 1e12–1e13`,
      );
    if (!(options.barrier_eV >= 0))
      throw new InputError("barrier", `must be ≥ 0 eV (got ${options.barrier_eV})`);
    if (!Number.isInteger(options.seed))
      throw new InputError("seed", `must be an integer (got ${options.seed})`);
    this.vacancies = nv;
    this.oxygens = N - nv;

    const energies = options.siteEnergy_eV ?? [0];
    this.nTypes = energies.length;
    this.siteTypes = options.siteTypes ?? new Uint8Array(N);
    if (this.siteTypes.length !== N)
      throw new InputError("siteTypes", `need one type per site (${N}), got ${this.siteTypes.length}`);
    for (let s = 0; s < N; s++)
      if (this.siteTypes[s] >= this.nTypes)
        throw new InputError(
          "siteTypes",
          `site ${s} has type ${this.siteTypes[s]} but only ${this.nTypes} site energies are given`,
        );
    const pair =
      options.pairBarrier_eV ?? new Array<number>(this.nTypes * this.nTypes).fill(options.barrier_eV);
    this.rates = hopRateTable(energies, pair, options.attemptFrequency_Hz, options.temperature_K);

    this.rng = new Xoshiro128(options.seed);
    this.occupied = new Uint8Array(N);
    this.atomAt = new Int32Array(N);
    this.vacancyAt = new Int32Array(N).fill(-1);
    this.vacancySite = new Int32Array(nv);
    this.vacancyDisplacement = new Int32Array(3 * nv);
    this.atomDisplacement = new Int32Array(3 * this.oxygens);
    this.label = new Uint8Array(this.oxygens);
    this.vacanciesOfType = new Float64Array(this.nTypes);
    this.vacancyTimeOfType = new Float64Array(this.nTypes);

    // place vacancies uniformly at random, then number the O ions site by site
    for (let k = 0; k < nv; ) {
      const s = this.rng.below(N);
      if (this.vacancyAt[s] < 0) {
        this.vacancyAt[s] = k;
        this.vacancySite[k] = s;
        this.vacanciesOfType[this.siteTypes[s]]++;
        k++;
      }
    }
    let a = 0;
    for (let s = 0; s < N; s++) {
      if (this.vacancyAt[s] >= 0) {
        this.atomAt[s] = -1;
        continue;
      }
      this.atomAt[s] = a;
      this.occupied[s] = 1;
      this.label[a] = options.initialLabels ? options.initialLabels(s) : 0;
      a++;
    }
    this.tree = new SumTree(nv);
    const initial = new Float64Array(nv);
    for (let k = 0; k < nv; k++) initial[k] = this.vacancyRate(this.vacancySite[k]);
    this.tree.setAll(initial);
  }

  /** Total rate of all O hops into the vacancy at site v, s⁻¹. */
  private vacancyRate(v: number): number {
    return vacancyRate(v, this.lattice.neighbours, this.occupied, this.siteTypes, this.rates, this.nTypes);
  }

  /** Execute `count` events (fewer if nothing can move); progress is reported every `every` events. */
  run(count: number, onProgress?: (p: RunProgress) => void, every = 1_000_000): number {
    if (!Number.isInteger(count) || count < 0)
      throw new InputError("events", `must be a non-negative integer (got ${count})`);
    const nb = this.lattice.neighbours;
    const types = this.siteTypes;
    const nt = this.nTypes;
    const rates = this.rates;
    const occupied = this.occupied;
    const atomAt = this.atomAt;
    const vacancyAt = this.vacancyAt;
    const vacancySite = this.vacancySite;
    const vdisp = this.vacancyDisplacement;
    const adisp = this.atomDisplacement;
    const ofType = this.vacanciesOfType;
    const timeOfType = this.vacancyTimeOfType;
    const tree = this.tree;
    const rng = this.rng;
    const hop = new Float64Array(DIRECTIONS);
    let t = this.time;
    let averaged = this.averagingTime;
    let done = 0;
    for (; done < count; done++) {
      const R = tree.total;
      if (!(R > 0)) break;
      const k = tree.pick(rng.unit32() * R);
      const v = vacancySite[k];
      const tv = types[v];
      const base = DIRECTIONS * v;
      // choose which neighbouring O jumps in, with probability proportional to its rate
      let sum = 0;
      for (let d = 0; d < DIRECTIONS; d++) {
        const n = nb[base + d];
        if (occupied[n] === 1) sum += rates[types[n] * nt + tv];
        hop[d] = sum;
      }
      const target = rng.unit32() * sum;
      let d = 0;
      while (d < DIRECTIONS - 1 && hop[d] <= target) d++;
      // round-off guard: never pick a direction without an O to jump (zero rate)
      while (occupied[nb[base + d]] === 0) d--;
      const n = nb[base + d];
      const a = atomAt[n];
      // time: the vacancy-type occupation integrates over the waiting time before the event
      const dt = -Math.log(rng.unit()) / R;
      for (let q = 0; q < nt; q++) timeOfType[q] += ofType[q] * dt;
      t += dt;
      averaged += dt;
      // O moves n → v (step −d), the vacancy moves v → n (step +d)
      occupied[v] = 1;
      occupied[n] = 0;
      atomAt[v] = a;
      atomAt[n] = -1;
      vacancyAt[v] = -1;
      vacancyAt[n] = k;
      vacancySite[k] = n;
      ofType[tv]--;
      ofType[types[n]]++;
      vdisp[3 * k] += STEP_X[d];
      vdisp[3 * k + 1] += STEP_Y[d];
      vdisp[3 * k + 2] += STEP_Z[d];
      adisp[3 * a] -= STEP_X[d];
      adisp[3 * a + 1] -= STEP_Y[d];
      adisp[3 * a + 2] -= STEP_Z[d];
      // rates that changed: this vacancy, and any vacancy next to v (now filled) or n (now empty)
      tree.set(k, vacancyRate(n, nb, occupied, types, rates, nt));
      for (let q = 0; q < DIRECTIONS; q++) {
        const x = nb[base + q];
        if (occupied[x] === 0 && x !== n)
          tree.set(vacancyAt[x], vacancyRate(x, nb, occupied, types, rates, nt));
        const y = nb[DIRECTIONS * n + q];
        if (occupied[y] === 0) tree.set(vacancyAt[y], vacancyRate(y, nb, occupied, types, rates, nt));
      }
      if (onProgress && (done + 1) % every === 0) {
        this.time = t;
        onProgress({ events: done + 1, of: count, time_s: t });
      }
    }
    this.time = t;
    this.averagingTime = averaged;
    this.events += done;
    return done;
  }

  /** Vacancy diffusion coefficient ⟨Δr²⟩ / (6 t) from unwrapped vacancy paths, a²/s. */
  vacancyDiffusion(): number {
    return meanSquare(this.vacancyDisplacement, this.vacancies) / (6 * this.time);
  }

  /** Tracer (O self-) diffusion coefficient ⟨Δr²⟩ / (6 t) over all O ions, a²/s. */
  tracerDiffusion(): number {
    return meanSquare(this.atomDisplacement, this.oxygens) / (6 * this.time);
  }

  /** Time-averaged number of vacancies on sites of each type over `averagingTime`. */
  meanVacanciesByType(): Float64Array {
    return this.vacancyTimeOfType.map((x) => x / this.averagingTime);
  }

  /** Start time averages afresh (e.g. after equilibration); displacements and the clock run on. */
  resetAverages(): void {
    this.vacancyTimeOfType.fill(0);
    this.averagingTime = 0;
  }

  /** Number of sites of each type. */
  sitesByType(): Float64Array {
    const counts = new Float64Array(this.nTypes);
    for (let s = 0; s < this.lattice.sites; s++) counts[this.siteTypes[s]]++;
    return counts;
  }

  /** Fraction of ¹⁸O among the O ions in each plane normal to the axis (NaN for an empty plane). */
  labelProfile(axis: "x" | "y" | "z"): Float64Array {
    const { nx, ny, nz, sites } = this.lattice;
    const n = axis === "x" ? nx : axis === "y" ? ny : nz;
    const labelled = new Float64Array(n);
    const total = new Float64Array(n);
    for (let s = 0; s < sites; s++) {
      if (this.occupied[s] === 0) continue;
      const a = this.atomAt[s];
      const plane =
        axis === "x" ? s % nx : axis === "y" ? Math.floor(s / nx) % ny : Math.floor(s / (nx * ny));
      total[plane]++;
      labelled[plane] += this.label[a];
    }
    return labelled.map((l, i) => l / total[i]);
  }
}

/** Σ of the rates of the O ions next to the vacancy at v that can jump into it, s⁻¹. */
function vacancyRate(
  v: number,
  nb: Int32Array,
  occupied: Uint8Array,
  types: Uint8Array,
  rates: Float64Array,
  nt: number,
): number {
  const tv = types[v];
  const base = DIRECTIONS * v;
  let r = 0;
  for (let d = 0; d < DIRECTIONS; d++) {
    const n = nb[base + d];
    if (occupied[n] === 1) r += rates[types[n] * nt + tv];
  }
  return r;
}

function meanSquare(disp: Int32Array, count: number): number {
  let sum = 0;
  for (let i = 0; i < 3 * count; i++) sum += disp[i] * disp[i];
  return sum / count;
}

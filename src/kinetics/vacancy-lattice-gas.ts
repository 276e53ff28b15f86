/**
 * Vacancy-mediated oxygen transport on a simple-cubic O sublattice: the KMC engine of smsi.
 *
 * Model: a fraction of the O sites is vacant; an O ion hops into a neighbouring vacancy with the
 * transition-state rate of `rates.ts` (site types carry O site energies, so the landscape can hold
 * regions such as support, interface and metal, and detailed balance holds for any landscape).
 * Selection: rejection KMC by uniformisation (Jensen 1953; thinning of a Poisson process, Lewis &
 * Shedler, Nav. Res. Logist. Q. 26, 403 (1979)). Every vacancy k carries a constant bound B(type of its site) =
 * 6 × the largest rate of an O hop into that type. An attempt picks a vacancy with probability B_k/ΣB
 * (uniformly when there is one site type, through an 8-ary sum tree over vacancies otherwise), one of
 * its six neighbours uniformly, and executes the hop of the O there with probability rate/(B/6) — a
 * vacant neighbour is a null attempt. The clock advances by −ln(u)/ΣB at every attempt, null or not,
 * which makes the executed hops exactly the continuous-time Markov chain of the model (the same
 * process as rejection-free BKL). With dilute vacancies few attempts are null (≈ c for one type), and
 * nothing around the two changed sites needs a new rate: no neighbour-rate updates, no site → vacancy
 * map. `events` counts executed hops only; `attempts` counts all.
 *
 * Memory layout for speed (the hot loop is memory-bound at 128³): occupancy and the ¹⁸O label are
 * one bit each per site (bitsets over sites stored in 4×4×4 bricks: 256 kB each at 128³, L2-resident),
 * site types one byte per site read only when there is more than one type; neighbours are computed
 * from the vacancy's packed coordinates (see `cubic-lattice.ts`); the label bit travels with the O.
 * An attempt draws two random numbers: the clock, and one 53-bit number whose parts pick the vacancy,
 * the direction and the acceptance. O identities with unwrapped displacements (tracer diffusion) cost 16 bytes per O and are
 * kept only when `tracers` is set. Lengths are in lattice units (a = 1).
 */
import { InputError } from "../units/errors.js";
import type { ElectronVolt, Kelvin, Second } from "../units/quantities.js";
import * as cubic from "./cubic-lattice.js";
import { Xoshiro128 } from "./random.js";
import { type Hertz, hopRateTable } from "./rates.js";
import { SumTree } from "./sum-tree.js";

// Module-local copies: imported bindings are live getters under the tsx/esbuild loader, too slow
// for the hot loop.
const STEP_X = cubic.STEP_X;
const STEP_Y = cubic.STEP_Y;
const STEP_Z = cubic.STEP_Z;
const COORD_BITS = 10;
const COORD_MASK = (1 << COORD_BITS) - 1;
const VACANCY_STRIDE = 4;

/** Site types (one byte per site). */
export const MAX_SITE_TYPES = 256;

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
  /** Keep every O ion's identity and unwrapped displacement (needed for `tracerDiffusion`); default false. */
  tracers?: boolean;
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
  readonly tracers: boolean;

  /** Simulated time, s. */
  time: Second = 0;
  /** Events executed. */
  events = 0;
  /** Time at which the averages of `meanVacanciesByType` started (0 or the last `resetAverages`). */
  private averagesSince: Second = 0;

  /** Occupancy bitset over storage slots (bit s set: an O on slot s): 256 kB at 128³, it stays in L2. */
  private readonly occupied: Int32Array;
  /** ¹⁸O bitset over storage slots (set only where an ¹⁸O sits). */
  private readonly labelled: Int32Array;
  /** Site type per storage slot; empty (never read) when there is one type. */
  private readonly typeAt: Uint8Array;
  /**
   * Per vacancy k, 16 bytes from VACANCY_STRIDE·k: its packed coordinates x | y << 10 | z << 20 and its
   * unwrapped displacement (dx, dy, dz); its slot follows from the coordinates through three L1-resident tables.
   */
  private readonly vacancy: Int32Array;
  /** With tracers only: O identity per slot and unwrapped displacement per O. */
  private readonly atomAt: Int32Array;
  private readonly atomDisplacement: Int32Array;
  private readonly vacanciesOfType: Float64Array;
  /** ∫ n_vacancies(type) dt up to `integratedUntil[type]`. */
  private readonly vacancyTimeOfType: Float64Array;
  private readonly integratedUntil: Float64Array;
  /** Catalogue of vacancy bounds (used when there is more than one site type). */
  private readonly tree: SumTree;
  /** Bound B of a vacancy on a site of each type, s⁻¹. */
  private readonly bound: Float64Array;
  /** Attempts made (executed hops and null attempts). */
  attempts = 0;
  private readonly rng: Xoshiro128;

  constructor(options: VacancyLatticeGasOptions) {
    const [nx, ny, nz] = Array.isArray(options.size)
      ? options.size
      : [options.size, options.size, options.size];
    const lat = cubic.cubicLattice(nx, ny, nz);
    this.lattice = lat;
    const N = lat.sites;
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
    this.tracers = options.tracers ?? false;

    const energies = options.siteEnergy_eV ?? [0];
    this.nTypes = energies.length;
    if (this.nTypes > MAX_SITE_TYPES)
      throw new InputError("siteEnergy", `at most ${MAX_SITE_TYPES} site types (got ${this.nTypes})`);
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
    this.occupied = new Int32Array((lat.slots + 31) >>> 5);
    this.labelled = new Int32Array((lat.slots + 31) >>> 5);
    this.typeAt = new Uint8Array(this.nTypes > 1 ? lat.slots : 0);
    this.vacancy = new Int32Array(VACANCY_STRIDE * nv);
    this.atomAt = new Int32Array(this.tracers ? lat.slots : 0);
    this.atomDisplacement = new Int32Array(this.tracers ? 3 * this.oxygens : 0);
    this.vacanciesOfType = new Float64Array(this.nTypes);
    this.vacancyTimeOfType = new Float64Array(this.nTypes);
    this.integratedUntil = new Float64Array(this.nTypes);

    // place vacancies uniformly at random, then fill every other site with O (numbered site by site)
    const vacant = new Uint8Array(N);
    for (let k = 0; k < nv; ) {
      const s = this.rng.below(N);
      if (vacant[s] === 0) {
        vacant[s] = 1;
        const x = s % nx;
        const y = Math.floor(s / nx) % ny;
        const z = Math.floor(s / (nx * ny));
        this.vacancy[VACANCY_STRIDE * k] = x | (y << COORD_BITS) | (z << (2 * COORD_BITS));
        this.vacanciesOfType[this.siteTypes[s]]++;
        k++;
      }
    }
    let a = 0;
    for (let s = 0; s < N; s++) {
      const slot = cubic.slotOfSite(lat, s);
      if (this.nTypes > 1) this.typeAt[slot] = this.siteTypes[s];
      if (vacant[s] === 1) continue;
      this.occupied[slot >>> 5] |= 1 << (slot & 31);
      if (options.initialLabels && options.initialLabels(s) === 1)
        this.labelled[slot >>> 5] |= 1 << (slot & 31);
      if (this.tracers) this.atomAt[slot] = a++;
    }
    // bound per site type: six times the fastest hop into it
    this.bound = new Float64Array(this.nTypes);
    for (let b = 0; b < this.nTypes; b++)
      for (let a = 0; a < this.nTypes; a++)
        this.bound[b] = Math.max(this.bound[b], 6 * this.rates[a * this.nTypes + b]);
    this.tree = new SumTree(nv);
    const initial = new Float64Array(nv);
    for (let k = 0; k < nv; k++) {
      const q = this.vacancy[VACANCY_STRIDE * k];
      const slot =
        lat.offsetX[q & COORD_MASK] +
        lat.offsetY[(q >>> COORD_BITS) & COORD_MASK] +
        lat.offsetZ[q >>> (2 * COORD_BITS)];
      initial[k] = this.bound[this.nTypes > 1 ? this.typeAt[slot] : 0];
    }
    this.tree.setAll(initial);
  }

  /** Execute `count` events (fewer if nothing can move); progress is reported every `every` events. */
  run(count: number, onProgress?: (p: RunProgress) => void, every = 1_000_000): number {
    if (!Number.isInteger(count) || count < 0)
      throw new InputError("events", `must be a non-negative integer (got ${count})`);
    const lat = this.lattice;
    const oX = lat.offsetX;
    const oY = lat.offsetY;
    const oZ = lat.offsetZ;
    const nt = this.nTypes;
    const rates = this.rates;
    const occ = this.occupied;
    const lab = this.labelled;
    const typeAt = this.typeAt;
    const multi = nt > 1;
    const vac = this.vacancy;
    const tracers = this.tracers;
    const atomAt = this.atomAt;
    const adisp = this.atomDisplacement;
    const ofType = this.vacanciesOfType;
    const timeOfType = this.vacancyTimeOfType;
    const until = this.integratedUntil;
    const tree = this.tree;
    const rng = this.rng;
    let t = this.time;
    let done = 0;
    const bound = this.bound;
    const nv = this.vacancies;
    const totalUniform = nv * bound[0];
    let attempts = 0;
    // a lattice where no O can ever move (impossible below the vacancy limit) must not spin forever
    const maxAttempts = 1000 * count + 1_000_000;
    while (done < count && attempts < maxAttempts) {
      const R = multi ? tree.total : totalUniform;
      if (!(R > 0)) break;
      attempts++;
      t += -Math.log(rng.unitOpen32()) / R;
      // one 53-bit draw: the vacancy, then (from what is left of it) the direction and the acceptance
      let f: number;
      let k: number;
      if (multi) {
        k = tree.pick(rng.unit() * R);
        f = tree.remainder / tree.get(k);
      } else {
        const x = rng.unit() * nv;
        k = Math.floor(x);
        f = x - k;
      }
      const g6 = f * 6;
      const d = Math.floor(g6);
      const vk = VACANCY_STRIDE * k;
      const q = vac[vk];
      const x = q & COORD_MASK;
      const y = (q >>> COORD_BITS) & COORD_MASK;
      const z = q >>> (2 * COORD_BITS);
      const v = oX[x] + oY[y] + oZ[z];
      const n = v + stepSlot(lat, x, y, z, d);
      if (((occ[n >>> 5] >>> (n & 31)) & 1) === 0) continue; // a vacancy next door: null attempt
      const tv = multi ? typeAt[v] : 0;
      const tn = multi ? typeAt[n] : 0;
      if (multi && (g6 - d) * bound[tv] >= 6 * rates[tn * nt + tv]) continue; // thinned
      const qn = stepCoord(lat, q, d);
      // O moves n → v (step −d), the vacancy moves v → n (step +d); the label travels with the O
      occ[v >>> 5] |= 1 << (v & 31);
      occ[n >>> 5] &= ~(1 << (n & 31));
      if (((lab[n >>> 5] >>> (n & 31)) & 1) === 1) {
        lab[v >>> 5] |= 1 << (v & 31);
        lab[n >>> 5] &= ~(1 << (n & 31));
      }
      vac[vk] = qn;
      vac[vk + 1] += STEP_X[d];
      vac[vk + 2] += STEP_Y[d];
      vac[vk + 3] += STEP_Z[d];
      if (tracers) {
        const a = atomAt[n];
        atomAt[v] = a;
        adisp[3 * a] -= STEP_X[d];
        adisp[3 * a + 1] -= STEP_Y[d];
        adisp[3 * a + 2] -= STEP_Z[d];
      }
      if (tv !== tn) {
        // vacancy occupation per type, integrated up to this event; the vacancy's bound follows its type
        timeOfType[tv] += ofType[tv] * (t - until[tv]);
        until[tv] = t;
        timeOfType[tn] += ofType[tn] * (t - until[tn]);
        until[tn] = t;
        ofType[tv]--;
        ofType[tn]++;
        tree.set(k, bound[tn]);
      }
      done++;
      if (onProgress && done % every === 0) {
        this.time = t;
        onProgress({ events: done, of: count, time_s: t });
      }
    }
    this.time = t;
    this.events += done;
    this.attempts += attempts;
    return done;
  }

  /** Vacancy diffusion coefficient ⟨Δr²⟩ / (6 t) from unwrapped vacancy paths, a²/s. */
  vacancyDiffusion(): number {
    let sum = 0;
    for (let k = 0; k < this.vacancies; k++)
      for (let i = 1; i < 4; i++) sum += this.vacancy[VACANCY_STRIDE * k + i] ** 2;
    return sum / this.vacancies / (6 * this.time);
  }

  /** Tracer (O self-) diffusion coefficient ⟨Δr²⟩ / (6 t) over all O ions, a²/s (needs `tracers`). */
  tracerDiffusion(): number {
    if (!this.tracers)
      throw new InputError("tracers", "tracer diffusion needs O identities: construct with tracers: true");
    return meanSquare(this.atomDisplacement, this.oxygens) / (6 * this.time);
  }

  /** Time-averaged number of vacancies on sites of each type since the start or `resetAverages`. */
  meanVacanciesByType(): Float64Array {
    const span = this.time - this.averagesSince;
    return this.vacancyTimeOfType.map(
      (x, q) => (x + this.vacanciesOfType[q] * (this.time - this.integratedUntil[q])) / span,
    );
  }

  /** Start time averages afresh (e.g. after equilibration); displacements and the clock run on. */
  resetAverages(): void {
    this.vacancyTimeOfType.fill(0);
    this.integratedUntil.fill(this.time);
    this.averagesSince = this.time;
  }

  /** Number of sites of each type. */
  sitesByType(): Float64Array {
    const counts = new Float64Array(this.nTypes);
    for (let s = 0; s < this.lattice.sites; s++) counts[this.siteTypes[s]]++;
    return counts;
  }

  /** Fraction of ¹⁸O among the O ions in each plane normal to the axis (NaN for an empty plane). */
  labelProfile(axis: "x" | "y" | "z"): Float64Array {
    const lat = this.lattice;
    const { nx, ny, nz } = lat;
    const n = axis === "x" ? nx : axis === "y" ? ny : nz;
    const labelled = new Float64Array(n);
    const total = new Float64Array(n);
    for (let z = 0; z < nz; z++)
      for (let y = 0; y < ny; y++)
        for (let x = 0; x < nx; x++) {
          const s = lat.offsetX[x] + lat.offsetY[y] + lat.offsetZ[z];
          if (((this.occupied[s >>> 5] >>> (s & 31)) & 1) === 0) continue;
          const plane = axis === "x" ? x : axis === "y" ? y : z;
          total[plane]++;
          labelled[plane] += (this.labelled[s >>> 5] >>> (s & 31)) & 1;
        }
    return labelled.map((l, i) => l / total[i]);
  }
}

/** Slot step from the site at (x, y, z) to its neighbour in direction d. */
function stepSlot(lat: cubic.CubicLattice, x: number, y: number, z: number, d: number): number {
  switch (d) {
    case 0:
      return lat.plusX[x];
    case 1:
      return lat.minusX[x];
    case 2:
      return lat.plusY[y];
    case 3:
      return lat.minusY[y];
    case 4:
      return lat.plusZ[z];
    default:
      return lat.minusZ[z];
  }
}

/** Packed coordinates of the neighbour in direction d of the site with packed coordinates q. */
function stepCoord(lat: cubic.CubicLattice, q: number, d: number): number {
  const x = q & COORD_MASK;
  const y = (q >>> COORD_BITS) & COORD_MASK;
  const z = q >>> (2 * COORD_BITS);
  switch (d) {
    case 0:
      return (q & ~COORD_MASK) | lat.nextX[x];
    case 1:
      return (q & ~COORD_MASK) | lat.prevX[x];
    case 2:
      return (q & ~(COORD_MASK << COORD_BITS)) | (lat.nextY[y] << COORD_BITS);
    case 3:
      return (q & ~(COORD_MASK << COORD_BITS)) | (lat.prevY[y] << COORD_BITS);
    case 4:
      return (q & ~(COORD_MASK << (2 * COORD_BITS))) | (lat.nextZ[z] << (2 * COORD_BITS));
    default:
      return (q & ~(COORD_MASK << (2 * COORD_BITS))) | (lat.prevZ[z] << (2 * COORD_BITS));
  }
}

function meanSquare(disp: Int32Array, count: number): number {
  let sum = 0;
  for (let i = 0; i < 3 * count; i++) sum += disp[i] * disp[i];
  return sum / count;
}

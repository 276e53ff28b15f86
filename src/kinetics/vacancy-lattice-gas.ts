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
 * Memory layout for speed (the hot loop is memory-bound at 128³): occupancy and the ¹⁸O label are
 * one bit each per site (bitsets over sites stored in 4×4×4 bricks: 256 kB each at 128³, L2-resident),
 * site types one byte per site read only when there is more than one type; neighbours are computed
 * from the vacancy's packed coordinates (see `cubic-lattice.ts`); the label bit travels with the O.
 * Hop choice is branch-free and reuses the sum tree's remainder, so one event draws two random
 * numbers. O identities with unwrapped displacements (tracer diffusion) cost 16 bytes per O and are
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
  /** Per storage slot: the vacancy on it (valid only where the slot is vacant). */
  private readonly vacancyAt: Int32Array;
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
  private readonly tree: SumTree;
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
    this.vacancyAt = new Int32Array(lat.slots).fill(-1);
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
        const slot = lat.offsetX[x] + lat.offsetY[y] + lat.offsetZ[z];
        this.vacancyAt[slot] = k;
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
    this.tree = new SumTree(nv);
    const initial = new Float64Array(nv);
    for (let k = 0; k < nv; k++) {
      const q = this.vacancy[VACANCY_STRIDE * k];
      initial[k] = vacancyRate(
        lat.offsetX[q & COORD_MASK] +
          lat.offsetY[(q >>> COORD_BITS) & COORD_MASK] +
          lat.offsetZ[q >>> (2 * COORD_BITS)],
        q,
        this.occupied,
        this.typeAt,
        lat,
        this.rates,
        this.nTypes,
      );
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
    const pX = lat.plusX;
    const mX = lat.minusX;
    const pY = lat.plusY;
    const mY = lat.minusY;
    const pZ = lat.plusZ;
    const mZ = lat.minusZ;
    const nt = this.nTypes;
    const rates = this.rates;
    const occ = this.occupied;
    const lab = this.labelled;
    const typeAt = this.typeAt;
    const multi = nt > 1;
    const rate0 = rates[0];
    const vacancyAt = this.vacancyAt;
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
    for (; done < count; done++) {
      const R = tree.total;
      if (!(R > 0)) break;
      // one 53-bit draw chooses the vacancy and, through the remainder, which O jumps into it
      const k = tree.pick(rng.unit() * R);
      const u = tree.remainder;
      const vk = VACANCY_STRIDE * k;
      const q = vac[vk];
      const x = q & COORD_MASK;
      const y = (q >>> COORD_BITS) & COORD_MASK;
      const z = q >>> (2 * COORD_BITS);
      const v = oX[x] + oY[y] + oZ[z];
      const tv = multi ? typeAt[v] : 0;
      // the six neighbours (directions +x −x +y −y +z −z), their occupancy and hop rates into v, branch-free
      const s0 = v + pX[x];
      const s1 = v + mX[x];
      const s2 = v + pY[y];
      const s3 = v + mY[y];
      const s4 = v + pZ[z];
      const s5 = v + mZ[z];
      const a0 = (occ[s0 >>> 5] >>> (s0 & 31)) & 1;
      const a1 = (occ[s1 >>> 5] >>> (s1 & 31)) & 1;
      const a2 = (occ[s2 >>> 5] >>> (s2 & 31)) & 1;
      const a3 = (occ[s3 >>> 5] >>> (s3 & 31)) & 1;
      const a4 = (occ[s4 >>> 5] >>> (s4 & 31)) & 1;
      const a5 = (occ[s5 >>> 5] >>> (s5 & 31)) & 1;
      const c0 = (multi ? rates[typeAt[s0] * nt + tv] : rate0) * a0;
      const c1 = c0 + (multi ? rates[typeAt[s1] * nt + tv] : rate0) * a1;
      const c2 = c1 + (multi ? rates[typeAt[s2] * nt + tv] : rate0) * a2;
      const c3 = c2 + (multi ? rates[typeAt[s3] * nt + tv] : rate0) * a3;
      const c4 = c3 + (multi ? rates[typeAt[s4] * nt + tv] : rate0) * a4;
      const vacantAround =
        (a0 ^ 1) | ((a1 ^ 1) << 1) | ((a2 ^ 1) << 2) | ((a3 ^ 1) << 3) | ((a4 ^ 1) << 4) | ((a5 ^ 1) << 5);
      let d =
        (u >= c0 ? 1 : 0) + (u >= c1 ? 1 : 0) + (u >= c2 ? 1 : 0) + (u >= c3 ? 1 : 0) + (u >= c4 ? 1 : 0);
      // round-off guard: never pick a direction without an O to jump (zero rate)
      while ((vacantAround >> d) & 1) d = d === 0 ? 5 : d - 1;
      const n = v + stepSlot(lat, x, y, z, d);
      const qn = stepCoord(lat, q, d);
      const tn = multi ? typeAt[n] : 0;
      const dt = -Math.log(rng.unitOpen32()) / R;
      t += dt;
      // O moves n → v (step −d), the vacancy moves v → n (step +d); the label travels with the O
      occ[v >>> 5] |= 1 << (v & 31);
      occ[n >>> 5] &= ~(1 << (n & 31));
      if (((lab[n >>> 5] >>> (n & 31)) & 1) === 1) {
        lab[v >>> 5] |= 1 << (v & 31);
        lab[n >>> 5] &= ~(1 << (n & 31));
      }
      vacancyAt[n] = k;
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
        // vacancy occupation per type, integrated over the waiting time before this event
        timeOfType[tv] += ofType[tv] * (t - until[tv]);
        until[tv] = t;
        timeOfType[tn] += ofType[tn] * (t - until[tn]);
        until[tn] = t;
        ofType[tv]--;
        ofType[tn]++;
      }
      // rates that changed: any other vacancy next to v (now filled) ...
      if (vacantAround !== 0)
        for (let e = 0; e < 6; e++)
          if ((vacantAround >> e) & 1) {
            const w = v + stepSlot(lat, x, y, z, e);
            tree.set(vacancyAt[w], vacancyRate(w, stepCoord(lat, q, e), occ, typeAt, lat, rates, nt));
          }
      // ... this vacancy at n, and any vacancy next to n (which lost an O neighbour)
      const xn = qn & COORD_MASK;
      const yn = (qn >>> COORD_BITS) & COORD_MASK;
      const zn = qn >>> (2 * COORD_BITS);
      const w0 = n + pX[xn];
      const w1 = n + mX[xn];
      const w2 = n + pY[yn];
      const w3 = n + mY[yn];
      const w4 = n + pZ[zn];
      const w5 = n + mZ[zn];
      const b0 = (occ[w0 >>> 5] >>> (w0 & 31)) & 1;
      const b1 = (occ[w1 >>> 5] >>> (w1 & 31)) & 1;
      const b2 = (occ[w2 >>> 5] >>> (w2 & 31)) & 1;
      const b3 = (occ[w3 >>> 5] >>> (w3 & 31)) & 1;
      const b4 = (occ[w4 >>> 5] >>> (w4 & 31)) & 1;
      const b5 = (occ[w5 >>> 5] >>> (w5 & 31)) & 1;
      tree.set(
        k,
        (multi ? rates[typeAt[w0] * nt + tn] : rate0) * b0 +
          (multi ? rates[typeAt[w1] * nt + tn] : rate0) * b1 +
          (multi ? rates[typeAt[w2] * nt + tn] : rate0) * b2 +
          (multi ? rates[typeAt[w3] * nt + tn] : rate0) * b3 +
          (multi ? rates[typeAt[w4] * nt + tn] : rate0) * b4 +
          (multi ? rates[typeAt[w5] * nt + tn] : rate0) * b5,
      );
      const vacantAroundN =
        (b0 ^ 1) | ((b1 ^ 1) << 1) | ((b2 ^ 1) << 2) | ((b3 ^ 1) << 3) | ((b4 ^ 1) << 4) | ((b5 ^ 1) << 5);
      if (vacantAroundN !== 0)
        for (let e = 0; e < 6; e++)
          if ((vacantAroundN >> e) & 1) {
            const w = n + stepSlot(lat, xn, yn, zn, e);
            tree.set(vacancyAt[w], vacancyRate(w, stepCoord(lat, qn, e), occ, typeAt, lat, rates, nt));
          }
      if (onProgress && (done + 1) % every === 0) {
        this.time = t;
        onProgress({ events: done + 1, of: count, time_s: t });
      }
    }
    this.time = t;
    this.events += done;
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

/** Σ of the rates of the O ions next to the vacancy at slot v (packed coordinates q) that can jump into it, s⁻¹. */
function vacancyRate(
  v: number,
  q: number,
  occ: Int32Array,
  typeAt: Uint8Array,
  lat: cubic.CubicLattice,
  rates: Float64Array,
  nt: number,
): number {
  const x = q & COORD_MASK;
  const y = (q >>> COORD_BITS) & COORD_MASK;
  const z = q >>> (2 * COORD_BITS);
  const tv = nt > 1 ? typeAt[v] : 0;
  let r = 0;
  for (let d = 0; d < 6; d++) {
    const s = v + stepSlot(lat, x, y, z, d);
    if (((occ[s >>> 5] >>> (s & 31)) & 1) === 1) r += rates[(nt > 1 ? typeAt[s] : 0) * nt + tv];
  }
  return r;
}

function meanSquare(disp: Int32Array, count: number): number {
  let sum = 0;
  for (let i = 0; i < 3 * count; i++) sum += disp[i] * disp[i];
  return sum / count;
}

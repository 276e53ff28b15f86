/**
 * Lattice gas on a general site graph: the engine under the SMSI models (bulk O transport, suboxide
 * creep). Particles (O ions, or MOx units) sit on sites (one at most), hop to empty neighbouring sites,
 * and trade with reservoirs (the gas, the support lattice) at sites that are open to one. Energies:
 * a site energy per site, lowered by `pairEnergy_eV` for every occupied interaction neighbour (the O–O
 * attraction that makes an oxide nucleate and grow as a front); reservoirs hold particles at a chemical
 * potential μ. Every move — hop i → j, exit to a reservoir, entry from one — has its rate from the
 * split of `rates.ts` (saddle raised to the upper end where needed), so the forward/backward ratio is
 * exp(−ΔE/k_B T) with ΔE the change of the total (grand) energy: detailed balance on every event pair.
 *
 * Catalogue: rejection-free (BKL) over sites: each site's entry is the sum of its moves (an occupied
 * site: its hops into empty neighbours and its exit; an empty open site: its entry). After a move,
 * only entries within reach are recomputed (the changed sites, their hop and interaction neighbours,
 * and the hop neighbours of those). Rates are looked up in tables built once per distinct (barrier,
 * site energy, neighbour count) combination, never recomputed with exp() in the loop.
 *
 * Each particle carries a label (for O: 1 = ¹⁸O, 0 = ¹⁶O) that travels with it; reservoirs hand out
 * their own label. Counters per edge kind and per (open-site group, direction) count what crossed
 * where. `checkpoint()` captures the whole state; `GraphLatticeGas.restore` continues the identical
 * random stream, so a resumed run equals an uninterrupted one event for event.
 */
import { BOLTZMANN_eV_PER_K } from "../units/constants.js";
import { InputError } from "../units/errors.js";
import type { Kelvin, Second } from "../units/quantities.js";
import { Xoshiro128 } from "./random.js";
import {
  adaptScales,
  type RateRescalingOptions,
  resolveRescaling,
  type ResolvedRescaling,
  type WindowState,
} from "./acceleration.js";
import { type Hertz, hopBarrier } from "./rates.js";
import { SumTree } from "./sum-tree.js";

/** Largest number of sites a model graph may have (bounded memory: ≈ 100 bytes per site). */
export const MAX_GRAPH_SITES = 2_000_000;
/** Most interaction neighbours per site (rate tables are built for 0 … this many). */
export const MAX_PAIR_NEIGHBOURS = 16;
/** Most entries of the hop-rate table (bounded memory: 8 bytes each); a landscape with very many distinct energies is refused. */
export const MAX_RATE_TABLE = 8_000_000;

export interface SiteGraph {
  sites: number;
  /** Hop neighbours, compressed rows: the neighbours of i are hopTo[hopStart[i] … hopStart[i+1]). */
  hopStart: Int32Array;
  hopTo: Int32Array;
  /** Base barrier of each directed hop edge, eV (an edge and its reverse must agree). */
  hopBarrier_eV: Float64Array;
  /** Counter kind of each directed hop edge (0 = not counted). */
  hopKind: Uint8Array;
  /** Interaction neighbours, compressed rows (pairs that attract by pairEnergy_eV). */
  pairStart: Int32Array;
  pairTo: Int32Array;
  /** Site energy of a particle on each site, eV. */
  siteEnergy_eV: Float64Array;
  /** Reservoir each site is open to (−1: closed). */
  reservoir: Int8Array;
  /** Barrier of the exchange with that reservoir, eV (ignored where closed). */
  exchangeBarrier_eV: Float64Array;
  /** Counter group of each open site (0 … 7). */
  exchangeGroup: Uint8Array;
}

export interface GraphLatticeGasOptions {
  graph: SiteGraph;
  temperature_K: Kelvin;
  attemptFrequency_Hz: Hertz;
  /** Attraction per occupied interaction neighbour, eV (≥ 0). */
  pairEnergy_eV: number;
  /** Chemical potential of each reservoir, eV per particle (same zero as the site energies). */
  reservoirPotential_eV: number[];
  /** Label of the particles each reservoir hands out. */
  reservoirLabel: number[];
  seed: number;
  initialOccupied: Uint8Array;
  initialLabel: Uint8Array;
  /** Rate rescaling of fast quasi-equilibrated hop pairs (acceleration.ts); off when absent. */
  acceleration?: RateRescalingOptions;
}

export interface GraphProgress {
  events: number;
  of: number;
  time_s: Second;
  eventsPerSecond: number;
  eta_s: number;
}

/** Everything needed to continue a run: plain JSON. */
export interface GraphCheckpoint {
  time_s: number;
  events: number;
  rng: number[];
  occupied: string;
  label: string;
  hopCounts: number[];
  exchangeCounts: number[];
  /** Acceleration state (absent in checkpoints of runs without it). */
  executedHopCounts?: number[];
  kindScale?: number[];
  minKindScale?: number[];
  window?: WindowState;
}

/** Exchange counter layout: 2 × group + (0 = entries from the reservoir, 1 = exits to it). */
export const EXCHANGE_GROUPS = 8;
/** Hop counter kinds (0 … 15). */
export const HOP_KINDS = 16;

export class GraphLatticeGas {
  readonly graph: SiteGraph;
  readonly options: GraphLatticeGasOptions;
  time: Second = 0;
  events = 0;
  /**
   * Hops per edge kind, each counted 1/s for the rescaling s its kind had when it ran (the estimate of the
   * unaccelerated count; equal to the executed count without acceleration).
   */
  readonly hopCounts = new Float64Array(HOP_KINDS);
  /** Hops executed per edge kind (their difference for a forward/backward pair is the exact net transfer). */
  readonly executedHopCounts = new Float64Array(HOP_KINDS);
  /** Rate multiplier of each hop kind (1 unless acceleration rescaled it; forward and backward alike). */
  readonly kindScale = new Float64Array(HOP_KINDS).fill(1);
  /** Smallest rescaling each kind has had. */
  readonly minKindScale = new Float64Array(HOP_KINDS).fill(1);
  private readonly rescaling: ResolvedRescaling | null;
  private window: WindowState;
  /** Sites with a hop edge of each rescaled kind (their catalogue entries change with its scale). */
  private readonly kindSites: Int32Array[] = [];
  private hopRateBase = new Float64Array(0);
  /** Exchanges per group and direction (see EXCHANGE_GROUPS). */
  readonly exchangeCounts = new Float64Array(2 * EXCHANGE_GROUPS);
  readonly occupied: Uint8Array;
  readonly label: Uint8Array;
  /** Occupied interaction neighbours of each site. */
  readonly pairCount: Uint8Array;

  private readonly tree: SumTree;
  private readonly rng: Xoshiro128;
  private readonly stamp: Int32Array;
  private stampNow = 0;
  private readonly touched: Int32Array;
  private nTouched = 0;
  /** Class of each site's energy, of each edge's barrier, of each open site's (barrier, reservoir). */
  private readonly energyClass: Int32Array;
  private readonly edgeClass: Int32Array;
  private readonly exchangeClass: Int32Array;
  private nEnergy: number;
  private readonly nCount: number;
  /** hopRate[((edgeClass·nE + ci)·nE + cj)·nC² + ni·nC + nj']. */
  private hopRate = new Float64Array(0);
  /** exitRate[(xClass·nE + c)·nC + n], entryRate likewise. */
  private exitRate = new Float64Array(0);
  private entryRate = new Float64Array(0);
  private readonly edgeIsPair: Uint8Array;
  private readonly barrierValues: { barrier: number; kind: number }[];
  private readonly exchangeValues: { barrier: number; reservoir: number }[];
  private energyValues: number[];

  constructor(options: GraphLatticeGasOptions) {
    const g = options.graph;
    this.graph = g;
    this.options = options;
    const N = g.sites;
    if (!(Number.isInteger(N) && N > 0 && N <= MAX_GRAPH_SITES))
      throw new InputError(
        "sites",
        `a model needs 1 … ${MAX_GRAPH_SITES} sites (got ${N}); use a smaller size`,
      );
    if (!(options.temperature_K > 0))
      throw new InputError("temperature", `must be above 0 K (got ${options.temperature_K})`);
    if (!(options.attemptFrequency_Hz > 0))
      throw new InputError("attemptFrequency", `must be positive (got ${options.attemptFrequency_Hz})`);
    if (!(options.pairEnergy_eV >= 0 && Number.isFinite(options.pairEnergy_eV)))
      throw new InputError("pairEnergy", `must be ≥ 0 eV (got ${options.pairEnergy_eV})`);
    if (!Number.isInteger(options.seed))
      throw new InputError("seed", `must be an integer (got ${options.seed})`);
    for (const mu of options.reservoirPotential_eV)
      if (!Number.isFinite(mu)) throw new InputError("chemicalPotential", `must be finite (got ${mu})`);
    this.occupied = Uint8Array.from(options.initialOccupied);
    this.label = Uint8Array.from(options.initialLabel);
    this.pairCount = new Uint8Array(N);
    let maxPair = 0;
    for (let i = 0; i < N; i++) {
      const deg = g.pairStart[i + 1] - g.pairStart[i];
      if (deg > MAX_PAIR_NEIGHBOURS)
        throw new InputError(
          "pairs",
          `site ${i} has ${deg} interaction neighbours (at most ${MAX_PAIR_NEIGHBOURS})`,
        );
      maxPair = Math.max(maxPair, deg);
      let c = 0;
      for (let e = g.pairStart[i]; e < g.pairStart[i + 1]; e++) c += this.occupied[g.pairTo[e]];
      this.pairCount[i] = c;
    }
    this.nCount = options.pairEnergy_eV > 0 ? maxPair + 1 : 1;
    // classes: distinct values, so that rate tables stay small
    const classify = <T>(values: T[], key: (v: T) => string): [Int32Array, T[]] => {
      const map = new Map<string, number>();
      const list: T[] = [];
      const out = new Int32Array(values.length);
      values.forEach((v, i) => {
        const k = key(v);
        let c = map.get(k);
        if (c === undefined) {
          c = list.length;
          map.set(k, c);
          list.push(v);
        }
        out[i] = c;
      });
      return [out, list];
    };
    [this.energyClass, this.energyValues] = classify(Array.from(g.siteEnergy_eV), (v) => String(v));
    this.nEnergy = this.energyValues.length;
    // edge classes by (barrier, kind): a rescaled kind has rate-table rows of its own
    [this.edgeClass, this.barrierValues] = classify(
      Array.from(g.hopBarrier_eV, (barrier, e) => ({ barrier, kind: g.hopKind[e] })),
      (v) => `${v.barrier}|${v.kind}`,
    );
    const ex = Array.from({ length: N }, (_, i) => ({
      barrier: g.reservoir[i] >= 0 ? g.exchangeBarrier_eV[i] : 0,
      reservoir: g.reservoir[i],
    }));
    [this.exchangeClass, this.exchangeValues] = classify(ex, (v) => `${v.barrier}|${v.reservoir}`);
    this.edgeIsPair = new Uint8Array(g.hopTo.length);
    for (let i = 0; i < N; i++)
      for (let e = g.hopStart[i]; e < g.hopStart[i + 1]; e++) {
        const j = g.hopTo[e];
        for (let p = g.pairStart[i]; p < g.pairStart[i + 1]; p++)
          if (g.pairTo[p] === j) this.edgeIsPair[e] = 1;
      }
    this.rescaling = options.acceleration ? resolveRescaling(options.acceleration) : null;
    this.window = { startEvents: 0, startExecuted: new Array<number>(HOP_KINDS).fill(0) };
    if (this.rescaling)
      for (const ch of this.rescaling.channels)
        for (const k of [ch.forwardKind, ch.backwardKind]) {
          const list: number[] = [];
          for (let i = 0; i < N; i++)
            for (let e = g.hopStart[i]; e < g.hopStart[i + 1]; e++)
              if (g.hopKind[e] === k) {
                list.push(i);
                break;
              }
          this.kindSites[k] = Int32Array.from(list);
        }
    this.buildTables();
    this.rng = new Xoshiro128(options.seed);
    this.tree = new SumTree(N);
    this.stamp = new Int32Array(N);
    this.touched = new Int32Array(N);
    this.rebuildCatalogue();
  }

  /** Rebuild the rate tables (after a change of energies or reservoir potentials). */
  private buildTables(): void {
    const kT = BOLTZMANN_eV_PER_K * this.options.temperature_K;
    const nu = this.options.attemptFrequency_Hz;
    const eps = this.options.pairEnergy_eV;
    const nE = this.nEnergy;
    const nC = this.nCount;
    const E = this.energyValues;
    const size = this.barrierValues.length * nE * nE * nC * nC;
    if (size > MAX_RATE_TABLE)
      throw new InputError(
        "landscape.regions",
        `${nE} distinct site energies × ${this.barrierValues.length} barriers need a rate table of ${size} entries (at most ${MAX_RATE_TABLE}); use fewer regions`,
      );
    this.hopRateBase = new Float64Array(size);
    this.barrierValues.forEach(({ barrier: b }, bc) => {
      for (let ci = 0; ci < nE; ci++)
        for (let cj = 0; cj < nE; cj++)
          for (let ni = 0; ni < nC; ni++)
            for (let nj = 0; nj < nC; nj++) {
              const ea = hopBarrier(b, E[ci] - eps * ni, E[cj] - eps * nj);
              this.hopRateBase[((bc * nE + ci) * nE + cj) * nC * nC + ni * nC + nj] = nu * Math.exp(-ea / kT);
            }
    });
    this.hopRate = Float64Array.from(this.hopRateBase);
    for (let k = 0; k < HOP_KINDS; k++) if (this.kindScale[k] !== 1) this.scaleKindRows(k);
    this.exitRate = new Float64Array(this.exchangeValues.length * nE * nC);
    this.entryRate = new Float64Array(this.exchangeValues.length * nE * nC);
    this.exchangeValues.forEach((x, xc) => {
      if (x.reservoir < 0) return;
      const mu = this.options.reservoirPotential_eV[x.reservoir];
      if (mu === undefined)
        throw new InputError("reservoirs", `no chemical potential for reservoir ${x.reservoir}`);
      for (let c = 0; c < nE; c++)
        for (let n = 0; n < nC; n++) {
          const e = E[c] - eps * n;
          this.exitRate[(xc * nE + c) * nC + n] = nu * Math.exp(-hopBarrier(x.barrier, e, mu) / kT);
          this.entryRate[(xc * nE + c) * nC + n] = nu * Math.exp(-hopBarrier(x.barrier, mu, e) / kT);
        }
    });
  }

  /** hopRate = hopRateBase × kindScale for the rate-table rows of edge kind k. */
  private scaleKindRows(k: number): void {
    const block = this.nEnergy * this.nEnergy * this.nCount * this.nCount;
    const s = this.kindScale[k];
    this.barrierValues.forEach((b, bc) => {
      if (b.kind !== k) return;
      for (let x = bc * block; x < (bc + 1) * block; x++) this.hopRate[x] = this.hopRateBase[x] * s;
    });
  }

  /** End of an acceleration window: rescale the channels (acceleration.ts) and refresh what changed. */
  private adapt(eventsNow: number): void {
    const r = this.rescaling;
    if (!r) return;
    const floors = r.channels.map((c) => this.separationFloor(c.forwardKind, c.backwardKind, r.separation));
    const changed = adaptScales(r, this.kindScale, this.executedHopCounts, this.window, floors);
    this.window = { startEvents: eventsNow, startExecuted: Array.from(this.executedHopCounts) };
    for (const k of changed) {
      this.minKindScale[k] = Math.min(this.minKindScale[k], this.kindScale[k]);
      this.scaleKindRows(k);
      for (const i of this.kindSites[k] ?? []) this.tree.set(i, this.siteRate(i));
    }
  }

  /**
   * Smallest scale at which the pair (kinds f, b) stays `separation` times faster than every other move
   * (hops of kinds in no rescaled channel, exits) of the particles on its sites, in the present state.
   */
  private separationFloor(f: number, b: number, separation: number): number {
    const g = this.graph;
    const r = this.rescaling;
    if (!r) return 1;
    const rescaled = new Uint8Array(HOP_KINDS);
    for (const c of r.channels) rescaled[c.forwardKind] = rescaled[c.backwardKind] = 1;
    let fast = 0;
    let slow = 0;
    for (const k of [f, b])
      for (const i of this.kindSites[k] ?? []) {
        if (this.occupied[i] === 0) continue;
        for (let e = g.hopStart[i]; e < g.hopStart[i + 1]; e++) {
          const kind = g.hopKind[e];
          if (this.occupied[g.hopTo[e]] !== 0) continue;
          const rate = this.edgeRate(i, e);
          if (kind === f || kind === b) fast += rate / this.kindScale[kind];
          else if (rescaled[kind] === 0) slow += rate;
        }
        if (g.reservoir[i] >= 0) {
          const n = this.nCount > 1 ? this.pairCount[i] : 0;
          slow +=
            this.exitRate[(this.exchangeClass[i] * this.nEnergy + this.energyClass[i]) * this.nCount + n];
        }
      }
    return fast > 0 ? Math.min(1, (separation * slow) / fast) : 1;
  }

  /** Rate of the hop along edge e from occupied site i to its empty target, s⁻¹ (scaled). */
  private edgeRate(i: number, e: number): number {
    const g = this.graph;
    const nE = this.nEnergy;
    const nC = this.nCount;
    const pairs = nC > 1;
    const j = g.hopTo[e];
    const ni = pairs ? this.pairCount[i] : 0;
    const nj = pairs ? this.pairCount[j] - this.edgeIsPair[e] : 0;
    return this.hopRate[
      ((this.edgeClass[e] * nE + this.energyClass[i]) * nE + this.energyClass[j]) * nC * nC + ni * nC + nj
    ];
  }

  private rebuildCatalogue(): void {
    const N = this.graph.sites;
    const leaves = new Float64Array(N);
    for (let i = 0; i < N; i++) leaves[i] = this.siteRate(i);
    this.tree.setAll(leaves);
  }

  /** Change the reservoir chemical potentials (e.g. a new gas) and/or site energies; rates follow. */
  setConditions(change: { reservoirPotential_eV?: number[]; siteEnergy_eV?: Float64Array }): void {
    if (change.reservoirPotential_eV) this.options.reservoirPotential_eV = [...change.reservoirPotential_eV];
    if (change.siteEnergy_eV) {
      this.graph.siteEnergy_eV.set(change.siteEnergy_eV);
      const map = new Map<number, number>();
      this.energyValues = [];
      this.graph.siteEnergy_eV.forEach((v, i) => {
        let c = map.get(v);
        if (c === undefined) {
          c = this.energyValues.length;
          map.set(v, c);
          this.energyValues.push(v);
        }
        this.energyClass[i] = c;
      });
      this.nEnergy = this.energyValues.length;
    }
    this.buildTables();
    this.rebuildCatalogue();
  }

  /** Sum of the rates of every move that starts at site i (its catalogue entry), s⁻¹. */
  private siteRate(i: number): number {
    const g = this.graph;
    const occ = this.occupied;
    const nE = this.nEnergy;
    const nC = this.nCount;
    const cnt = this.pairCount;
    const pairs = nC > 1;
    if (occ[i] === 0) {
      if (g.reservoir[i] < 0) return 0;
      return this.entryRate[(this.exchangeClass[i] * nE + this.energyClass[i]) * nC + (pairs ? cnt[i] : 0)];
    }
    const ci = this.energyClass[i];
    const ni = pairs ? cnt[i] : 0;
    let r = 0;
    for (let e = g.hopStart[i]; e < g.hopStart[i + 1]; e++) {
      const j = g.hopTo[e];
      if (occ[j] !== 0) continue;
      const nj = pairs ? cnt[j] - this.edgeIsPair[e] : 0;
      r += this.hopRate[((this.edgeClass[e] * nE + ci) * nE + this.energyClass[j]) * nC * nC + ni * nC + nj];
    }
    if (g.reservoir[i] >= 0) r += this.exitRate[(this.exchangeClass[i] * nE + ci) * nC + ni];
    return r;
  }

  /** Execute up to `count` events (fewer if nothing can move or `until_s` is reached). */
  run(
    count: number,
    options: { until_s?: number; onProgress?: (p: GraphProgress) => void; progressEvery?: number } = {},
  ): number {
    if (!Number.isInteger(count) || count < 0)
      throw new InputError("events", `must be a non-negative integer (got ${count})`);
    const g = this.graph;
    const occ = this.occupied;
    const lab = this.label;
    const tree = this.tree;
    const rng = this.rng;
    const nE = this.nEnergy;
    const nC = this.nCount;
    const cnt = this.pairCount;
    const pairs = nC > 1;
    const until = options.until_s ?? Number.POSITIVE_INFINITY;
    const every = options.progressEvery ?? 1_000_000;
    const started = performance.now();
    let done = 0;
    const acc = this.rescaling;
    for (; done < count; done++) {
      if (acc !== null && this.events + done - this.window.startEvents >= acc.windowEvents)
        this.adapt(this.events + done);
      const R = tree.total;
      if (!(R > 0)) break;
      const dt = -Math.log(rng.unitOpen32()) / R;
      if (this.time + dt > until) {
        // the next event would fall after the horizon: stop the clock there (memoryless, exact)
        this.time = until;
        break;
      }
      const i = tree.pick(rng.unit() * R);
      let u = tree.remainder;
      this.time += dt;
      if (occ[i] === 0) {
        // entry from the reservoir
        this.place(i, this.options.reservoirLabel[g.reservoir[i]] ?? 0);
        this.exchangeCounts[2 * g.exchangeGroup[i]]++;
        this.refresh(i, -1);
        continue;
      }
      const ci = this.energyClass[i];
      const ni = pairs ? cnt[i] : 0;
      let target = -1;
      let edge = -1;
      let lastTarget = -1;
      let lastEdge = -1;
      for (let e = g.hopStart[i]; e < g.hopStart[i + 1]; e++) {
        const j = g.hopTo[e];
        if (occ[j] !== 0) continue;
        const nj = pairs ? cnt[j] - this.edgeIsPair[e] : 0;
        const r =
          this.hopRate[((this.edgeClass[e] * nE + ci) * nE + this.energyClass[j]) * nC * nC + ni * nC + nj];
        if (u < r) {
          target = j;
          edge = e;
          break;
        }
        u -= r;
        lastTarget = j;
        lastEdge = e;
      }
      if (target < 0) {
        if (g.reservoir[i] >= 0) {
          // exit to the reservoir
          this.remove(i);
          this.exchangeCounts[2 * g.exchangeGroup[i] + 1]++;
          this.refresh(i, -1);
          continue;
        }
        // round-off past the last hop: take it
        target = lastTarget;
        edge = lastEdge;
      }
      const l = lab[i];
      this.remove(i);
      this.place(target, l);
      const kind = g.hopKind[edge];
      this.hopCounts[kind] += 1 / this.kindScale[kind];
      this.executedHopCounts[kind]++;
      this.refresh(i, target);
      if (options.onProgress && (done + 1) % every === 0) {
        const wall = (performance.now() - started) / 1000;
        const rate = (done + 1) / wall;
        options.onProgress({
          events: done + 1,
          of: count,
          time_s: this.time,
          eventsPerSecond: rate,
          eta_s: (count - done - 1) / rate,
        });
      }
    }
    this.events += done;
    return done;
  }

  private place(i: number, label: number): void {
    const g = this.graph;
    this.occupied[i] = 1;
    this.label[i] = label;
    for (let p = g.pairStart[i]; p < g.pairStart[i + 1]; p++) this.pairCount[g.pairTo[p]]++;
  }

  private remove(i: number): void {
    const g = this.graph;
    this.occupied[i] = 0;
    this.label[i] = 0;
    for (let p = g.pairStart[i]; p < g.pairStart[i + 1]; p++) this.pairCount[g.pairTo[p]]--;
  }

  /** Recompute the catalogue entries that the change at sites a (and b ≥ 0) can have altered. */
  private refresh(a: number, b: number): void {
    this.stampNow = (this.stampNow + 1) | 0;
    this.nTouched = 0;
    this.markAround(a);
    if (b >= 0) this.markAround(b);
    const list = this.touched;
    for (let k = 0; k < this.nTouched; k++) this.tree.set(list[k], this.siteRate(list[k]));
  }

  private mark(s: number): void {
    if (this.stamp[s] !== this.stampNow) {
      this.stamp[s] = this.stampNow;
      this.touched[this.nTouched++] = s;
    }
  }

  /** Site c, its hop neighbours, and (with O–O attraction) its interaction neighbours and their hop neighbours. */
  private markAround(c: number): void {
    const g = this.graph;
    this.mark(c);
    for (let e = g.hopStart[c]; e < g.hopStart[c + 1]; e++) this.mark(g.hopTo[e]);
    if (this.nCount > 1)
      for (let p = g.pairStart[c]; p < g.pairStart[c + 1]; p++) {
        const q = g.pairTo[p];
        this.mark(q);
        for (let e = g.hopStart[q]; e < g.hopStart[q + 1]; e++) this.mark(g.hopTo[e]);
      }
  }

  /** The whole state as plain JSON; `GraphLatticeGas.restore(options, checkpoint)` continues it exactly. */
  checkpoint(): GraphCheckpoint {
    return {
      time_s: this.time,
      events: this.events,
      rng: this.rng.getState(),
      occupied: Buffer.from(this.occupied).toString("base64"),
      label: Buffer.from(this.label).toString("base64"),
      hopCounts: Array.from(this.hopCounts),
      exchangeCounts: Array.from(this.exchangeCounts),
      executedHopCounts: Array.from(this.executedHopCounts),
      kindScale: Array.from(this.kindScale),
      minKindScale: Array.from(this.minKindScale),
      window: { startEvents: this.window.startEvents, startExecuted: [...this.window.startExecuted] },
    };
  }

  static restore(options: GraphLatticeGasOptions, cp: GraphCheckpoint): GraphLatticeGas {
    const occupied = new Uint8Array(Buffer.from(cp.occupied, "base64"));
    const label = new Uint8Array(Buffer.from(cp.label, "base64"));
    if (occupied.length !== options.graph.sites || label.length !== options.graph.sites)
      throw new InputError("checkpoint", "the checkpoint was written for a different model size");
    const gas = new GraphLatticeGas({ ...options, initialOccupied: occupied, initialLabel: label });
    gas.time = cp.time_s;
    gas.events = cp.events;
    gas.rng.setState(cp.rng);
    gas.hopCounts.set(cp.hopCounts);
    gas.exchangeCounts.set(cp.exchangeCounts);
    gas.executedHopCounts.set(cp.executedHopCounts ?? cp.hopCounts);
    if (cp.kindScale) {
      gas.kindScale.set(cp.kindScale);
      gas.minKindScale.set(cp.minKindScale ?? cp.kindScale);
      gas.buildTables();
      gas.rebuildCatalogue();
    }
    if (cp.window)
      gas.window = { startEvents: cp.window.startEvents, startExecuted: [...cp.window.startExecuted] };
    return gas;
  }
}

/** Build compressed rows from an edge list (both directions must be listed by the caller). */
export function compressedRows(
  sites: number,
  edges: readonly { from: number; to: number }[],
): { start: Int32Array; to: Int32Array; order: Int32Array } {
  const start = new Int32Array(sites + 1);
  for (const e of edges) start[e.from + 1]++;
  for (let i = 0; i < sites; i++) start[i + 1] += start[i];
  const fill = start.slice(0, sites);
  const to = new Int32Array(edges.length);
  const order = new Int32Array(edges.length);
  edges.forEach((e, k) => {
    const at = fill[e.from]++;
    to[at] = e.to;
    order[at] = k;
  });
  return { start, to, order };
}

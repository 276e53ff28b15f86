/**
 * Model A — bulk oxygen transport (BP-SMSI): a support slab under a metal particle, as a lattice gas of
 * O on one site graph (graph-lattice-gas.ts).
 *
 * - Support: an O sublattice of square layers (spacing and layer distance are named assumptions), O or
 *   vacancy on each site, exchange with the gas at the free top surface (and, optionally, with the
 *   support bulk at the slab's bottom). Its O starts as ¹⁸O; the gas hands out ¹⁶O.
 * - Metal: the octahedral and tetrahedral interstices of the metal's own close-packed lattice (fcc or
 *   hcp, interstitials.ts), inside a hemisphere of the particle's diameter (or a film covering the cell),
 *   empty at the start; O–O attraction between octahedral O (`pairEnergy_eV`) so oxide nucleates and
 *   grows as a front; the outer shell of interstices is open to the gas (the top-down route:
 *   dissociation and incorporation at the metal surface).
 * - Interface: the support's top-layer sites under the metal carry the landscape's interface O energy;
 *   each interstice of the lowest gap is joined to the nearest of them by a hop over the interface
 *   region's barrier (the gate). Under the particle the support layers 1 … n carry it too (the review's
 *   vacancy channels, `vacancyChannelDepth_layers`), and the metal's first gap is stabilised by the lower
 *   energy of the oxide's interface with the support of the gate's class (heterogeneous nucleation,
 *   Porter, Easterling & Sherif interface energies).
 * Site energies and barriers come from the landscape regions by depth (landscape-input.ts); every
 * choice not in the landscape is a named, overridable assumption listed in `assumptions`.
 */
import { BOLTZMANN_eV_PER_K, ELEMENTARY_CHARGE_C } from "../units/constants.js";
import { InputError } from "../units/errors.js";
import {
  type GraphCheckpoint,
  GraphLatticeGas,
  type GraphLatticeGasOptions,
  type SiteGraph,
  compressedRows,
} from "./graph-lattice-gas.js";
import {
  type Cell,
  type InterstitialSite,
  type MetalLattice,
  closePairs,
  commensurateCell,
  interstitialSites,
  metalLattice,
  octTetDistance,
} from "./interstitials.js";
import {
  type Assumption,
  type OxygenLandscape,
  assumptionRecorder,
  regionAtDepth,
  resolveLandscape,
} from "./landscape-input.js";
import type { RateRescalingOptions } from "./acceleration.js";
import { Xoshiro128 } from "./random.js";
import { hopBarrier } from "./rates.js";
import { type RunOptions, runSampled } from "./sampled-run.js";

/**
 * Interface energies by structural class, J/m²: Porter, Easterling & Sherif, Phase Transformations in Metals
 * and Alloys, 3rd ed. (CRC, 2009), §3.4.1 — coherent up to ≈ 200 mJ/m², semi-coherent ≈ 200–500, incoherent
 * ≈ 500–1000 mJ/m². The defaults are the middles of those ranges (the test sweeps the ranges).
 */
export const INTERFACE_ENERGY_RANGE_J_PER_M2 = {
  coherent: [0.05, 0.2],
  "semi-coherent": [0.2, 0.5],
  incoherent: [0.5, 1.0],
} as const;

function middle([lo, hi]: readonly [number, number]): number {
  return (lo + hi) / 2;
}

/** eV per (J/m² · nm²): 1 J/m² × 1 nm² = 10⁻¹⁸ J. */
const EV_PER_J_PER_M2_NM2 = 1e-18 / ELEMENTARY_CHARGE_C;

/** Largest particle Model A builds: ≈ 2.3·10⁵ sites, ≈ 0.6 GB while building (bounded memory on shared machines). */
export const MAX_PARTICLE_SIZE_NM = 10;

/** Defaults of the named assumptions (each reported with `isAssumption: true` unless overridden). */
export const BULK_OXYGEN_DEFAULTS = {
  particleSize_nm: 3,
  supportLayers: 8,
  /** O–O distance in the support's O sublattice, nm (rutile O–O 0.25–0.31 nm; one square-lattice stand-in). */
  supportSiteSpacing_nm: 0.3,
  supportLayerSpacing_nm: 0.3,
  /** Height of the metal's first close-packed layer above the support's top O layer, nm. */
  interfaceGap_nm: 0.2,
  /** O–O attraction between octahedral O in the metal, eV per pair (drives oxide nucleation). */
  pairEnergy_eV: 0.1,
  /** Tetrahedral O above octahedral O in the metal, eV (O prefers octahedral interstices in close-packed metals). */
  tetrahedralPenalty_eV: 0.3,
  /**
   * Vacancy fraction of the support at the start. 0: rutile in O2 at 450 °C is stoichiometric to
   * x ≈ 5·10⁻¹¹ (src/thermo/defects.ts, Millot & Picard 1988 extrapolated), far below one vacancy in the
   * slab; set it for a pre-reduced support.
   */
  initialVacancyFraction: 0,
  attemptFrequency_Hz: 1e13,
  /** Barrier of O incorporation from the gas at a metal surface site when the landscape has no metal-surface region, eV. */
  metalSurfaceBarrier_eV: 1.0,
  /** Octahedral occupancy above which a gap of the metal counts as oxidised. */
  oxidisedThreshold: 0.5,
  filmGaps: 4,
  sampleEvery: 10_000,
  /**
   * Depth (support O layers below the interface layer) of the vacancy channels under the metal: layers
   * 1 … n under the particle's footprint carry the interface region's O energy (the Fermi-level activation
   * and the reversible subsurface distortion make that O as labile as the interfacial O). ASSUMPTION from
   * the review's mechanism (Wang et al., Nature 2026, as summarised in ../shared/science/README.md §1:
   * "vacancy channels 3–5 layers deep"); 0 = the activation stays in the interface layer.
   */
  vacancyChannelDepth_layers: 4,
  /** Interface energy of a coherent interface, J/m² (Porter, Easterling & Sherif 2009 §3.4.1: ≲ 0.2). */
  coherentInterfaceEnergy_J_per_m2: middle(INTERFACE_ENERGY_RANGE_J_PER_M2.coherent),
  /** Interface energy of a semi-coherent interface, J/m² (ibid.: 0.2–0.5). */
  semicoherentInterfaceEnergy_J_per_m2: middle(INTERFACE_ENERGY_RANGE_J_PER_M2["semi-coherent"]),
  /** Interface energy of an incoherent interface, J/m² (ibid.: 0.5–1.0). */
  incoherentInterfaceEnergy_J_per_m2: middle(INTERFACE_ENERGY_RANGE_J_PER_M2.incoherent),
} as const;

export interface BulkOxygenOptions {
  landscape: OxygenLandscape;
  temperature_K: number;
  /** Δμ_O of the gas, eV per O, on the same zero as the landscape's O energies. */
  oxygenChemicalPotential_eV: number;
  seed: number;
  geometry?: "particle" | "film";
  particleSize_nm?: number;
  supportLayers?: number;
  supportSiteSpacing_nm?: number;
  supportLayerSpacing_nm?: number;
  interfaceGap_nm?: number;
  pairEnergy_eV?: number;
  tetrahedralPenalty_eV?: number;
  initialVacancyFraction?: number;
  attemptFrequency_Hz?: number;
  /** Exchange barrier with the gas at the support's free surface, eV (default: the support surface region's barrier). */
  supportExchangeBarrier_eV?: number;
  metalSurfaceBarrier_eV?: number;
  /** Open the slab's bottom layer to the support bulk (a reservoir of ¹⁸O). */
  supportBulkReservoir?: boolean;
  /** μ_O of the support bulk reservoir, eV (default: the gas's). */
  supportBulkPotential_eV?: number;
  /** μ_O the metal surface exchanges with, eV (default: the gas's; lower it to make the surface a sink). */
  metalSurfacePotential_eV?: number;
  /** Open the support's free surface to the gas (default true). */
  supportGasExchange?: boolean;
  filmGaps?: number;
  sampleEvery?: number;
  vacancyChannelDepth_layers?: number;
  coherentInterfaceEnergy_J_per_m2?: number;
  semicoherentInterfaceEnergy_J_per_m2?: number;
  incoherentInterfaceEnergy_J_per_m2?: number;
  oxidisedThreshold?: number;
  /**
   * Rescale the fast, quasi-equilibrated O traffic across the interface (acceleration.ts; Dybeck et al.
   * 2017). `true` uses the controller's defaults; an object sets them. Off by default.
   */
  accelerate?: boolean | Omit<RateRescalingOptions, "channels">;
}

export interface BulkOxygenSample {
  events: number;
  time_s: number;
  /** O in the metal over its octahedral interstices (one per metal atom: a rock-salt-like MO). */
  oxidisedFraction: number;
  /** Height above the interface up to which every gap of the metal is oxidised, nm. */
  frontDepth_nm: number;
  /** Octahedral occupancy of each gap of the metal, from the interface up. */
  oxidisedByGap: number[];
  /** ¹⁸O among the O in the metal (null while it holds none). */
  o18FractionOfMetalOxygen: number | null;
  oxygenInMetal: number;
  /**
   * O hops support → metal across the interface, and back. With acceleration, each executed hop counts
   * 1/s (s its rate scale then): the estimate of the unaccelerated counts.
   */
  interfaceCrossings: number;
  interfaceReturns: number;
  /** Executed crossings minus executed returns: the exact net O transfer into the metal (with or without acceleration). */
  netInterfaceTransfer: number;
  /** Current rate scale of the interface pair (1 = not accelerated). */
  interfaceRateScale: number;
  /**
   * O incorporated below the metal surface (hops from the surface layer of interstices, which holds the
   * adsorbed O, into the interior), and back out (the top-down route; weighted like the crossings).
   */
  surfaceIncorporations: number;
  surfaceReleases: number;
  /** O taken up from the gas into the metal's surface layer, and released to it. */
  surfaceAdsorptions: number;
  surfaceDesorptions: number;
  /** O in the metal's surface layer (adsorbed; not counted in the metal's O above). */
  oxygenOnSurface: number;
  /** O exchanged with the gas at the support surface (in, out). */
  supportUptake: number;
  supportRelease: number;
  /** Vacancy fraction of each support layer, from the top. */
  supportVacancyProfile: number[];
}

/** Sites of a vertical slice through the particle and their state. */
export interface CrossSection {
  width_nm: number;
  time_s: number;
  events: number;
  sites: {
    x_nm: number;
    z_nm: number;
    phase: "support" | "interface" | "metal";
    occupied: boolean;
    o18: boolean;
  }[];
}

export interface BulkOxygenCheckpoint {
  model: "bulk-oxygen";
  engine: GraphCheckpoint;
  sinceSample: number;
  series: BulkOxygenSample[];
}

/** Reservoirs and counter groups of the model. */
const GAS = 0;
const SUPPORT_BULK = 1;
const METAL_SURFACE = 2;
const GROUP_SUPPORT_SURFACE = 0;
const GROUP_SUPPORT_BOTTOM = 1;
const GROUP_METAL_SURFACE = 2;
const KIND_CROSSING = 1;
const KIND_RETURN = 2;
/** O hops from the metal's surface layer into its interior, and back. */
const KIND_INCORPORATION = 5;
const KIND_SURFACE_RETURN = 6;
/** O hops between two interface sites of the support in the +x/+y and −x/−y directions. */
const KIND_INTERFACE_LATERAL_PLUS = 3;
const KIND_INTERFACE_LATERAL_MINUS = 4;
/** O hops down and up between two support sites of the interface layer and the vacancy channels under it. */
const KIND_CHANNEL_DOWN = 7;
const KIND_CHANNEL_UP = 8;

interface Built {
  graph: SiteGraph;
  engineOptions: GraphLatticeGasOptions;
  assumptions: Assumption[];
  /** Per site: −1 support, else the metal gap. */
  gapOf: Int32Array;
  isShell: Uint8Array;
  supportLayerOf: Int32Array;
  isOctahedral: Uint8Array;
  octahedralPerGap: number[];
  supportPerLayer: number[];
  metalLattice: MetalLattice;
  cell: Cell;
  /** Sites of the support's top layer under the metal (the interface O). */
  interfaceSites: number[];
  /** Position of each site, nm (z: height above the support's top O layer). */
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  parameters: Record<string, number | string | boolean>;
}

function build(o: BulkOxygenOptions): Built {
  const D = BULK_OXYGEN_DEFAULTS;
  const assumptions: Assumption[] = [];
  const named = assumptionRecorder(D, assumptions);

  if (!(o.temperature_K > 0))
    throw new InputError("temperature", `must be above 0 K (got ${o.temperature_K})`);
  if (!Number.isFinite(o.oxygenChemicalPotential_eV))
    throw new InputError(
      "oxygenChemicalPotential",
      `must be a finite energy in eV (got ${o.oxygenChemicalPotential_eV})`,
    );
  const land = resolveLandscape(o.landscape);
  const lattice = metalLattice(o.landscape.metal, "landscape.metal");
  const geometry = o.geometry ?? "particle";
  const size = named("particleSize_nm", "nm", "assumption: a typical supported particle", o.particleSize_nm);
  if (!(size >= 0.5 && size <= MAX_PARTICLE_SIZE_NM))
    throw new InputError("particleSize", `must be 0.5–${MAX_PARTICLE_SIZE_NM} nm (got ${size})`);
  const layers = named(
    "supportLayers",
    "layers",
    "assumption: O from 3–5 layers deep must fit (Wang et al. 2026)",
    o.supportLayers,
  );
  if (!(Number.isInteger(layers) && layers >= 1 && layers <= 40))
    throw new InputError("supportLayers", `must be an integer 1–40 (got ${layers})`);
  const as = named(
    "supportSiteSpacing_nm",
    "nm",
    "assumption: square stand-in for the support O sublattice",
    o.supportSiteSpacing_nm,
  );
  const ds = named("supportLayerSpacing_nm", "nm", "assumption", o.supportLayerSpacing_nm);
  const gap = named("interfaceGap_nm", "nm", "assumption", o.interfaceGap_nm);
  const tet = named(
    "tetrahedralPenalty_eV",
    "eV",
    "assumption: octahedral O preferred in close-packed metals",
    o.tetrahedralPenalty_eV,
  );
  const c0 = named(
    "initialVacancyFraction",
    "",
    "assumption: stoichiometric support (TiO2 in O2 at 723 K: x ≈ 5e-11, src/thermo/defects.ts)",
    o.initialVacancyFraction,
  );
  if (!(c0 >= 0 && c0 <= 0.9))
    throw new InputError("initialVacancyFraction", `must be in [0, 0.9] (got ${c0})`);
  const nu = named("attemptFrequency_Hz", "s⁻¹", "assumption: typical 1e12–1e13", o.attemptFrequency_Hz);
  const supportTop = land.support[0];
  const exSupport = o.supportExchangeBarrier_eV ?? supportTop.migrationBarrier_eV;
  assumptions.push({
    name: "supportExchangeBarrier_eV",
    value: exSupport,
    unit: "eV",
    source:
      o.supportExchangeBarrier_eV === undefined
        ? `landscape region "${supportTop.region}" barrier (${supportTop.barrierSource})`
        : "given",
    isAssumption: o.supportExchangeBarrier_eV === undefined,
  });
  const exMetal =
    o.metalSurfaceBarrier_eV ??
    land.metalSurface?.migrationBarrier_eV ??
    named("metalSurfaceBarrier_eV", "eV", "assumption: no metal-surface region in the landscape");
  const filmGaps = named("filmGaps", "gaps", "assumption", o.filmGaps);
  const h = lattice.layerSpacing_nm;
  // O–O attraction: from the landscape's oxide region when it has one — an octahedral O with all its
  // z octahedral neighbours filled sits at the oxide's O energy: ε = (E_interstitial − E_oxide) / z
  const zOct = lattice.stacking === "fcc" ? 12 : 8;
  const fromOxide = land.metalOxide
    ? (land.metal[0].oxygenEnergy_eV - land.metalOxide.oxygenEnergy_eV) / zOct
    : null;
  const eps =
    o.pairEnergy_eV ??
    (fromOxide !== null && fromOxide >= 0 ? fromOxide : BULK_OXYGEN_DEFAULTS.pairEnergy_eV);
  assumptions.push({
    name: "pairEnergy_eV",
    value: eps,
    unit: "eV",
    source:
      o.pairEnergy_eV !== undefined
        ? "given"
        : fromOxide !== null && fromOxide >= 0
          ? `(E "${land.metal[0].region}" − E "${land.metalOxide?.region}") / ${zOct} octahedral neighbours (${land.metalOxide?.energySource})`
          : "assumption: O–O attraction in the metal (oxide cohesion), free parameter",
    isAssumption:
      o.pairEnergy_eV === undefined &&
      (fromOxide === null || fromOxide < 0 || (land.metalOxide?.isAssumption ?? true)),
  });

  // cell: the particle with a margin of half its diameter on each side, or a film cell
  const { cell, mx, my } = commensurateCell(
    lattice,
    geometry === "particle" ? 2 * size : Math.max(1.5, 4 * as),
  );
  const R = size / 2;
  const cx = cell.width_nm / 2;
  const cy = cell.depth_nm / 2;
  const gapsNeeded = geometry === "particle" ? Math.max(1, Math.ceil((R - gap) / h)) : filmGaps;
  const inside = (s: InterstitialSite) => geometry === "film" || Math.hypot(s.x - cx, s.y - cy, s.z) <= R;
  const metalSites = interstitialSites(lattice, mx, my, gapsNeeded, gap).filter(inside);
  if (metalSites.length === 0)
    throw new InputError(
      "particleSize",
      `a ${size} nm particle holds no interstitial site; use a larger size`,
    );

  // support grid
  const nsx = Math.max(3, Math.round(cell.width_nm / as));
  const nsy = Math.max(3, Math.round(cell.depth_nm / as));
  const ax = cell.width_nm / nsx;
  const ay = cell.depth_nm / nsy;
  const nSupport = nsx * nsy * layers;
  const N = nSupport + metalSites.length;
  const pos: { x: number; y: number; z: number }[] = [];
  const gapOf = new Int32Array(N).fill(-1);
  const supportLayerOf = new Int32Array(N).fill(-1);
  const isOct = new Uint8Array(N);
  const under = (x: number, y: number) => geometry === "film" || Math.hypot(x - cx, y - cy) < R;
  for (let k = 0; k < layers; k++)
    for (let j = 0; j < nsy; j++)
      for (let i = 0; i < nsx; i++) {
        const s = i + nsx * (j + nsy * k);
        pos[s] = { x: (i + 0.5) * ax, y: (j + 0.5) * ay, z: -k * ds };
        supportLayerOf[s] = k;
      }
  metalSites.forEach((m, q) => {
    const s = nSupport + q;
    pos[s] = { x: m.x, y: m.y, z: m.z };
    gapOf[s] = m.gap;
    isOct[s] = m.kind === "octahedral" ? 1 : 0;
  });
  const supportSite = (i: number, j: number, k: number) =>
    ((i + nsx) % nsx) + nsx * (((j + nsy) % nsy) + nsy * k);

  // energies and per-site barrier of the region
  const energy = new Float64Array(N);
  const barrier = new Float64Array(N);
  const reservoir = new Int8Array(N).fill(-1);
  const exchangeBarrier = new Float64Array(N);
  const exchangeGroup = new Uint8Array(N);
  const interfaceSites: number[] = [];
  /** Support sites below the interface layer inside the vacancy channels. */
  const isChannel = new Uint8Array(N);
  const gasExchange = o.supportGasExchange ?? true;
  const channelDepth = named(
    "vacancyChannelDepth_layers",
    "layers",
    "assumption: support layers 1 … n under the metal carry the interface O energy (vacancy channels 3–5 layers deep: Wang et al. 2026, as summarised by the review)",
    o.vacancyChannelDepth_layers,
  );
  if (!(Number.isInteger(channelDepth) && channelDepth >= 0 && channelDepth <= 40))
    throw new InputError("vacancyChannelDepth_layers", `must be an integer 0–40 (got ${channelDepth})`);
  for (let s = 0; s < nSupport; s++) {
    const k = supportLayerOf[s];
    const r = regionAtDepth(land.support, k * ds);
    energy[s] = r.oxygenEnergy_eV;
    // the free-surface region's barrier is its gas exchange; hops take the migration barrier below it
    barrier[s] = (
      k === 0 && land.support.length > 1
        ? regionAtDepth(land.support, Math.max(ds, land.support[1].depth_nm))
        : r
    ).migrationBarrier_eV;
    if (k === 0 && under(pos[s].x, pos[s].y)) {
      energy[s] = land.interface.oxygenEnergy_eV;
      interfaceSites.push(s);
    } else if (k === 0 && gasExchange) {
      reservoir[s] = GAS;
      exchangeBarrier[s] = exSupport;
      exchangeGroup[s] = GROUP_SUPPORT_SURFACE;
    }
    if (k >= 1 && k <= channelDepth && under(pos[s].x, pos[s].y)) {
      energy[s] = land.interface.oxygenEnergy_eV;
      isChannel[s] = 1;
    }
    if (k === layers - 1 && o.supportBulkReservoir) {
      reservoir[s] = SUPPORT_BULK;
      exchangeBarrier[s] = land.support[land.support.length - 1].migrationBarrier_eV;
      exchangeGroup[s] = GROUP_SUPPORT_BOTTOM;
    }
  }
  // heterogeneous nucleation: the first oxide layer on the support replaces an incoherent interface by one
  // of the gate's class, Δγ = γ_incoherent − γ_gate, per O of the first gap (one per metal atom of the
  // close-packed plane, area √3/2·a²)
  const gammaOf = {
    coherent: named(
      "coherentInterfaceEnergy_J_per_m2",
      "J/m²",
      "Porter, Easterling & Sherif, Phase Transformations in Metals and Alloys, 3rd ed. (2009) §3.4.1: coherent ≲ 0.2 J/m²",
      o.coherentInterfaceEnergy_J_per_m2,
    ),
    "semi-coherent": named(
      "semicoherentInterfaceEnergy_J_per_m2",
      "J/m²",
      "Porter, Easterling & Sherif (2009) §3.4.1: semi-coherent 0.2–0.5 J/m²",
      o.semicoherentInterfaceEnergy_J_per_m2,
    ),
    incoherent: named(
      "incoherentInterfaceEnergy_J_per_m2",
      "J/m²",
      "Porter, Easterling & Sherif (2009) §3.4.1: incoherent 0.5–1.0 J/m²",
      o.incoherentInterfaceEnergy_J_per_m2,
    ),
  };
  for (const [k, v] of Object.entries(gammaOf))
    if (!(v >= 0 && v <= 5))
      throw new InputError(`${k.replace("-", "")}InterfaceEnergy_J_per_m2`, `must be 0–5 J/m² (got ${v})`);
  const gateClass = o.landscape.gate in gammaOf ? o.landscape.gate : "incoherent";
  const atomArea_nm2 = (Math.sqrt(3) / 2) * lattice.nearestNeighbour_nm ** 2;
  const nucleation_eV = Math.max(
    0,
    (gammaOf.incoherent - gammaOf[gateClass]) * atomArea_nm2 * EV_PER_J_PER_M2_NM2,
  );
  assumptions.push({
    name: "interfaceNucleationEnergy_eV",
    value: nucleation_eV,
    unit: "eV",
    source: `O of the metal's first gap lowered by (γ_incoherent − γ_${gateClass}) × ${atomArea_nm2.toFixed(4)} nm² per metal atom of the close-packed plane: the oxide's first layer on a ${gateClass} interface (gate) replaces an incoherent one (heterogeneous nucleation; interface energies Porter, Easterling & Sherif 2009 §3.4.1)`,
    isAssumption: true,
  });
  const topGap = gapsNeeded - 1;
  /** The metal's surface layer of interstices (adsorbed O; open to the gas). */
  const isShell = new Uint8Array(N);
  for (let s = nSupport; s < N; s++) {
    const height = pos[s].z - gap;
    const r = regionAtDepth(land.metal, height);
    energy[s] = r.oxygenEnergy_eV + (isOct[s] ? 0 : tet);
    barrier[s] = r.migrationBarrier_eV;
    const surface =
      geometry === "film" ? gapOf[s] === topGap : Math.hypot(pos[s].x - cx, pos[s].y - cy, pos[s].z) > R - h;
    if (surface) {
      isShell[s] = 1;
      // the surface layer holds adsorbed O; incorporation below it takes the metal-surface region's barrier
      if (land.metalSurface) {
        energy[s] = land.metalSurface.oxygenEnergy_eV + (isOct[s] ? 0 : tet);
        barrier[s] = land.metalSurface.migrationBarrier_eV;
      }
      reservoir[s] = METAL_SURFACE;
      exchangeBarrier[s] = exMetal;
      exchangeGroup[s] = GROUP_METAL_SURFACE;
    } else if (gapOf[s] === 0) energy[s] -= nucleation_eV;
  }

  const isInterface = new Uint8Array(N);
  for (const s of interfaceSites) isInterface[s] = 1;
  // hop edges
  const edges: { from: number; to: number; barrier: number; kind: number }[] = [];
  const addPair = (a: number, b: number, e: number, kab = 0, kba = 0) => {
    edges.push({ from: a, to: b, barrier: e, kind: kab }, { from: b, to: a, barrier: e, kind: kba });
  };
  for (let k = 0; k < layers; k++)
    for (let j = 0; j < nsy; j++)
      for (let i = 0; i < nsx; i++) {
        const s = supportSite(i, j, k);
        for (const t of [supportSite(i + 1, j, k), supportSite(i, j + 1, k)]) {
          const lateral =
            (isInterface[s] === 1 && isInterface[t] === 1) || (isChannel[s] === 1 && isChannel[t] === 1);
          addPair(
            s,
            t,
            Math.max(barrier[s], barrier[t]),
            lateral ? KIND_INTERFACE_LATERAL_PLUS : 0,
            lateral ? KIND_INTERFACE_LATERAL_MINUS : 0,
          );
        }
        if (k + 1 < layers) {
          const t = supportSite(i, j, k + 1);
          const vertical = (isInterface[s] === 1 || isChannel[s] === 1) && isChannel[t] === 1;
          addPair(
            s,
            t,
            Math.max(barrier[s], barrier[t]),
            vertical ? KIND_CHANNEL_DOWN : 0,
            vertical ? KIND_CHANNEL_UP : 0,
          );
        }
      }
  const metalPos = metalSites;
  const dOT = octTetDistance(lattice);
  const a = lattice.nearestNeighbour_nm;
  for (const [p, q] of closePairs(metalPos, cell, Math.max(dOT, h) * 1.02, (i, j, d) => {
    const oi = metalPos[i].kind === "octahedral";
    const oj = metalPos[j].kind === "octahedral";
    if (oi !== oj) return d <= dOT * 1.02;
    return lattice.stacking === "hcp" && oi && oj && d <= h * 1.02 && d < a * 0.95;
  })) {
    const s = nSupport + p;
    const t = nSupport + q;
    const inward = isShell[s] !== isShell[t];
    const [from, to] = isShell[s] ? [s, t] : [t, s];
    addPair(
      from,
      to,
      Math.max(barrier[s], barrier[t]),
      inward ? KIND_INCORPORATION : 0,
      inward ? KIND_SURFACE_RETURN : 0,
    );
  }
  // interface: each interstice of the lowest gap to the nearest support top-layer site under the metal
  const crossing = land.interface.migrationBarrier_eV;
  for (let s = nSupport; s < N; s++) {
    if (gapOf[s] !== 0) continue;
    const i = Math.floor(pos[s].x / ax) % nsx;
    const j = Math.floor(pos[s].y / ay) % nsy;
    const t = supportSite(i, j, 0);
    if (!interfaceSites.includes(t)) continue;
    addPair(t, s, crossing, KIND_CROSSING, KIND_RETURN);
  }
  const rows = compressedRows(N, edges);
  const pairList = closePairs(
    metalPos,
    cell,
    a * 1.02,
    (i, j) =>
      metalPos[i].kind === "octahedral" &&
      metalPos[j].kind === "octahedral" &&
      isShell[nSupport + i] === 0 &&
      isShell[nSupport + j] === 0,
  );
  const pairEdges: { from: number; to: number }[] = [];
  for (const [p, q] of pairList)
    pairEdges.push({ from: nSupport + p, to: nSupport + q }, { from: nSupport + q, to: nSupport + p });
  const pairRows = compressedRows(N, pairEdges);
  const graph: SiteGraph = {
    sites: N,
    hopStart: rows.start,
    hopTo: rows.to,
    hopBarrier_eV: Float64Array.from(rows.order, (k) => edges[k].barrier),
    hopKind: Uint8Array.from(rows.order, (k) => edges[k].kind),
    pairStart: pairRows.start,
    pairTo: pairRows.to,
    siteEnergy_eV: energy,
    reservoir,
    exchangeBarrier_eV: exchangeBarrier,
    exchangeGroup,
  };
  // initial state: support full of ¹⁸O but for random vacancies; metal empty
  const rng = new Xoshiro128(o.seed ^ 0x5bd1e995);
  const occupied = new Uint8Array(N);
  const label = new Uint8Array(N);
  for (let s = 0; s < nSupport; s++)
    if (rng.unit() >= c0) {
      occupied[s] = 1;
      label[s] = 1;
    }
  const mu = o.oxygenChemicalPotential_eV;
  const octahedralPerGap = new Array<number>(gapsNeeded).fill(0);
  for (let s = nSupport; s < N; s++) if (isOct[s] && !isShell[s]) octahedralPerGap[gapOf[s]]++;
  const supportPerLayer = new Array<number>(layers).fill(nsx * nsy);
  return {
    graph,
    engineOptions: {
      graph,
      temperature_K: o.temperature_K,
      attemptFrequency_Hz: nu,
      pairEnergy_eV: eps,
      reservoirPotential_eV: [mu, o.supportBulkPotential_eV ?? mu, o.metalSurfacePotential_eV ?? mu],
      reservoirLabel: [0, 1, 0],
      seed: o.seed,
      initialOccupied: occupied,
      initialLabel: label,
      acceleration: o.accelerate
        ? {
            ...(typeof o.accelerate === "object" ? o.accelerate : {}),
            channels: [
              { name: "interface crossing", forwardKind: KIND_CROSSING, backwardKind: KIND_RETURN },
              {
                name: "interface layer and vacancy channels, lateral",
                forwardKind: KIND_INTERFACE_LATERAL_PLUS,
                backwardKind: KIND_INTERFACE_LATERAL_MINUS,
              },
              {
                name: "vacancy channels, vertical",
                forwardKind: KIND_CHANNEL_DOWN,
                backwardKind: KIND_CHANNEL_UP,
              },
            ],
          }
        : undefined,
    },
    assumptions,
    gapOf,
    isShell,
    supportLayerOf,
    isOctahedral: isOct,
    octahedralPerGap,
    supportPerLayer,
    metalLattice: lattice,
    cell,
    interfaceSites,
    x: Float64Array.from(pos, (p) => p.x),
    y: Float64Array.from(pos, (p) => p.y),
    z: Float64Array.from(pos, (p) => p.z),
    parameters: {
      metal: lattice.metal,
      stacking: lattice.stacking,
      geometry,
      sites: N,
      supportSites: nSupport,
      metalInterstitialSites: metalSites.length,
      metalGaps: gapsNeeded,
      metalLayerSpacing_nm: h,
      cellWidth_nm: cell.width_nm,
      cellDepth_nm: cell.depth_nm,
      temperature_K: o.temperature_K,
      oxygenChemicalPotential_eV: mu,
      interfaceBarrier_eV: crossing,
      latticeSource: lattice.source,
      acceleration: o.accelerate
        ? "rate rescaling of the interface crossing/return pair and the hops within the interface layer and the vacancy channels under it (Dybeck, Plaisance & Neurock, JCTC 13, 1525 (2017))"
        : "none",
    },
  };
}

export class BulkOxygenModel {
  readonly options: BulkOxygenOptions;
  readonly assumptions: Assumption[];
  readonly parameters: Record<string, number | string | boolean>;
  readonly engine: GraphLatticeGas;
  readonly series: BulkOxygenSample[] = [];
  private readonly built: Built;
  private readonly sampleEvery: number;
  private readonly threshold: number;
  sinceSample = 0;

  constructor(options: BulkOxygenOptions, checkpoint?: BulkOxygenCheckpoint) {
    this.options = options;
    this.built = build(options);
    this.assumptions = this.built.assumptions;
    this.parameters = this.built.parameters;
    this.sampleEvery = options.sampleEvery ?? BULK_OXYGEN_DEFAULTS.sampleEvery;
    if (!(Number.isInteger(this.sampleEvery) && this.sampleEvery >= 1))
      throw new InputError("sampleEvery", `must be a positive integer (got ${this.sampleEvery})`);
    this.threshold = options.oxidisedThreshold ?? BULK_OXYGEN_DEFAULTS.oxidisedThreshold;
    if (checkpoint) {
      if (checkpoint.model !== "bulk-oxygen")
        throw new InputError("checkpoint", "not a bulk-oxygen checkpoint");
      this.engine = GraphLatticeGas.restore(this.built.engineOptions, checkpoint.engine);
      this.series.push(...checkpoint.series);
      this.sinceSample = checkpoint.sinceSample;
    } else {
      this.engine = new GraphLatticeGas(this.built.engineOptions);
      this.series.push(this.sample());
    }
  }

  /** Run `events` more events (or until `until_s`), sampling every `sampleEvery` events. Returns events done. */
  /** Run `events` more events (or until `until_s`), sampling every `sampleEvery` events. Returns events done. */
  run(events: number, options: RunOptions = {}): number {
    return runSampled(this.engine, this, this.sampleEvery, () => this.sample(), events, options);
  }

  checkpoint(): BulkOxygenCheckpoint {
    return {
      model: "bulk-oxygen",
      engine: this.engine.checkpoint(),
      sinceSample: this.sinceSample,
      series: structuredClone(this.series),
    };
  }

  /**
   * A cross-section through the particle's centre: the sites within half a support site spacing of the
   * plane y = centre, with their state (for the snapshot pictures of `smsi simulate --out`).
   */
  crossSection(): CrossSection {
    const b = this.built;
    const g = this.engine;
    const cy = b.cell.depth_nm / 2;
    const half = (b.cell.depth_nm / Math.max(3, Math.round(b.cell.depth_nm / 0.3))) * 0.75;
    const sites: CrossSection["sites"] = [];
    for (let s = 0; s < b.graph.sites; s++) {
      if (Math.abs(b.y[s] - cy) > half) continue;
      sites.push({
        x_nm: b.x[s],
        z_nm: b.z[s],
        phase: b.gapOf[s] < 0 ? (b.interfaceSites.includes(s) ? "interface" : "support") : "metal",
        occupied: g.occupied[s] === 1,
        o18: g.label[s] === 1,
      });
    }
    return { width_nm: b.cell.width_nm, time_s: g.time, events: g.events, sites };
  }

  /** The observables now. */
  sample(): BulkOxygenSample {
    const b = this.built;
    const g = this.engine;
    const gaps = b.octahedralPerGap.length;
    const octO = new Array<number>(gaps).fill(0);
    let inMetal = 0;
    let onSurface = 0;
    let o18 = 0;
    const vac = new Array<number>(b.supportPerLayer.length).fill(0);
    for (let s = 0; s < b.graph.sites; s++) {
      const gp = b.gapOf[s];
      if (gp < 0) {
        if (g.occupied[s] === 0) vac[b.supportLayerOf[s]]++;
        continue;
      }
      if (g.occupied[s] === 0) continue;
      if (b.isShell[s]) {
        onSurface++;
        continue;
      }
      inMetal++;
      o18 += g.label[s];
      if (b.isOctahedral[s]) octO[gp]++;
    }
    const byGap = octO.map((x, i) => (b.octahedralPerGap[i] > 0 ? x / b.octahedralPerGap[i] : 0));
    let front = 0;
    while (front < gaps && byGap[front] >= this.threshold) front++;
    const totalOct = b.octahedralPerGap.reduce((s, x) => s + x, 0);
    return {
      events: g.events,
      time_s: g.time,
      oxidisedFraction: Math.min(1, inMetal / totalOct),
      frontDepth_nm: front * b.metalLattice.layerSpacing_nm,
      oxidisedByGap: byGap,
      o18FractionOfMetalOxygen: inMetal > 0 ? o18 / inMetal : null,
      oxygenInMetal: inMetal,
      interfaceCrossings: g.hopCounts[KIND_CROSSING],
      interfaceReturns: g.hopCounts[KIND_RETURN],
      netInterfaceTransfer: g.executedHopCounts[KIND_CROSSING] - g.executedHopCounts[KIND_RETURN],
      interfaceRateScale: g.kindScale[KIND_CROSSING],
      surfaceIncorporations: g.hopCounts[KIND_INCORPORATION],
      surfaceReleases: g.hopCounts[KIND_SURFACE_RETURN],
      surfaceAdsorptions: g.exchangeCounts[2 * GROUP_METAL_SURFACE],
      surfaceDesorptions: g.exchangeCounts[2 * GROUP_METAL_SURFACE + 1],
      oxygenOnSurface: onSurface,
      supportUptake: g.exchangeCounts[2 * GROUP_SUPPORT_SURFACE],
      supportRelease: g.exchangeCounts[2 * GROUP_SUPPORT_SURFACE + 1],
      supportVacancyProfile: vac.map((v, k) => v / b.supportPerLayer[k]),
    };
  }

  /**
   * Analytic steady-state O flux through the interface in the dilute limit (film geometry only), s⁻¹ per
   * cell: the support's interface sites held at equilibrium with μ_source, the metal surface draining to
   * the metal-surface reservoir. Linear response of the same site network: every hop is a conductance
   * g = ν exp(−E‡/k_B T) (E‡ its saddle energy) times the free fraction (1 − p) of its end sites, dilute
   * O in the metal (p = 0), the support at its equilibrium occupancy; nodes at one height are equivalent
   * by the cell's translation symmetry, so the network folds onto heights and the steady state solves a
   * small linear system of activities y = exp(μ/k_B T). For a chain of heights this is the series-
   * resistance formula J = (y_in − y_out) / Σ 1/G_k (`seriesResistanceFlux`).
   */
  analyticInterfaceFlux(sourcePotential_eV: number): number {
    if (this.parameters.geometry !== "film")
      throw new InputError("geometry", "the analytic interface flux is defined for the film geometry");
    const b = this.built;
    const g = b.graph;
    const kT = BOLTZMANN_eV_PER_K * this.options.temperature_K;
    const nu = this.built.engineOptions.attemptFrequency_Hz;
    const muOut = this.built.engineOptions.reservoirPotential_eV[METAL_SURFACE];
    const isInterface = new Uint8Array(g.sites);
    for (const s of b.interfaceSites) isInterface[s] = 1;
    // nodes: 0 = source (interface sites), 1 = sink (metal-surface reservoir), then one per metal height
    const heights = new Map<number, number>();
    const nodeOf = new Int32Array(g.sites).fill(-1);
    for (let s = 0; s < g.sites; s++) {
      if (isInterface[s]) nodeOf[s] = 0;
      else if (b.gapOf[s] >= 0) {
        const z = Math.round(b.z[s] * 1e4);
        let n = heights.get(z);
        if (n === undefined) {
          n = 2 + heights.size;
          heights.set(z, n);
        }
        nodeOf[s] = n;
      }
    }
    const M = 2 + heights.size;
    const G = Array.from({ length: M }, () => new Float64Array(M));
    const free = (s: number) =>
      isInterface[s] ? 1 / (1 + Math.exp((sourcePotential_eV - g.siteEnergy_eV[s]) / kT)) : 1;
    for (let s = 0; s < g.sites; s++) {
      const a = nodeOf[s];
      if (a < 0) continue;
      for (let e = g.hopStart[s]; e < g.hopStart[s + 1]; e++) {
        const t = g.hopTo[e];
        const c = nodeOf[t];
        if (c < 0 || c === a || t < s) continue;
        const saddle =
          g.siteEnergy_eV[s] + hopBarrier(g.hopBarrier_eV[e], g.siteEnergy_eV[s], g.siteEnergy_eV[t]);
        const cond = nu * Math.exp(-saddle / kT) * free(s) * free(t);
        G[a][c] += cond;
        G[c][a] += cond;
      }
      if (g.reservoir[s] === METAL_SURFACE) {
        const saddle = g.siteEnergy_eV[s] + hopBarrier(g.exchangeBarrier_eV[s], g.siteEnergy_eV[s], muOut);
        const cond = nu * Math.exp(-saddle / kT) * free(s);
        G[a][1] += cond;
        G[1][a] += cond;
      }
    }
    const yIn = Math.exp(sourcePotential_eV / kT);
    const yOut = Math.exp(muOut / kT);
    const y = solveActivities(G, yIn, yOut);
    let J = 0;
    for (let c = 2; c < M; c++) J += G[0][c] * (yIn - y[c]);
    return J;
  }
}

/** Kirchhoff: Σ_m G_km (y_k − y_m) = 0 for k ≥ 2, with y_0 = yIn and y_1 = yOut fixed. */
function solveActivities(G: Float64Array[], yIn: number, yOut: number): Float64Array {
  const M = G.length;
  const n = M - 2;
  const A = Array.from({ length: n }, () => new Float64Array(n + 1));
  for (let k = 0; k < n; k++) {
    let diag = 0;
    for (let m = 0; m < M; m++) if (m !== k + 2) diag += G[k + 2][m];
    A[k][k] = diag;
    for (let m = 2; m < M; m++) if (m !== k + 2) A[k][m - 2] -= G[k + 2][m];
    A[k][n] = G[k + 2][0] * yIn + G[k + 2][1] * yOut;
  }
  // Gaussian elimination with partial pivoting
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r][c]) > Math.abs(A[p][c])) p = r;
    [A[c], A[p]] = [A[p], A[c]];
    for (let r = c + 1; r < n; r++) {
      const f = A[r][c] / A[c][c];
      for (let k = c; k <= n; k++) A[r][k] -= f * A[c][k];
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = A[r][n];
    for (let k = r + 1; k < n; k++) s -= A[r][k] * x[k];
    x[r] = s / A[r][r];
  }
  const y = new Float64Array(M);
  y[0] = yIn;
  y[1] = yOut;
  y.set(x, 2);
  return y;
}

/** Series resistances: J = (y_in − y_out) / Σ_k 1/G_k for a chain of conductances G_k (s⁻¹). */
export function seriesResistanceFlux(
  conductances_per_s: readonly number[],
  activityIn: number,
  activityOut: number,
): number {
  const resistance = conductances_per_s.reduce((s, g) => s + 1 / g, 0);
  return (activityIn - activityOut) / resistance;
}

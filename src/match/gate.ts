/**
 * The interface gate: orientation relationships of a metal (and of the oxide that grows on it) on
 * the facets a support actually exposes, judged from the whole coincidence cell.
 *
 * Planes: the support's dominant facets against the film's low-energy planes, both from
 * data/match/interface-planes.json (each list with its source). For each plane pair every
 * coincidence cell with at most `GATE_SEARCH_MAX_SIGMA` primitive surface cells per side is
 * searched (all sublattices, Hermite normal form, as in Zur & McGill 1984) and the best misfit of
 * each size kept. A coincidence cell of i film and j substrate primitive cells has Σ = max(i, j):
 * one lattice site in Σ of the denser side is a coincidence site. Its misfit δ is the largest
 * principal linear misfit |λ − 1| of the in-plane deformation film → substrate (the δ of Porter &
 * Easterling and Bramfitt); its strain is pymatgen's von Mises strain (strain.ts).
 *
 * Verdict of a cell: coherent when Σ ≤ coherentMaxSigma and δ ≤ coherentMaxMisfit; semi-coherent
 * when Σ ≤ semicoherentMaxSigma and δ ≤ semicoherentMaxMisfit; else incoherent. A plane pair takes
 * its best cell; the interface takes the best plane pair (verdict, then the support's most exposed
 * facet, then smaller Σ, then smaller δ, then the film's lower-energy plane). Sources: docs/interface.md.
 */
import { readFileSync } from "node:fs";
import { hasHexagonalAxes, formatPlane, parsePlane } from "../crystal/miller-bravais.js";
import type { MillerIndex } from "../crystal/miller.js";
import type { Vec3 } from "../crystal/vector.js";
import { getMaterial } from "../materials/library.js";
import { InputError } from "../units/errors.js";
import { type ConventionalCell, conventionalCell, primitiveSurfaceMesh } from "./cell.js";
import { COHERENT_MAX_MISFIT, SEMICOHERENT_MAX_MISFIT } from "./coherence.js";
import { MAX_MILLER_INDEX, distinctMillerIndices } from "./miller-enumeration.js";
import { matchStrain } from "./strain.js";
import { type Basis2, type SupercellSet, cachedSupercells, pick } from "./zsl.js";

export type GateVerdict = "coherent" | "semi-coherent" | "incoherent";

export interface OrientationRelationship {
  /** Miller (hkl), or Miller–Bravais (hkil) for cells with hexagonal axes. */
  filmPlane: string;
  substratePlane: string;
  verdict: GateVerdict;
  /** Fractional von Mises strain of the coincidence cell (pymatgen's definition). */
  strain: number;
  /** Largest principal linear misfit |λ − 1| of the coincidence cell: the δ the thresholds judge. */
  misfit: number;
  /** Primitive surface cells of the film / substrate in the coincidence cell. */
  cellsFilm: number;
  cellsSubstrate: number;
  /** Σ = max(cellsFilm, cellsSubstrate): one site in Σ of the denser lattice coincides. */
  sigma: number;
  /** Coincidence-cell area on the substrate, Å². */
  area_A2: number;
  /** One coincidence site per coincidence cell, per nm². */
  coincidenceSiteDensity_per_nm2: number;
  /** 1 = the support's most exposed facet. */
  substrateFacetRank: number;
  filmPlaneRank: number;
  reason: string;
}

export interface GateThresholds {
  coherentMaxMisfit: number;
  semicoherentMaxMisfit: number;
  coherentMaxSigma: number;
  semicoherentMaxSigma: number;
}

export interface ThresholdSensitivity {
  value: number;
  source: string;
  /** Range explored (stated, with its source or as an assumption). */
  range: [number, number];
  rangeSource: string;
  /** Verdict of the pair with this threshold at each grid value (the others at their values). */
  verdicts: { value: number; verdict: GateVerdict }[];
  /** Threshold values at which the verdict changes (over the whole meaningful domain). */
  flipsAt: { value: number; below: GateVerdict; atOrAbove: GateVerdict; inRange: boolean }[];
}

export interface GateSensitivity {
  /** True when the verdict is the same at every grid value of every range (one at a time) and over the full grid. */
  robust: boolean;
  thresholds: Record<keyof GateThresholds, ThresholdSensitivity>;
  /** All combinations of the grid values of the four ranges. */
  fullGrid: { points: number; verdicts: Record<GateVerdict, number> };
}

export type ChosenRelationship = OrientationRelationship & { sensitivity: GateSensitivity };

export interface InterfaceGateResult {
  metal: string;
  support: string;
  relationships: OrientationRelationship[];
  chosen: ChosenRelationship;
  oxide: {
    formula: string;
    id: string;
    source: string;
    relationships: OrientationRelationship[];
    chosen: ChosenRelationship;
  } | null;
  /** Why `oxide` is null. */
  oxideNote: string | null;
  planes: { support: PlaneList; metal: PlaneList; oxide: PlaneList | null };
  thresholds: Record<keyof GateThresholds, { value: number; source: string; isAssumption: boolean }>;
  search: { maxSigma: number; maxMisfit: number; source: string };
}

export interface PlaneList {
  planes: string[];
  source: string;
  /** True when no sourced list exists and every distinct plane with indices ≤ 1 is used. */
  isAssumption: boolean;
}

export interface InterfaceGateOptions {
  /** Restrict the support to this plane, e.g. "(110)" or "(0001)". */
  supportFacet?: string;
  thresholds?: Partial<GateThresholds>;
}

/**
 * Largest Σ a coherent cell may have: 1, a 1:1 correspondence of the primitive surface cells.
 * Source: Porter, Easterling & Sherif, Phase Transformations in Metals and Alloys, 3rd ed. (CRC,
 * 2009), §3.4.1: a coherent interface has "the same atomic configuration" in the interface plane
 * of both phases, so the lattices continue across it.
 */
export const COHERENT_MAX_SIGMA = 1;

/**
 * ASSUMPTION: largest Σ of a semi-coherent (commensurate) coincidence cell, 4: the smallest
 * commensurate superstructures, c(2×2) (Σ 2), (√3×√3)R30° (Σ 3) and p(2×2) (Σ 4) in Wood's notation
 * (E. A. Wood, J. Appl. Phys. 35, 1306 (1964)). Larger cells are found within a few % for almost
 * any pair of lattices and say little. Overridable; its effect is printed (sensitivity).
 */
export const SEMICOHERENT_MAX_SIGMA = 4;

/** Largest Σ searched: the top of the explored range of `semicoherentMaxSigma`, p(3×3). */
export const GATE_SEARCH_MAX_SIGMA = 9;

/**
 * Largest misfit searched, 0.25: beyond it an interface is incoherent — one misfit dislocation
 * every ≈ 4 planes (Porter, Easterling & Sherif (2009), §3.4.1).
 */
export const GATE_SEARCH_MAX_MISFIT = 0.25;

export const DEFAULT_GATE_THRESHOLDS: Readonly<GateThresholds> = Object.freeze({
  coherentMaxMisfit: COHERENT_MAX_MISFIT,
  semicoherentMaxMisfit: SEMICOHERENT_MAX_MISFIT,
  coherentMaxSigma: COHERENT_MAX_SIGMA,
  semicoherentMaxSigma: SEMICOHERENT_MAX_SIGMA,
});

const THRESHOLD_INFO: Record<
  keyof GateThresholds,
  { source: string; isAssumption: boolean; range: [number, number]; rangeSource: string; integer: boolean }
> = {
  coherentMaxMisfit: {
    source:
      "Porter, Easterling & Sherif, Phase Transformations in Metals and Alloys, 3rd ed. (CRC, 2009), §3.4.1: coherent interfaces for misfit δ ≲ 0.05",
    isAssumption: false,
    range: [0.03, 0.06],
    rangeSource:
      "0.03: the default length tolerance of coincidence matching (pymatgen ZSL; Ding et al., ACS Appl. Mater. Interfaces 8, 13086 (2016)); 0.06: Bramfitt's 'very effective' disregistry bound (Metall. Trans. 1, 1987 (1970))",
    integer: false,
  },
  semicoherentMaxMisfit: {
    source:
      "Bramfitt, Metall. Trans. 1, 1987 (1970), doi:10.1007/BF02642799: disregistry 6–12 % moderately effective, > 12 % ineffective heterogeneous nucleation",
    isAssumption: false,
    range: [0.06, 0.25],
    rangeSource:
      "0.06: Bramfitt's 'very effective' bound; 0.25: Porter & Easterling's structural limit of semi-coherence (a dislocation every ≈ 4 planes)",
    integer: false,
  },
  coherentMaxSigma: {
    source:
      "Porter, Easterling & Sherif (2009), §3.4.1: coherent = the same configuration in the interface plane, i.e. a 1:1 cell correspondence (Σ = 1)",
    isAssumption: false,
    range: [1, 3],
    rangeSource: "ASSUMPTION: up to the (√3×√3)R30° commensurate cell (Σ 3)",
    integer: true,
  },
  semicoherentMaxSigma: {
    source:
      "ASSUMPTION: the smallest commensurate superstructures, c(2×2), (√3×√3)R30°, p(2×2) (Wood, J. Appl. Phys. 35, 1306 (1964)): Σ ≤ 4",
    isAssumption: true,
    range: [2, 9],
    rangeSource: "ASSUMPTION: from c(2×2) (Σ 2) to p(3×3) (Σ 9)",
    integer: true,
  },
};

export const VERDICT_ORDER: Record<GateVerdict, number> = { coherent: 0, "semi-coherent": 1, incoherent: 2 };

// ---------------------------------------------------------------------------------------------
// Data

interface PlanesData {
  supports: Record<string, { facets: string[]; source: string; verify?: boolean; note?: string }>;
  films: Record<string, { planes: string[]; source: string; verify?: boolean }>;
  filmStructureType: Record<string, string>;
  oxides: Record<string, { oxide: string | null; source?: string; reason?: string; verify?: boolean }>;
}

let planesData: PlanesData | undefined;
export function interfacePlanesData(): PlanesData {
  if (!planesData)
    planesData = JSON.parse(
      readFileSync(new URL("../../data/match/interface-planes.json", import.meta.url), "utf8"),
    ) as PlanesData;
  return planesData;
}

const verifyTag = (v: boolean | undefined) => (v ? " [verify: recalled, not checked here — ASSUMPTION]" : "");

// ---------------------------------------------------------------------------------------------
// Coincidence cells of one plane pair

/** One coincidence cell: i film cells on j substrate cells, with its best misfit. */
export interface CoincidenceCell {
  cellsFilm: number;
  cellsSubstrate: number;
  sigma: number;
  misfit: number;
  strain: number;
  area_A2: number;
  filmVectors: Basis2;
  substrateVectors: Basis2;
}

const neg = (v: Vec3): Vec3 => [-v[0], -v[1], -v[2]];
const area2 = (b: Basis2) => {
  const [a, c] = b;
  const x = a[1] * c[2] - a[2] * c[1];
  const y = a[2] * c[0] - a[0] * c[2];
  const z = a[0] * c[1] - a[1] * c[0];
  return Math.sqrt(x * x + y * y + z * z);
};

/** Best misfit of film basis → substrate basis over the equivalent orderings/signs of the substrate basis. */
function bestPairing(f: Basis2, s: Basis2): { misfit: number; strain: number; substrate: Basis2 } {
  let best = { misfit: Number.POSITIVE_INFINITY, strain: Number.POSITIVE_INFINITY, substrate: s };
  for (const v of [s, [s[1], s[0]], [s[0], neg(s[1])], [s[1], neg(s[0])]] as Basis2[]) {
    const st = matchStrain(f, v);
    const d = Math.max(Math.abs(st.principalMisfits[0]), Math.abs(st.principalMisfits[1]));
    if (d < best.misfit - 1e-12 || (Math.abs(d - best.misfit) <= 1e-12 && st.vonMises < best.strain))
      best = { misfit: d, strain: st.vonMises, substrate: v };
  }
  return best;
}

/**
 * Pareto front (Σ, misfit) of the coincidence cells of two primitive surface meshes, Σ ≤ maxSigma
 * and misfit ≤ maxMisfit; the 1:1 cell is always included whatever its misfit.
 */
export function coincidenceCells(
  film: Basis2,
  substrate: Basis2,
  maxSigma = GATE_SEARCH_MAX_SIGMA,
  maxMisfit = GATE_SEARCH_MAX_MISFIT,
): CoincidenceCell[] {
  const af = area2(film);
  const as = area2(substrate);
  const filmSets = new Map<number, SupercellSet>();
  const subSets = new Map<number, SupercellSet>();
  const lo = 1 - maxMisfit;
  const hi = 1 + maxMisfit;
  const byCells = new Map<string, CoincidenceCell>();
  const one = bestPairing(film, substrate);
  byCells.set("1,1", {
    cellsFilm: 1,
    cellsSubstrate: 1,
    sigma: 1,
    misfit: one.misfit,
    strain: one.strain,
    area_A2: as,
    filmVectors: film,
    substrateVectors: one.substrate,
  });
  for (let i = 1; i <= maxSigma; i++)
    for (let j = 1; j <= maxSigma; j++) {
      const ratio = (j * as) / (i * af);
      if (ratio < lo * lo || ratio > hi * hi) continue;
      const fs = cachedSupercells(filmSets, film, i);
      const ss = cachedSupercells(subSets, substrate, j);
      const key = `${i},${j}`;
      for (let f = 0; f < fs.count; f++) {
        const fl1 = fs.len1[f];
        const fl2 = fs.len2[f];
        for (let s = 0; s < ss.count; s++) {
          // Every vector's length ratio lies between the principal stretches: a necessary condition.
          const r11 = ss.len1[s] / fl1;
          const r22 = ss.len2[s] / fl2;
          const r12 = ss.len2[s] / fl1;
          const r21 = ss.len1[s] / fl2;
          const direct = r11 >= lo && r11 <= hi && r22 >= lo && r22 <= hi;
          const swapped = r12 >= lo && r12 <= hi && r21 >= lo && r21 <= hi;
          if (!direct && !swapped) continue;
          const fv = pick(fs, f);
          const p = bestPairing(fv, pick(ss, s));
          if (p.misfit > maxMisfit) continue;
          const prev = byCells.get(key);
          if (!prev || p.misfit < prev.misfit - 1e-12)
            byCells.set(key, {
              cellsFilm: i,
              cellsSubstrate: j,
              sigma: Math.max(i, j),
              misfit: p.misfit,
              strain: p.strain,
              area_A2: area2(p.substrate),
              filmVectors: fv,
              substrateVectors: p.substrate,
            });
        }
      }
    }
  const all = [...byCells.values()].sort(
    (a, b) => a.sigma - b.sigma || a.misfit - b.misfit || a.cellsFilm - b.cellsFilm,
  );
  const front: CoincidenceCell[] = [];
  let bestMisfit = Number.POSITIVE_INFINITY;
  for (const c of all)
    if (c.misfit < bestMisfit - 1e-9) {
      front.push(c);
      bestMisfit = c.misfit;
    }
  return front;
}

/** Verdict of one plane pair under the thresholds, and the cell that earns it. */
export function judgeCells(
  cells: readonly CoincidenceCell[],
  t: GateThresholds,
): { verdict: GateVerdict; cell: CoincidenceCell } {
  const pick = (maxSigma: number, maxMisfit: number) => {
    let best: CoincidenceCell | undefined;
    for (const c of cells)
      if (c.sigma <= maxSigma && c.misfit <= maxMisfit + 1e-12)
        if (!best || c.sigma < best.sigma || (c.sigma === best.sigma && c.misfit < best.misfit)) best = c;
    return best;
  };
  const coh = pick(t.coherentMaxSigma, t.coherentMaxMisfit);
  if (coh) return { verdict: "coherent", cell: coh };
  const semi = pick(t.semicoherentMaxSigma, t.semicoherentMaxMisfit);
  if (semi) return { verdict: "semi-coherent", cell: semi };
  // Incoherent: report the cell of smallest misfit found (the 1:1 cell is always there).
  let closest = cells[0];
  for (const c of cells) if (c.misfit < closest.misfit) closest = c;
  return { verdict: "incoherent", cell: closest };
}

// ---------------------------------------------------------------------------------------------
// Plane pairs of a film on a support

interface PlanePair {
  filmPlane: string;
  substratePlane: string;
  filmPlaneRank: number;
  substrateFacetRank: number;
  filmHkl: MillerIndex;
  substrateHkl: MillerIndex;
  cells: CoincidenceCell[];
}

interface PhaseCell {
  id: string;
  formula: string;
  cell: ConventionalCell;
  hexagonal: boolean;
}

const phaseCache = new Map<string, PhaseCell>();
function phase(id: string, field: string): PhaseCell {
  const hit = phaseCache.get(id);
  if (hit) return hit;
  const m = getMaterial(id, undefined, field);
  const cell = conventionalCell(m.structure, field);
  const p = {
    id: m.entry.id,
    formula: m.entry.formula,
    cell,
    hexagonal: hasHexagonalAxes(cell.structure.lattice),
  };
  phaseCache.set(id, p);
  return p;
}

function fallbackPlanes(p: PhaseCell): PlaneList & { hkl: MillerIndex[] } {
  const hkl = distinctMillerIndices(p.cell.latticeRotations, 1);
  return {
    planes: hkl.map((h) => formatPlane(h, p.hexagonal)),
    hkl,
    source:
      "ASSUMPTION: no sourced list of low-energy planes for this phase; every symmetry-distinct plane with indices ≤ 1 is paired",
    isAssumption: true,
  };
}

function sourcedPlanes(p: PhaseCell, planes: string[], source: string, field: string) {
  const hkl = planes.map((x) => parsePlane(x, p.hexagonal, field));
  return { planes: hkl.map((h) => formatPlane(h, p.hexagonal)), hkl, source, isAssumption: false };
}

function supportPlanes(p: PhaseCell, facet: string | undefined): PlaneList & { hkl: MillerIndex[] } {
  if (facet !== undefined) {
    const h = parsePlane(facet, p.hexagonal, "--support-facet");
    if (h.some((x) => Math.abs(x) > MAX_MILLER_INDEX))
      throw new InputError(
        "--support-facet",
        `indices above ${MAX_MILLER_INDEX} are not searched (got ${facet})`,
      );
    return {
      planes: [formatPlane(h, p.hexagonal)],
      hkl: [h],
      source: "given with --support-facet",
      isAssumption: false,
    };
  }
  const d = interfacePlanesData().supports[p.id];
  if (!d) return fallbackPlanes(p);
  return sourcedPlanes(p, d.facets, d.source + verifyTag(d.verify), `data/match supports.${p.id}`);
}

function filmPlanes(p: PhaseCell): PlaneList & { hkl: MillerIndex[] } {
  const data = interfacePlanesData();
  const type = data.filmStructureType[p.id];
  const d = type ? data.films[type] : undefined;
  if (!d) return fallbackPlanes(p);
  return sourcedPlanes(p, d.planes, `${type}: ${d.source}${verifyTag(d.verify)}`, `data/match films.${type}`);
}

const pairCache = new Map<string, PlanePair>();
function planePair(
  film: PhaseCell,
  sub: PhaseCell,
  fh: MillerIndex,
  sh: MillerIndex,
  filmPlaneRank: number,
  substrateFacetRank: number,
): PlanePair {
  const key = `${film.id}|${sub.id}|${fh.join(",")}|${sh.join(",")}`;
  let cells = pairCache.get(key)?.cells;
  if (!cells) {
    const fm = primitiveSurfaceMesh(film.cell, fh);
    const sm = primitiveSurfaceMesh(sub.cell, sh);
    cells = coincidenceCells(fm, sm);
  }
  const pair = {
    filmPlane: formatPlane(fh, film.hexagonal),
    substratePlane: formatPlane(sh, sub.hexagonal),
    filmPlaneRank,
    substrateFacetRank,
    filmHkl: fh,
    substrateHkl: sh,
    cells,
  };
  pairCache.set(key, pair);
  return pair;
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function describe(
  film: PhaseCell,
  sub: PhaseCell,
  pair: PlanePair,
  verdict: GateVerdict,
  c: CoincidenceCell,
  t: GateThresholds,
): string {
  const cellText =
    c.sigma === 1
      ? "a 1:1 cell correspondence"
      : `${c.cellsFilm} ${film.id} cell${c.cellsFilm > 1 ? "s" : ""} on ${c.cellsSubstrate} ${sub.id} cell${c.cellsSubstrate > 1 ? "s" : ""} (Σ ${c.sigma}, ${c.sigma <= t.semicoherentMaxSigma ? "a commensurate superstructure" : "a large coincidence cell"})`;
  const head = `${film.id} ${pair.filmPlane} ∥ ${sub.id} ${pair.substratePlane}: ${cellText} at ${pct(c.misfit)} misfit (von Mises strain ${pct(c.strain)}, ${(100 / c.area_A2).toFixed(2)} coincidence sites/nm²)`;
  if (verdict === "coherent")
    return `${head}; coherent: Σ ${c.sigma} ≤ ${t.coherentMaxSigma} and misfit ≤ ${pct(t.coherentMaxMisfit)} (Porter & Easterling)`;
  if (verdict === "semi-coherent")
    return `${head}; semi-coherent: Σ ${c.sigma} ≤ ${t.semicoherentMaxSigma} (assumption) and misfit ≤ ${pct(t.semicoherentMaxMisfit)} (Bramfitt), not coherent (needs Σ ≤ ${t.coherentMaxSigma} and misfit ≤ ${pct(t.coherentMaxMisfit)})`;
  return `${head}; incoherent: no coincidence cell with Σ ≤ ${t.semicoherentMaxSigma} within ${pct(t.semicoherentMaxMisfit)} misfit`;
}

function relationship(
  film: PhaseCell,
  sub: PhaseCell,
  pair: PlanePair,
  t: GateThresholds,
): OrientationRelationship & { cell: CoincidenceCell; pair: PlanePair } {
  const j = judgeCells(pair.cells, t);
  const c = j.cell;
  return {
    filmPlane: pair.filmPlane,
    substratePlane: pair.substratePlane,
    verdict: j.verdict,
    strain: c.strain,
    misfit: c.misfit,
    cellsFilm: c.cellsFilm,
    cellsSubstrate: c.cellsSubstrate,
    sigma: c.sigma,
    area_A2: c.area_A2,
    coincidenceSiteDensity_per_nm2: 100 / c.area_A2,
    substrateFacetRank: pair.substrateFacetRank,
    filmPlaneRank: pair.filmPlaneRank,
    reason: describe(film, sub, pair, j.verdict, c, t),
    cell: c,
    pair,
  };
}

function better(a: OrientationRelationship, b: OrientationRelationship): number {
  return (
    VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] ||
    a.substrateFacetRank - b.substrateFacetRank ||
    a.sigma - b.sigma ||
    a.misfit - b.misfit ||
    a.filmPlaneRank - b.filmPlaneRank
  );
}

function pairVerdict(pairs: readonly PlanePair[], t: GateThresholds): GateVerdict {
  let v: GateVerdict = "incoherent";
  for (const p of pairs) {
    const x = judgeCells(p.cells, t).verdict;
    if (VERDICT_ORDER[x] < VERDICT_ORDER[v]) v = x;
  }
  return v;
}

function validThresholds(t: GateThresholds): boolean {
  return t.coherentMaxMisfit <= t.semicoherentMaxMisfit && t.coherentMaxSigma <= t.semicoherentMaxSigma;
}

function grid(key: keyof GateThresholds): number[] {
  const info = THRESHOLD_INFO[key];
  const [lo, hi] = info.range;
  if (info.integer) return Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
  const n = 5;
  return Array.from({ length: n + 1 }, (_, k) => Number((lo + ((hi - lo) * k) / n).toFixed(4)));
}

/** The pair verdict across each threshold's stated range, the values where it flips, and the full grid. */
export function gateSensitivity(pairs: readonly PlanePair[], t: GateThresholds): GateSensitivity {
  const base = pairVerdict(pairs, t);
  let robust = true;
  const out = {} as Record<keyof GateThresholds, ThresholdSensitivity>;
  for (const key of Object.keys(THRESHOLD_INFO) as (keyof GateThresholds)[]) {
    const info = THRESHOLD_INFO[key];
    const at = (v: number) => {
      const tt = { ...t, [key]: v };
      // Keep the pair of bounds ordered: the partner moves with the varied threshold when crossed.
      if (key === "coherentMaxMisfit") tt.semicoherentMaxMisfit = Math.max(tt.semicoherentMaxMisfit, v);
      if (key === "semicoherentMaxMisfit") tt.coherentMaxMisfit = Math.min(tt.coherentMaxMisfit, v);
      if (key === "coherentMaxSigma") tt.semicoherentMaxSigma = Math.max(tt.semicoherentMaxSigma, v);
      if (key === "semicoherentMaxSigma") tt.coherentMaxSigma = Math.min(tt.coherentMaxSigma, v);
      return pairVerdict(pairs, tt);
    };
    const verdicts = grid(key).map((value) => ({ value, verdict: at(value) }));
    if (verdicts.some((v) => v.verdict !== base)) robust = false;
    // Breakpoints: the measure the threshold compares (misfit or Σ) of every cell found.
    const values = new Set<number>();
    for (const p of pairs)
      for (const c of p.cells) values.add(info.integer ? c.sigma : Number(c.misfit.toPrecision(12)));
    const flipsAt: ThresholdSensitivity["flipsAt"] = [];
    for (const b of [...values].sort((x, y) => x - y)) {
      if (info.integer ? b < 2 || b > GATE_SEARCH_MAX_SIGMA : b > GATE_SEARCH_MAX_MISFIT) continue;
      const below = at(info.integer ? b - 1 : b * (1 - 1e-9));
      const above = at(b);
      if (below !== above)
        flipsAt.push({
          value: b,
          below,
          atOrAbove: above,
          inRange: b >= info.range[0] && b <= info.range[1],
        });
    }
    out[key] = {
      value: t[key],
      source: info.source,
      range: info.range,
      rangeSource: info.rangeSource,
      verdicts,
      flipsAt,
    };
  }
  const counts: Record<GateVerdict, number> = { coherent: 0, "semi-coherent": 0, incoherent: 0 };
  let points = 0;
  for (const a of grid("coherentMaxMisfit"))
    for (const b of grid("semicoherentMaxMisfit"))
      for (const c of grid("coherentMaxSigma"))
        for (const d of grid("semicoherentMaxSigma")) {
          const tt = {
            coherentMaxMisfit: a,
            semicoherentMaxMisfit: b,
            coherentMaxSigma: c,
            semicoherentMaxSigma: d,
          };
          if (!validThresholds(tt)) continue;
          points++;
          counts[pairVerdict(pairs, tt)]++;
        }
  if (counts[base] !== points) robust = false;
  return { robust, thresholds: out, fullGrid: { points, verdicts: counts } };
}

interface FilmOnSupport {
  relationships: (OrientationRelationship & { cell: CoincidenceCell; pair: PlanePair })[];
  chosen: OrientationRelationship & { cell: CoincidenceCell; pair: PlanePair; sensitivity: GateSensitivity };
  planes: PlaneList;
}

function filmOnSupport(
  film: PhaseCell,
  sub: PhaseCell,
  facet: string | undefined,
  t: GateThresholds,
): FilmOnSupport {
  const fp = filmPlanes(film);
  const sp = supportPlanes(sub, facet);
  const pairs: PlanePair[] = [];
  sp.hkl.forEach((sh, si) => {
    fp.hkl.forEach((fh, fi) => {
      pairs.push(planePair(film, sub, fh, sh, fi + 1, si + 1));
    });
  });
  const rels = pairs.map((p) => relationship(film, sub, p, t)).sort(better);
  const best = rels[0];
  const why = `chosen among ${rels.length} plane pair${rels.length > 1 ? "s" : ""} by verdict, then the support's most exposed facet (this is rank ${best.substrateFacetRank} of ${sp.hkl.length}), then the smallest coincidence cell, then the smallest misfit`;
  return {
    relationships: rels,
    chosen: {
      ...best,
      reason: `${best.reason}. Predicted orientation relationship: ${why}.`,
      sensitivity: gateSensitivity(pairs, t),
    },
    planes: { planes: fp.planes, source: fp.source, isAssumption: fp.isAssumption },
  };
}

function thresholdsFrom(o: Partial<GateThresholds> | undefined): GateThresholds {
  const t = { ...DEFAULT_GATE_THRESHOLDS, ...(o ?? {}) };
  for (const [k, v] of Object.entries(t)) {
    const info = THRESHOLD_INFO[k as keyof GateThresholds];
    if (!info) throw new InputError(`thresholds.${k}`, "unknown gate threshold");
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0)
      throw new InputError(`thresholds.${k}`, `must be a positive number (got ${v})`);
    if (info.integer && (!Number.isInteger(v) || v > GATE_SEARCH_MAX_SIGMA))
      throw new InputError(
        `thresholds.${k}`,
        `must be an integer from 1 to ${GATE_SEARCH_MAX_SIGMA} (got ${v})`,
      );
    if (!info.integer && v > GATE_SEARCH_MAX_MISFIT)
      throw new InputError(
        `thresholds.${k}`,
        `must not exceed the searched misfit ${GATE_SEARCH_MAX_MISFIT} (got ${v})`,
      );
  }
  if (!validThresholds(t))
    throw new InputError("thresholds", "the coherent bounds must not exceed the semi-coherent ones");
  return t;
}

const strip = ({ cell: _c, pair: _p, ...r }: OrientationRelationship & { cell: unknown; pair: unknown }) => r;
const stripChosen = (c: FilmOnSupport["chosen"]): ChosenRelationship => ({
  ...strip(c),
  sensitivity: c.sensitivity,
});

/** Internal details the DFT export needs (cells and coincidence vectors of the chosen relationships). */
export interface GateDetails {
  result: InterfaceGateResult;
  metal: { phase: PhaseCell; chosen: FilmOnSupport["chosen"] };
  oxide: { phase: PhaseCell; chosen: FilmOnSupport["chosen"] } | null;
  support: PhaseCell;
}

function deepFreeze<T>(x: T): T {
  if (x && typeof x === "object" && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x as object)) deepFreeze(v);
  }
  return x;
}

const memo = new Map<string, GateDetails>();
/** Results kept; the oldest is dropped beyond this (≈ 10 kB each: memory stays bounded). */
export const GATE_MEMO_SIZE = 10_000;

/** The gate with the cells behind it (memoised with `interfaceGate`). */
export function interfaceGateDetails(
  metal: string,
  support: string,
  options: InterfaceGateOptions = {},
): GateDetails {
  const key = `${metal}\u0000${support}\u0000${options.supportFacet ?? ""}\u0000${
    options.thresholds ? JSON.stringify(options.thresholds) : ""
  }`;
  const hit = memo.get(key);
  if (hit) return hit;
  const t = thresholdsFrom(options.thresholds);
  const m = phase(metal, "METAL");
  const s = phase(support, "SUPPORT");
  const metalSide = filmOnSupport(m, s, options.supportFacet, t);
  const ox = interfacePlanesData().oxides[m.id];
  let oxide: GateDetails["oxide"] = null;
  let oxideNote: string | null = null;
  let oxideResult: InterfaceGateResult["oxide"] = null;
  let oxidePlanes: PlaneList | null = null;
  if (ox?.oxide) {
    const o = phase(ox.oxide, "oxide");
    const side = filmOnSupport(o, s, options.supportFacet, t);
    oxide = { phase: o, chosen: side.chosen };
    oxidePlanes = side.planes;
    oxideResult = {
      formula: o.formula,
      id: o.id,
      source: (ox.source ?? "") + verifyTag(ox.verify),
      relationships: side.relationships.map(strip),
      chosen: stripChosen(side.chosen),
    };
  } else
    oxideNote = ox
      ? (ox.reason ?? "no oxide")
      : `no oxide of ${m.id} is listed in data/match/interface-planes.json (oxides)`;
  const sp = supportPlanes(s, options.supportFacet);
  const result: InterfaceGateResult = {
    metal: m.id,
    support: s.id,
    relationships: metalSide.relationships.map(strip),
    chosen: stripChosen(metalSide.chosen),
    oxide: oxideResult,
    oxideNote,
    planes: {
      support: { planes: sp.planes, source: sp.source, isAssumption: sp.isAssumption },
      metal: metalSide.planes,
      oxide: oxidePlanes,
    },
    thresholds: Object.fromEntries(
      (Object.keys(THRESHOLD_INFO) as (keyof GateThresholds)[]).map((k) => [
        k,
        { value: t[k], source: THRESHOLD_INFO[k].source, isAssumption: THRESHOLD_INFO[k].isAssumption },
      ]),
    ) as InterfaceGateResult["thresholds"],
    search: {
      maxSigma: GATE_SEARCH_MAX_SIGMA,
      maxMisfit: GATE_SEARCH_MAX_MISFIT,
      source:
        "every sublattice (Hermite normal form) of each primitive surface mesh up to this many cells, Zur & McGill, J. Appl. Phys. 55, 378 (1984); misfit cap from Porter & Easterling's incoherence limit",
    },
  };
  const details: GateDetails = {
    result: deepFreeze(result),
    metal: { phase: m, chosen: metalSide.chosen },
    oxide,
    support: s,
  };
  if (memo.size >= GATE_MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  memo.set(key, details);
  return details;
}

/** Orientation relationships and coherence verdicts of a metal and of its oxide on a support (memoised). */
export function interfaceGate(
  metal: string,
  support: string,
  options: InterfaceGateOptions = {},
): InterfaceGateResult {
  return interfaceGateDetails(metal, support, options).result;
}

/** The verdict, strain and provenance that the oxygen-routes model takes as its gate (plain data). */
export interface BulkPenetrationGate {
  verdict: GateVerdict;
  strain: number;
  /** Which film the verdict is for: the metal's oxide (when it has one in the library) or the metal. */
  film: string;
  source: string;
}

/**
 * The gate of bulk penetration for a metal on a support: the better of the metal/support and the
 * metal-oxide/support verdicts. O that crosses the interface oxidises the metal from the interface up
 * (Ru–O, then RuO2: Wang et al., Nature 2026, as summarised by the review), so the interface that O
 * keeps crossing is, once oxide has nucleated, the oxide/support one — RuO2 on rutile is isostructural
 * and coherent, on anatase it is not (review Table 1: "interface lattice (epitaxial) matching").
 * Where the metal has no oxide in the library (Pt, Au) the metal's own verdict stands.
 */
export function bulkPenetrationGate(
  metal: string,
  support: string,
  options: InterfaceGateOptions = {},
): BulkPenetrationGate {
  const g = interfaceGate(metal, support, options);
  const candidates = [{ film: g.metal, rel: g.chosen }];
  if (g.oxide) candidates.push({ film: g.oxide.formula, rel: g.oxide.chosen });
  candidates.sort(
    (a, b) => VERDICT_ORDER[a.rel.verdict] - VERDICT_ORDER[b.rel.verdict] || a.rel.misfit - b.rel.misfit,
  );
  const best = candidates[0];
  return {
    verdict: best.rel.verdict,
    strain: best.rel.strain,
    film: best.film,
    source: `interface gate: ${best.film} ${best.rel.filmPlane} on ${g.support} ${best.rel.substratePlane}, ${best.rel.verdict} (Σ ${best.rel.sigma}, misfit ${(100 * best.rel.misfit).toFixed(1)} %)`,
  };
}

/**
 * The bulk-penetration gate as plain data for the routes, landscape and KMC models; a pair that cannot be
 * judged (no bundled structure or plane data) runs with the interface taken as incoherent, and the source
 * says so and names `overrideField` as the way to give a verdict.
 */
export function bulkPenetrationGateOrAssumed(
  metal: string,
  support: string,
  overrideField = "--gate",
): { verdict: GateVerdict; strain: number; source: string } {
  try {
    const g = bulkPenetrationGate(metal, support);
    return { verdict: g.verdict, strain: g.strain, source: g.source };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return {
      verdict: "incoherent",
      strain: Number.NaN,
      source: `ASSUMPTION: the interface of ${metal} on ${support} cannot be judged (${e.message}); incoherent assumed — give ${overrideField}`,
    };
  }
}

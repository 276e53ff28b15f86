/**
 * Library entry of `smsi match`: Zur–McGill coincidence-lattice matching of a film on a substrate
 * over symmetry-distinct Miller planes, pymatgen 2022.11 `SubstrateAnalyzer.calculate` semantics,
 * plus areas in primitive surface cells and a coherence verdict.
 */
import { formatPlane, hasHexagonalAxes, planeFromIndices } from "../crystal/miller-bravais.js";
import type { MillerIndex } from "../crystal/miller.js";
import type { Structure } from "../crystal/structure.js";
import type { Vec3 } from "../crystal/vector.js";
import { InputError } from "../units/errors.js";
import {
  type ConventionalCell,
  conventionalCell,
  primitiveSurfaceArea,
  primitiveSurfaceMesh,
} from "./cell.js";
import {
  type CoherenceThresholds,
  type CoherenceVerdict,
  DEFAULT_COHERENCE_THRESHOLDS,
  VERDICT_RANK,
  judgePair,
  lowIndexMisfit,
} from "./coherence.js";
import { MAX_MILLER_INDEX, distinctMillerIndices } from "./miller-enumeration.js";
import { surfaceMesh } from "./slab.js";
import { matchStrain } from "./strain.js";
import {
  type Basis2,
  PYMATGEN_ZSL_DEFAULTS,
  type Transform2,
  type ZslParameters,
  searchWork,
  zslSearch,
} from "./zsl.js";

/** Largest --max-area accepted, Å² (5× pymatgen's default; beyond it matches are rarely physical). */
export const MAX_AREA_LIMIT_A2 = 2000;
/** Largest number of supercell comparisons one request may need (≈ 1–2 s); larger is refused. */
export const MAX_SEARCH_WORK = 3e8;
/**
 * Most matches one request may produce (all plane pairs): beyond it the tolerances accept nearly every
 * supercell pair and the answer means nothing; the search stops with an error naming the tolerances.
 * Matches are streamed, never all held, so memory stays bounded whatever the count (≈ 1 µs each).
 * The pymatgen reference's largest request has 3 111.
 */
export const MAX_MATCHES = 1_000_000;
/**
 * Fraction of compared supercell pairs accepted at pymatgen's default tolerances (length 0.03,
 * angle 0.01), measured over the 25 pairs of ../shared/reference/zsl/matches.json (15 646 matches
 * in 10 676 863 comparisons; per pair 0.0004–0.012). Scaled by (lengthTol/0.03)²·(angleTol/0.01) —
 * the volume of the acceptance box in (length ratio, length ratio, angle ratio) — and capped at 1, it
 * estimates the number of matches before searching.
 */
export const ACCEPTANCE_AT_DEFAULT_TOLERANCES = 0.0015;

/** Matches expected from `work` comparisons at these tolerances (an estimate, see above). */
export function estimatedMatches(work: number, params: ZslParameters): number {
  const scale =
    (params.maxLengthTol / PYMATGEN_ZSL_DEFAULTS.maxLengthTol) ** 2 *
    (params.maxAngleTol / PYMATGEN_ZSL_DEFAULTS.maxAngleTol);
  return work * Math.min(1, ACCEPTANCE_AT_DEFAULT_TOLERANCES * scale);
}

/** Most matches listed by `--all` (lowest area first); the rest are counted in `matchesLeftOut`. */
export const MAX_LISTED_MATCHES = 10_000;
/** A surface mesh smaller than this (Å²) is degenerate: no real crystal plane is that dense. */
export const MIN_MESH_AREA_A2 = 1;
/** Tolerances must lie strictly between 0 and this. */
export const MAX_TOLERANCE = 0.5;

export interface MatchPhase {
  id: string;
  structure: Structure;
}

export interface MatchOptions {
  filmMillers?: readonly (readonly number[])[];
  substrateMillers?: readonly (readonly number[])[];
  /** Max Miller index for both sides when Miller indices are not given (default 1, as pymatgen). */
  maxIndex?: number;
  filmMaxIndex?: number;
  substrateMaxIndex?: number;
  maxArea?: number;
  maxAreaRatioTol?: number;
  lengthTol?: number;
  angleTol?: number;
  /** Return every match in `matches` (default: the lowest-area match of each Miller pair). */
  all?: boolean;
  coherence?: Partial<CoherenceThresholds>;
}

export interface MatchRecord {
  filmMiller: MillerIndex;
  substrateMiller: MillerIndex;
  /** Coincidence area |f₁' × f₂'|, Å². */
  area: number;
  /** Area in units of the film's / substrate's primitive surface cell. */
  areaInFilmCells: number;
  areaInSubstrateCells: number;
  vonMisesStrain: number;
  /** 2-D Green–Lagrange strain, film frame (x ∥ first film vector). */
  strainTensor: [[number, number], [number, number]];
  /** Principal linear misfits λ − 1 of the in-plane deformation. */
  principalMisfits: [number, number];
  filmVectors: [Vec3, Vec3];
  substrateVectors: [Vec3, Vec3];
  /** HNF supercell matrices applied to the reduced plane meshes (pymatgen's film/substrate_transformation). */
  filmTransformation: Transform2;
  substrateTransformation: Transform2;
}

export interface MillerPairSummary {
  filmMiller: MillerIndex;
  substrateMiller: MillerIndex;
  /** The planes as people write them: Miller–Bravais (hkil) on hexagonal axes, (hkl) otherwise. */
  filmPlane: string;
  substratePlane: string;
  nMatches: number;
  /** 1:1 misfit of the primitive surface cells (see coherence.ts). */
  lowIndexMisfit: number;
  verdict: CoherenceVerdict;
  best: MatchRecord | null;
}

export interface PhaseSummary {
  id: string;
  spaceGroup: { number: number; symbol: string };
  /** Whether the given cell was already the conventional standard cell (else moyo's standard cell is used). */
  cellAsGiven: boolean;
  /** Hexagonal axes (a = b, γ = 120°): planes are also written in four-index Miller–Bravais form. */
  hexagonalAxes: boolean;
  millers: MillerIndex[];
}

export interface MatchResult {
  film: PhaseSummary;
  substrate: PhaseSummary;
  parameters: {
    maxArea: number;
    maxAreaRatioTol: number;
    lengthTol: number;
    angleTol: number;
    filmMaxIndex: number | null;
    substrateMaxIndex: number | null;
    matchesListed: "all" | "lowest-area per Miller pair";
    coherence: CoherenceThresholds;
  };
  nMatches: number;
  comparisons: number;
  /** Matches not listed in `matches` because of the cap (MAX_LISTED_MATCHES, lowest area kept); 0 otherwise. */
  matchesLeftOut: number;
  /** Present when matches were left out: says how many and why. */
  message?: string;
  millerPairs: MillerPairSummary[];
  matches: MatchRecord[];
  best: MatchRecord | null;
  coherence: {
    verdict: CoherenceVerdict;
    reasons: string[];
    filmMiller: MillerIndex | null;
    substrateMiller: MillerIndex | null;
    lowIndexMisfit: number | null;
  };
}

function tolerance(x: number | undefined, dflt: number, field: string): number {
  const v = x ?? dflt;
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0 || v >= MAX_TOLERANCE)
    throw new InputError(
      field,
      `tolerance must be a number strictly between 0 and ${MAX_TOLERANCE} (got ${v})`,
    );
  return v;
}

/** Validate options into ZSL parameters (InputError names the CLI option). */
export function zslParameters(o: MatchOptions): ZslParameters {
  const maxArea = o.maxArea ?? PYMATGEN_ZSL_DEFAULTS.maxArea;
  if (typeof maxArea !== "number" || !Number.isFinite(maxArea) || maxArea <= 0 || maxArea > MAX_AREA_LIMIT_A2)
    throw new InputError(
      "--max-area",
      `max area must be a number of Å² in (0, ${MAX_AREA_LIMIT_A2}] (got ${maxArea})`,
    );
  return {
    maxArea,
    maxAreaRatioTol: tolerance(o.maxAreaRatioTol, PYMATGEN_ZSL_DEFAULTS.maxAreaRatioTol, "--area-ratio-tol"),
    maxLengthTol: tolerance(o.lengthTol, PYMATGEN_ZSL_DEFAULTS.maxLengthTol, "--length-tol"),
    maxAngleTol: tolerance(o.angleTol, PYMATGEN_ZSL_DEFAULTS.maxAngleTol, "--angle-tol"),
  };
}

function thresholds(o: MatchOptions): CoherenceThresholds {
  const t = { ...DEFAULT_COHERENCE_THRESHOLDS, ...o.coherence };
  for (const [k, v] of Object.entries(t))
    if (!Number.isFinite(v) || v < 0)
      throw new InputError(`coherence.${k}`, `threshold must be a positive number (got ${v})`);
  if (t.semicoherentMaxMisfit < t.coherentMaxMisfit)
    throw new InputError("coherence.semicoherentMaxMisfit", "must not be smaller than coherentMaxMisfit");
  return t;
}

function millersFor(
  cell: ConventionalCell,
  given: readonly (readonly number[])[] | undefined,
  maxIndex: number,
  field: string,
): MillerIndex[] {
  if (given && given.length > 0) {
    const out: MillerIndex[] = [];
    const hexagonal = hasHexagonalAxes(cell.structure.lattice);
    for (const h of given) {
      // Three indices (hkl), or four Miller–Bravais (hkil) on hexagonal axes.
      const m = planeFromIndices(h, hexagonal, field);
      if (m.some((x) => Math.abs(x) > MAX_MILLER_INDEX))
        throw new InputError(
          field,
          `Miller indices above ${MAX_MILLER_INDEX} are not searched (got ${m.join(",")})`,
        );
      if (!out.some((x) => x[0] === m[0] && x[1] === m[1] && x[2] === m[2])) out.push(m);
    }
    return out;
  }
  return distinctMillerIndices(cell.latticeRotations, maxIndex, "--max-index");
}

function checkIndex(x: number | undefined, field: string): number {
  const v = x ?? 1;
  if (!Number.isInteger(v) || v < 1 || v > MAX_MILLER_INDEX)
    throw new InputError(
      field,
      `max Miller index must be an integer from 1 to ${MAX_MILLER_INDEX} (got ${v})`,
    );
  return v;
}

function byAreaThenStrain(a: MatchRecord, b: MatchRecord): number {
  const tie = 1e-9 * Math.max(a.area, b.area);
  if (Math.abs(a.area - b.area) > tie) return a.area - b.area;
  return a.vonMisesStrain - b.vonMisesStrain;
}

/** Match a film on a substrate (pymatgen SubstrateAnalyzer.calculate semantics). */
export function matchInterfaces(
  film: MatchPhase,
  substrate: MatchPhase,
  options: MatchOptions = {},
): MatchResult {
  const params = zslParameters(options);
  const coh = thresholds(options);
  const filmMax = checkIndex(options.filmMaxIndex ?? options.maxIndex, "--max-index");
  const subMax = checkIndex(options.substrateMaxIndex ?? options.maxIndex, "--max-index");
  const fc = conventionalCell(film.structure, "film");
  const sc = conventionalCell(substrate.structure, "substrate");
  const fHex = hasHexagonalAxes(fc.structure.lattice);
  const sHex = hasHexagonalAxes(sc.structure.lattice);
  const fMillers = millersFor(fc, options.filmMillers, filmMax, "--film-miller");
  const sMillers = millersFor(sc, options.substrateMillers, subMax, "--substrate-miller");

  const mesh = (cell: ConventionalCell, hkl: MillerIndex, field: string) => {
    const m = surfaceMesh(cell.structure.lattice, hkl);
    const prim = primitiveSurfaceMesh(cell, hkl);
    const primArea = primitiveSurfaceArea(cell, hkl);
    if (!(m.area >= MIN_MESH_AREA_A2) || !(primArea >= MIN_MESH_AREA_A2 / 4))
      throw new InputError(
        field,
        `the (${hkl.join(",")}) surface cell of ${m.area} Å² is degenerate; check the cell`,
      );
    return { hkl, vectors: m.vectors, area: m.area, prim, primArea };
  };
  const fMeshes = fMillers.map((h) => mesh(fc, h, "film"));
  const sMeshes = sMillers.map((h) => mesh(sc, h, "substrate"));

  let work = 0;
  for (const f of fMeshes) for (const s of sMeshes) work += searchWork(f.area, s.area, params);
  if (work > MAX_SEARCH_WORK)
    throw new InputError(
      "--max-area",
      `this request would compare ${work.toExponential(2)} supercell pairs (limit ${MAX_SEARCH_WORK.toExponential(0)}); lower --max-area or --max-index, or give --film-miller/--substrate-miller`,
    );

  const expected = estimatedMatches(work, params);
  if (expected > MAX_MATCHES)
    throw new InputError(
      "--length-tol",
      `these tolerances would accept about ${expected.toExponential(1)} matches (limit ${MAX_MATCHES.toExponential(0)}; estimated before searching from ${work.toExponential(2)} comparisons); tighten --length-tol or --angle-tol, or lower --max-area`,
    );

  let all: MatchRecord[] = [];
  let totalMatches = 0;
  /** Keep the MAX_LISTED_MATCHES lowest-area matches: sort and cut whenever the buffer doubles. */
  const keepListed = (rec: MatchRecord) => {
    all.push(rec);
    if (all.length >= 2 * MAX_LISTED_MATCHES) all = all.sort(byAreaThenStrain).slice(0, MAX_LISTED_MATCHES);
  };
  const pairs: MillerPairSummary[] = [];
  let comparisons = 0;
  for (const f of fMeshes)
    for (const s of sMeshes) {
      let best = null as MatchRecord | null;
      let nPair = 0;
      const r = zslSearch(f.vectors, s.vectors, params, false, (m) => {
        nPair++;
        if (++totalMatches > MAX_MATCHES)
          throw new InputError(
            "--length-tol",
            `more than ${MAX_MATCHES.toExponential(0)} matches: the tolerances accept almost every supercell pair; tighten --length-tol, --angle-tol or --area-ratio-tol, or lower --max-area`,
          );
        const st = matchStrain(m.filmVectors, m.substrateVectors);
        const rec: MatchRecord = {
          filmMiller: f.hkl,
          substrateMiller: s.hkl,
          area: m.area,
          areaInFilmCells: m.area / f.primArea,
          areaInSubstrateCells: m.area / s.primArea,
          vonMisesStrain: st.vonMises,
          strainTensor: st.tensor,
          principalMisfits: st.principalMisfits,
          filmVectors: m.filmVectors as Basis2,
          substrateVectors: m.substrateVectors as Basis2,
          filmTransformation: m.filmTransformation,
          substrateTransformation: m.substrateTransformation,
        };
        if (options.all) keepListed(rec);
        if (!best || byAreaThenStrain(rec, best) < 0) best = rec;
      });
      comparisons += r.comparisons;
      const d = lowIndexMisfit(f.prim, s.prim);
      const verdict = judgePair(
        {
          lowIndexMisfit: d,
          smallestMatchCells: best
            ? { film: best.areaInFilmCells, substrate: best.areaInSubstrateCells, area: best.area }
            : null,
          maxMillerIndex: Math.max(...f.hkl.map(Math.abs), ...s.hkl.map(Math.abs)),
        },
        coh,
      ).verdict;
      pairs.push({
        filmMiller: f.hkl,
        substrateMiller: s.hkl,
        filmPlane: formatPlane(f.hkl, fHex),
        substratePlane: formatPlane(s.hkl, sHex),
        nMatches: nPair,
        lowIndexMisfit: d,
        verdict,
        best,
      });
    }

  const pairBests = pairs.flatMap((p) => (p.best ? [p.best] : []));
  const listed = (options.all ? all : pairBests).sort(byAreaThenStrain);
  if (listed.length > MAX_LISTED_MATCHES) listed.length = MAX_LISTED_MATCHES;
  const listable = options.all ? totalMatches : pairBests.length;
  const matchesLeftOut = listable - listed.length;
  const best = listed.length > 0 ? listed[0] : null;

  // Overall verdict: the best pair (verdict rank, then smaller 1:1 misfit).
  let chosen: MillerPairSummary | null = null;
  for (const p of pairs)
    if (
      !chosen ||
      VERDICT_RANK[p.verdict] < VERDICT_RANK[chosen.verdict] ||
      (p.verdict === chosen.verdict && p.lowIndexMisfit < chosen.lowIndexMisfit)
    )
      chosen = p;
  let coherence: MatchResult["coherence"] = {
    verdict: "incoherent",
    reasons: ["no Miller pair searched"],
    filmMiller: null,
    substrateMiller: null,
    lowIndexMisfit: null,
  };
  if (chosen) {
    const j = judgePair(
      {
        lowIndexMisfit: chosen.lowIndexMisfit,
        smallestMatchCells: chosen.best
          ? {
              film: chosen.best.areaInFilmCells,
              substrate: chosen.best.areaInSubstrateCells,
              area: chosen.best.area,
            }
          : null,
        maxMillerIndex: Math.max(...chosen.filmMiller.map(Math.abs), ...chosen.substrateMiller.map(Math.abs)),
      },
      coh,
    );
    const tag = `film (${chosen.filmMiller.join(",")}) on substrate (${chosen.substrateMiller.join(",")})`;
    const reasons = [
      `best plane pair: ${tag}`,
      ...j.reasons,
      "plane geometry over every plane searched (pyramidal ones included), not the facets a support exposes: for the interface verdict use smsi interface (docs/interface.md)",
    ];
    if (best)
      reasons.push(
        `smallest coincidence match overall: (${best.filmMiller.join(",")})/(${best.substrateMiller.join(",")}), ${best.area.toFixed(1)} Å² = ${best.areaInFilmCells.toFixed(2)} film primitive cells, von Mises strain ${best.vonMisesStrain.toFixed(4)} (capped by the ${params.maxLengthTol} search tolerance)`,
      );
    else reasons.push(`no coincidence match up to ${params.maxArea} Å² at the given tolerances`);
    coherence = {
      verdict: j.verdict,
      reasons,
      filmMiller: chosen.filmMiller,
      substrateMiller: chosen.substrateMiller,
      lowIndexMisfit: chosen.lowIndexMisfit,
    };
  }

  const summary = (p: MatchPhase, c: ConventionalCell, millers: MillerIndex[]): PhaseSummary => ({
    id: p.id,
    spaceGroup: c.spaceGroup,
    cellAsGiven: c.asGiven,
    hexagonalAxes: hasHexagonalAxes(c.structure.lattice),
    millers,
  });
  return {
    film: summary(film, fc, fMillers),
    substrate: summary(substrate, sc, sMillers),
    parameters: {
      maxArea: params.maxArea,
      maxAreaRatioTol: params.maxAreaRatioTol,
      lengthTol: params.maxLengthTol,
      angleTol: params.maxAngleTol,
      filmMaxIndex: options.filmMillers?.length ? null : filmMax,
      substrateMaxIndex: options.substrateMillers?.length ? null : subMax,
      matchesListed: options.all ? "all" : "lowest-area per Miller pair",
      coherence: coh,
    },
    nMatches: pairs.reduce((n, p) => n + p.nMatches, 0),
    comparisons,
    matchesLeftOut,
    ...(matchesLeftOut > 0
      ? {
          message: `the ${MAX_LISTED_MATCHES} lowest-area ${options.all ? "matches" : "plane-pair matches"} of ${listable} are listed; ${matchesLeftOut} left out`,
        }
      : {}),
    millerPairs: pairs,
    matches: listed,
    best,
    coherence,
  };
}

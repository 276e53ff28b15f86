/**
 * Interstitial O sites of a close-packed metal, fcc or hcp, stacked with the close-packed plane
 * ((111) fcc, (0001) hcp) parallel to the interface. Close-packed layers of atoms sit at the in-plane
 * positions A, B, C of a triangular lattice (nearest-neighbour distance a): fcc stacks ABCABC, hcp ABAB.
 * Between two layers at positions P (lower) and P′ (upper), spacing h, lie one octahedral site per atom,
 * at the third position, mid-gap, and two tetrahedral sites per atom, above the lower atoms at ¾h and
 * below the upper atoms at ¼h (the standard geometry of close packing). Hops: octahedral ↔ tetrahedral
 * (distance √(a²/3 + h²/16)) in both lattices, plus octahedral ↔ octahedral through the shared face
 * along c in hcp (distance h), the two O diffusion paths of these lattices. Interaction pairs (O–O
 * attraction): octahedral sites at most one nearest-neighbour distance apart.
 *
 * Lattice constants: data/materials/structures.json (sources per phase there).
 */
import { readFileSync } from "node:fs";
import { InputError } from "../units/errors.js";

export type CloseStacking = "fcc" | "hcp";

export interface MetalLattice {
  metal: string;
  stacking: CloseStacking;
  /** Nearest-neighbour distance in the close-packed plane, nm. */
  nearestNeighbour_nm: number;
  /** Spacing of close-packed layers, nm. */
  layerSpacing_nm: number;
  source: string;
}

interface PhaseRow {
  id: string;
  role: string;
  spaceGroup: string;
  cell: { a: number; c: number };
  structureSource: { citation: string };
}

let phases: PhaseRow[] | null = null;

/** Close-packed geometry of a metal from the bundled structures (Å → nm). */
export function metalLattice(metal: string, field = "metal"): MetalLattice {
  phases ??= (
    JSON.parse(readFileSync(new URL("../../data/materials/structures.json", import.meta.url), "utf8")) as {
      phases: PhaseRow[];
    }
  ).phases;
  const row = phases.find((p) => p.role === "metal" && p.id.toLowerCase() === metal.toLowerCase());
  const known = phases.filter((p) => p.role === "metal" && p.spaceGroup !== "Im-3m").map((p) => p.id);
  if (!row || row.spaceGroup === "Im-3m")
    throw new InputError(
      field,
      `no close-packed (fcc or hcp) metal "${metal}" in the bundled structures; one of ${known.join(", ")}`,
    );
  const a = row.cell.a / 10;
  const source = `data/materials/structures.json (${row.structureSource.citation})`;
  if (row.spaceGroup === "Fm-3m")
    return {
      metal: row.id,
      stacking: "fcc",
      nearestNeighbour_nm: a / Math.SQRT2,
      layerSpacing_nm: a / Math.sqrt(3),
      source,
    };
  return {
    metal: row.id,
    stacking: "hcp",
    nearestNeighbour_nm: a,
    layerSpacing_nm: row.cell.c / 10 / 2,
    source,
  };
}

export interface InterstitialSite {
  x: number;
  y: number;
  z: number;
  kind: "octahedral" | "tetrahedral";
  /** Gap between close-packed layers l and l + 1 (0 = the one nearest the interface). */
  gap: number;
}

/** Rectangular periodic cell commensurate with the triangular lattice: mx·a by my·a√3. */
export interface Cell {
  width_nm: number;
  depth_nm: number;
}

export function commensurateCell(
  lattice: MetalLattice,
  minWidth_nm: number,
): { cell: Cell; mx: number; my: number } {
  const a = lattice.nearestNeighbour_nm;
  const mx = Math.max(2, Math.ceil(minWidth_nm / a));
  const my = Math.max(2, Math.ceil(minWidth_nm / (a * Math.sqrt(3))));
  return { cell: { width_nm: mx * a, depth_nm: my * a * Math.sqrt(3) }, mx, my };
}

const POSITIONS = 3; // A, B, C

function inPlane(lattice: MetalLattice, mx: number, my: number, position: number): [number, number][] {
  const a = lattice.nearestNeighbour_nm;
  const ox = (position * a) / 2;
  const oy = (position * a) / (2 * Math.sqrt(3));
  const out: [number, number][] = [];
  const W = mx * a;
  const D = my * a * Math.sqrt(3);
  for (let ix = 0; ix < mx; ix++)
    for (let iy = 0; iy < my; iy++)
      for (const [dx, dy] of [
        [0, 0],
        [a / 2, (a * Math.sqrt(3)) / 2],
      ])
        out.push([(((ox + ix * a + dx) % W) + W) % W, (((oy + iy * a * Math.sqrt(3) + dy) % D) + D) % D]);
  return out;
}

/** Stacking position (0 = A, 1 = B, 2 = C) of close-packed layer l. */
export function layerPosition(stacking: CloseStacking, l: number): number {
  return stacking === "fcc" ? l % POSITIONS : l % 2;
}

/**
 * Interstitial sites in the gaps above layers 0 … gaps − 1, for layer l at height firstLayer_nm + l·h,
 * filling the periodic cell.
 */
export function interstitialSites(
  lattice: MetalLattice,
  mx: number,
  my: number,
  gaps: number,
  firstLayer_nm: number,
): InterstitialSite[] {
  const h = lattice.layerSpacing_nm;
  const sites: InterstitialSite[] = [];
  for (let l = 0; l < gaps; l++) {
    const lower = layerPosition(lattice.stacking, l);
    const upper = layerPosition(lattice.stacking, l + 1);
    const third = 3 - lower - upper;
    const z0 = firstLayer_nm + l * h;
    for (const [x, y] of inPlane(lattice, mx, my, lower))
      sites.push({ x, y, z: z0 + 0.75 * h, kind: "tetrahedral", gap: l });
    for (const [x, y] of inPlane(lattice, mx, my, upper))
      sites.push({ x, y, z: z0 + 0.25 * h, kind: "tetrahedral", gap: l });
    for (const [x, y] of inPlane(lattice, mx, my, third))
      sites.push({ x, y, z: z0 + 0.5 * h, kind: "octahedral", gap: l });
  }
  return sites;
}

/** Octahedral–tetrahedral hop distance, nm. */
export function octTetDistance(lattice: MetalLattice): number {
  return Math.hypot(lattice.nearestNeighbour_nm / Math.sqrt(3), lattice.layerSpacing_nm / 4);
}

/** Pairs of points (i < j) closer than `cutoff_nm`, periodic in x and y (minimum image). */
export function closePairs(
  points: readonly { x: number; y: number; z: number }[],
  cell: Cell,
  cutoff_nm: number,
  accept: (i: number, j: number, distance_nm: number) => boolean,
): [number, number][] {
  const bins = new Map<string, number[]>();
  const nbx = Math.max(1, Math.floor(cell.width_nm / cutoff_nm));
  const nby = Math.max(1, Math.floor(cell.depth_nm / cutoff_nm));
  const key = (bx: number, by: number, bz: number) => `${bx},${by},${bz}`;
  const binOf = (p: { x: number; y: number; z: number }) =>
    [
      Math.floor((p.x / cell.width_nm) * nbx) % nbx,
      Math.floor((p.y / cell.depth_nm) * nby) % nby,
      Math.floor(p.z / cutoff_nm),
    ] as const;
  points.forEach((p, i) => {
    const k = key(...binOf(p));
    const list = bins.get(k);
    if (list) list.push(i);
    else bins.set(k, [i]);
  });
  const out: [number, number][] = [];
  points.forEach((p, i) => {
    const [bx, by, bz] = binOf(p);
    const seen = new Set<number>();
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (let dz = -1; dz <= 1; dz++) {
          const list = bins.get(key((bx + dx + nbx) % nbx, (by + dy + nby) % nby, bz + dz));
          if (!list) continue;
          for (const j of list) {
            if (j <= i || seen.has(j)) continue;
            seen.add(j);
            const q = points[j];
            let ddx = Math.abs(p.x - q.x);
            ddx = Math.min(ddx, cell.width_nm - ddx);
            let ddy = Math.abs(p.y - q.y);
            ddy = Math.min(ddy, cell.depth_nm - ddy);
            const d = Math.hypot(ddx, ddy, p.z - q.z);
            if (d <= cutoff_nm && accept(i, j, d)) out.push([i, j]);
          }
        }
  });
  return out;
}

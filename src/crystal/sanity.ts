/**
 * Plausibility of a crystal structure, checked before any expensive or foreign code sees it: cell
 * lengths, angles and volume before the symmetry library is called; atom and symmetry-operation counts
 * before the asymmetric unit is expanded; finite coordinates, occupancies in bounds, no overlapping atoms
 * and a plausible density after. Every path that reads a structure (CIF reader, `materials import`,
 * `match` with a CIF path or phase input) goes through here, and every problem is an InputError naming
 * the field.
 */
import { InputError } from "../units/errors.js";
import { density_g_per_cm3 } from "./density.js";
import { DEFAULT_MERGE_TOLERANCE_A, expandAsymmetricUnit, periodicDistance } from "./expand.js";
import { cellVolume, type Lattice, type LatticeParameters } from "./lattice.js";
import type { Site, Structure } from "./structure.js";
import type { SymmetryOperation } from "./symmetry.js";
import { type Vec3, norm } from "./vector.js";

/**
 * Shortest accepted lattice translation, Å. ASSUMPTION: the shortest lattice vector of any solid is ≈ 2.2 Å
 * (Be, hcp a = 2.29 Å; Wyckoff, Crystal Structures); an atom and its own image closer than 1 Å overlap.
 */
export const MIN_CELL_LENGTH_A = 1;
/**
 * Longest accepted cell edge, Å. ASSUMPTION: inorganic unit cells are below ≈ 100 Å (large zeolites and
 * intermetallics ≈ 30–90 Å); with at most MAX_ATOMS_PER_CELL atoms a longer edge cannot hold a solid.
 */
export const MAX_CELL_LENGTH_A = 500;
/** Atoms closer than this (Å) overlap: the shortest real bonds (H–H 0.74 Å, O–H 0.96 Å) are ≥ 0.7 Å. */
export const MIN_INTERATOMIC_DISTANCE_A = 0.5;
/** Most atoms per cell accepted (the expanded cell). ASSUMPTION: supports and metals have ≤ a few hundred. */
export const MAX_ATOMS_PER_CELL = 2000;
/** The largest space-group order in a conventional cell (Fm-3m, Fd-3m, … : 192 operations; ITA Vol. A). */
export const MAX_SYMMETRY_OPERATIONS = 192;
/**
 * Most symmetry images (asymmetric sites × operations) tried while expanding. ASSUMPTION: 100 000 images
 * take well under a second and cover e.g. 500 sites at general positions of a 192-operation group.
 */
export const MAX_SYMMETRY_IMAGES = 100_000;
/** Fractional coordinates beyond ±this are no position in a cell (and lose their digits when wrapped). */
export const MAX_ABS_FRACTIONAL = 10;
/** Smallest occupancy accepted. ASSUMPTION: a diffraction refinement cannot determine occupancies below 1e-4. */
export const MIN_OCCUPANCY = 1e-4;
/** An occupancy above 1 by more than this is an error (refinements print 1.000(2) and the like). */
export const OCCUPANCY_TOLERANCE = 1e-3;
/** Densities outside this range point to a wrong cell or a wrong atom list (lightest solids ≈ 0.5, densest 22.6 g/cm³). */
export const PLAUSIBLE_DENSITY_G_PER_CM3: [number, number] = [0.1, 30];

/** Field names of the six cell parameters; the CIF reader passes its tags. */
export type CellFields = Record<keyof LatticeParameters, string>;
const DEFAULT_CELL_FIELDS: CellFields = {
  a: "cell.a",
  b: "cell.b",
  c: "cell.c",
  alpha: "cell.alpha",
  beta: "cell.beta",
  gamma: "cell.gamma",
};

/** Lengths, angles and volume of a cell, before any lattice is built from it. */
export function checkCellParameters(p: LatticeParameters, fields: CellFields = DEFAULT_CELL_FIELDS): void {
  for (const k of ["a", "b", "c"] as const)
    if (!Number.isFinite(p[k]) || p[k] < MIN_CELL_LENGTH_A || p[k] > MAX_CELL_LENGTH_A)
      throw new InputError(
        fields[k],
        `cell length ${p[k]} Å is outside the accepted ${MIN_CELL_LENGTH_A}–${MAX_CELL_LENGTH_A} Å (no solid has a shorter lattice translation than ≈ 2 Å)`,
      );
  for (const k of ["alpha", "beta", "gamma"] as const)
    if (!Number.isFinite(p[k]) || p[k] <= 0 || p[k] >= 180)
      throw new InputError(fields[k], `cell angle must lie strictly between 0° and 180° (got ${p[k]})`);
}

/** The lattice itself: volume and its shortest translation (which also catches very flat, skewed cells). */
export function checkLattice(lattice: Lattice, field = "cell"): void {
  const v = cellVolume(lattice);
  if (!Number.isFinite(v) || v < MIN_CELL_LENGTH_A ** 3)
    throw new InputError(field, `the cell volume ${v} Å³ is (nearly) zero; check the cell angles`);
  const m = lattice.matrix;
  let shortest = Number.POSITIVE_INFINITY;
  for (let i = -2; i <= 2; i++)
    for (let j = -2; j <= 2; j++)
      for (let k = -2; k <= 2; k++) {
        if (i === 0 && j === 0 && k === 0) continue;
        const t: Vec3 = [0, 1, 2].map((x) => i * m[0][x] + j * m[1][x] + k * m[2][x]) as Vec3;
        shortest = Math.min(shortest, norm(t));
      }
  if (shortest < MIN_CELL_LENGTH_A)
    throw new InputError(
      field,
      `the cell has a lattice translation of only ${shortest.toPrecision(3)} Å (below ${MIN_CELL_LENGTH_A} Å): every atom would overlap its own image; check the cell angles`,
    );
}

/** Finite coordinates within ±MAX_ABS_FRACTIONAL and occupancy within [MIN_OCCUPANCY, 1] (asymmetric unit). */
export function checkSite(site: Site, fields: { coordinate: string[]; occupancy: string }): void {
  site.frac.forEach((x, k) => {
    if (!Number.isFinite(x) || Math.abs(x) > MAX_ABS_FRACTIONAL)
      throw new InputError(
        fields.coordinate[k],
        `atom ${site.label}: fractional coordinate ${x} is not a position in the cell (accepted: |x| ≤ ${MAX_ABS_FRACTIONAL})`,
      );
  });
  const o = site.occupancy;
  if (!Number.isFinite(o) || o < MIN_OCCUPANCY)
    throw new InputError(
      fields.occupancy,
      `atom ${site.label}: occupancy ${o} is below the smallest accepted ${MIN_OCCUPANCY}; leave out sites that are (nearly) empty`,
    );
  if (o > 1 + OCCUPANCY_TOLERANCE)
    throw new InputError(
      fields.occupancy,
      `atom ${site.label}: occupancy ${o} exceeds 1; a site cannot be more than fully occupied`,
    );
}

/** Counts before expansion: the work of expanding is bounded by sites × operations. */
export function checkExpansionLimits(
  sites: number,
  operations: number,
  fields: { sites: string; operations: string },
): void {
  if (operations > MAX_SYMMETRY_OPERATIONS)
    throw new InputError(
      fields.operations,
      `${operations} symmetry operations exceed the ${MAX_SYMMETRY_OPERATIONS} of the largest space group; the list is wrong or repeated (refused without expanding)`,
    );
  if (sites > MAX_ATOMS_PER_CELL)
    throw new InputError(
      fields.sites,
      `${sites} atom sites exceed the limit of ${MAX_ATOMS_PER_CELL} atoms per cell (refused without expanding)`,
    );
  if (sites * operations > MAX_SYMMETRY_IMAGES)
    throw new InputError(
      fields.sites,
      `${sites} sites × ${operations} symmetry operations = ${sites * operations} images exceed the limit of ${MAX_SYMMETRY_IMAGES} (refused without expanding); a cell of at most ${MAX_ATOMS_PER_CELL} atoms needs fewer`,
    );
}

/**
 * No two atoms closer than MIN_INTERATOMIC_DISTANCE_A, unless they are a disordered site (partial occupancies
 * of the pair summing to at most 1); an atom closer than that to its own periodic image is caught by
 * checkLattice. Then the density must be plausible.
 */
export function checkStructure(structure: Structure, field = "structure"): void {
  const { lattice, sites } = structure;
  if (sites.length === 0) throw new InputError(field, "the structure has no atoms");
  if (sites.length > MAX_ATOMS_PER_CELL)
    throw new InputError(field, `${sites.length} atoms per cell exceed the limit of ${MAX_ATOMS_PER_CELL}`);
  for (let i = 0; i < sites.length; i++)
    for (let j = i + 1; j < sites.length; j++) {
      const d = periodicDistance(lattice, sites[i].frac, sites[j].frac);
      if (d < MIN_INTERATOMIC_DISTANCE_A && sites[i].occupancy + sites[j].occupancy > 1 + OCCUPANCY_TOLERANCE)
        throw new InputError(
          field,
          `atoms ${sites[i].label} and ${sites[j].label} are ${d.toFixed(3)} Å apart (below ${MIN_INTERATOMIC_DISTANCE_A} Å) and together more than fully occupy the position: overlapping atoms; check the coordinates, or give a disordered site partial occupancies that sum to 1`,
        );
    }
  const rho = density_g_per_cm3(structure);
  const [lo, hi] = PLAUSIBLE_DENSITY_G_PER_CM3;
  if (!(rho >= lo && rho <= hi))
    throw new InputError(
      field,
      `density ${rho.toPrecision(3)} g/cm³ is outside the plausible ${lo}–${hi} g/cm³; check the cell parameters and the atom list`,
    );
}

/**
 * A full cell from an asymmetric unit with every check in order: counts before expansion, expansion
 * stopped at MAX_ATOMS_PER_CELL, then overlap and density. The lattice must have passed checkLattice.
 */
export function expandChecked(
  lattice: Lattice,
  asymmetric: Site[],
  operations: SymmetryOperation[],
  fields: { sites: string; operations: string; structure: string },
): Structure {
  checkExpansionLimits(asymmetric.length, operations.length, fields);
  const sites = expandAsymmetricUnit(
    lattice,
    asymmetric,
    operations,
    DEFAULT_MERGE_TOLERANCE_A,
    MAX_ATOMS_PER_CELL,
    fields.sites,
  );
  const structure = { lattice, sites };
  checkStructure(structure, fields.structure);
  return structure;
}

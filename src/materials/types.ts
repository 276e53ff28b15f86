/** Records of the bundled materials library (data/materials). */
import type { Vec3 } from "../crystal/vector.js";

export type MaterialRole = "metal" | "metal-oxide" | "support";
export const MATERIAL_ROLES: MaterialRole[] = ["metal", "metal-oxide", "support"];

export interface StructureSource {
  citation: string;
  doi?: string;
  /** Where the lattice constants come from when not from the citation. */
  latticeSource?: string;
  /** True when the values were transcribed without a page checked here: an assumption. */
  verify?: boolean;
  note?: string;
}

export interface ReferenceDensity {
  value_g_per_cm3: number;
  /** Measured range when the source gives one (mineral specific gravities); checks use the range. */
  range_g_per_cm3?: [number, number];
  source: string;
}

/** One phase of data/materials/structures.json. */
export interface PhaseRecord {
  id: string;
  formula: string;
  name: string;
  phase: string;
  role: MaterialRole;
  spaceGroup: string;
  cell: { a: number; b: number; c: number; alpha: number; beta: number; gamma: number };
  sites: { label: string; species: string; frac: Vec3; occupancy: number }[];
  structureSource: StructureSource;
  referenceDensity?: ReferenceDensity;
  note?: string;
  /** Row of data/thermo/species-298K.json with this phase's 298 K thermochemistry. */
  thermo?: { formula: string; phase: string };
}

/** One entry of data/materials/index.json (or of the user's imported index). */
export interface MaterialEntry {
  id: string;
  formula: string;
  name: string;
  phase: string;
  role: MaterialRole;
  spaceGroup: { number: number; symbol: string; setting?: string };
  structureSource: StructureSource;
  referenceDensity: ReferenceDensity | null;
  note: string | null;
  thermo: { formula: string; phase: string } | null;
  /** CIF path relative to the index file. */
  file: string;
  /** "bundled" or "user". */
  origin?: "bundled" | "user";
}

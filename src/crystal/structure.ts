/** A periodic crystal structure: lattice + sites (species, fractional coordinates, occupancy). */
import type { Lattice } from "./lattice.js";
import type { Vec3 } from "./vector.js";

export interface Site {
  /** Element symbol, e.g. "Ti". */
  species: string;
  /** Fractional coordinates in [0, 1). */
  frac: Vec3;
  /** Site occupancy, 0 < occupancy ≤ 1. */
  occupancy: number;
  /** Site label (from CIF `_atom_site_label`), e.g. "O1". */
  label: string;
}

export interface Structure {
  lattice: Lattice;
  sites: Site[];
}

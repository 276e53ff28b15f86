/**
 * A structure from space group + lattice parameters + asymmetric-unit sites, as pymatgen's
 * `Structure.from_spacegroup(sg, Lattice.from_parameters(...), species, coords)` builds it
 * (the lattice in pymatgen's orientation, without clean-up of tiny components).
 */
import { structureFromAsymmetricUnit } from "../crystal/expand.js";
import { latticeFromVectors } from "../crystal/lattice.js";
import { operationsForHall, resolveSpaceGroup } from "../crystal/spacegroup-symbol.js";
import type { Structure } from "../crystal/structure.js";
import type { Vec3 } from "../crystal/vector.js";
import { InputError } from "../units/errors.js";
import { pmgLatticeMatrix } from "./slab.js";

export interface PhaseInput {
  space_group: string;
  lattice_abc: number[];
  lattice_angles: number[];
  species: string[];
  coords: number[][];
}

export function structureFromPhaseInput(p: PhaseInput, field = "structure"): Structure {
  if (p.lattice_abc.length !== 3 || p.lattice_angles.length !== 3)
    throw new InputError(`${field}.lattice`, "give three lengths and three angles");
  if (p.species.length !== p.coords.length || p.species.length === 0)
    throw new InputError(`${field}.species`, "give one species per coordinate triple (at least one)");
  const [a, b, c] = p.lattice_abc;
  const [al, be, ga] = p.lattice_angles;
  const lattice = latticeFromVectors(pmgLatticeMatrix(a, b, c, al, be, ga));
  const setting = resolveSpaceGroup(p.space_group, `${field}.space_group`);
  const ops = operationsForHall(setting.hallNumber);
  const asym = p.species.map((s, i) => ({
    species: s,
    frac: [p.coords[i][0], p.coords[i][1], p.coords[i][2]] as Vec3,
    occupancy: 1,
    label: `${s}${i + 1}`,
  }));
  return structureFromAsymmetricUnit(lattice, asym, ops);
}

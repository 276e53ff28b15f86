/**
 * A structure from space group + lattice parameters + asymmetric-unit sites, as pymatgen's
 * `Structure.from_spacegroup(sg, Lattice.from_parameters(...), species, coords)` builds it
 * (the lattice in pymatgen's orientation, without clean-up of tiny components). The input goes
 * through the same checks as a CIF (crystal/sanity.ts): cell before any symmetry call, counts
 * before expansion, overlapping atoms and density after.
 */
import { isElement } from "../crystal/elements.js";
import { latticeFromVectors } from "../crystal/lattice.js";
import {
  checkCellParameters,
  checkExpansionLimits,
  checkLattice,
  checkSite,
  expandChecked,
} from "../crystal/sanity.js";
import { operationsForHall, resolveSpaceGroup } from "../crystal/spacegroup-symbol.js";
import type { Site, Structure } from "../crystal/structure.js";
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
  const [alpha, beta, gamma] = p.lattice_angles;
  checkCellParameters(
    { a, b, c, alpha, beta, gamma },
    {
      a: `${field}.lattice_abc[0]`,
      b: `${field}.lattice_abc[1]`,
      c: `${field}.lattice_abc[2]`,
      alpha: `${field}.lattice_angles[0]`,
      beta: `${field}.lattice_angles[1]`,
      gamma: `${field}.lattice_angles[2]`,
    },
  );
  const lattice = latticeFromVectors(pmgLatticeMatrix(a, b, c, alpha, beta, gamma));
  checkLattice(lattice, `${field}.lattice_angles`);
  const fields = { sites: `${field}.species`, operations: `${field}.space_group`, structure: field };
  checkExpansionLimits(p.species.length, 1, fields);
  const asym: Site[] = p.species.map((s, i) => {
    if (!isElement(s))
      throw new InputError(
        `${field}.species[${i}]`,
        `"${s}" is not an element symbol (case-sensitive, e.g. Ti, O)`,
      );
    const xyz = p.coords[i];
    if (xyz.length !== 3) throw new InputError(`${field}.coords[${i}]`, "give three fractional coordinates");
    const site = { species: s, frac: [xyz[0], xyz[1], xyz[2]] as Vec3, occupancy: 1, label: `${s}${i + 1}` };
    checkSite(site, {
      coordinate: [0, 1, 2].map((k) => `${field}.coords[${i}][${k}]`),
      occupancy: `${field}.species[${i}]`,
    });
    return site;
  });
  const setting = resolveSpaceGroup(p.space_group, `${field}.space_group`);
  return expandChecked(lattice, asym, operationsForHall(setting.hallNumber), fields);
}

/** Density and formula of a structure. */
import { AVOGADRO_PER_MOL, CUBIC_ANGSTROM_IN_CM3 } from "../units/constants.js";
import { atomicMass } from "./elements.js";
import { cellVolume } from "./lattice.js";
import type { Structure } from "./structure.js";
import { gcd } from "./vector.js";

/** Mass of the cell contents in g/mol (Σ occupancy × atomic weight). */
export function cellMass_g_per_mol(structure: Structure): number {
  return structure.sites.reduce((m, s) => m + s.occupancy * atomicMass(s.species), 0);
}

/** Density in g/cm³: Σ occupancy·M / (N_A · V). */
export function density_g_per_cm3(structure: Structure): number {
  return (
    cellMass_g_per_mol(structure) / (AVOGADRO_PER_MOL * cellVolume(structure.lattice) * CUBIC_ANGSTROM_IN_CM3)
  );
}

/** Occupancy-weighted element counts per cell, the reduced formula and formula units per cell. */
export function formulaFromStructure(structure: Structure): {
  reduced: string;
  unitsPerCell: number;
  counts: Record<string, number>;
} {
  const counts: Record<string, number> = {};
  for (const s of structure.sites) counts[s.species] = (counts[s.species] ?? 0) + s.occupancy;
  const rounded = Object.values(counts).map((c) => Math.round(c * 1000));
  let g = rounded.reduce((a, b) => gcd(a, b), 0);
  if (g === 0) g = 1;
  const unitsPerCell = g / 1000;
  const order = Object.keys(counts).sort((a, b) => electronegativityOrder(a) - electronegativityOrder(b));
  const reduced = order
    .map((el) => {
      const n = Math.round((counts[el] / unitsPerCell) * 1000) / 1000;
      return n === 1 ? el : `${el}${n}`;
    })
    .join("");
  return { reduced, unitsPerCell, counts };
}

/** Anions (O, H of hydroxide, halogens, chalcogens, P of phosphate) written after cations, as chemists do. */
function electronegativityOrder(el: string): number {
  const late = ["P", "S", "Se", "N", "C", "H", "F", "Cl", "Br", "I", "O"];
  const i = late.indexOf(el);
  return i < 0 ? 0 : 1 + i;
}

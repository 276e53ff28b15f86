/** One phase of the library described for people and for the API: lattice, symmetry, density, properties. */
import { density_g_per_cm3, formulaFromStructure } from "../crystal/density.js";
import { cellVolume, latticeParameters } from "../crystal/lattice.js";
import { analyzeSymmetry } from "../crystal/symmetry.js";
import { getMaterial } from "./library.js";
import { materialProperties } from "./properties.js";
import { userDataDir } from "./store.js";

export function describeMaterial(id: string) {
  const m = getMaterial(id, userDataDir(), "ID");
  const s = m.structure;
  const p = latticeParameters(s.lattice);
  const sym = analyzeSymmetry(s);
  const f = formulaFromStructure(s);
  return {
    id: m.entry.id,
    formula: m.entry.formula,
    name: m.entry.name,
    phase: m.entry.phase,
    role: m.entry.role,
    origin: m.entry.origin,
    lattice: {
      a_A: p.a,
      b_A: p.b,
      c_A: p.c,
      alpha_deg: p.alpha,
      beta_deg: p.beta,
      gamma_deg: p.gamma,
      volume_A3: cellVolume(s.lattice),
    },
    spaceGroup: { declared: m.entry.spaceGroup, found: { number: sym.number, symbol: sym.hmSymbol } },
    density_g_per_cm3: density_g_per_cm3(s),
    referenceDensity: m.entry.referenceDensity,
    atomsPerCell: s.sites.length,
    formulaUnitsPerCell: f.unitsPerCell,
    structureSource: m.entry.structureSource,
    note: m.entry.note,
    properties: materialProperties(m.entry, s),
  };
}

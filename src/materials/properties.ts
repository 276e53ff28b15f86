/** Per-phase properties with their sources: bundled values, molar volume from the structure, 298 K thermochemistry. */
import { readFileSync } from "node:fs";
import { formulaFromStructure } from "../crystal/density.js";
import { cellVolume } from "../crystal/lattice.js";
import type { Structure } from "../crystal/structure.js";
import { speciesThermo } from "./species-thermo.js";
import { AVOGADRO_PER_MOL, CUBIC_ANGSTROM_IN_CM3 } from "../units/constants.js";
import type { MaterialEntry } from "./types.js";

export interface SourcedValue {
  value: number;
  unit: string;
  source: string;
  verify?: boolean;
  facet?: string;
}

export type MaterialProperties = Record<string, SourcedValue>;

interface BundledProperty {
  value: number;
  source: string;
  verify?: boolean;
  facet?: string;
}

let bundled: Record<string, Record<string, BundledProperty>> | undefined;
function bundledProperties(): Record<string, Record<string, BundledProperty>> {
  if (!bundled) {
    const doc = JSON.parse(
      readFileSync(new URL("../../data/materials/properties.json", import.meta.url), "utf8"),
    ) as {
      properties: Record<string, Record<string, BundledProperty>>;
    };
    bundled = doc.properties;
  }
  return bundled;
}

/** Unit of a property key written as name_unit, e.g. workFunction_eV → eV. */
function unitOf(key: string): string {
  const i = key.indexOf("_");
  return i < 0
    ? ""
    : key
        .slice(i + 1)
        .replace(/_per_/g, "/")
        .replace(/_/g, " ");
}

/** Molar volume in cm³ per mole of formula units. */
export function molarVolume_cm3_per_mol(structure: Structure): number {
  const { unitsPerCell } = formulaFromStructure(structure);
  return (cellVolume(structure.lattice) * CUBIC_ANGSTROM_IN_CM3 * AVOGADRO_PER_MOL) / unitsPerCell;
}

export function materialProperties(entry: MaterialEntry, structure: Structure): MaterialProperties {
  const out: MaterialProperties = {};
  for (const [key, p] of Object.entries(bundledProperties()[entry.id] ?? {}))
    out[key] = { value: p.value, unit: unitOf(key), source: p.source, verify: p.verify, facet: p.facet };
  out.molarVolume_cm3_per_mol = {
    value: molarVolume_cm3_per_mol(structure),
    unit: "cm3/mol",
    source: "computed from the bundled crystal structure (cell volume × N_A / formula units per cell)",
  };
  const thermo = entry.thermo ? speciesThermo(entry.thermo.formula, entry.thermo.phase) : undefined;
  if (thermo) {
    if (thermo.dHf298_kJ_per_mol !== null)
      out.dHf298_kJ_per_mol = {
        value: thermo.dHf298_kJ_per_mol,
        unit: "kJ/mol",
        source: thermo.source,
        verify: thermo.verify,
      };
    if (thermo.S298_J_per_mol_K !== null)
      out.S298_J_per_mol_K = {
        value: thermo.S298_J_per_mol_K,
        unit: "J/(mol K)",
        source: thermo.source,
        verify: thermo.verify,
      };
  }
  return out;
}

/**
 * Standard enthalpy of formation and entropy at 298.15 K (data/thermo/species-298K.json, each row with
 * its source; rows flagged `verify` are handbook figures not checked here and are assumptions).
 */
import { thermoDataFile } from "./data-file.js";

export interface SpeciesThermo {
  formula: string;
  phase: string;
  dHf298_kJ_per_mol: number | null;
  S298_J_per_mol_K: number | null;
  source: string;
  verify: boolean;
}

export function speciesTable(): SpeciesThermo[] {
  return thermoDataFile<{ species: SpeciesThermo[] }>("species-298K.json").species;
}

/** Thermochemistry of a species; the first row of that formula when no phase is given. */
export function speciesThermo(formula: string, phase?: string): SpeciesThermo | undefined {
  const rows = speciesTable().filter((r) => r.formula === formula);
  if (phase) return rows.find((r) => r.phase.toLowerCase() === phase.toLowerCase());
  return rows[0];
}

/**
 * Standard enthalpy of formation and entropy at 298.15 K (data/thermo/species-298K.json, each row with
 * its source; rows flagged `verify` are handbook figures not checked here and are assumptions).
 */
import { readFileSync } from "node:fs";

export interface SpeciesThermo {
  formula: string;
  phase: string;
  dHf298_kJ_per_mol: number | null;
  S298_J_per_mol_K: number | null;
  source: string;
  verify: boolean;
  /** Lowest temperature (K) at which the phase is stable at all (FeO: the wüstite eutectoid, 843 K). */
  stableAbove_K?: number;
}

interface SpeciesDoc {
  species: SpeciesThermo[];
  /** Named S298 assumptions for rows without a sourced entropy (PtO2). */
  entropyAssumptions?: Record<string, { S298_J_per_mol_K: number; range: [number, number]; source: string }>;
}

let doc: SpeciesDoc | undefined;
/** data/thermo/species-298K.json, read once (materials and thermo both use it; thermo imports it from here). */
export function speciesDocument(): SpeciesDoc {
  doc ??= JSON.parse(
    readFileSync(new URL("../../data/thermo/species-298K.json", import.meta.url), "utf8"),
  ) as SpeciesDoc;
  return doc;
}

export function speciesTable(): SpeciesThermo[] {
  return speciesDocument().species;
}

/** Thermochemistry of a species; the first row of that formula when no phase is given. */
export function speciesThermo(formula: string, phase?: string): SpeciesThermo | undefined {
  const rows = speciesTable().filter((r) => r.formula === formula);
  if (phase) return rows.find((r) => r.phase.toLowerCase() === phase.toLowerCase());
  return rows[0];
}

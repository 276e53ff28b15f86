/**
 * Ellingham lines: standard Gibbs energy of formation of binary oxides M_aO_b from the elements,
 * per mol O2 (a/(b/2)·... normalised so that the reaction consumes 1 mol O2):
 *
 *   ΔG°_f(T) = ΔH°_f,298 + ∫ΔCp dT − T (ΔS°_f,298 + ∫ΔCp/T dT)
 *
 * with ΔH°_f,298 and S°298 from data/thermo/species-298K.json (elements missing there from
 * data/thermo/reference-298K.json). The ΔCp integrals are included only when Shomate sets exist
 * for the oxide, the metal and O2 (Cu, CuO, Cu2O); otherwise ΔCp = 0 is assumed (the classic
 * two-constant Ellingham line) and the line says so. Oxides with a sourced high-temperature
 * ΔG°_f(T) line (PdO, data/thermo/oxide-gibbs.json) use it directly.
 *
 * Missing or disputed values (IrO2, Rh2O3, …) can be supplied with `setThermoOverrides`
 * (CLI: --thermo-data FILE.json); such rows are marked as user data.
 */
import { bundledMaterials } from "../materials/library.js";
import { InputError } from "../units/errors.js";
import { assertTemperature, type Kelvin, type KiloJoulePerMole } from "../units/quantities.js";
import { bumpThermoDataGeneration, thermoDataFile } from "./data-file.js";
import { increments, shomateSpecies, shomateTable, T_REF_K } from "./gas.js";
import { speciesDocument, speciesTable } from "../materials/species-thermo.js";

export interface ThermoRow {
  formula: string;
  phase: string;
  dHf298_kJ_per_mol: number | null;
  S298_J_per_mol_K: number | null;
  source: string;
  verify?: boolean;
  stableAbove_K?: number;
}

/**
 * Temperatures the Ellingham and equilibrium functions accept, K. Below 298.15 K the data (298 K values,
 * Shomate sets from 298 K) do not apply; above 3000 K most oxides here have melted and ΔCp = 0 lines are
 * meaningless. ASSUMPTION (a range choice, not a literature value).
 */
export const THERMO_T_RANGE_K: readonly [number, number] = [298.15, 3000];

/** Refuse a temperature outside THERMO_T_RANGE_K, naming the field and the accepted range. */
export function assertThermoTemperature(T: number, field = "--temperature"): Kelvin {
  assertTemperature(T, field);
  const [lo, hi] = THERMO_T_RANGE_K;
  if (!(T >= lo - 0.5 && T <= hi))
    throw new InputError(
      field,
      `${T} K is outside the ${lo}–${hi} K range of the bundled oxide thermochemistry (298 K data, measured ΔG°(T) lines); give a temperature inside it`,
    );
  return T;
}

interface LinearGibbs {
  formula: string;
  phase: string;
  metal: string;
  a_J_per_mol: number;
  b_J_per_mol_K: number;
  Tmin_K: number;
  Tmax_K: number;
  source: string;
  calibrated?: boolean;
  rangeVerify?: boolean;
}

interface ReferenceDoc {
  elements: { formula: string; phase: string; S298_J_per_mol_K: number; source: string }[];
  deltaGf298: { formula: string; phase: string; dGf298_kJ_per_mol: number; source: string }[];
}

export function referenceData(): ReferenceDoc {
  return thermoDataFile<ReferenceDoc>("reference-298K.json");
}

function linearGibbsTable(): LinearGibbs[] {
  return thermoDataFile<{ oxides: LinearGibbs[] }>("oxide-gibbs.json").oxides;
}

let overrides: ThermoRow[] = [];
/** User rows (ΔH_f, S at 298 K) that take precedence over the bundled data; [] to reset. */
export function setThermoOverrides(rows: ThermoRow[]): void {
  overrides = rows.map((r) => ({ ...r, source: `user data: ${r.source ?? "no source given"}` }));
  bumpThermoDataGeneration();
}

/** Formulas with thermochemical rows: the bundled table and the user's rows. */
export function thermoFormulas(): string[] {
  return [
    ...new Set([
      ...[...speciesTable(), ...overrides].map((r) => r.formula),
      ...linearGibbsTable().map((l) => l.formula),
    ]),
  ];
}

function findRow(formula: string, phase?: string): ThermoRow | undefined {
  const pick = (rows: ThermoRow[]) => {
    const same = rows.filter((r) => r.formula === formula);
    if (phase) {
      const exact = same.find((r) => r.phase.toLowerCase() === phase.toLowerCase());
      if (exact) return exact;
      return same.find((r) => r.phase === "");
    }
    return same.find((r) => r.dHf298_kJ_per_mol !== null && r.S298_J_per_mol_K !== null) ?? same[0];
  };
  return pick(overrides) ?? pick(speciesTable());
}

/** S298 of an element (J/mol/K) with its source, or undefined. */
export function elementEntropy(symbol: string): { S: number; source: string } | undefined {
  const row = findRow(symbol);
  if (row && row.S298_J_per_mol_K !== null) return { S: row.S298_J_per_mol_K, source: row.source };
  const ref = referenceData().elements.find((e) => e.formula === symbol);
  return ref ? { S: ref.S298_J_per_mol_K, source: ref.source } : undefined;
}

export interface OxideFormula {
  metal: string;
  /** Metal atoms per formula unit (a in M_aO_b). */
  nMetal: number;
  /** O atoms per formula unit (b). */
  nO: number;
}

const NON_METALS = new Set(["O", "H", "C", "N", "F", "S", "P", "Cl", "He", "Ne", "Ar"]);

/** Parse a binary oxide formula M_aO_b (e.g. "Cu2O", "Co3O4"); undefined if not binary. */
export function parseOxideFormula(formula: string): OxideFormula | undefined {
  const m = /^([A-Z][a-z]?)(\d*)O(\d*)$/.exec(formula);
  if (!m || NON_METALS.has(m[1])) return undefined;
  return { metal: m[1], nMetal: m[2] ? Number(m[2]) : 1, nO: m[3] ? Number(m[3]) : 1 };
}

export interface OxideThermo extends OxideFormula {
  formula: string;
  phase: string;
  model: "H-S" | "linear";
  /** Formation enthalpy, kJ/mol oxide (for H-S; for linear, the intercept a). */
  dHf298_kJ_per_mol: number;
  /** Formation entropy ΔS_f, J/(mol K) per mol oxide (for linear: −b). */
  dSf298_J_per_mol_K: number;
  /** Heat-capacity integrals included (Shomate for oxide, metal and O2). */
  cpIncluded: boolean;
  sources: string[];
  assumptions: string[];
  validRange_K?: [number, number];
  /** The phase is stable only above this temperature (K), e.g. wüstite above its 843 K eutectoid. */
  stableAbove_K?: number;
}

function missing(field: string, formula: string, what: string): InputError {
  return new InputError(
    field,
    `no sourced ${what} for ${formula}; supply it with --thermo-data FILE.json ({ "species": [ { "formula": "${formula}", "phase": "…", "dHf298_kJ_per_mol": …, "S298_J_per_mol_K": …, "source": "…" } ] }) or choose another oxide`,
  );
}

function solidShomate(formula: string, phase?: string) {
  const rows = shomateTable().filter((r) => r.formula === formula && r.phase !== "gas");
  if (phase) return rows.find((r) => r.phase.toLowerCase() === phase.toLowerCase()) ?? rows[0];
  return rows[0];
}

/** Thermochemistry of one binary oxide; throws InputError (field `oxide`) if unknown or unsourced. */
export function oxideThermo(formula: string, phase?: string, field = "oxide"): OxideThermo {
  const f = parseOxideFormula(formula);
  if (!f)
    throw new InputError(
      field,
      `"${formula}" is not a binary oxide formula M_aO_b; write e.g. RuO2, Cu2O, Co3O4 (case-sensitive)`,
    );
  const lin = linearGibbsTable().find(
    (l) => l.formula === formula && (!phase || l.phase.toLowerCase() === phase.toLowerCase()),
  );
  const userRow = overrides.find((r) => r.formula === formula);
  if (lin && !userRow) {
    return {
      ...f,
      formula,
      phase: lin.phase,
      model: "linear",
      dHf298_kJ_per_mol: lin.a_J_per_mol / 1000,
      dSf298_J_per_mol_K: -lin.b_J_per_mol_K,
      cpIncluded: false,
      sources: [lin.source],
      assumptions: [
        `ΔG_f(T) = a + bT fitted over ${lin.Tmin_K}–${lin.Tmax_K} K; extrapolated outside that range`,
        ...(lin.calibrated ? [`${formula}: calibrated line (see its source)`] : []),
        ...(lin.rangeVerify ? [`${formula}: measurement range not checked here (verify)`] : []),
      ],
      validRange_K: [lin.Tmin_K, lin.Tmax_K],
    };
  }
  const row = findRow(formula, phase);
  if (!row) {
    const known = [...new Set(speciesTable().map((r) => r.formula))].filter((x) => parseOxideFormula(x));
    throw new InputError(
      field,
      `unknown oxide "${formula}"; known: ${known.join(", ")} (or supply data with --thermo-data FILE.json)`,
    );
  }
  if (row.dHf298_kJ_per_mol === null) throw missing(field, formula, "ΔH_f,298");
  let S298 = row.S298_J_per_mol_K;
  const entropyNote: string[] = [];
  const assumed = speciesDocument().entropyAssumptions?.[formula];
  if (S298 === null && assumed && !overrides.some((r) => r.formula === formula)) {
    S298 = assumed.S298_J_per_mol_K;
    entropyNote.push(`S298(${formula}) = ${S298} J/(mol K): ${assumed.source}`);
  }
  if (S298 === null) throw missing(field, formula, "S298");
  const metalS = elementEntropy(f.metal);
  if (!metalS) throw missing(field, f.metal, "S298 of the metal");
  const o2 = shomateSpecies("O2", "gas");
  const sO2 = o2?.S298_J_per_mol_K ?? 205.15;
  const dS = S298 - f.nMetal * metalS.S - (f.nO / 2) * sO2;
  const oxCp = solidShomate(formula, row.phase);
  const mCp = solidShomate(f.metal);
  const cpIncluded = oxCp !== undefined && mCp !== undefined;
  const assumptions: string[] = [...entropyNote];
  if (!cpIncluded)
    assumptions.push("ΔCp = 0: ΔH_f and ΔS_f held at their 298 K values (no sourced Cp for every species)");
  if (cpIncluded && oxCp?.assumption) assumptions.push(`Cp(${formula}): ${oxCp.source}`);
  if (row.verify) assumptions.push(`${formula} ΔH_f/S298 not checked against a page here (verify)`);
  if (/verify/i.test(metalS.source))
    assumptions.push(`S298(${f.metal}) not checked against a page here (verify)`);
  return {
    ...f,
    formula,
    phase: row.phase,
    model: "H-S",
    dHf298_kJ_per_mol: row.dHf298_kJ_per_mol,
    dSf298_J_per_mol_K: dS,
    cpIncluded,
    sources: [`${formula}: ${row.source}`, `${f.metal}: ${metalS.source}`, "O2: NIST WebBook (Chase 1998)"],
    assumptions,
    ...(row.stableAbove_K !== undefined ? { stableAbove_K: row.stableAbove_K } : {}),
  };
}

export interface FormationGibbs {
  formula: string;
  T_K: Kelvin;
  /** ΔG°_f per mol of oxide, kJ/mol. */
  dG_kJ_per_mol_oxide: KiloJoulePerMole;
  /** ΔG°_f per mol O2 consumed (the Ellingham ordinate), kJ/mol O2. */
  dG_kJ_per_mol_O2: KiloJoulePerMole;
  cpIncluded: boolean;
  extrapolated: boolean;
}

/** ΔG°_f(T) of an oxide from its elements (p° = 1 bar). */
export function formationGibbs(th: OxideThermo, T: Kelvin): FormationGibbs {
  assertThermoTemperature(T);
  let dH = th.dHf298_kJ_per_mol;
  let dS = th.dSf298_J_per_mol_K;
  let extrapolated = false;
  if (th.model === "linear" && th.validRange_K)
    extrapolated = T < th.validRange_K[0] || T > th.validRange_K[1];
  if (th.cpIncluded && T !== T_REF_K) {
    const ox = solidShomate(th.formula, th.phase);
    const m = solidShomate(th.metal);
    const o2 = shomateSpecies("O2", "gas");
    if (ox && m && o2) {
      const iOx = increments(ox, T);
      const iM = increments(m, T);
      const iO2 = increments(o2, T);
      dH += iOx.dH_kJ_per_mol - th.nMetal * iM.dH_kJ_per_mol - (th.nO / 2) * iO2.dH_kJ_per_mol;
      dS += iOx.dS_J_per_mol_K - th.nMetal * iM.dS_J_per_mol_K - (th.nO / 2) * iO2.dS_J_per_mol_K;
      extrapolated ||= iOx.extrapolated || iM.extrapolated || iO2.extrapolated;
    }
  }
  const g = dH - (T * dS) / 1000;
  return {
    formula: th.formula,
    T_K: T,
    dG_kJ_per_mol_oxide: g,
    dG_kJ_per_mol_O2: g / (th.nO / 2),
    cpIncluded: th.cpIncluded,
    extrapolated,
  };
}

/** Ellingham ordinate ΔG°_f(T) per mol O2 for an oxide given by formula (and optional phase). */
export function ellinghamGibbs(formula: string, T: Kelvin, phase?: string): FormationGibbs {
  return formationGibbs(oxideThermo(formula, phase), T);
}

export interface BundledOxide {
  id: string;
  formula: string;
  /** Phase name of the thermochemical row, or null when none maps to this polymorph. */
  thermoPhase: string | null;
  available: boolean;
  /** Why no line can be drawn (missing data, not a binary oxide). */
  reason?: string;
}

/** Every oxide phase of the bundled materials library with whether its Ellingham line is available. */
export function bundledOxides(): BundledOxide[] {
  const out: BundledOxide[] = [];
  for (const e of bundledMaterials()) {
    if (e.role === "metal" || !e.formula.includes("O")) continue;
    if (!parseOxideFormula(e.formula)) {
      out.push({
        id: e.id,
        formula: e.formula,
        thermoPhase: null,
        available: false,
        reason: "not a binary oxide M_aO_b (formation from the elements not tabulated here)",
      });
      continue;
    }
    if (!e.thermo) {
      out.push({
        id: e.id,
        formula: e.formula,
        thermoPhase: null,
        available: false,
        reason: `no thermochemical row for the ${e.phase} polymorph in species-298K.json`,
      });
      continue;
    }
    try {
      oxideThermo(e.thermo.formula, e.thermo.phase);
      out.push({ id: e.id, formula: e.formula, thermoPhase: e.thermo.phase, available: true });
    } catch (err) {
      out.push({
        id: e.id,
        formula: e.formula,
        thermoPhase: e.thermo.phase,
        available: false,
        reason: (err as Error).message,
      });
    }
  }
  return out;
}

/** Resolve a bundled id ("TiO2-rutile") or a formula ("TiO2") to { formula, phase }. */
export function resolveOxide(idOrFormula: string, field = "oxide"): { formula: string; phase?: string } {
  const e = bundledMaterials().find(
    (m) => m.id === idOrFormula || m.id.toLowerCase() === idOrFormula.toLowerCase(),
  );
  if (e) {
    if (!e.thermo)
      throw new InputError(
        field,
        `${e.id} has no thermochemical data (${e.phase} polymorph not in species-298K.json); supply it with --thermo-data or use another polymorph`,
      );
    return { formula: e.thermo.formula, phase: e.thermo.phase };
  }
  if (!parseOxideFormula(idOrFormula))
    throw new InputError(
      field,
      `unknown oxide "${idOrFormula}"; give a bundled id (e.g. TiO2-rutile, CeO2) or a binary oxide formula (e.g. RuO2)`,
    );
  return { formula: idOrFormula };
}

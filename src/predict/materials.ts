/**
 * Resolve what the user (or a published-cases record) calls the metal and the support onto smsi's
 * data: an element symbol (or an alloy's host element), a bundled materials id (for the interface
 * gate), the thermochemical formula and phase (for reducibility), and the support's cation.
 */
import { identifySupport } from "../classify/supports.js";
import { listMaterials } from "../materials/library.js";
import { parseOxideFormula } from "../thermo/ellingham.js";
import { equilibriumDeltaMuO, reductionReaction } from "../thermo/equilibria.js";
import { InputError } from "../units/errors.js";
import { speciesTable } from "../thermo/species-data.js";
import { descriptorData, predictDataFile } from "./data.js";
import { type NonOxideSupport, resolveNonOxide } from "./non-oxide.js";

export interface ResolvedMetal {
  /** The element the descriptors are evaluated for (an alloy's first-named element). */
  element: string | null;
  /** Every element symbol in the name (one for a pure metal). */
  elements: string[];
  alloy: boolean;
  /** Why no element could be used (unknown symbol), else null. */
  problem: string | null;
}

const miedemaElements = () => predictDataFile<{ elements: Record<string, unknown> }>("miedema.json").elements;

/** English names of the metals supported catalysts are made of → symbols. */
const METAL_NAMES: Record<string, string> = {
  platinum: "Pt",
  palladium: "Pd",
  rhodium: "Rh",
  ruthenium: "Ru",
  iridium: "Ir",
  osmium: "Os",
  gold: "Au",
  silver: "Ag",
  copper: "Cu",
  nickel: "Ni",
  cobalt: "Co",
  iron: "Fe",
  rhenium: "Re",
  molybdenum: "Mo",
  tungsten: "W",
  aluminium: "Al",
  aluminum: "Al",
  zinc: "Zn",
  tin: "Sn",
  indium: "In",
  gallium: "Ga",
  manganese: "Mn",
  chromium: "Cr",
  vanadium: "V",
  titanium: "Ti",
};

/**
 * The metal's name as symbols: notes in parentheses and descriptive words ("nanoparticles",
 * "clusters") dropped, English names → symbols, bimetallic separators ("Pt-Sn", "Pt–Co", "Ni/Fe")
 * joined ("PtSn").
 */
function metalSymbols(text: string, known: Record<string, unknown>): string {
  const named = text
    .replace(/\([^)]*\)/g, " ")
    .replace(/\b[a-z]+\b/gi, (w) => METAL_NAMES[w.toLowerCase()] ?? w);
  return named
    .split(/[\s\-–/,+]+/)
    .filter((tok) => /^([A-Z][a-z]?\d*(\.\d+)?)+$/.test(tok))
    .filter((tok) => (tok.match(/[A-Z][a-z]?/g) ?? []).every((sym) => sym in known))
    .join("");
}

/** "Pt" → Pt; "PtCo", "Pt-Co" → alloy, host Pt; "platinum nanoparticles" → Pt; "Xx" → problem. */
export function resolveMetal(text: string): ResolvedMetal {
  const known = miedemaElements();
  const t = metalSymbols(text, known) || text.replace(/\([^)]*\)/g, " ").trim();
  const symbols = t.match(/[A-Z][a-z]?/g) ?? [];
  if (symbols.length === 0 || symbols.join("") !== t.replace(/\d+(\.\d+)?/g, ""))
    return {
      element: null,
      elements: [],
      alloy: false,
      problem: `"${text}" is not an element symbol or an alloy of symbols`,
    };
  const unknown = symbols.filter((s) => !(s in known));
  if (unknown.length > 0)
    return {
      element: null,
      elements: symbols,
      alloy: symbols.length > 1,
      problem: `no descriptor data for ${unknown.join(", ")}`,
    };
  return {
    element: symbols[0] ?? null,
    elements: [...new Set(symbols)],
    alloy: new Set(symbols).size > 1,
    problem: null,
  };
}

export interface ResolvedSupport {
  text: string;
  /** What the support is called in answers and matched on (bundled id, formula, non-oxide, or the text). */
  name: string;
  /** Bundled materials id (structure for the interface gate), or null. */
  materialId: string | null;
  /** Thermochemical formula and phase (data/thermo), or null when unknown. */
  formula: string | null;
  thermoPhase: string | null;
  /** Phase as named (rutile, anatase, gamma, …) or as defaulted. */
  phase: string | null;
  /** The support's cation element. */
  cation: string | null;
  /** Key into oxideSurfaceEnergy_J_per_m2 (for a non-oxide: its oxidation product's). */
  surfaceKey: string | null;
  /** A non-oxide support (h-BN, carbon) and what an oxidising gas makes of it, else null. */
  nonOxide: NonOxideSupport | null;
  notes: string[];
}

const PHASE_WORDS = [
  "rutile",
  "anatase",
  "brookite",
  "fluorite",
  "wurtzite",
  "magnetite",
  "hematite",
  "corundum",
  "alpha",
  "gamma",
  "theta",
  "monoclinic",
  "tetragonal",
  "quartz",
  "amorphous",
  "rocksalt",
  "spinel",
  "bixbyite",
] as const;

/**
 * Default TiO2 polymorph when none is given: anatase — commercial TiO2 (Degussa/Evonik P25) is
 * ≈ 78 % anatase, 14 % rutile (Ohtani et al., J. Photochem. Photobiol. A 216, 179 (2010)).
 */
export const DEFAULT_TIO2_PHASE = "anatase";

function phaseWord(text: string): string | null {
  const t = text.toLowerCase();
  // Greek letters are not word characters: no \b before them
  if (/(^|[^a-z])γ|gamma/.test(t)) return "gamma";
  if (/(^|[^a-z])α|alpha/.test(t) && !/quartz/.test(t)) return "alpha";
  return PHASE_WORDS.find((w) => t.includes(w)) ?? null;
}

/** The highest oxide of a metal with thermochemical data (TiOx → TiO2). */
function highestOxide(metal: string): string | null {
  let best: { f: string; r: number } | null = null;
  for (const row of speciesTable()) {
    const p = parseOxideFormula(row.formula);
    if (!p || p.metal !== metal || row.dHf298_kJ_per_mol === null) continue;
    const r = p.nO / p.nMetal;
    if (!best || r > best.r) best = { f: row.formula, r };
  }
  return best?.f ?? null;
}

function oxideToken(text: string): { formula: string; of?: string; note?: string } | null {
  const withoutNotes = text.replace(/\([^)]*\)/g, " ");
  for (const tok of withoutNotes.split(/[\s/,+;:]+|-(?=[A-Z])/)) {
    const x = /^([A-Z][a-z]?)Ox$/.exec(tok);
    if (x) {
      const f = highestOxide(x[1]);
      if (f) return { formula: f };
    }
    // nonstoichiometric notation MOn−x / MOn−δ names the oxide MOn
    const plain = tok.replace(/[-−](x|δ|d)$/, "");
    if (parseOxideFormula(plain)) return { formula: plain };
    const multi = multiCationOxide(plain);
    if (multi) return multi;
  }
  return null;
}

/** Elements that are not cations of an oxide support (a formula with them is no plain oxide). */
const NOT_CATIONS = new Set(["O", "H", "C", "N", "F", "S", "P", "Cl", "Br", "I", "B"]);

/**
 * A multi-cation oxide ("BaTiO3", "Ce0.8Zr0.2O2", "MgAl2O4") evaluated as the binary oxide of its most
 * reducible cation — the one whose first reduction step has the highest equilibrium Δμ_O at the
 * reference temperature, i.e. the cation that can supply a suboxide (TiOx from SrTiO3 or BaTiO3, CeOx
 * from ceria–zirconia). The ternary's extra stability is not modelled, so its reducibility is an upper
 * bound (the note says so). Null for binary oxides and for formulas with non-metals (phosphates, …).
 */
export function multiCationOxide(formula: string): { formula: string; of: string; note: string } | null {
  const m = /^((?:[A-Z][a-z]?(?:\d+(?:\.\d+)?)?){2,})O\d*(?:\.\d+)?$/.exec(formula);
  if (!m) return null;
  const cations = [...new Set([...m[1].matchAll(/[A-Z][a-z]?/g)].map((x) => x[0]))];
  if (cations.length < 2 || cations.some((c) => NOT_CATIONS.has(c))) return null;
  let best: { formula: string; eq: number } | null = null;
  for (const c of cations) {
    const f = highestOxide(c);
    if (!f) continue;
    try {
      const eq = equilibriumDeltaMuO(
        reductionReaction(f, undefined, "support", REDUCIBILITY_RANKING_T_K),
        REDUCIBILITY_RANKING_T_K,
      );
      if (!best || eq > best.eq) best = { formula: f, eq };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
    }
  }
  if (!best) return null;
  return {
    formula: best.formula,
    of: formula,
    note: `${formula}: a multi-cation oxide evaluated as ${best.formula}, the binary oxide of its most reducible cation (first reduction step at Δμ_O,eq = ${best.eq.toFixed(2)} eV, ${REDUCIBILITY_RANKING_T_K} K); the ternary's extra stability is not modelled, so reducibility is an upper bound`,
  };
}

/** Temperature at which cations are ranked by reducibility: Tauster's 500 °C (the ranking barely moves with T). */
const REDUCIBILITY_RANKING_T_K = 773.15;

/**
 * A support named by a common or mineral name ("titania", "hematite", "silica", "hydroxyapatite"): the
 * classifier's table of supports (data/classify/supports.yaml, each entry with its source) read for its
 * oxide formula and, where the text names the polymorph, its bundled structure.
 */
function commonName(
  text: string,
  phaseText: string | null,
): { formula: string | null; materialId: string | null } | null {
  const r = identifySupport(text, phaseText ?? "");
  if (!r) return null;
  return { formula: parseOxideFormula(r.support.name) ? r.support.name : null, materialId: r.materialsId };
}

const cache = new Map<string, ResolvedSupport>();

/**
 * Resolve a support. Mixed or layered supports ("TiO2-Al2O3", "Nb2O5/SiO2", "TiOx/SiO2") are
 * represented by their first-named oxide — by the usual notation the component at the surface (A/B:
 * A on B) — and say so in the notes.
 */
export function resolveSupport(text: string, phaseText?: string | null): ResolvedSupport {
  const key = `${text}\u0000${phaseText ?? ""}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const u = resolveUncached(text, phaseText ?? null);
  const r: ResolvedSupport = {
    ...u,
    name: u.name ?? u.materialId ?? u.formula ?? u.nonOxide?.key ?? text.trim(),
  };
  cache.set(key, r);
  return r;
}

function resolveUncached(
  text: string,
  phaseText: string | null,
): Omit<ResolvedSupport, "name"> & { name?: string } {
  const notes: string[] = [];
  // bundled phases and the user's imports (smsi materials import): a user CIF gets its gate computed
  const entries = listMaterials().filter((e) => e.role !== "metal");
  const direct = entries.find((e) => e.id.toLowerCase() === text.trim().toLowerCase());
  const nonOxideSupport = (
    nonOxide: NonOxideSupport,
    materialId: string | null,
  ): Omit<ResolvedSupport, "name"> => {
    notes.push(
      `"${text}" read as the non-oxide support ${nonOxide.key}: no suboxide under a reducing gas; under an oxidising gas its product ${nonOxide.product} is the candidate overlayer`,
    );
    return {
      text,
      materialId,
      formula: null,
      thermoPhase: null,
      phase: phaseText ?? null,
      cation: nonOxide.cation,
      surfaceKey: nonOxide.productCondensed ? nonOxide.product : null,
      nonOxide,
      notes,
    };
  };
  const fromEntry = (e: (typeof entries)[number], phase: string | null): Omit<ResolvedSupport, "name"> => {
    // a bundled multi-cation oxide (SrTiO3): its structure for the gate, its most reducible cation's
    // binary oxide for the thermochemistry
    const multi = e.thermo ? null : multiCationOxide(e.formula);
    if (multi) notes.push(multi.note);
    // a bundled or imported non-oxide (h-BN): its structure for the gate, its oxidation product for SE
    const nonOxide = e.thermo || multi ? null : (resolveNonOxide(e.formula) ?? resolveNonOxide(e.id));
    if (nonOxide) return nonOxideSupport(nonOxide, e.id);
    const formula = multi?.formula ?? e.thermo?.formula ?? e.formula;
    return {
      text,
      materialId: e.id,
      formula,
      thermoPhase: e.thermo?.phase ?? null,
      phase: phase ?? e.phase,
      cation: parseOxideFormula(formula)?.metal ?? null,
      surfaceKey: e.id,
      nonOxide: null,
      notes,
    };
  };
  if (direct && !phaseText) return fromEntry(direct, null);
  const token = direct ? { formula: direct.formula } : oxideToken(text);
  if (token?.note) {
    // a multi-cation oxide named in text: its binary stand-in gives the thermochemistry only — no
    // bundled structure (gate) and no surface energy belong to the ternary
    notes.push(
      token.note,
      `no structure or surface energy for "${text}": the interface gate and wetting are missing`,
    );
    const cation = parseOxideFormula(token.formula)?.metal ?? null;
    return {
      text,
      name: token.of,
      materialId: null,
      formula: token.formula,
      thermoPhase: null,
      phase: phaseText ?? null,
      cation,
      surfaceKey: null,
      nonOxide: null,
      notes,
    };
  }
  const named = token ? null : commonName(text, phaseText);
  if (named?.materialId) {
    const e = entries.find((x) => x.id === named.materialId);
    if (e) {
      notes.push(`"${text}" read as ${e.id} (common name)`);
      return fromEntry(e, phaseText);
    }
  }
  if (named?.formula) notes.push(`"${text}" read as ${named.formula} (common name)`);
  const formula = token?.formula ?? named?.formula ?? null;
  if (!formula) {
    const nonOxide = resolveNonOxide(text);
    if (nonOxide) return nonOxideSupport(nonOxide, null);
    notes.push(`"${text}" names no binary oxide smsi has data for: support descriptors missing`);
    return {
      text,
      materialId: null,
      formula: null,
      thermoPhase: null,
      phase: phaseText ?? null,
      cation: null,
      surfaceKey: null,
      nonOxide: null,
      notes,
    };
  }
  const stripped = text.replace(/\([^)]*\)/g, " ");
  if (/[/+]|-(?=[A-Z])/.test(stripped) && !direct)
    notes.push(`mixed/layered support "${text}": evaluated as its first-named oxide ${formula}`);
  const word = phaseWord(`${phaseText ?? ""} ${direct ? direct.id : ""}`) ?? phaseWord(text);
  const candidates = entries.filter((e) => e.formula === formula);
  let chosen = word
    ? candidates.find(
        (e) =>
          e.id.toLowerCase().includes(word) ||
          e.phase.toLowerCase().includes(word) ||
          (e.thermo?.phase ?? "").toLowerCase().includes(word),
      )
    : undefined;
  let phase = word;
  if (!chosen && !word && formula === "TiO2") {
    chosen = candidates.find((e) => e.id === `TiO2-${DEFAULT_TIO2_PHASE}`);
    phase = DEFAULT_TIO2_PHASE;
    notes.push(
      `TiO2 polymorph not given: ${DEFAULT_TIO2_PHASE} assumed (commercial P25 is ≈ 78 % anatase, Ohtani et al. 2010)`,
    );
  }
  if (!chosen && !word && candidates.length === 1) chosen = candidates[0];
  if (!chosen && !word && candidates.length > 1) {
    // several polymorphs, none named: the one with thermochemical data (the stable one at 298 K)
    chosen = candidates.find((e) => e.thermo !== null);
    if (chosen)
      notes.push(
        `${formula} polymorph not given: ${chosen.id} assumed (the polymorph with 298 K thermochemistry)`,
      );
  }
  if (chosen) return { ...fromEntry(chosen, phase), notes };
  // a phase without a bundled structure (γ-Al2O3, amorphous SiO2): thermochemistry of the formula only
  const cation = parseOxideFormula(formula)?.metal ?? null;
  notes.push(
    `no bundled structure for ${formula}${word ? ` (${word})` : ""}: the interface gate is missing; thermochemistry of ${formula} used`,
  );
  const surfaces = descriptorData().oxideSurfaceEnergy_J_per_m2;
  const surfaceKey =
    formula === "Al2O3" && word === "gamma"
      ? "Al2O3-gamma"
      : (candidates.find((e) => e.formula === formula)?.id ?? (formula in surfaces ? formula : null));
  return {
    text,
    materialId: null,
    formula,
    thermoPhase: null,
    phase: word,
    cation,
    surfaceKey,
    nonOxide: null,
    notes,
  };
}

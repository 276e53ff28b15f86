/**
 * Which support a catalyst sits on, read from its name the way a chemist reads it: formula tokens are
 * case-sensitive whole tokens ("TiO2", never the letters "tio" inside "ratio" or "impregnation"), names
 * are whole words ("titania", "ceria", "zinc oxide"). Data: data/classify/supports.yaml, each entry
 * with its source.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { z } from "zod";

export const SUPPORTS_FILE = fileURLToPath(new URL("../../data/classify/supports.yaml", import.meta.url));

const SupportEntry = z
  .object({
    name: z.string(),
    formulas: z.array(z.string()),
    names: z.array(z.string()),
    reducible: z.boolean(),
    cation: z.string(),
    suboxide: z.string(),
    reducedCation: z.string(),
    alloyFormer: z.boolean().optional(),
    perovskite: z.boolean().optional(),
    nonOxide: z.boolean().optional(),
    source: z.string(),
    materials: z.record(z.string(), z.string()).optional(),
  })
  .strict();
const SupportsFile = z
  .object({ sources: z.record(z.string(), z.string()), supports: z.array(SupportEntry) })
  .strict();

export interface SupportInfo {
  name: string;
  reducible: boolean;
  cation: string;
  suboxide: string;
  reducedCation: string;
  alloyFormer: boolean;
  perovskite: boolean;
  nonOxide: boolean;
  source: string;
  /** smsi materials id per polymorph name (`any` for a single common polymorph). */
  materials: Record<string, string>;
  /** Patterns that recognise it in text. */
  patterns: RegExp[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A formula as a case-sensitive whole token: not preceded or followed by a letter or digit ("H2" is not in "H2O"). */
export function formulaPattern(formula: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(formula)}(?![A-Za-z0-9])`);
}

/** A name as a case-insensitive whole word. */
export function namePattern(name: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(name)}(?![A-Za-z0-9])`, "i");
}

let cached: SupportInfo[] | undefined;
export function supportTable(): SupportInfo[] {
  if (cached) return cached;
  const doc = SupportsFile.parse(parseYaml(readFileSync(SUPPORTS_FILE, "utf8")));
  cached = doc.supports.map((s) => {
    const source = doc.sources[s.source];
    if (!source) throw new Error(`supports.yaml: ${s.name} cites unknown source ${s.source}`);
    return {
      name: s.name,
      reducible: s.reducible,
      cation: s.cation,
      suboxide: s.suboxide,
      reducedCation: s.reducedCation,
      alloyFormer: !!s.alloyFormer,
      perovskite: !!s.perovskite,
      nonOxide: !!s.nonOxide,
      source,
      materials: s.materials ?? {},
      patterns: [...s.formulas.map(formulaPattern), ...s.names.map(namePattern)],
    };
  });
  return cached;
}

export interface IdentifiedSupport {
  support: SupportInfo;
  /** The words that identified it. */
  matched: string;
  /** smsi materials id of the named polymorph, null when the phase is not named or unknown. */
  materialsId: string | null;
  /** Why no materials id: "amorphous", "polymorph not named", "no structure bundled". */
  noStructure?: string;
}

/** The support named first in the text (its formula or name), with the polymorph when the phase text names one. */
export function identifySupport(supportText: string, phaseText = ""): IdentifiedSupport | null {
  let best: { s: SupportInfo; at: number; matched: string } | null = null;
  for (const s of supportTable())
    for (const p of s.patterns) {
      const m = p.exec(supportText);
      if (m && (!best || m.index < best.at)) best = { s, at: m.index, matched: m[0] };
    }
  if (!best) {
    // The phase text alone may name it ("rutile").
    if (phaseText) {
      const r = identifySupport(phaseText);
      if (r) return r;
    }
    return null;
  }
  const text = `${supportText} ${phaseText}`;
  const mats = best.s.materials;
  if (/\bamorphous\b/i.test(text))
    return {
      support: best.s,
      matched: best.matched,
      materialsId: null,
      noStructure: "amorphous (no lattice)",
    };
  for (const [phase, id] of Object.entries(mats))
    if (phase !== "any" && namePattern(phase).test(text))
      return { support: best.s, matched: best.matched, materialsId: id };
  if (/(?<![A-Za-z])α-?(?![A-Za-z])|\balpha\b/i.test(text) && mats.alpha)
    return { support: best.s, matched: best.matched, materialsId: mats.alpha };
  if (mats.any) return { support: best.s, matched: best.matched, materialsId: mats.any };
  return {
    support: best.s,
    matched: best.matched,
    materialsId: null,
    noStructure: Object.keys(mats).length ? "polymorph not named" : "no structure bundled",
  };
}

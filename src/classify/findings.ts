/**
 * Findings: what the evidence says, one observation per key, from structured fields (numbers turned into
 * verdicts by the thresholds in thresholds.ts) and from free text (read with the language rules of
 * language.ts and the cue lexicon below). Every finding remembers where it came from.
 */
import {
  adsorptionNumbers,
  bareAnswer,
  bindingEnergyShift,
  type CueReading,
  clauses,
  type Polarity,
  readCue,
  readCueAt,
  SPECULATION,
  thickness,
  wavenumberShift,
} from "./language.js";
import type { Evidence } from "./schema.js";
import type { SupportInfo } from "./supports.js";
import { stepKind } from "./treatments.js";
import { OXIDE_LAYER_NM, type Thresholds } from "./thresholds.js";

export const FINDING_KEYS = [
  "overlayer",
  "supportCationsOnMetal",
  "chemisorptionSuppressed",
  "coAdsorptionAltered",
  "metalStateChanged",
  "electronTransfer",
  "supportReduced",
  "bulkOxygen",
  "oxideInMetal",
  "onsetInterface",
  "onsetSurface",
  "o18Support",
  "o18Gas",
  "latticeMatched",
  "subsurfaceStrain",
  "alloy",
  "metalIntoSupport",
  "exsolution",
  "singleAtoms",
  "catalysisChanged",
  "reversedByOxidation",
  "reversedByReduction",
  "irreversible",
  "sintering",
] as const;
export type FindingKey = (typeof FINDING_KEYS)[number];

/** What each finding key means, for reports. */
export const FINDING_MEANING: Record<FindingKey, string> = {
  overlayer: "support-derived overlayer (shell) on the metal",
  supportCationsOnMetal: "support cations detected on the metal surface (EELS/EDS/LEIS)",
  chemisorptionSuppressed: "H2/CO chemisorption suppressed",
  coAdsorptionAltered: "CO adsorption altered (IR band shift, changed linear/bridged)",
  metalStateChanged: "metal electronic state changed (XPS/XANES)",
  electronTransfer: "electron transfer between metal and support",
  supportReduced: "support cations reduced / O vacancies (Ti3+, Ce3+)",
  bulkOxygen: "oxygen in the metal bulk",
  oxideInMetal: "metal oxidised to its oxide",
  onsetInterface: "oxidation starts at the metal–support interface",
  onsetSurface: "oxidation starts at the metal's outer surface",
  o18Support: "18O from the support lattice found in the metal or its oxide",
  o18Gas: "18O from the gas found in the metal or its oxide",
  latticeMatched: "lattice-matched (epitaxial) metal–support interface",
  subsurfaceStrain: "subsurface lattice distortion / strain",
  alloy: "alloy / intermetallic of the metal with the support's cation",
  metalIntoSupport: "metal migrates into / dissolves in the support",
  exsolution: "metal exsolved from the host oxide lattice",
  singleAtoms: "single atoms anchored on the support",
  catalysisChanged: "catalytic activity or selectivity changed",
  reversedByOxidation: "reversed by an oxidising treatment",
  reversedByReduction: "reversed by a reducing treatment",
  irreversible: "not reversible",
  sintering: "particle growth / sintering",
};

export interface Finding {
  key: FindingKey;
  value: Exclude<Polarity, "unknown">;
  basis: "direct" | "inferred";
  /** Measured numbers decide over words: "number" > "field" > "text". */
  kind: "number" | "field" | "text";
  /** The evidence path it came from (`chemisorption.h_per_metal`, `reports[2]`). */
  from: string;
  /** What was read, in words (the clause or the field and value). */
  says: string;
  /** How it was read (rule, threshold with its source). */
  how: string;
  /** Extra detail: direction of electron transfer, metal state. */
  detail?: string;
  lowQuality?: boolean;
}

export interface ReadContext {
  metal: string;
  support: SupportInfo | null;
  thresholds: Thresholds;
}

// ---------------------------------------------------------------- the cue lexicon (general chemistry words)

const W = String.raw`(?:\S+\s+)`;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Uptake nouns: what chemisorption measures. */
const UPTAKE =
  /\b(?:chemisorption|chemisorbed|uptake|adsorption capacity|(?:H2|CO|hydrogen)\s+adsorption|adsorption of (?:H2|CO|hydrogen)|(?:H|CO)\s*\/\s*(?:M|metal|[A-Z][a-z]?)\b)/i;
/** Words of a fall in a quantity. */
const DOWN =
  /\b(?:suppress\w*|decreas\w*|drop(?:s|ped)?|declin\w*|diminish\w*|lost|loss|los(?:e|es|ing)|fell|fall(?:s|ing)?|collaps\w*|inhibit\w*|block\w*|quench\w*|eliminat\w*|vanish\w*|disappear\w*|attenuat\w*|hinder\w*|prevent\w*|poison\w*)\b/i;
/** "reduced"/"lower" mean a fall only right next to an uptake noun ("reduced uptake"), never "after reduction". */
const DOWN_ADJ = /\b(?:reduced|lower(?:ed)?|smaller|less)\b/i;
const ZERO =
  /(?:(?:nearly|almost|essentially|close to|virtually|practically|near)\s+)?(?:zero|nil|negligible)\b|[~≈=<≤]\s*0(?:\.0+)?(?![.\d])/i;
const KEEP =
  /\b(?:retain\w*|unchanged|unaffected|maintain\w*|preserv\w*|intact|unaltered|comparable|similar)\b/i;

const OVERLAYER =
  /\b(?:encapsulat\w*|overlayers?|over-layers?|overgrowth|core[- ]shell|shells?|wrapp\w*|decorat\w*|creep\w*|covered (?:by|with)|covering|migrat\w* (?:onto|over)|(?:layers?|films?|skins?|coating) (?:on|over|around|covering|encapsulating))\b/i;
const IR =
  /\b(?:IR|FTIR|FT-IR|DRIFTS?|infrared|CO band|CO stretch\w*|linear(?:ly)?[- ](?:bound|bonded|adsorbed)? ?CO|bridg\w* CO|(?:linear|bridged|atop|on-top) CO|carbonyl band|band shift|(?:red|blue)[- ]?shift\w*|CO (?:adsorption|binding) (?:strength|energy|mode|configuration|geometry)|(?:altered|changed|modified|weakened|strengthened|perturbed) CO (?:adsorption|binding)|CO (?:adsorption|binding) (?:was |is )?(?:altered|changed|modified|weakened|strengthened|perturbed))\b/i;
const IR_CHANGE =
  /\b(?:shift\w*|chang\w*|alter\w*|weak\w*|strength\w*|disappear\w*|vanish\w*|new band|decreas\w*|increas\w*|lower\w*|higher|modif\w*|different|perturb\w*)\b/i;
const XPS_STATE =
  /\b(?:electron[- ](?:rich|deficient|poor)|negatively charged|positively charged|cationic|partially oxidi[sz]ed|oxidation state|binding[- ]energy shift|(?:shift\w*|moved) (?:to|towards?) (?:lower|higher) binding|(?:lower|higher) binding energ\w*|d-band (?:centre|center))\b|δ[+-]/i;
const ELECTRON_TRANSFER =
  /\b(?:(?:electron(?:ic)?|charge) (?:transfer|donation|redistribution|polari[sz]ation)|donat\w* electrons|electrons? (?:flow|move|transfer)\w*|transferr?\w* (?:electrons|charge)|Schottky|interfacial charge|electronic (?:interaction|modification|effect|perturbation))\b/i;
const SUPPORT_REDUCED_GENERIC =
  /\b(?:oxygen vacanc\w*|O vacanc\w*|reduced (?:support|oxide)|partially reduced|suboxide|Magn[eé]li)\b/i;
const BULK_OXYGEN =
  /\b(?:bulk (?:oxygen|O|penetration|oxidation)(?!\s+vacanc)|subsurface oxygen(?!\s+vacanc)|interstitial (?:oxygen|O)|oxygen penetrat\w*|O penetrat\w*|penetrat\w*|solid solution|dissolved oxygen|lattice oxygen (?:in|into|inside|within) the (?:metal|particle))\b|\b(?:oxygen|O|O2-|O²⁻|lattice O|O atoms?)\s+(?:\S+\s+){0,3}?(?:in|into|inside|within|throughout)\s+(?:the\s+)?(?:metal|bulk|particles?|nanoparticles?|interior|subsurface)\b/i;
const ONSET_INTERFACE =
  /\b(?:bottom[- ]up|from the (?:metal[–-](?:support|oxide) )?interface|at the (?:metal[–-](?:support|oxide) )?interface first|interface[- ](?:initiated|first|driven)|upward from the interface|start\w* at the interface|nucleat\w* at the interface)\b/i;
const ONSET_SURFACE =
  /\b(?:top[- ]down|from the (?:outer |free |external |exposed )?surface(?: inward)?|surface[- ](?:initiated|first)|outside[- ]in)\b/i;
const OXIDATION_WORDS = /oxid|oxide|O2|oxygen|\b[A-Z][a-z]?\d*O\d*x?\b/i;
const O18 = /(?:18O|¹⁸O|O-18|\^18O|oxygen-18|\bisotop\w*)/i;
const O18_SUPPORT =
  /\b(?:from|of|originat\w* (?:from|in)|supplied by|provided by) (?:the )?(?:support|lattice|oxide support|substrate)\b|\bsupport(?:'s)? lattice\b/i;
const O18_GAS = /\b(?:from|of) (?:the )?(?:gas|gas[- ]phase|O2|18O2)\b|\bgas[- ]phase oxygen\b/i;
const LATTICE_MATCH =
  /\b(?:lattice[- ]match\w*|epitax\w*|(?<!in)coherent interface|semi-coherent|pseudomorph\w*|orientation relationship|commensurate)\b/i;
const LATTICE_MISMATCH = /\b(?:mismatch\w*|incoherent|disordered interface|incommensurate)\b/i;
const STRAIN =
  /\b(?:strain\w*|lattice distortion|distort\w*|lattice expansion|lattice dilat\w*|displacement field)\b/i;
const ALLOY_WORD = /\b(?:alloy\w*|intermetallic\w*|bimetallic (?:phase|compound))\b/i;
const EXSOLUTION = /\b(?:exsol\w*|ex-sol\w*|socketed)\b/i;
const SINGLE_ATOMS =
  /\b(?:single[- ]atoms?|single[- ]sites?|atomically dispersed|isolated (?:\w+ )?(?:atoms|cations|ions|sites)|SACs?)\b/i;
const CATALYSIS =
  /\b(?:activity|activities|selectivit\w*|conversion|turnover|TOF|rates?|yields?|performance|hydrogenolysis|methanation|product distribution)\b/i;
const CATALYSIS_CHANGE =
  /\b(?:increas\w*|decreas\w*|enhanc\w*|suppress\w*|chang\w*|shift\w*|improv\w*|lower\w*|higher|switch\w*|inhibit\w*|promot\w*|boost\w*|drop\w*|loss|lost|alter\w*|tun\w*|regulat\w*|invert\w*|revers\w*|differ\w*|[0-9]+-?fold)\b/i;
const SINTERING = /\b(?:sinter\w*|particle growth|coalescen\w*|Ostwald ripening|agglomerat\w*)\b/i;
const REVERSIBLE = /\b(?:revers\w*|restor\w*|recover\w*|regenerat\w*|remov\w*|undone)\b/i;
const IRREVERSIBLE = /\b(?:irreversib\w*|not reversib\w*|could not be (?:reversed|restored)|permanent)\b/i;

function metalOxidePattern(metal: string): RegExp | null {
  if (!/^[A-Z][a-z]?$/.test(metal)) return null;
  const m = esc(metal);
  return new RegExp(
    `(?<![A-Za-z0-9])(?:${m}\\d*O(?:\\d+|x)?(?:[-−]x)?(?![a-z0-9])|${m}\\s*oxide|oxidi[sz]ed ${m}|${m} (?:was |is |were |got )?oxidi[sz]ed|${m}(?:\\^?[2-4]\\+|δ\\+))`,
  );
}

/** A formula token made of the metal and the support's cation (PdZn, Pt3Ti, Ni3Ga): an intermetallic. */
function intermetallicPattern(metal: string, cation: string | undefined): RegExp | null {
  if (!cation || !/^[A-Z][a-z]?$/.test(metal) || !/^[A-Z][a-z]?$/.test(cation)) return null;
  const m = esc(metal);
  const c = esc(cation);
  return new RegExp(`(?<![A-Za-z0-9])(?:${m}\\d*${c}\\d*|${c}\\d*${m}\\d*)(?![a-z0-9])`);
}

function supportMention(ctx: ReadContext): RegExp {
  const s = ctx.support;
  const words = [/\bsupport\b/i, /\bsubstrate\b/i, /\boxide support\b/i, ...(s ? s.patterns : [])];
  return new RegExp(words.map((w) => w.source).join("|"), "i");
}

// ---------------------------------------------------------------- text → findings

function fromReading(key: FindingKey, r: CueReading, from: string, detail?: string, invert = false): Finding {
  let value = r.polarity;
  if (invert) value = value === "yes" ? "no" : value === "no" ? "yes" : "partial";
  return {
    key,
    value,
    basis: r.speculative ? "inferred" : "direct",
    kind: "text",
    from,
    says: r.clause,
    how: r.rule + (r.speculative ? "; speculative wording → inferred" : ""),
    detail,
  };
}

/** Verdict on chemisorption from an after/before ratio or an after-only value. */
export function chemisorptionVerdict(
  n: { before?: number; after?: number; ratio?: number },
  t: Thresholds,
): { value: Finding["value"]; basis: Finding["basis"]; how: string } | null {
  const ratio =
    n.ratio ??
    (n.before !== undefined && n.before > 0 && n.after !== undefined ? n.after / n.before : undefined);
  if (ratio !== undefined && Number.isFinite(ratio)) {
    const r = ratio.toFixed(2);
    if (ratio <= t.suppressedMaxRatio)
      return {
        value: "yes",
        basis: "direct",
        how: `after/before = ${r} ≤ ${t.suppressedMaxRatio} (Tauster 1978)`,
      };
    if (ratio >= t.retainedMinRatio)
      return {
        value: "no",
        basis: "direct",
        how: `after/before = ${r} ≥ ${t.retainedMinRatio} (retained; assumption)`,
      };
    return {
      value: "partial",
      basis: "direct",
      how: `after/before = ${r} between ${t.suppressedMaxRatio} and ${t.retainedMinRatio}`,
    };
  }
  if (n.after !== undefined && n.after <= t.suppressedMaxAbsolute)
    return {
      value: "yes",
      basis: "inferred",
      how: `after = ${n.after} ≤ ${t.suppressedMaxAbsolute} with no value before (assumption after Tauster 1978; inferred)`,
    };
  return null;
}

function readChemisorption(text: string, from: string, ctx: ReadContext, about: boolean): Finding[] {
  const out: Finding[] = [];
  const nums = adsorptionNumbers(text);
  if (nums) {
    const v = chemisorptionVerdict(nums, ctx.thresholds);
    if (v)
      out.push({ key: "chemisorptionSuppressed", ...v, kind: "number", from, says: nums.text, how: v.how });
  }
  for (const c of clauses(text)) {
    // A fall word belongs to the quantity named in its clause: "conversion decreased" is catalysis.
    const hasUptake = UPTAKE.test(c) || (about && !CATALYSIS.test(c));
    if (!hasUptake) continue;
    const down = DOWN.exec(c);
    const adj = DOWN_ADJ.exec(c);
    const adjNearUptake = adj && UPTAKE.test(c) && nearWords(c, adj.index, UPTAKE, 3);
    if (down) {
      out.push(fromReading("chemisorptionSuppressed", readCueAt(c, down.index, down[0].length), from));
      continue;
    }
    if (adjNearUptake && adj) {
      out.push(fromReading("chemisorptionSuppressed", readCueAt(c, adj.index, adj[0].length), from));
      continue;
    }
    const keep = KEEP.exec(c);
    if (keep) {
      out.push(
        fromReading(
          "chemisorptionSuppressed",
          readCueAt(c, keep.index, keep[0].length),
          from,
          undefined,
          true,
        ),
      );
      continue;
    }
    const u = UPTAKE.exec(c);
    if (u) {
      if (ZERO.test(c)) {
        out.push({
          key: "chemisorptionSuppressed",
          value: "yes",
          basis: SPECULATION.test(c) ? "inferred" : "direct",
          kind: "text",
          from,
          says: c,
          how: "uptake stated as zero/negligible",
        });
        continue;
      }
      // "no (significant) H2 uptake" → suppressed; "significant H2 uptake" → not suppressed.
      const r = readCueAt(c, u.index, u[0].length);
      if (r.polarity === "no" || /\bsignificant\b|\bnormal\b|\bhigh\b|\bstrong\b/i.test(c))
        out.push(fromReading("chemisorptionSuppressed", r, from, undefined, true));
    }
  }
  return out;
}

/** A passage of three or more words in double quotes is a title or a quotation, not an observation. */
export function withoutQuotedTitles(text: string): string {
  return text.replace(/["“]([^"”]{1,500})["”]/g, (m, inner: string) =>
    inner.trim().split(/\s+/).length >= 3 ? " " : m,
  );
}

function nearWords(text: string, index: number, p: RegExp, words: number): boolean {
  const before = text
    .slice(0, index)
    .split(/\s+/)
    .slice(-words - 1)
    .join(" ");
  const after = text
    .slice(index)
    .split(/\s+/)
    .slice(0, words + 2)
    .join(" ");
  return p.test(before) || p.test(after);
}

/**
 * Read one free text into findings. `about` names the field's own question, so that a bare
 * "yes"/"none"/"partial" answers it.
 */
export function readText(raw: string, from: string, ctx: ReadContext, about?: string): Finding[] {
  const out: Finding[] = [];
  const text = withoutQuotedTitles(raw);
  const bare = bareAnswer(text);
  const bareKey: Partial<Record<string, FindingKey>> = {
    encapsulation: "overlayer",
    overlayer: "overlayer",
    chemisorption: "chemisorptionSuppressed",
    bulk_oxygen: "bulkOxygen",
  };
  const key = about ? bareKey[about] : undefined;
  if (bare && bare !== "unknown" && key)
    out.push({
      key,
      value: bare,
      basis: "direct",
      kind: "text",
      from,
      says: text.trim().slice(0, 200),
      how: `bare answer "${text.trim().split(/\s+/)[0]}" to the field's question`,
    });
  if (bare === "unknown") return out;

  out.push(...readChemisorption(text, from, ctx, about === "chemisorption"));
  const push = (
    k: FindingKey,
    cue: RegExp,
    opts: { within?: RegExp; invert?: boolean; detail?: string } = {},
  ) => {
    for (const r of readCue(text, cue)) {
      if (opts.within && !opts.within.test(r.clause)) continue;
      out.push(fromReading(k, r, from, opts.detail, opts.invert));
    }
  };
  push("overlayer", OVERLAYER);
  const th = thickness(text);
  if (th && OVERLAYER.test(text)) {
    const layers = th.layers ?? (th.nm !== undefined ? th.nm / OXIDE_LAYER_NM : 0);
    if (layers > 0 && layers < ctx.thresholds.overlayerMinLayers)
      out.push({
        key: "overlayer",
        value: "partial",
        basis: "direct",
        kind: "number",
        from,
        says: th.text,
        how: `thinner than ${ctx.thresholds.overlayerMinLayers} layer (assumption)`,
      });
  }
  // IR of CO: a shift number decides; else a change word in an IR clause.
  const ir = wavenumberShift(text);
  if (ir && Math.abs(ir.value) >= ctx.thresholds.irShiftMin_cm1)
    out.push({
      key: "coAdsorptionAltered",
      value: Math.abs(ir.value) >= ctx.thresholds.irShiftClear_cm1 ? "yes" : "partial",
      basis: "direct",
      kind: "number",
      from,
      says: ir.text,
      how: `|Δν(CO)| = ${Math.abs(ir.value)} cm⁻¹ vs ${ctx.thresholds.irShiftMin_cm1} / ${ctx.thresholds.irShiftClear_cm1} cm⁻¹ (assumption; Hammaker et al. 1965)`,
    });
  else if (ir)
    out.push({
      key: "coAdsorptionAltered",
      value: "no",
      basis: "direct",
      kind: "number",
      from,
      says: ir.text,
      how: `|Δν(CO)| = ${Math.abs(ir.value)} cm⁻¹ < ${ctx.thresholds.irShiftMin_cm1} cm⁻¹`,
    });
  else push("coAdsorptionAltered", IR, { within: IR_CHANGE });
  const be = bindingEnergyShift(text);
  if (be && /XPS|binding|core[- ]level|\bBE\b/i.test(text)) {
    const big = Math.abs(be.value) >= ctx.thresholds.xpsShiftMin_eV;
    out.push({
      key: "metalStateChanged",
      value: big ? "yes" : "no",
      basis: "direct",
      kind: "number",
      from,
      says: be.text,
      how: `|ΔBE| = ${Math.abs(be.value)} eV ${big ? "≥" : "<"} ${ctx.thresholds.xpsShiftMin_eV} eV (assumption)`,
      detail: be.value > 0 ? "electron-poor" : be.value < 0 ? "electron-rich" : undefined,
    });
  } else
    for (const r of readCue(text, XPS_STATE))
      out.push(
        fromReading(
          "metalStateChanged",
          r,
          from,
          /rich|negative|lower binding|δ-/i.test(r.clause)
            ? "electron-rich"
            : /deficient|poor|positive|higher binding|cationic|δ\+/i.test(r.clause)
              ? "electron-poor"
              : undefined,
        ),
      );
  push("electronTransfer", ELECTRON_TRANSFER);
  const reducedCation =
    ctx.support && /^[A-Z][a-z]?$/.test(ctx.support.cation)
      ? new RegExp(
          `(?<![A-Za-z])${esc(ctx.support.cation)}\\s*(?:\\^?\\(?(?:3|2|III|II)\\+\\)?|³⁺|²⁺)|${esc(ctx.support.cation)}Ox\\b`,
        )
      : null;
  push(
    "supportReduced",
    reducedCation
      ? new RegExp(`${SUPPORT_REDUCED_GENERIC.source}|${reducedCation.source}`, "i")
      : SUPPORT_REDUCED_GENERIC,
  );
  push("bulkOxygen", BULK_OXYGEN, about === "bulk_oxygen" ? {} : { within: /oxygen|\bO\b|O2-|O²⁻|oxid/i });
  const ox = metalOxidePattern(ctx.metal);
  if (ox) push("oxideInMetal", ox);
  push("onsetInterface", ONSET_INTERFACE, { within: OXIDATION_WORDS });
  push("onsetSurface", ONSET_SURFACE, { within: OXIDATION_WORDS });
  for (const r of readCue(text, O18)) {
    if (O18_SUPPORT.test(r.clause) || supportMention(ctx).test(r.clause))
      out.push(fromReading("o18Support", r, from));
    else if (O18_GAS.test(r.clause)) out.push(fromReading("o18Gas", r, from));
  }
  push("latticeMatched", LATTICE_MATCH);
  push("latticeMatched", LATTICE_MISMATCH, { invert: true });
  push("subsurfaceStrain", STRAIN);
  // Alloys count only with the support's cation: a token like PdZn, or an alloy word with the cation named.
  const im = intermetallicPattern(ctx.metal, ctx.support?.cation);
  if (im) push("alloy", im);
  if (ctx.support) {
    const cation = new RegExp(
      `(?<![A-Za-z])${esc(ctx.support.cation)}(?![a-z])|${supportMention(ctx).source}`,
    );
    push("alloy", ALLOY_WORD, { within: cation });
  }
  push("exsolution", EXSOLUTION);
  const m = /^[A-Z][a-z]?$/.test(ctx.metal) ? esc(ctx.metal) : null;
  push(
    "singleAtoms",
    m ? new RegExp(`${SINGLE_ATOMS.source}|(?<![A-Za-z0-9])${m}1(?![0-9a-z])`, "i") : SINGLE_ATOMS,
  );
  const subject = `(?:${m ? `${m}|` : ""}metal|particles?|nanoparticles?|clusters?|(?<!O )atoms?)`;
  const motion = String.raw`(?:dissolv\w*|diffus\w*|migrat\w*|sink\w*|sank|sunk|embed\w*|buried|incorporat\w*|penetrat\w*|spread\w*|mov\w*)`;
  const into = new RegExp(
    `\\b${subject}\\s+${W}{0,4}?${motion}\\s+${W}{0,3}?(?:in|into|below|beneath|under|inside)\\s+${W}{0,2}?(?:${supportMention(ctx).source}|the (?:support )?surface|subsurface)`,
    "i",
  );
  push("metalIntoSupport", into);
  push(
    "metalIntoSupport",
    /\b(?:dissolution|incorporation|diffusion) of (?:the )?(?:metal|\w+ atoms) into (?:the )?(?:support|oxide|lattice)\b/i,
  );
  push("catalysisChanged", CATALYSIS, { within: CATALYSIS_CHANGE });
  push("sintering", SINTERING);
  if (about === "reversibility") out.push(...readReversibility(text, from));
  else
    for (const r of readCue(text, REVERSIBLE)) {
      const k = reversalKind(r.clause);
      if (k) out.push(fromReading(k, r, from));
    }
  return out;
}

function reversalKind(clause: string): FindingKey | null {
  const after = clause.replace(
    /^.*?\b(?:revers\w*|restor\w*|recover\w*|regenerat\w*|remov\w*|undone)\b/i,
    "",
  );
  const k = stepKind(after || clause).kind;
  if (k === "oxidative") return "reversedByOxidation";
  if (k === "reductive") return "reversedByReduction";
  return null;
}

/** The reversibility field: a gas or treatment that undoes the state, "irreversible", or a bare answer. */
function readReversibility(text: string, from: string): Finding[] {
  const t = text.trim();
  const out: Finding[] = [];
  const bare = bareAnswer(t);
  if (bare === "unknown") return out;
  if (IRREVERSIBLE.test(t) || bare === "no")
    return [
      {
        key: "irreversible",
        value: "yes",
        basis: "direct",
        kind: "text",
        from,
        says: t,
        how: "stated irreversible",
      },
    ];
  const k = stepKind(t).kind;
  const hedge = /\bpartial\w*|\bpartly\b|\bincomplete\w*|\bslow\w*\b/i.test(t);
  const key: FindingKey | null =
    k === "oxidative" ? "reversedByOxidation" : k === "reductive" ? "reversedByReduction" : null;
  if (key)
    out.push({
      key,
      value: hedge ? "partial" : "yes",
      basis: SPECULATION.test(t) ? "inferred" : "direct",
      kind: "text",
      from,
      says: t,
      how: `reversed by a ${k} treatment${hedge ? " (hedged: partial)" : ""}`,
    });
  return out;
}

// ---------------------------------------------------------------- structured evidence → findings

const tri = (v: string | undefined): Finding["value"] | null =>
  v === "yes" || v === "no" || v === "partial" ? v : null;

/** All findings of an evidence document. */
export function evidenceFindings(e: Evidence, ctx: ReadContext): Finding[] {
  const out: Finding[] = [];
  const low = (q?: string) => q === "low";
  const field = (
    key: FindingKey,
    value: string | undefined,
    from: string,
    quality?: string,
    detail?: string,
  ) => {
    const v = tri(value);
    if (v)
      out.push({
        key,
        value: v,
        basis: "direct",
        kind: "field",
        from,
        says: `${from}: ${value}`,
        how: "stated field",
        detail,
        lowQuality: low(quality),
      });
  };
  const m = e.microscopy;
  if (m) {
    field("overlayer", m.overlayer, "microscopy.overlayer", m.quality);
    const layers =
      m.overlayer_thickness_layers ??
      (m.overlayer_thickness_nm !== undefined ? m.overlayer_thickness_nm / OXIDE_LAYER_NM : undefined);
    if (layers !== undefined)
      out.push({
        key: "overlayer",
        value: layers >= ctx.thresholds.overlayerMinLayers ? "yes" : layers > 0 ? "partial" : "no",
        basis: "direct",
        kind: "number",
        from:
          m.overlayer_thickness_layers !== undefined
            ? "microscopy.overlayer_thickness_layers"
            : "microscopy.overlayer_thickness_nm",
        says: `overlayer ${layers.toFixed(2)} layers`,
        how: `vs ${ctx.thresholds.overlayerMinLayers} layer (assumption; ${OXIDE_LAYER_NM} nm per layer)`,
        lowQuality: low(m.quality),
      });
    if (m.overlayer_coverage_fraction !== undefined)
      out.push({
        key: "overlayer",
        value:
          m.overlayer_coverage_fraction === 0
            ? "no"
            : m.overlayer_coverage_fraction >= 0.5
              ? "yes"
              : "partial",
        basis: "direct",
        kind: "number",
        from: "microscopy.overlayer_coverage_fraction",
        says: `coverage ${m.overlayer_coverage_fraction}`,
        how: "coverage ≥ 0.5 of the metal surface = shell, below = partial",
        lowQuality: low(m.quality),
      });
    if (m.oxidation_onset === "interface")
      field("onsetInterface", "yes", "microscopy.oxidation_onset", m.quality);
    if (m.oxidation_onset === "surface")
      field("onsetSurface", "yes", "microscopy.oxidation_onset", m.quality);
    if (m.oxidation_onset === "none") field("oxideInMetal", "no", "microscopy.oxidation_onset", m.quality);
    field("oxideInMetal", m.oxide_grown_in_metal, "microscopy.oxide_grown_in_metal", m.quality);
    field("latticeMatched", m.lattice_matched_interface, "microscopy.lattice_matched_interface", m.quality);
    field("alloy", m.intermetallic_formed, "microscopy.intermetallic_formed", m.quality);
    field("metalIntoSupport", m.metal_into_support, "microscopy.metal_into_support", m.quality);
    field("singleAtoms", m.single_atoms_anchored, "microscopy.single_atoms_anchored", m.quality);
    field("exsolution", m.exsolution, "microscopy.exsolution", m.quality);
    if (m.overlayer_composition)
      out.push(...readText(m.overlayer_composition, "microscopy.overlayer_composition", ctx, "overlayer"));
  }
  const c = e.chemisorption;
  if (c) {
    field("chemisorptionSuppressed", c.suppressed, "chemisorption.suppressed", c.quality);
    for (const [name, v] of [
      ["h_per_metal", c.h_per_metal],
      ["co_per_metal", c.co_per_metal],
    ] as const) {
      if (!v) continue;
      const verdict = chemisorptionVerdict(v, ctx.thresholds);
      if (verdict)
        out.push({
          key: "chemisorptionSuppressed",
          ...verdict,
          kind: "number",
          from: `chemisorption.${name}`,
          says: `${name} ${v.before ?? "?"} → ${v.after ?? "?"}`,
          lowQuality: low(c.quality),
        });
    }
    if (c.uptake_ratio !== undefined) {
      const verdict = chemisorptionVerdict({ ratio: c.uptake_ratio }, ctx.thresholds);
      if (verdict)
        out.push({
          key: "chemisorptionSuppressed",
          ...verdict,
          kind: "number",
          from: "chemisorption.uptake_ratio",
          says: `uptake ratio ${c.uptake_ratio}`,
          lowQuality: low(c.quality),
        });
    }
  }
  const x = e.xps;
  if (x) {
    if (x.metal_state === "metallic")
      field("metalStateChanged", "no", "xps.metal_state", x.quality, "metallic");
    else if (x.metal_state !== "unknown")
      field("metalStateChanged", "yes", "xps.metal_state", x.quality, x.metal_state);
    field("supportReduced", x.support_cations_reduced, "xps.support_cations_reduced", x.quality);
    if (x.metal_binding_energy_shift_eV !== undefined) {
      const s = x.metal_binding_energy_shift_eV;
      const big = Math.abs(s) >= ctx.thresholds.xpsShiftMin_eV;
      out.push({
        key: "metalStateChanged",
        value: big ? "yes" : "no",
        basis: "direct",
        kind: "number",
        from: "xps.metal_binding_energy_shift_eV",
        says: `ΔBE = ${s} eV`,
        how: `|ΔBE| ${big ? "≥" : "<"} ${ctx.thresholds.xpsShiftMin_eV} eV (assumption)`,
        detail: s > 0 ? "electron-poor" : s < 0 ? "electron-rich" : undefined,
        lowQuality: low(x.quality),
      });
    }
  }
  const ir = e.ir_co;
  if (ir) {
    field("coAdsorptionAltered", ir.adsorption_altered, "ir_co.adsorption_altered", ir.quality);
    if (ir.band_shift_cm1 !== undefined) {
      const d = Math.abs(ir.band_shift_cm1);
      out.push({
        key: "coAdsorptionAltered",
        value:
          d >= ctx.thresholds.irShiftClear_cm1
            ? "yes"
            : d >= ctx.thresholds.irShiftMin_cm1
              ? "partial"
              : "no",
        basis: "direct",
        kind: "number",
        from: "ir_co.band_shift_cm1",
        says: `Δν(CO) = ${ir.band_shift_cm1} cm⁻¹`,
        how: `vs ${ctx.thresholds.irShiftMin_cm1} / ${ctx.thresholds.irShiftClear_cm1} cm⁻¹ (assumption; Hammaker et al. 1965)`,
        lowQuality: low(ir.quality),
      });
    }
  }
  if (e.eels_eds)
    field(
      "supportCationsOnMetal",
      e.eels_eds.support_cations_on_metal,
      "eels_eds.support_cations_on_metal",
      e.eels_eds.quality,
    );
  const iso = e.isotope;
  if (iso) {
    const inMetal = tri(iso.o18_in_metal);
    if (inMetal === "no") field("o18Support", "no", "isotope.o18_in_metal", iso.quality);
    else if (inMetal && iso.o18_origin === "support")
      field("o18Support", inMetal, "isotope.o18_origin", iso.quality);
    else if (inMetal && iso.o18_origin === "gas") {
      field("o18Gas", inMetal, "isotope.o18_origin", iso.quality);
      field("o18Support", "no", "isotope.o18_origin", iso.quality);
    }
  }
  if (e.bulk_oxygen_in_metal)
    field(
      "bulkOxygen",
      e.bulk_oxygen_in_metal.observed,
      "bulk_oxygen_in_metal.observed",
      e.bulk_oxygen_in_metal.quality,
    );
  if (e.strain)
    field(
      "subsurfaceStrain",
      e.strain.subsurface_distortion,
      "strain.subsurface_distortion",
      e.strain.quality,
    );
  if (e.electron_transfer)
    field(
      "electronTransfer",
      e.electron_transfer.observed,
      "electron_transfer.observed",
      e.electron_transfer.quality,
      e.electron_transfer.direction,
    );
  const rev = e.reversibility;
  if (rev && tri(rev.observed)) {
    const k = rev.by ? stepKind(rev.by).kind : "unknown";
    if (rev.observed === "no") field("irreversible", "yes", "reversibility.observed", rev.quality);
    else if (k === "oxidative") field("reversedByOxidation", rev.observed, "reversibility.by", rev.quality);
    else if (k === "reductive") field("reversedByReduction", rev.observed, "reversibility.by", rev.quality);
  }
  if (e.catalysis) {
    field("catalysisChanged", e.catalysis.changed, "catalysis.changed", e.catalysis.quality);
    if (e.catalysis.description) out.push(...readText(e.catalysis.description, "catalysis.description", ctx));
  }
  e.treatments.forEach((t, i) => {
    if (t.note) out.push(...readText(t.note, `treatments[${i}].note`, ctx));
  });
  e.reports?.forEach((r, i) => {
    out.push(...readText(r.text, `reports[${i}]`, ctx, r.about));
  });
  if (e.notes) out.push(...readText(e.notes, "notes", ctx));
  return out;
}

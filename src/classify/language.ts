/**
 * General language rules for reading what a chemist wrote: clauses, negation, hedging, speculation,
 * bare answers and numbers with units. No rule here names a catalyst, a paper or a case; every list is
 * ordinary English or ordinary chemical notation, and docs/classify.md ("Reading free text") lists them.
 *
 * A reading of a cue (a word or phrase that names an observation) in a clause is:
 *   yes       the clause asserts it ("an overlayer covers Pt", "significant decrease in uptake")
 *   no        the clause negates it ("no overlayer", "Ti3+ not detected", "no significant H2 uptake")
 *   partial   the clause hedges its extent ("slight", "partially", "minor", "intermediate")
 * and it is `speculative` when the clause only proposes it ("may", "suggests", "attributed to").
 */

export type Polarity = "yes" | "no" | "partial" | "unknown";

/** Words that negate a cue that follows them in the same clause (within NEGATION_WINDOW_WORDS words). */
export const NEGATORS =
  /\b(?:no|not|none|nor|neither|never|without|absence of|absent|lack(?:s|ing)? of|free of|cannot|can't|did not|does not|do not|didn't|doesn't|don't|was not|were not|is not|are not|has not|have not|wasn't|weren't|isn't|aren't|hasn't|haven't|no longer|negligible|insignificant|nor any)\b/gi;

/**
 * Phrases after a cue that negate it ("Ti3+ not detected", "overlayer: none", "was absent"); a thing stated as
 * removed or gone is absent now ("overlayer completely removed"). A hedge before the removal ("partially
 * removed") is read as partial by the hedge rule, which runs first for removals.
 */
export const POST_NEGATORS =
  /^[\s:,=-]*(?:(?:was|were|is|are|has been|have been|could be|can be)\s+)?(?:not\b(?!\s+only)|never\b|absent\b|undetected\b|none\b|nil\b|negligible\b|not observed|not detected|not seen|not found|insignificant\b|(?:(?:was|were|is|are|has been|have been|being)\s+)?(?:completely\s+|fully\s+|entirely\s+)?(?:removed|eliminated|disappeared|vanished|gone|destroyed|stripped)\b)/i;

/** How many words before a cue a negator still reaches (ASSUMPTION: ordinary English clause scope). */
export const NEGATION_WINDOW_WORDS = 6;

/** Words that hedge the extent of what follows or precedes them: read as `partial`. */
export const HEDGES =
  /\b(?:slight(?:ly)?|partial(?:ly)?|partly|in part|minor|modest(?:ly)?|moderate(?:ly)?|incomplete(?:ly)?|intermediate|limited|some|somewhat|weak(?:ly)?|small|mild(?:ly)?|to some extent|not complete(?:ly)?|not fully|less pronounced|patchy|sub-?monolayer|islands?)\b/i;

/** Words that make a statement an inference, not an observation (basis: inferred). */
export const SPECULATION =
  /\b(?:may|might|could|possibly|possible|presumably|likely|probably|proposed|propose[sd]?|suggest(?:s|ed|ing)?|hypothes\w*|attributed to|ascribed to|consistent with|inferred|speculat\w*|postulat\w*|believed|assumed|tentative(?:ly)?|putative|expected|predicted|calculated|DFT|claimed)\b/i;

/** Statements that a thing was not looked at, not that it is absent: read as unknown. */
export const NOT_STUDIED =
  /\b(?:not (?:reported|measured|studied|tested|examined|investigated|given|stated|determined|available|characteri[sz]ed|assessed|checked|read)|none reported|no data|unclear|unknown|n\/a|not applicable|details not read)\b/i;

/** Split into clauses: sentences, semicolons, "but/whereas/while/although/however", commas and parentheses. */
export function clauses(text: string): string[] {
  const out: string[] = [];
  const protectedText = text
    .replace(/(\d)\.(\d)/g, "$1\u2024$2") // decimal points are not sentence ends
    .replace(/(\d),(\d{3})/g, "$1$2"); // thousands separators
  for (const part of protectedText.split(
    /[;!?]|\.(?=\s|$)|\bbut\b|\bwhereas\b|\bwhile\b|\balthough\b|\bhowever\b|,(?!\s*\d)|\(|\)|\[|\]|\n/i,
  )) {
    const c = part.replace(/\u2024/g, ".").trim();
    if (c) out.push(c);
  }
  return out;
}

function wordsBetween(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export interface CueReading {
  polarity: Exclude<Polarity, "unknown">;
  speculative: boolean;
  /** The clause read. */
  clause: string;
  /** Which rule decided the polarity (for the report). */
  rule: string;
}

/** The reading of the cue match at `index` (length `length`) inside `clause`. */
export function readCueAt(clause: string, index: number, length: number): CueReading {
  const before = clause.slice(0, index);
  const after = clause.slice(index + length);
  const speculative = SPECULATION.test(clause);
  let negated: string | null = null;
  for (const m of before.matchAll(NEGATORS)) {
    const rest = before.slice((m.index ?? 0) + m[0].length);
    // "None: significant uptake" — a bare answer followed by its elaboration, not a negation of it.
    if (/^\s*:/.test(rest)) continue;
    const gap = wordsBetween(rest);
    if (gap <= NEGATION_WINDOW_WORDS) negated = m[0];
  }
  const post = POST_NEGATORS.exec(after);
  if (negated) {
    // "no significant X", "not strongly X": negation of the whole X. "not complete(ly)": a hedge.
    if (
      /^not$/i.test(negated) &&
      /^\s*(?:complete(?:ly)?|fully|entirely|totally)\b/i.test(
        before.slice(before.toLowerCase().lastIndexOf("not") + 3),
      )
    )
      return { polarity: "partial", speculative, clause, rule: `hedged: "not complete"` };
    return { polarity: "no", speculative, clause, rule: `negated by "${negated}"` };
  }
  if (post) return { polarity: "no", speculative, clause, rule: `negated by "${post[0].trim()}"` };
  // A hedge qualifies the words next to it: two words either side ("slight decrease", "decreased slightly"),
  // not a neighbour's ("partially reduced titania migrated over Ru" is a full migration of a reduced oxide).
  const near = `${before.trim().split(/\s+/).slice(-2).join(" ")} ${after.trim().split(/\s+/).slice(0, 2).join(" ")}`;
  const hedge = HEDGES.exec(near);
  if (hedge) return { polarity: "partial", speculative, clause, rule: `hedged by "${hedge[0]}"` };
  return { polarity: "yes", speculative, clause, rule: "asserted" };
}

/** Every reading of a cue pattern (global matching is added) over the clauses of a text. */
export function readCue(text: string, cue: RegExp): CueReading[] {
  const flags = cue.flags.includes("g") ? cue.flags : `${cue.flags}g`;
  const g = new RegExp(cue.source, flags);
  const out: CueReading[] = [];
  for (const c of clauses(text)) {
    for (const m of c.matchAll(g)) {
      out.push(readCueAt(c, m.index ?? 0, m[0].length));
      break; // one reading per clause and cue
    }
  }
  return out;
}

/**
 * A bare answer to the field's own question ("yes", "no", "none", "partial", "n/a"), when the text
 * starts with one. Returns null when the text is a sentence rather than an answer.
 */
export function bareAnswer(text: string): Polarity | null {
  const t = text.trim();
  if (!t) return "unknown";
  if (NOT_STUDIED.test(t) && /^(?:n\/a|not|none reported|no data|unclear|unknown|details)/i.test(t))
    return "unknown";
  const m =
    /^(yes|no|none|partial(?:ly)?|partly|unknown|n\/a|nil|absent|present|observed|not observed)\b/i.exec(t);
  if (!m) return null;
  const w = m[1].toLowerCase();
  const rest = t.slice(m[0].length).trim();
  // A bare answer stands alone or before punctuation; "none detected (H/Pt = 0)", "partial reduction only",
  // "no significant uptake" are sentences about a quantity: leave them to the readers.
  if (
    /^[a-z0-9]/i.test(rest) &&
    !((w === "none" || w === "no") && /^(?:reported|observed|seen|found)\b/i.test(rest))
  )
    return null;
  if (w === "yes" || w === "present" || w === "observed") return "yes";
  if (w.startsWith("partial") || w === "partly") return "partial";
  if (w === "unknown" || w === "n/a") return "unknown";
  if (w === "none" && /^reported\b/i.test(rest)) return "unknown";
  return "no";
}

// ---------------------------------------------------------------- numbers with units

/** Numbers this large in a free-text observation are not measurements; they are ignored. */
export const LARGEST_TEXT_NUMBER = 1e6;

const NUM = String.raw`[-+−]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?`;
const toNumber = (s: string) => Number(s.replace("−", "-"));
const ARROW = String.raw`\s*(?:→|->|-->|⟶|to|fell to|dropped to|decreased to|declined to|down to|vs\.?|versus)\s*`;

export interface Quantity {
  value: number;
  unit: string;
  text: string;
}

/** Temperatures in °C or K written in the text ("500 °C", "773 K"), in °C. */
export function temperaturesC(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(new RegExp(`(${NUM})\\s*(?:°\\s*C|℃|degC|K)(?![A-Za-z])`, "g"))) {
    const v = toNumber(m[1]);
    const isK = /K$/.test(m[0].trim());
    const c = isK ? v - 273.15 : v;
    if (Number.isFinite(c) && c > -273.15 && c < 5000) out.push(c);
  }
  return out;
}

export interface AdsorptionNumbers {
  before?: number;
  after?: number;
  /** after / before, from two numbers or from a stated percentage. */
  ratio?: number;
  text: string;
}

const UPTAKE_LABEL = String.raw`(?:H|CO|O|H2)\s*[/:]\s*(?:M|metal|[A-Z][a-z]?)(?:s)?\b|dispersion|uptake|chemisorption`;

/**
 * Chemisorption numbers: "H/Pt = 0.88 → 0.02", "H/M fell from 0.7 to 0.05", "H/M fell to 0.02",
 * "CO uptake decreased by 90 %", "retained 15 % of the initial uptake", "H/Pt = 0".
 */
export function adsorptionNumbers(text: string): AdsorptionNumbers | null {
  const label = new RegExp(UPTAKE_LABEL, "i");
  if (!label.test(text)) return null;
  const pair = new RegExp(
    `(?:${UPTAKE_LABEL})[^0-9;]{0,40}?(?:from\\s*)?(${NUM})\\s*%?${ARROW}(${NUM})`,
    "i",
  ).exec(text);
  if (pair) {
    const before = toNumber(pair[1]);
    const after = toNumber(pair[2]);
    if (before > 0 && before < LARGEST_TEXT_NUMBER && after >= 0 && after < LARGEST_TEXT_NUMBER)
      return { before, after, ratio: after / before, text: pair[0] };
  }
  const pctDown = new RegExp(
    `(?:by|of)\\s*(${NUM})\\s*%|(${NUM})\\s*%\\s*(?:decrease|drop|loss|lower|reduction|suppression|decline)`,
    "i",
  ).exec(text);
  if (pctDown && /decreas|drop|loss|lost|lower|reduc|suppress|declin|fell/i.test(text)) {
    const p = toNumber(pctDown[1] ?? pctDown[2]);
    if (p >= 0 && p <= 100) return { ratio: 1 - p / 100, text: pctDown[0] };
  }
  const pctKept = new RegExp(
    `(${NUM})\\s*%\\s*of\\s*(?:the|its)?\\s*(?:initial|original|fresh|starting|unreduced|reference)`,
    "i",
  ).exec(text);
  if (pctKept) {
    const p = toNumber(pctKept[1]);
    if (p >= 0 && p <= 1000) return { ratio: p / 100, text: pctKept[0] };
  }
  const after = new RegExp(
    `(?:${UPTAKE_LABEL})[^0-9;]{0,30}?(?:=|:|of|was|is|fell to|dropped to|decreased to|to|≈|~|<|≤)\\s*(${NUM})(?!\\s*(?:%|°|K\\b|nm|eV|cm))`,
    "i",
  ).exec(text);
  if (after) {
    const v = toNumber(after[1]);
    if (v >= 0 && v < LARGEST_TEXT_NUMBER) return { after: v, text: after[0] };
  }
  return null;
}

/** A wavenumber shift in cm⁻¹: "red-shifted by 15 cm-1", "from 2090 to 2070 cm-1", "shift of −20 cm−1". */
export function wavenumberShift(text: string): Quantity | null {
  const unit = String.raw`\s*cm\s*(?:-1|−1|⁻¹|\^-1|\^\{-1\})`;
  const fromTo = new RegExp(`(${NUM})${unit}?${ARROW}(${NUM})${unit}`, "i").exec(text);
  if (fromTo) {
    const a = toNumber(fromTo[1]);
    const b = toNumber(fromTo[2]);
    if (Math.abs(a) < 1e5 && Math.abs(b) < 1e5) return { value: b - a, unit: "cm-1", text: fromTo[0] };
  }
  const by = new RegExp(`(red|blue)?[- ]?shift\\w*[^0-9;]{0,20}?(${NUM})${unit}`, "i").exec(text);
  if (by) {
    let v = toNumber(by[2]);
    if (by[1]?.toLowerCase() === "red") v = -Math.abs(v);
    if (by[1]?.toLowerCase() === "blue") v = Math.abs(v);
    if (Math.abs(v) < 1e4) return { value: v, unit: "cm-1", text: by[0] };
  }
  return null;
}

/** A binding-energy shift in eV: "shifted by +0.4 eV", "0.3 eV to lower binding energy", "from 71.0 to 71.6 eV". */
export function bindingEnergyShift(text: string): Quantity | null {
  if (!/binding energ|\bBE\b|XPS|shift/i.test(text)) return null;
  const fromTo = new RegExp(`(${NUM})\\s*(?:eV)?${ARROW}(${NUM})\\s*eV`, "i").exec(text);
  if (fromTo) {
    const a = toNumber(fromTo[1]);
    const b = toNumber(fromTo[2]);
    if (a > 0 && a < 2000 && b > 0 && b < 2000) return { value: b - a, unit: "eV", text: fromTo[0] };
  }
  const m = new RegExp(`(${NUM})\\s*eV`, "i").exec(text);
  if (m) {
    let v = toNumber(m[1]);
    if (Math.abs(v) >= 20) return null; // an absolute binding energy, not a shift
    if (/lower binding|negative(?:ly)? shift|towards? lower|to lower/i.test(text)) v = -Math.abs(v);
    else if (/higher binding|positive(?:ly)? shift|towards? higher|to higher/i.test(text)) v = Math.abs(v);
    return { value: v, unit: "eV", text: m[0] };
  }
  return null;
}

/** An overlayer thickness: "2–3 layers", "1 nm", "0.5 nm thick", "a monolayer", in layers or nm. */
export function thickness(text: string): { layers?: number; nm?: number; text: string } | null {
  const layers = new RegExp(
    `(${NUM})(?:\\s*[-–]\\s*(${NUM}))?\\s*(?:atomic\\s+)?(?:mono)?layers?\\b|(${NUM})\\s*ML\\b`,
    "i",
  ).exec(text);
  if (layers) {
    const v = toNumber(layers[1] ?? layers[3]);
    if (v >= 0 && v < 1e4) return { layers: v, text: layers[0] };
  }
  if (/\b(?:a|one|single)\s+(?:mono)?layer\b|\bmonolayer\b/i.test(text))
    return { layers: 1, text: "monolayer" };
  const nm = new RegExp(`(${NUM})(?:\\s*[-–]\\s*${NUM})?\\s*(nm|Å|angstrom)\\b`, "i").exec(text);
  if (nm) {
    const v = toNumber(nm[1]);
    const inNm = /nm/i.test(nm[2]) ? v : v / 10;
    if (inNm >= 0 && inNm < 1e4) return { nm: inNm, text: nm[0] };
  }
  return null;
}

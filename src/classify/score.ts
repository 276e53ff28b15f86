/**
 * Score the classifier against a file of published cases: overall and per batch accuracy, per-class
 * precision and recall, the confusion matrix, each wrong case with its reason, and per case which
 * observations were used and which ignored.
 */
import { type ClassifyOptions, classifyEvidence, schemeLabel } from "./classify.js";
import { type MalformedCase, type PublishedCase, readCase } from "./published-cases.js";

export interface CaseScore {
  id: string;
  batch: string;
  expected: string;
  acceptable: string[];
  /** The label in the published vocabulary (outside-scheme classes → none; see schemeLabel). */
  got: string;
  /** smsi's own class label. */
  gotClass: string;
  correct: boolean;
  /** The expected label is among the two most likely classes. */
  inTopTwo: boolean;
  confidence: string;
  likelihood: number;
  /** Why this answer: the strongest evidence for the chosen class and against the expected one. */
  reason: string;
  used: string[];
  ignored: string[];
}

export interface ClassScore {
  precision: number | null;
  recall: number | null;
  support: number;
  predicted: number;
}

export interface SliceScore {
  accuracy: number;
  correct: number;
  total: number;
  topTwo: number;
  perClass: Record<string, ClassScore>;
}

export interface ScoreReport {
  accuracy: number;
  correct: number;
  total: number;
  topTwoAccuracy: number;
  perBatch: Record<string, SliceScore>;
  perClass: Record<string, ClassScore>;
  /** confusion[expected][got]; a case right under an acceptable label is entered as expected→expected. */
  confusion: Record<string, Record<string, number>>;
  labels: string[];
  cases: CaseScore[];
  malformed: MalformedCase[];
}

/** The batch of a case: its `batch` field, or "first" for the records gathered before batches were named. */
export const FIRST_BATCH = "first";

/** Confusion matrix and per-class precision/recall; a case right under an acceptable label counts as its expected label. */
export function classTable(scored: readonly Pick<CaseScore, "expected" | "got" | "correct">[]) {
  const effective = scored.map((s) => (s.correct ? s.expected : s.got));
  const labels = [...new Set([...scored.map((s) => s.expected), ...effective])].sort();
  const confusion: Record<string, Record<string, number>> = {};
  for (const e of labels) confusion[e] = Object.fromEntries(labels.map((g) => [g, 0]));
  scored.forEach((s, i) => {
    confusion[s.expected][effective[i]]++;
  });
  const perClass: Record<string, ClassScore> = {};
  for (const l of labels) {
    const tp = confusion[l][l];
    const support = labels.reduce((n, g) => n + confusion[l][g], 0);
    const predicted = labels.reduce((n, e) => n + confusion[e][l], 0);
    perClass[l] = {
      precision: predicted ? tp / predicted : null,
      recall: support ? tp / support : null,
      support,
      predicted,
    };
  }
  return { labels, confusion, perClass };
}

function scoreSlice(cases: CaseScore[]): SliceScore {
  const correct = cases.filter((c) => c.correct).length;
  return {
    accuracy: cases.length ? correct / cases.length : 0,
    correct,
    total: cases.length,
    topTwo: cases.filter((c) => c.correct || c.inTopTwo).length,
    perClass: classTable(cases).perClass,
  };
}

export function scoreCases(
  cases: PublishedCase[],
  options: ClassifyOptions = {},
  malformed: MalformedCase[] = [],
): ScoreReport {
  const scored: CaseScore[] = cases.map((c) => {
    const reading = readCase(c);
    const result = classifyEvidence(reading.evidence, options);
    const acceptable = [...new Set([c.expected_class, ...(c.acceptable_classes ?? [])])];
    const got = schemeLabel(result.class, result.trigger);
    const topTwo = result.ranked.slice(0, 2).map((r) => schemeLabel(r.class, r.trigger));
    const usedReports = new Set<string>();
    for (const f of result.findings)
      for (const from of f.from) {
        const m = /^reports\[(\d+)\]$/.exec(from);
        usedReports.add(m ? reading.reportPaths[Number(m[1])] : from);
      }
    const ignored = [
      ...reading.reportPaths.filter((p) => !usedReports.has(p)).map((p) => `${p} (nothing recognised)`),
      ...reading.ignored.map((i) => `${i.path} (${i.why})`),
    ];
    const correct = acceptable.includes(got);
    const top = result.ranked.find((r) => r.class === result.class);
    const reason = correct
      ? ""
      : [
          `${result.label}: ${top?.for.slice(0, 3).join("; ") || "no evidence for it beyond the prior"}`,
          ...result.confidence.reasons.filter((r) => /origin|provisional/.test(r)),
        ].join(" | ");
    return {
      id: c.id,
      batch: c.batch ?? FIRST_BATCH,
      expected: c.expected_class,
      acceptable,
      got,
      gotClass: result.label,
      correct,
      inTopTwo: acceptable.some((a) => topTwo.includes(a)),
      confidence: result.confidence.level,
      likelihood: top?.likelihood ?? 0,
      reason,
      used: [...usedReports].sort(),
      ignored,
    };
  });
  const { labels, confusion, perClass } = classTable(scored);
  const batches = [...new Set(scored.map((s) => s.batch))].sort();
  const all = scoreSlice(scored);
  return {
    accuracy: all.accuracy,
    correct: all.correct,
    total: all.total,
    topTwoAccuracy: all.total ? all.topTwo / all.total : 0,
    perBatch: Object.fromEntries(batches.map((b) => [b, scoreSlice(scored.filter((s) => s.batch === b))])),
    perClass,
    confusion,
    labels,
    cases: scored,
    malformed,
  };
}

/** Score the classifier against a file of published cases: accuracy, confusion matrix, per-class P/R. */
import { type ClassifyOptions, classifyEvidence } from "./classify.js";
import { caseToEvidence, type PublishedCase } from "./published-cases.js";

export interface CaseScore {
  id: string;
  expected: string;
  acceptable: string[];
  got: string;
  correct: boolean;
  confidence: string;
}

export interface ClassScore {
  precision: number | null;
  recall: number | null;
  support: number;
  predicted: number;
}

export interface ScoreReport {
  accuracy: number;
  correct: number;
  total: number;
  perClass: Record<string, ClassScore>;
  /** confusion[expected][got] = count; a case counted right under an acceptable label is entered as expected→expected. */
  confusion: Record<string, Record<string, number>>;
  labels: string[];
  cases: CaseScore[];
}

export function scoreCases(cases: PublishedCase[], options: ClassifyOptions = {}): ScoreReport {
  const scored: CaseScore[] = cases.map((c) => {
    const result = classifyEvidence(caseToEvidence(c), options);
    const acceptable = [...new Set([c.expected_class, ...(c.acceptable_classes ?? [])])];
    return {
      id: c.id,
      expected: c.expected_class,
      acceptable,
      got: result.label,
      correct: acceptable.includes(result.label),
      confidence: result.confidence.level,
    };
  });
  // A prediction that is acceptable counts as the expected label in the matrix and in P/R.
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
  const correct = scored.filter((s) => s.correct).length;
  return {
    accuracy: scored.length ? correct / scored.length : 0,
    correct,
    total: scored.length,
    perClass,
    confusion,
    labels,
    cases: scored,
  };
}

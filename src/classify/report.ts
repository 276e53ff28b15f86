/** A readable, plain-text report of a classification (the CLI's human output). */
import type { Classification } from "./classify.js";
import type { Evidence } from "./schema.js";
import type { ScoreReport } from "./score.js";

function describeTreatments(r: Classification): string {
  if (!r.treatments.steps.length) return "no treatment recorded";
  return r.treatments.steps
    .map((s) => `${s.gas}${s.temperature_C !== undefined ? ` at ${s.temperature_C} °C` : ""} [${s.kind}]`)
    .join(" → ");
}

export function formatClassification(e: Evidence, r: Classification, title?: string): string {
  const lines: string[] = [];
  const phase = e.catalyst.support_phase ? ` (${e.catalyst.support_phase})` : "";
  lines.push(
    `${title ? `${title}: ` : ""}${e.catalyst.metal} on ${e.catalyst.support}${phase}; ${describeTreatments(r)}`,
  );
  if (r.support)
    lines.push(
      `support      ${r.support.name} (recognised from "${r.support.matched}"; ${r.support.reducible ? "reducible" : "not reducible"}: ${r.support.source})`,
    );
  else lines.push("support      not recognised (reducibility unknown)");
  lines.push("");
  lines.push(`class        ${r.class}${r.trigger ? ` (trigger: ${r.trigger})` : ""} — ${r.status}`);
  lines.push(`strength     ${r.strength}${r.strict ? ", strict SMSI class" : ", not a strict SMSI class"}`);
  if (r.outOfScheme) lines.push(`outside the scheme: ${r.outOfScheme}`);
  lines.push(
    `confidence   ${r.confidence.level} (${r.confidence.score})${r.confidence.reasons.length ? ` — ${r.confidence.reasons.join("; ")}` : ""}`,
  );
  lines.push("");
  lines.push("criteria (review: strict SMSI = C1 ∧ C2 ∧ C3 ∧ C4)");
  for (const c of r.criteria) {
    lines.push(
      `  ${c.id} ${c.name}: ${c.verdict.toUpperCase()}${c.basis !== "none" ? ` (${c.basis})` : ""}${c.via.length ? ` via ${c.via.join(", ")}` : ""}`,
    );
    for (const x of c.evidence) lines.push(`     - ${x}`);
    if (c.verdict !== "unknown") lines.push(`     rests on: ${c.passage}`);
    if (c.note) lines.push(`     note: ${c.note}`);
  }
  lines.push("");
  lines.push(`ranked (likelihood = ${r.likelihoodMeaning})`);
  for (const k of r.ranked.slice(0, 5)) {
    lines.push(`  ${k.likelihood.toFixed(3)}  ${k.class}${k.trigger ? ` (${k.trigger})` : ""}`);
    for (const x of k.for.slice(0, 4)) lines.push(`         for:     ${x}`);
    for (const x of k.against.slice(0, 3)) lines.push(`         against: ${x}`);
  }
  lines.push("");
  lines.push(`BP premises  ${r.premises.how}`);
  lines.push("");
  lines.push("dimensions (review Table 1, for this catalyst)");
  lines.push(`  migrating species   ${r.dimensions.migratingSpecies}`);
  lines.push(`  migration pathway   ${r.dimensions.migrationPathway}`);
  lines.push(`  structure           ${r.dimensions.structuralCharacteristics}`);
  lines.push(`  core premise        ${r.dimensions.corePremise}`);
  lines.push(`  regulation          ${r.dimensions.performanceRegulation}`);
  if (r.conflicts.length) {
    lines.push("");
    lines.push("conflicts");
    for (const c of r.conflicts) lines.push(`  ! ${c}`);
  }
  if (r.nextExperiment) {
    lines.push("");
    lines.push(`next experiment (separates ${r.nextExperiment.separates.join(" from ")})`);
    lines.push(`  * ${r.nextExperiment.experiment}`);
    lines.push(`      why: ${r.nextExperiment.why}`);
  }
  return lines.join("\n");
}

const pct = (x: number | null) => (x === null ? "—" : `${(100 * x).toFixed(0)} %`);

export function formatScore(s: ScoreReport): string {
  const lines = [
    `accuracy ${(100 * s.accuracy).toFixed(1)} % (${s.correct}/${s.total}; acceptable classes count as right); expected label among the top two: ${(100 * s.topTwoAccuracy).toFixed(1)} %`,
  ];
  for (const [b, x] of Object.entries(s.perBatch))
    lines.push(
      `  batch ${b.padEnd(12)} ${(100 * x.accuracy).toFixed(1)} % (${x.correct}/${x.total}); top two ${x.topTwo}/${x.total}`,
    );
  if (s.malformed.length) {
    lines.push("");
    lines.push(`skipped ${s.malformed.length} malformed record(s)`);
    for (const m of s.malformed) lines.push(`  ${m.path}: ${m.problems.join("; ")}`);
  }
  lines.push("");
  const batches = Object.keys(s.perBatch);
  lines.push(
    `per class (expected label)            precision  recall  cases${batches.map((b) => `  | ${b}: P, R, n`).join("")}`,
  );
  for (const l of s.labels) {
    const p = s.perClass[l];
    const per = batches
      .map((b) => {
        const q = s.perBatch[b].perClass[l];
        return q ? `  | ${pct(q.precision)}, ${pct(q.recall)}, ${q.support}` : "  | —";
      })
      .join("");
    lines.push(
      `  ${l.padEnd(34)} ${pct(p.precision).padStart(9)} ${pct(p.recall).padStart(7)} ${String(p.support).padStart(6)}${per}`,
    );
  }
  lines.push("");
  lines.push("confusion matrix (rows expected, columns got)");
  const short = s.labels.map((_, i) => `c${i}`);
  lines.push(`  ${"".padEnd(34)} ${short.map((x) => x.padStart(4)).join("")}`);
  s.labels.forEach((l, i) => {
    lines.push(
      `  ${`${short[i]} ${l}`.padEnd(34)} ${s.labels.map((g) => String(s.confusion[l][g]).padStart(4)).join("")}`,
    );
  });
  const wrong = s.cases.filter((c) => !c.correct);
  if (wrong.length) {
    lines.push("");
    lines.push("misclassified");
    for (const c of wrong) {
      lines.push(
        `  ${c.id} [${c.batch}]: expected ${c.acceptable.join(" | ")}, got ${c.gotClass} (${c.confidence} confidence${c.inTopTwo ? "; expected is second" : ""})`,
      );
      lines.push(`      why: ${c.reason}`);
    }
  }
  return lines.join("\n");
}

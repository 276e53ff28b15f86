/** A readable, plain-text report of a classification (the CLI's human output). */
import type { Classification } from "./classify.js";
import type { Evidence } from "./schema.js";
import type { ScoreReport } from "./score.js";

function describeTreatments(e: Evidence): string {
  if (!e.treatments.length) return "no treatment recorded";
  return e.treatments
    .map((t) =>
      [t.gas, t.temperature_C !== undefined ? `${t.temperature_C} °C` : ""].filter(Boolean).join(" at "),
    )
    .join(" → ");
}

export function formatClassification(e: Evidence, r: Classification, title?: string): string {
  const lines: string[] = [];
  const phase = e.catalyst.support_phase ? ` (${e.catalyst.support_phase})` : "";
  lines.push(
    `${title ? `${title}: ` : ""}${e.catalyst.metal} on ${e.catalyst.support}${phase}; ${describeTreatments(e)}`,
  );
  lines.push("");
  lines.push(`class        ${r.class}${r.trigger ? ` (trigger: ${r.trigger})` : ""}`);
  lines.push(`strength     ${r.strength}${r.strict ? ", strict SMSI" : ", not strict SMSI"}`);
  if (r.outOfScheme) lines.push(`outside the scheme: ${r.outOfScheme}`);
  lines.push(
    `confidence   ${r.confidence.level} (${r.confidence.score})${r.confidence.reasons.length ? ` — ${r.confidence.reasons.join("; ")}` : ""}`,
  );
  lines.push(`decided by   ${r.decidedBy.rule}: ${r.decidedBy.cites}`);
  lines.push("");
  lines.push("criteria");
  for (const c of r.criteria) {
    lines.push(`  ${c.id} ${c.name}: ${c.verdict.toUpperCase()}`);
    for (const f of c.rule) lines.push(`     - ${f.evidence} [${f.rule}, ${f.basis}]`);
  }
  if (r.dimensions) {
    lines.push("");
    lines.push("dimensions (review Table 1)");
    lines.push(`  migrating species   ${r.dimensions.migratingSpecies}`);
    lines.push(`  migration pathway   ${r.dimensions.migrationPathway}`);
    lines.push(`  structure           ${r.dimensions.structuralCharacteristics}`);
    lines.push(`  core premise        ${r.dimensions.corePremise}`);
    lines.push(`  regulation          ${r.dimensions.performanceRegulation}`);
  }
  if (r.conflicts.length) {
    lines.push("");
    lines.push("conflicts");
    for (const c of r.conflicts) lines.push(`  ! ${c}`);
  }
  if (r.missing.length) {
    lines.push("");
    lines.push("experiments that would settle what is open");
    for (const m of r.missing) {
      lines.push(`  * ${m.experiment}`);
      lines.push(`      why: ${m.why}; distinguishes ${m.wouldDistinguish}`);
    }
  }
  return lines.join("\n");
}

const pct = (x: number | null) => (x === null ? "—" : `${(100 * x).toFixed(0)} %`);

export function formatScore(s: ScoreReport): string {
  const lines = [
    `accuracy ${(100 * s.accuracy).toFixed(1)} % (${s.correct}/${s.total}; acceptable classes count as right)`,
    "",
  ];
  lines.push("per class (expected label)            precision  recall  cases");
  for (const l of s.labels) {
    const p = s.perClass[l];
    lines.push(
      `  ${l.padEnd(34)} ${pct(p.precision).padStart(9)} ${pct(p.recall).padStart(7)} ${String(p.support).padStart(6)}`,
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
    for (const c of wrong)
      lines.push(
        `  ${c.id}: expected ${c.acceptable.join(" | ")}, got ${c.got} (${c.confidence} confidence)`,
      );
  }
  return lines.join("\n");
}

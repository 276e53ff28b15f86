/**
 * The campaign report from the store: the top candidates of each class (metal/support/facet, each at
 * its best condition) with the descriptors behind them, and a metal × support matrix of the largest BP-SMSI and SE-SMSI shares over the conditions (the
 * heat map's data). Aggregated in SQL over the campaign's ids (bounded memory).
 */
import type Database from "better-sqlite3";
import type { PredictClass } from "../predict/types.js";
import { type CampaignSpec, combinations } from "./spec.js";

/** Candidates listed per class unless told otherwise. */
export const DEFAULT_TOP = 5;
/** Classes the report ranks candidates for. */
export const REPORT_CLASSES: PredictClass[] = ["BP-SMSI", "SE-SMSI", "EMSI", "CMSI"];

export interface Candidate {
  id: string;
  metal: string;
  support: string;
  facet: string | null;
  gas: string;
  temperature_C: number;
  label: string;
  likelihood: number;
  rationale: string[];
}

export interface HeatCell {
  metal: string;
  support: string;
  /** Largest BP-SMSI share over the pair's conditions and facets. */
  maxShareBP: number;
  /** Largest SE-SMSI share. */
  maxShareSE: number;
  /** Combinations of the pair with a result. */
  n: number;
}

export interface ScreenReport {
  withResult: number;
  top: Record<string, Candidate[]>;
  heatmap: { metals: string[]; supports: string[]; cells: HeatCell[] };
}

export function campaignReport(db: Database.Database, spec: CampaignSpec, top = DEFAULT_TOP): ScreenReport {
  db.exec("CREATE TEMP TABLE IF NOT EXISTS screen_report_ids (id TEXT PRIMARY KEY) WITHOUT ROWID");
  db.exec("DELETE FROM temp.screen_report_ids");
  const ins = db.prepare("INSERT OR IGNORE INTO temp.screen_report_ids (id) VALUES (?)");
  db.transaction(() => {
    for (const c of combinations(spec)) ins.run(c.id);
  })();
  const join = "FROM screen_results r JOIN temp.screen_report_ids t ON t.id = r.id";
  const withResult = (db.prepare(`SELECT count(*) AS n ${join}`).get() as { n: number }).n;
  // The best condition of each metal/support/facet, so that one pair does not fill the list.
  const topStmt = db.prepare(
    `SELECT id, metal, support, facet, gas, temperature_C, label, likelihood, rationale FROM (
       SELECT r.id, r.metal, r.support, r.facet, r.gas, r.temperature_C,
              json_extract(r.result, '$.label') AS label, json_extract(r.result, '$.likelihood') AS likelihood,
              json_extract(r.result, '$.rationale') AS rationale,
              row_number() OVER (PARTITION BY r.metal, r.support, r.facet
                                 ORDER BY json_extract(r.result, '$.likelihood') DESC, r.id) AS rank
       ${join} WHERE json_extract(r.result, '$.class') = ?)
     WHERE rank = 1 ORDER BY likelihood DESC, id LIMIT ?`,
  );
  const out: Record<string, Candidate[]> = {};
  for (const cls of REPORT_CLASSES)
    out[cls] = (topStmt.all(cls, top) as (Omit<Candidate, "rationale"> & { rationale: string })[]).map(
      (r) => ({
        ...r,
        rationale: JSON.parse(r.rationale) as string[],
      }),
    );
  const cells = db
    .prepare(
      `SELECT r.metal, r.support,
              max(json_extract(r.result, '$.shares."BP-SMSI"')) AS maxShareBP,
              max(json_extract(r.result, '$.shares."SE-SMSI"')) AS maxShareSE,
              count(*) AS n
       ${join} GROUP BY r.metal, r.support`,
    )
    .all() as HeatCell[];
  db.exec("DELETE FROM temp.screen_report_ids");
  const supports = [...new Set(spec.supports.map((s) => (typeof s === "string" ? s : s.id)))];
  return { withResult, top: out, heatmap: { metals: [...new Set(spec.metals)], supports, cells } };
}

/**
 * The campaign's state of record: `screen_results` (one row per combination id, written once with
 * `INSERT … ON CONFLICT DO NOTHING`) and `screen_dead_letters` (combinations that keep failing, with
 * their error). Works on the store's SQLite handle (migration 2 of src/store/store.ts), passed in by
 * the caller so that this layer does not depend on the store module.
 */
import type Database from "better-sqlite3";
import { type Combination, MODEL_VERSION } from "./spec.js";

export type ErrorKind = "model" | "infrastructure";

export interface DeadLetter {
  id: string;
  combination: Combination;
  errorKind: ErrorKind;
  error: string;
  attempts: number;
  createdAt: string;
}

export interface StoredResult {
  combination: Combination;
  resultJson: string;
}

export class ScreenResults {
  private readonly hasResult: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly insertDead: Database.Statement;
  private readonly getOne: Database.Statement;
  private readonly stateOf: Database.Statement;

  constructor(readonly db: Database.Database) {
    this.hasResult = db.prepare("SELECT 1 FROM screen_results WHERE id = ?").pluck();
    this.insert = db.prepare(
      `INSERT INTO screen_results (id, model_version, compute, metal, support, facet, gas, temperature_C, inputs, result, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    );
    this.insertDead = db.prepare(
      `INSERT INTO screen_dead_letters (id, inputs, error_kind, error, attempts, created_at)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    );
    this.getOne = db.prepare("SELECT inputs, result FROM screen_results WHERE id = ?");
    this.stateOf = db
      .prepare(
        "SELECT 'done' FROM screen_results WHERE id = $id UNION ALL SELECT 'dead' FROM screen_dead_letters WHERE id = $id LIMIT 1",
      )
      .pluck();
  }

  isDone(id: string): boolean {
    return this.hasResult.get(id) !== undefined;
  }

  /** Write results in one transaction; returns the ids that were new (a duplicate delivery writes nothing). */
  write(rows: readonly StoredResult[]): string[] {
    const t = new Date().toISOString();
    const fresh: string[] = [];
    this.db.transaction(() => {
      for (const { combination: c, resultJson } of rows) {
        const info = this.insert.run(
          c.id,
          MODEL_VERSION,
          c.compute,
          c.metal,
          c.support,
          c.facet,
          c.gas,
          c.temperature_C,
          JSON.stringify(c),
          resultJson,
          t,
        );
        if (info.changes === 1) fresh.push(c.id);
      }
    })();
    return fresh;
  }

  deadLetter(c: Combination, errorKind: ErrorKind, error: string, attempts: number): boolean {
    if (this.isDone(c.id)) return false;
    return (
      this.insertDead.run(c.id, JSON.stringify(c), errorKind, error, attempts, new Date().toISOString())
        .changes === 1
    );
  }

  get(id: string): StoredResult | null {
    const row = this.getOne.get(id) as { inputs: string; result: string } | undefined;
    return row ? { combination: JSON.parse(row.inputs), resultJson: row.result } : null;
  }

  /** Whether a combination has a result ("done"), is dead-lettered ("dead"), or neither (null): one query. */
  state(id: string): "done" | "dead" | null {
    return (this.stateOf.get({ id }) as "done" | "dead" | undefined) ?? null;
  }

  /** The dead letters among `ids` (all when omitted). */
  deadLetters(ids?: ReadonlySet<string>): DeadLetter[] {
    const rows = this.db.prepare("SELECT * FROM screen_dead_letters ORDER BY created_at, id").all() as {
      id: string;
      inputs: string;
      error_kind: ErrorKind;
      error: string;
      attempts: number;
      created_at: string;
    }[];
    return rows
      .filter((r) => !ids || ids.has(r.id))
      .map((r) => ({
        id: r.id,
        combination: JSON.parse(r.inputs),
        errorKind: r.error_kind,
        error: r.error,
        attempts: r.attempts,
        createdAt: r.created_at,
      }));
  }

  /** Remove dead letters (so that the next run attempts them again); returns how many. */
  removeDeadLetters(ids: Iterable<string>): number {
    return this.deleteIds("screen_dead_letters", ids);
  }

  /** Remove results (start a campaign over); returns how many. */
  removeResults(ids: Iterable<string>): number {
    return this.deleteIds("screen_results", ids);
  }

  private deleteIds(table: "screen_results" | "screen_dead_letters", ids: Iterable<string>): number {
    const del = this.db.prepare(`DELETE FROM ${table} WHERE id = ?`);
    let n = 0;
    this.db.transaction(() => {
      for (const id of ids) n += del.run(id).changes;
    })();
    return n;
  }
}

/**
 * The embedded results store: one SQLite file (better-sqlite3, WAL journal) in the user's data folder.
 *
 * Tables: `runs` (every prediction, classification, thermo or match computation and every background
 * job, with its inputs, the smsi version and its result), `cases` (the bundled published cases and the
 * user's own evidence documents), `material_imports` (CIF phases imported through the API), and
 * `screen_results` / `screen_dead_letters` (smsi screen campaigns, written by src/screen/results.ts).
 *
 * Crash safety: every write is one SQLite transaction. A run is written either whole (`recordRun`: inputs
 * and result in one INSERT; `recordRuns` / `RunBatcher`: several whole runs in one transaction, each caller
 * told only after the commit) or as `running` → one UPDATE to its final state; a CHECK constraint refuses a
 * `done` row without a result, and `open` marks runs left `running` by a killed process as `interrupted`.
 * With WAL and synchronous=NORMAL a committed transaction survives the process being killed (SIGKILL);
 * only an operating-system crash or power loss may roll back the last commits (SQLite documentation,
 * "Write-Ahead Logging", §2.3 and "PRAGMA synchronous").
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { userDataDir } from "../materials/store.js";
import { InputError } from "../units/errors.js";

/** The database file inside the data folder. */
export const STORE_FILE = "smsi.sqlite";

/** smsi's own version (package.json), recorded with every run. */
export const SMSI_VERSION: string = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;

export const RUN_STATUSES = ["running", "done", "failed", "cancelled", "interrupted"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface RunRecord {
  id: string;
  kind: string;
  inputs: unknown;
  smsiVersion: string;
  status: RunStatus;
  result: unknown;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface CaseRecord {
  id: string;
  origin: "published" | "user";
  metal: string;
  support: string;
  supportPhase: string | null;
  expectedClass: string | null;
  doi: string | null;
  year: number | null;
  document: unknown;
  createdAt: string;
}

export interface CaseFilter {
  origin?: "published" | "user";
  metal?: string;
  support?: string;
  /** Prefix of the expected class, e.g. "SE-SMSI" matches "SE-SMSI-reductive". */
  expectedClass?: string;
  /** Free text searched in the whole case document. */
  text?: string;
  limit?: number;
  offset?: number;
}

export interface RunFilter {
  kind?: string;
  status?: RunStatus;
  limit?: number;
  offset?: number;
}

/** Largest page of runs or cases returned at once. */
export const MAX_PAGE = 500;

/**
 * Versioned schema migrations, applied in order inside one transaction each; `PRAGMA user_version`
 * holds the last applied version. Never edit a released migration: append a new one.
 */
export const MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        inputs TEXT NOT NULL CHECK (json_valid(inputs)),
        smsi_version TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('running','done','failed','cancelled','interrupted')),
        result TEXT CHECK (result IS NULL OR json_valid(result)),
        error TEXT,
        created_at TEXT NOT NULL,
        finished_at TEXT,
        CHECK (status <> 'done' OR (result IS NOT NULL AND finished_at IS NOT NULL))
      );
      CREATE INDEX runs_kind_created ON runs (kind, created_at);
      CREATE INDEX runs_created ON runs (created_at);
      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        origin TEXT NOT NULL CHECK (origin IN ('published','user')),
        metal TEXT NOT NULL,
        support TEXT NOT NULL,
        support_phase TEXT,
        expected_class TEXT,
        doi TEXT,
        year INTEGER,
        document TEXT NOT NULL CHECK (json_valid(document)),
        created_at TEXT NOT NULL
      );
      CREATE INDEX cases_metal_support ON cases (metal, support);
      CREATE TABLE material_imports (
        id TEXT PRIMARY KEY,
        formula TEXT NOT NULL,
        role TEXT NOT NULL,
        entry TEXT NOT NULL CHECK (json_valid(entry)),
        cif TEXT NOT NULL,
        imported_at TEXT NOT NULL
      );
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    // smsi screen (src/screen/results.ts): one result per combination id (hash of its inputs and the
    // model version), written once; combinations that keep failing, with their error.
    version: 2,
    sql: `
      CREATE TABLE screen_results (
        id TEXT PRIMARY KEY,
        model_version TEXT NOT NULL,
        compute TEXT NOT NULL,
        metal TEXT NOT NULL,
        support TEXT NOT NULL,
        facet TEXT,
        gas TEXT NOT NULL,
        temperature_C REAL NOT NULL,
        inputs TEXT NOT NULL CHECK (json_valid(inputs)),
        result TEXT NOT NULL CHECK (json_valid(result)),
        created_at TEXT NOT NULL
      );
      CREATE INDEX screen_results_pair ON screen_results (metal, support);
      CREATE TABLE screen_dead_letters (
        id TEXT PRIMARY KEY,
        inputs TEXT NOT NULL CHECK (json_valid(inputs)),
        error_kind TEXT NOT NULL CHECK (error_kind IN ('model','infrastructure')),
        error TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

interface RunRow {
  id: string;
  kind: string;
  inputs: string;
  smsi_version: string;
  status: RunStatus;
  result: string | null;
  error: string | null;
  created_at: string;
  finished_at: string | null;
}

interface CaseRow {
  id: string;
  origin: "published" | "user";
  metal: string;
  support: string;
  support_phase: string | null;
  expected_class: string | null;
  doi: string | null;
  year: number | null;
  document: string;
  created_at: string;
}

const now = () => new Date().toISOString();

function runFromRow(r: RunRow): RunRecord {
  return {
    id: r.id,
    kind: r.kind,
    inputs: JSON.parse(r.inputs),
    smsiVersion: r.smsi_version,
    status: r.status,
    result: r.result === null ? null : JSON.parse(r.result),
    error: r.error,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  };
}

function caseFromRow(r: CaseRow): CaseRecord {
  return {
    id: r.id,
    origin: r.origin,
    metal: r.metal,
    support: r.support,
    supportPhase: r.support_phase,
    expectedClass: r.expected_class,
    doi: r.doi,
    year: r.year,
    document: JSON.parse(r.document),
    createdAt: r.created_at,
  };
}

function page(limit: number | undefined, offset: number | undefined): { limit: number; offset: number } {
  return {
    limit: Math.min(Math.max(1, Math.floor(limit ?? 100)), MAX_PAGE),
    offset: Math.max(0, Math.floor(offset ?? 0)),
  };
}

/** The fields of a published-case document the case table indexes. */
export interface CaseDocument {
  id: string;
  metal: string;
  support: string;
  support_phase?: string | null;
  expected_class?: string | null;
  doi?: string | null;
  reference?: { year?: number | null } | null;
}

/** A finished run to write; `inputsJson` / `resultJson` when the caller already holds the JSON text. */
export interface FinishedRun {
  id: string;
  kind: string;
  inputs: unknown;
  result: unknown;
  inputsJson?: string;
  resultJson?: string;
  status?: "done" | "failed";
  error?: string;
}

/**
 * Batches finished runs into one transaction per event-loop turn: `record` resolves with the run's id
 * once its transaction has committed, so a caller that answers after `await record(…)` never
 * acknowledges a run that a crash could lose (WAL, synchronous = NORMAL: committed transactions
 * survive the process being killed). Runs queued when the process dies were never acknowledged.
 */
export class RunBatcher {
  private queue: {
    run: Omit<FinishedRun, "id">;
    resolve: (id: string) => void;
    reject: (e: unknown) => void;
  }[] = [];
  private scheduled = false;

  constructor(
    private readonly store: Store,
    /** Largest batch in one transaction (bounds the time one commit holds the event loop). */
    readonly maxBatch = RUN_BATCH_MAX,
  ) {}

  record(run: Omit<FinishedRun, "id">): Promise<string> {
    return new Promise((resolve, reject) => {
      this.queue.push({ run, resolve, reject });
      if (this.queue.length >= this.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commit everything queued now. */
  flush(): void {
    this.scheduled = false;
    while (this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      let ids: string[];
      try {
        ids = this.store.recordRuns(batch.map((b) => b.run));
      } catch {
        // one bad run (e.g. refused by a CHECK) must not fail the others: write them one by one
        for (const b of batch)
          try {
            b.resolve(this.store.recordRuns([b.run])[0]);
          } catch (e) {
            b.reject(e);
          }
        continue;
      }
      for (const [i, b] of batch.entries()) b.resolve(ids[i]);
    }
  }
}

/**
 * Most runs committed in one transaction by `RunBatcher` (ASSUMPTION, a tuning choice: at 50
 * concurrent clients a turn of the event loop collects a few dozen; a cap keeps one commit short).
 */
export const RUN_BATCH_MAX = 256;

export class Store {
  readonly db: Database.Database;
  readonly path: string;

  private constructor(path: string) {
    this.path = path;
    this.db = new Database(path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("busy_timeout = 5000");
  }

  /** Open (creating if needed) the store in `dataDir` (default: $SMSI_DATA_DIR or ~/.local/share/smsi). */
  static open(dataDir: string = userDataDir()): Store {
    try {
      mkdirSync(dataDir, { recursive: true });
    } catch (e) {
      throw new InputError(
        "--data-dir",
        `cannot create the data folder "${dataDir}" (${(e as NodeJS.ErrnoException).code ?? String(e)}); give a writable folder`,
      );
    }
    const store = new Store(join(dataDir, STORE_FILE));
    store.migrate();
    store.db
      .prepare(
        "UPDATE runs SET status = 'interrupted', error = 'the server stopped before this run finished', finished_at = ? WHERE status = 'running'",
      )
      .run(now());
    return store;
  }

  get schemaVersion(): number {
    return this.db.pragma("user_version", { simple: true }) as number;
  }

  private migrate(): void {
    const current = this.schemaVersion;
    if (current > SCHEMA_VERSION)
      throw new InputError(
        "--data-dir",
        `the store in ${this.path} has schema version ${current}, newer than this smsi (${SCHEMA_VERSION}); upgrade smsi or use another --data-dir`,
      );
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db.pragma(`user_version = ${m.version}`);
      })();
    }
  }

  close(): void {
    this.db.close();
  }

  // ---- runs ----

  private insertRunStatement?: Database.Statement;

  /** The INSERT of a finished run, prepared once. */
  private get insertRun(): Database.Statement {
    this.insertRunStatement ??= this.db.prepare(
      "INSERT INTO runs (id, kind, inputs, smsi_version, status, result, error, created_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    return this.insertRunStatement;
  }

  /** Inserts finished runs (one statement per run; the caller owns the transaction). */
  private insertRuns(runs: readonly FinishedRun[]): void {
    const t = now();
    for (const r of runs)
      this.insertRun.run(
        r.id,
        r.kind,
        r.inputsJson ?? JSON.stringify(r.inputs ?? null),
        SMSI_VERSION,
        r.status ?? "done",
        r.resultJson ?? (r.result === undefined ? null : JSON.stringify(r.result)),
        r.error ?? null,
        t,
        t,
      );
  }

  /** A finished computation, written whole in one transaction. */
  recordRun(
    kind: string,
    inputs: unknown,
    result: unknown,
    status: "done" | "failed" = "done",
    error?: string,
  ) {
    const id = randomUUID();
    this.insertRuns([{ id, kind, inputs, result, status, error }]);
    return id;
  }

  /**
   * Several finished runs in one transaction: all are committed or none (a killed process leaves none of
   * them). One commit instead of one per run is what makes the API's batched writes cheaper.
   */
  recordRuns(runs: readonly Omit<FinishedRun, "id">[]): string[] {
    const withIds = runs.map((r) => ({ ...r, id: randomUUID() }));
    this.db.transaction(() => this.insertRuns(withIds))();
    return withIds.map((r) => r.id);
  }

  /** A background job starts: its row exists as `running` until `finishRun`. */
  startRun(kind: string, inputs: unknown): string {
    const id = randomUUID();
    this.db
      .prepare(
        "INSERT INTO runs (id, kind, inputs, smsi_version, status, created_at) VALUES (?, ?, ?, ?, 'running', ?)",
      )
      .run(id, kind, JSON.stringify(inputs ?? null), SMSI_VERSION, now());
    return id;
  }

  finishRun(
    id: string,
    outcome: { status: Exclude<RunStatus, "running">; result?: unknown; error?: string },
  ): void {
    this.db
      .prepare(
        "UPDATE runs SET status = ?, result = ?, error = ?, finished_at = ? WHERE id = ? AND status = 'running'",
      )
      .run(
        outcome.status,
        outcome.result === undefined ? null : JSON.stringify(outcome.result),
        outcome.error ?? null,
        now(),
        id,
      );
  }

  getRun(id: string): RunRecord | null {
    const row = this.db.prepare("SELECT * FROM runs WHERE id = ?").get(id) as RunRow | undefined;
    return row ? runFromRow(row) : null;
  }

  /** Newest first; results are left out of the list (fetch one run for its result). */
  listRuns(filter: RunFilter = {}): { total: number; runs: Omit<RunRecord, "result">[] } {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.kind) {
      where.push("kind = ?");
      args.push(filter.kind);
    }
    if (filter.status) {
      where.push("status = ?");
      args.push(filter.status);
    }
    const w = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const { limit, offset } = page(filter.limit, filter.offset);
    const total = (this.db.prepare(`SELECT count(*) AS n FROM runs ${w}`).get(...args) as { n: number }).n;
    const rows = this.db
      .prepare(
        `SELECT id, kind, inputs, smsi_version, status, NULL AS result, error, created_at, finished_at FROM runs ${w} ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?`,
      )
      .all(...args, limit, offset) as RunRow[];
    return {
      total,
      runs: rows.map((r) => {
        const { result: _omit, ...rest } = runFromRow(r);
        return rest;
      }),
    };
  }

  // ---- cases ----

  /** Replace the published cases with `cases` (one transaction); the user's cases are kept. */
  seedPublishedCases(cases: readonly CaseDocument[], sourceVersion: string): void {
    const meta = this.db.prepare("SELECT value FROM meta WHERE key = 'published_cases'").get() as
      | { value: string }
      | undefined;
    if (meta?.value === sourceVersion) return;
    const insert = this.db.prepare(
      "INSERT OR REPLACE INTO cases (id, origin, metal, support, support_phase, expected_class, doi, year, document, created_at) VALUES (?, 'published', ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM cases WHERE origin = 'published'").run();
      const t = now();
      for (const c of cases)
        insert.run(
          c.id,
          c.metal,
          c.support,
          c.support_phase ?? null,
          c.expected_class ?? null,
          c.doi ?? null,
          c.reference?.year ?? null,
          JSON.stringify(c),
          t,
        );
      this.db
        .prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('published_cases', ?)")
        .run(sourceVersion);
    })();
  }

  /** The user's own evidence document (already validated), kept with the class smsi gave it. */
  addUserCase(doc: {
    metal: string;
    support: string;
    supportPhase: string | null;
    expectedClass: string | null;
    document: unknown;
  }): string {
    const id = `USER-${randomUUID().slice(0, 8)}`;
    this.db
      .prepare(
        "INSERT INTO cases (id, origin, metal, support, support_phase, expected_class, doi, year, document, created_at) VALUES (?, 'user', ?, ?, ?, ?, NULL, NULL, ?, ?)",
      )
      .run(
        id,
        doc.metal,
        doc.support,
        doc.supportPhase,
        doc.expectedClass,
        JSON.stringify(doc.document),
        now(),
      );
    return id;
  }

  getCase(id: string): CaseRecord | null {
    const row = this.db.prepare("SELECT * FROM cases WHERE id = ?").get(id) as CaseRow | undefined;
    return row ? caseFromRow(row) : null;
  }

  listCases(filter: CaseFilter = {}): { total: number; cases: CaseRecord[] } {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.origin) {
      where.push("origin = ?");
      args.push(filter.origin);
    }
    if (filter.metal) {
      where.push("metal = ? COLLATE NOCASE");
      args.push(filter.metal);
    }
    if (filter.support) {
      where.push("(support LIKE ? OR support_phase LIKE ?)");
      args.push(`%${filter.support}%`, `%${filter.support}%`);
    }
    if (filter.expectedClass) {
      where.push("expected_class LIKE ?");
      args.push(`${filter.expectedClass}%`);
    }
    if (filter.text) {
      where.push("document LIKE ?");
      args.push(`%${filter.text}%`);
    }
    const w = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const { limit, offset } = page(filter.limit, filter.offset);
    const total = (this.db.prepare(`SELECT count(*) AS n FROM cases ${w}`).get(...args) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT * FROM cases ${w} ORDER BY origin, id LIMIT ? OFFSET ?`)
      .all(...args, limit, offset) as CaseRow[];
    return { total, cases: rows.map(caseFromRow) };
  }

  // ---- material imports ----

  recordMaterialImport(entry: { id: string; formula: string; role: string }, cif: string): void {
    this.db
      .prepare(
        "INSERT OR REPLACE INTO material_imports (id, formula, role, entry, cif, imported_at) VALUES (?, ?, ?, ?, ?, ?)",
      )
      .run(entry.id, entry.formula, entry.role, JSON.stringify(entry), cif, now());
  }

  listMaterialImports(): { id: string; formula: string; role: string; importedAt: string }[] {
    return (
      this.db
        .prepare("SELECT id, formula, role, imported_at FROM material_imports ORDER BY imported_at DESC")
        .all() as { id: string; formula: string; role: string; imported_at: string }[]
    ).map((r) => ({ id: r.id, formula: r.formula, role: r.role, importedAt: r.imported_at }));
  }
}

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { RunBatcher, SCHEMA_VERSION, SMSI_VERSION, Store } from "../src/store/store.js";

const dirs: string[] = [];
function freshDir(): string {
  const d = mkdtempSync(join(tmpdir(), "smsi-store-"));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("store", () => {
  it("opens in WAL mode at the latest schema version and reopens without re-migrating", () => {
    const dir = freshDir();
    const s = Store.open(dir);
    expect(String(s.db.pragma("journal_mode", { simple: true }))).toBe("wal");
    expect(s.schemaVersion).toBe(SCHEMA_VERSION);
    const id = s.recordRun("predict", { metal: "Ru" }, { class: "BP-SMSI" });
    s.close();
    const again = Store.open(dir);
    expect(again.schemaVersion).toBe(SCHEMA_VERSION);
    expect(again.getRun(id)).toMatchObject({
      kind: "predict",
      status: "done",
      smsiVersion: SMSI_VERSION,
      inputs: { metal: "Ru" },
      result: { class: "BP-SMSI" },
    });
    again.close();
  });

  it("refuses a 'done' run without a result (no half-written run can be committed)", () => {
    const s = Store.open(freshDir());
    const id = s.startRun("job", {});
    expect(() => s.db.prepare("UPDATE runs SET status = 'done' WHERE id = ?").run(id)).toThrow(/CHECK/);
    s.finishRun(id, { status: "done", result: { ok: 1 } });
    expect(s.getRun(id)?.status).toBe("done");
    // a finished run is never rewritten
    s.finishRun(id, { status: "failed", error: "late" });
    expect(s.getRun(id)?.status).toBe("done");
    s.close();
  });

  it("marks runs left running by a stopped process as interrupted on the next open", () => {
    const dir = freshDir();
    const s = Store.open(dir);
    const id = s.startRun("match-sweep", { film: "RuO2" });
    s.close();
    const t = Store.open(dir);
    expect(t.getRun(id)).toMatchObject({ status: "interrupted", result: null });
    t.close();
  });

  it("lists runs newest first with filters and bounded pages", () => {
    const s = Store.open(freshDir());
    for (let i = 0; i < 5; i++) s.recordRun(i % 2 ? "thermo" : "predict", { i }, { i });
    const all = s.listRuns();
    expect(all.total).toBe(5);
    expect(all.runs.map((r) => (r.inputs as { i: number }).i)).toEqual([4, 3, 2, 1, 0]);
    expect(s.listRuns({ kind: "thermo" }).total).toBe(2);
    expect(s.listRuns({ limit: 2 }).runs).toHaveLength(2);
    expect(s.listRuns({ limit: 1e9 }).runs).toHaveLength(5);
    s.close();
  });

  it("keeps published and user cases apart, filters by metal, support and class", () => {
    const s = Store.open(freshDir());
    const published = [
      { id: "P-1", metal: "Pt", support: "TiO2", expected_class: "SE-SMSI-reductive", doi: "10.1/x" },
      { id: "P-2", metal: "Ru", support: "TiO2", support_phase: "rutile", expected_class: "BP-SMSI" },
    ];
    s.seedPublishedCases(published, "v1");
    const user = s.addUserCase({
      metal: "Pt",
      support: "CeO2",
      supportPhase: null,
      expectedClass: "EMSI",
      document: { catalyst: {} },
    });
    expect(s.listCases().total).toBe(3);
    expect(s.listCases({ metal: "pt" }).total).toBe(2);
    expect(s.listCases({ support: "rutile" }).cases.map((c) => c.id)).toEqual(["P-2"]);
    expect(s.listCases({ expectedClass: "SE-SMSI" }).cases.map((c) => c.id)).toEqual(["P-1"]);
    expect(s.listCases({ origin: "user" }).cases.map((c) => c.id)).toEqual([user]);
    // reseeding replaces published cases, keeps the user's
    s.seedPublishedCases(published.slice(0, 1), "v2");
    expect(s.listCases().total).toBe(2);
    expect(s.getCase(user)?.origin).toBe("user");
    s.close();
  });

  it("batches runs of one event-loop turn into one transaction, and resolves each only once committed", async () => {
    const s = Store.open(freshDir());
    const commits: number[] = [];
    const batcher = new RunBatcher(s);
    // count transactions: wrap the store's batch write
    const original = s.recordRuns.bind(s);
    s.recordRuns = (runs) => {
      commits.push(runs.length);
      return original(runs);
    };
    const pending = Array.from({ length: 40 }, (_, i) =>
      batcher.record({ kind: "predict", inputs: { i }, result: { i } }).then((id) => {
        // at resolution the run is already readable, whole
        expect(s.getRun(id)).toMatchObject({ status: "done", inputs: { i }, result: { i } });
        return id;
      }),
    );
    const ids = await Promise.all(pending);
    expect(new Set(ids).size).toBe(40);
    expect(commits).toEqual([40]);
    // a cap on the batch size splits a larger burst
    const small = new RunBatcher(s, 16);
    commits.length = 0;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => small.record({ kind: "x", inputs: i, result: i })),
    );
    expect(commits).toEqual([16, 16, 8]);
    s.close();
  });

  it("a run the store refuses fails alone; the others of its batch are committed", async () => {
    const s = Store.open(freshDir());
    const batcher = new RunBatcher(s);
    const outcomes = await Promise.allSettled([
      batcher.record({ kind: "a", inputs: 1, result: { ok: 1 } }),
      batcher.record({ kind: "b", inputs: 2, result: undefined }), // 'done' without a result: CHECK
      batcher.record({ kind: "c", inputs: 3, result: { ok: 3 } }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(
      s
        .listRuns({})
        .runs.map((r) => r.kind)
        .sort(),
    ).toEqual(["a", "c"]);
    s.close();
  });
});

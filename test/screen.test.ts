import { readFileSync, writeFileSync, appendFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCampaign } from "../src/screen/campaign.js";
import { computeCombination, kmcSeed } from "../src/screen/compute.js";
import { backoffDelay, DEFAULT_RETRY, InlineExecutor } from "../src/screen/executor.js";
import { LocalExecutor } from "../src/screen/local.js";
import { progressLine } from "../src/screen/progress.js";
import { campaignReport } from "../src/screen/report.js";
import { ScreenResults } from "../src/screen/results.js";
import {
  type CampaignSpecInput,
  combinationCount,
  combinationId,
  combinations,
  MAX_COMBINATIONS,
  MODEL_VERSION,
  validateCampaign,
} from "../src/screen/spec.js";
import { Store } from "../src/store/store.js";
import { InputError } from "../src/units/errors.js";
import { runCli } from "./helpers/cli.js";
import { ensureBuilt, tempDir, writeSpec } from "./screen-helpers.js";

const SMALL: CampaignSpecInput = {
  metals: ["Ru", "Pt"],
  supports: ["TiO2-rutile", { id: "TiO2-anatase", facets: ["(101)"] }],
  conditions: { gas: ["O2", "H2"], temperature_C: [350, 450, 550] },
  compute: "routes",
};

const FAST_RETRY = { attempts: 3, baseDelay_ms: 1, jitter: 0.5 };

function openStore() {
  return Store.open(tempDir("screen"));
}

describe("campaign spec", () => {
  it("lists every problem with its path", () => {
    let err: unknown;
    try {
      validateCampaign({
        metals: [],
        supports: ["TiO2-rutile", { id: "CeO2", facets: ["111"] }],
        conditions: { gas: ["O3"], temperature_C: [-400] },
        compute: "dft",
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const msg = (err as Error).message;
    for (const path of [
      "spec.metals",
      "spec.supports.1.facets.0",
      "spec.conditions.gas.0",
      "spec.conditions.temperature_C.0",
      "spec.compute",
    ])
      expect(msg).toContain(path);
  });

  it("refuses a campaign larger than the limit before expanding it", () => {
    const many = Array.from({ length: 1000 }, (_, i) => 100 + i * 0.1);
    const spec = {
      metals: Array.from(
        { length: 50 },
        (_, i) => `A${String.fromCharCode(97 + (i % 26))}${"B".repeat(Math.floor(i / 26))}`,
      ),
      supports: Array.from({ length: 50 }, (_, i) => `S${i}`),
      conditions: { gas: ["O2"], temperature_C: many },
    };
    expect(50 * 50 * 1000).toBeGreaterThan(MAX_COMBINATIONS);
    expect(() => validateCampaign(spec)).toThrow(/split it/);
  });

  it("ids hash the canonical inputs and the model version: stable, distinct, no duplicates", () => {
    const spec = validateCampaign(SMALL);
    const list = [...combinations(spec)];
    expect(list.length).toBe(combinationCount(spec));
    expect(new Set(list.map((c) => c.id)).size).toBe(list.length);
    const again = [...combinations(validateCampaign(structuredClone(SMALL)))];
    expect(again.map((c) => c.id)).toEqual(list.map((c) => c.id));
    const { id, ...inputs } = list[0];
    expect(combinationId(inputs)).toBe(id);
    expect(combinationId({ ...inputs, temperature_C: inputs.temperature_C + 1 })).not.toBe(id);
    expect(MODEL_VERSION).toMatch(/screen model \d+/);
    // Listing a metal twice adds no combination.
    const dup = validateCampaign({ ...SMALL, metals: ["Ru", "Pt", "Ru"] });
    expect([...combinations(dup)].length).toBe(list.length);
  });
});

describe("campaign logic (inline executor: no threads, no Redis)", () => {
  it("writes each result once; a rerun skips what is done and appends nothing to the output", async () => {
    const store = openStore();
    const out = join(tempDir("out"), "r.jsonl");
    const spec = validateCampaign(SMALL);
    const first = await runCampaign(spec, { db: store.db, executor: new InlineExecutor(), out });
    expect(first).toMatchObject({ combinations: 24, completed: 24, skipped: 0, failed: 0, deadLettered: 0 });
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines.length).toBe(24);
    const row = JSON.parse(lines[0]);
    for (const k of ["id", "metal", "support", "facet", "gas", "temperature_C", "class", "likelihood"])
      expect(row).toHaveProperty(k);
    const second = await runCampaign(spec, { db: store.db, executor: new InlineExecutor(), out });
    expect(second).toMatchObject({ completed: 0, skipped: 24 });
    expect(readFileSync(out, "utf8").trim().split("\n").length).toBe(24);
    const n = store.db.prepare("SELECT count(*) AS n FROM screen_results").get() as { n: number };
    expect(n.n).toBe(24);
    store.close();
  });

  it("a rerun repairs a line cut short and backfills lines missing from the output", async () => {
    const store = openStore();
    const out = join(tempDir("out"), "r.csv");
    const spec = validateCampaign(SMALL);
    await runCampaign(spec, { db: store.db, executor: new InlineExecutor(), out });
    const lines = readFileSync(out, "utf8").split("\n");
    // Keep the header and 10 rows, then a torn 11th row (a process killed mid-write).
    writeFileSync(out, `${lines.slice(0, 11).join("\n")}\n`);
    appendFileSync(out, lines[11].slice(0, 20));
    await runCampaign(spec, { db: store.db, executor: new InlineExecutor(), out });
    const after = readFileSync(out, "utf8").trim().split("\n");
    expect(after.length).toBe(25);
    expect(new Set(after.slice(1).map((l) => l.split(",")[0])).size).toBe(24);
    store.close();
  });

  it("model errors are not retried; infrastructure errors are retried, then dead-lettered; retry brings them back", async () => {
    const store = openStore();
    const spec = validateCampaign(SMALL);
    const calls = new Map<string, number>();
    const faulty = (c: Parameters<typeof computeCombination>[0]) => {
      calls.set(c.id, (calls.get(c.id) ?? 0) + 1);
      if (c.metal === "Pt" && c.gas === "H2") throw new InputError("metal", "refused by the model");
      if (c.metal === "Ru" && c.temperature_C === 350) throw new Error("ECONNRESET");
      // Transient: the first attempt of Ru at 450 °C fails, the second succeeds.
      if (c.metal === "Ru" && c.temperature_C === 450 && calls.get(c.id) === 1)
        throw new Error("worker lost");
      return computeCombination(c);
    };
    const s = await runCampaign(spec, { db: store.db, executor: new InlineExecutor(faulty, FAST_RETRY) });
    const list = [...combinations(spec)];
    const model = list.filter((c) => c.metal === "Pt" && c.gas === "H2");
    const infra = list.filter((c) => c.metal === "Ru" && c.temperature_C === 350);
    const transient = list.filter((c) => c.metal === "Ru" && c.temperature_C === 450);
    for (const c of model) expect(calls.get(c.id)).toBe(1);
    for (const c of infra) expect(calls.get(c.id)).toBe(FAST_RETRY.attempts);
    for (const c of transient) expect(calls.get(c.id)).toBe(2);
    expect(s.failed).toBe(model.length + infra.length);
    expect(s.deadLettered).toBe(model.length + infra.length);
    expect(s.completed).toBe(24 - model.length - infra.length);
    const dead = new ScreenResults(store.db).deadLetters();
    expect(dead.filter((d) => d.errorKind === "model").length).toBe(model.length);
    expect(
      dead.filter((d) => d.errorKind === "infrastructure").every((d) => d.attempts === FAST_RETRY.attempts),
    ).toBe(true);
    // A rerun does not attempt dead letters; removing them (smsi screen retry) does.
    const again = await runCampaign(spec, { db: store.db, executor: new InlineExecutor(faulty, FAST_RETRY) });
    expect(again).toMatchObject({ completed: 0, failed: 0, deadLettered: s.deadLettered });
    new ScreenResults(store.db).removeDeadLetters(infra.map((c) => c.id));
    const healed = await runCampaign(spec, { db: store.db, executor: new InlineExecutor() });
    expect(healed.completed).toBe(infra.length);
    expect(healed.deadLettered).toBe(model.length);
    store.close();
  });

  it("backoff doubles per retry with bounded jitter", () => {
    const p = DEFAULT_RETRY;
    for (let k = 1; k <= 4; k++) {
      const d = p.baseDelay_ms * 2 ** (k - 1);
      expect(backoffDelay(k, p, () => 0)).toBe(Math.round(d * (1 - p.jitter)));
      expect(backoffDelay(k, p, () => 1)).toBe(d);
    }
  });

  it("progress line shows rate and ETA", () => {
    expect(progressLine(50, 200, 10)).toMatch(/50\/200 25\.0%\s+5\/s\s+ETA 0:30/);
  });
});

describe("physics of the screen (Wang et al., Nature 2026: Ru/rutile on, Ru/anatase off)", () => {
  it("in O2 at 400–550 °C Ru on rutile out-ranks Ru on anatase for BP-SMSI; the report's heat map says so", async () => {
    const store = openStore();
    const spec = validateCampaign({
      metals: ["Ru"],
      supports: ["TiO2-rutile", "TiO2-anatase"],
      conditions: { gas: ["O2"], temperature_C: [400, 450, 500, 550] },
      compute: "descriptors",
    });
    await runCampaign(spec, { db: store.db, executor: new InlineExecutor() });
    const r = campaignReport(store.db, spec, 3);
    expect(r.withResult).toBe(8);
    const cell = (s: string) => r.heatmap.cells.find((c) => c.support === s);
    expect(cell("TiO2-rutile")?.maxShareBP).toBeGreaterThan(0.5);
    expect(cell("TiO2-anatase")?.maxShareBP).toBeLessThan(0.2);
    expect(r.top["BP-SMSI"].length).toBeGreaterThan(0);
    expect(r.top["BP-SMSI"].every((c) => c.support === "TiO2-rutile")).toBe(true);
    expect(r.top["BP-SMSI"][0].rationale.join(" ")).toMatch(/interface gate/);
    const { screenHeatmapSvg } = await import("../src/plot/screen-charts.js");
    const svg = screenHeatmapSvg(r, "Ru on TiO2");
    expect(svg).toContain("<svg");
    expect(svg).toContain("TiO2-anatase");
    store.close();
  });

  it("KMC: seeds derive from the id; the same combination gives the same result; more interface crossings on rutile", () => {
    const spec = validateCampaign({
      metals: ["Ru"],
      supports: ["TiO2-rutile", "TiO2-anatase"],
      conditions: { gas: ["O2"], temperature_C: [400] },
      compute: "kmc",
      kmc: { events: 5000 },
    });
    const [rutile, anatase] = [...combinations(spec)];
    const a = computeCombination(rutile);
    const b = computeCombination(rutile);
    expect(a).toEqual(b);
    expect(a.kmc?.seed).toBe(kmcSeed(rutile.id));
    const c = computeCombination(anatase);
    expect(a.kmc?.interfaceCrossings ?? 0).toBeGreaterThan(10 * Math.max(1, c.kmc?.interfaceCrossings ?? 0));
  });
});

describe("local runner (piscina, compiled worker from dist/)", () => {
  beforeAll(() => ensureBuilt(), 300_000);

  it("gives the same results as the inline executor", async () => {
    const spec = validateCampaign(SMALL);
    const a = openStore();
    const b = openStore();
    await runCampaign(spec, { db: a.db, executor: new InlineExecutor() });
    const pool = new LocalExecutor({ threads: 2, batchSize: 5 });
    const s = await runCampaign(spec, { db: b.db, executor: pool });
    await pool.close();
    expect(s.completed).toBe(24);
    const rows = (st: Store) => st.db.prepare("SELECT id, result FROM screen_results ORDER BY id").all();
    expect(rows(b)).toEqual(rows(a));
    a.close();
    b.close();
  });

  it("smsi screen SPEC --json ends with the summary; a rerun skips dead letters, retry runs them, purge forgets", async () => {
    const dir = tempDir("cli");
    const spec = writeSpec(dir, "c.json", SMALL);
    const args = ["--data-dir", dir, "--no-progress", "--threads", "2"];
    // Two combinations dead-lettered by an earlier run (as after an outage).
    const store = Store.open(dir);
    const results = new ScreenResults(store.db);
    const list = [...combinations(validateCampaign(SMALL))];
    for (const c of list.slice(0, 2)) results.deadLetter(c, "infrastructure", "ECONNREFUSED", 5);
    store.close();
    const out = join(dir, "o.csv");
    const r = await runCli("screen", spec, ...args, "--json", "--out", out, "--heatmap", join(dir, "h.svg"));
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining(["combinations", "completed", "skipped", "failed", "deadLettered", "seconds"]),
    );
    expect(j).toMatchObject({ combinations: 24, completed: 22, skipped: 0, failed: 0, deadLettered: 2 });
    expect(readFileSync(join(dir, "h.svg"), "utf8")).toContain("<svg");
    const again = JSON.parse((await runCli("screen", "retry", spec, ...args, "--json", "--out", out)).out);
    expect(again).toMatchObject({ completed: 2, skipped: 22, failed: 0, deadLettered: 0 });
    expect(readFileSync(out, "utf8").trim().split("\n").length).toBe(25);
    const purged = JSON.parse(
      (await runCli("screen", "purge", spec, "--data-dir", dir, "--results", "--json")).out,
    );
    expect(purged).toMatchObject({ deadLetters: 0, results: 24 });
    const spec2 = writeSpec(dir, "bad.json", {
      ...SMALL,
      metals: ["ru"],
      conditions: { gas: ["H2O/H2"], temperature_C: [400] },
    });
    const invalid = await runCli("screen", spec2, ...args);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toMatch(/SPEC\.metals\.0/);
    expect(invalid.err).toMatch(/SPEC\.conditions\.h2oH2/);
    const bad = await runCli("screen", join(dir, "missing.yaml"), "--data-dir", dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/error: SPEC/);
  });
});

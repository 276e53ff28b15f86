import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCif } from "../src/crystal/cif/index.js";
import type { BulkOxygenModel } from "../src/kinetics/bulk-oxygen.js";
import { simulateBulkOxygen } from "../src/kinetics/simulate.js";
import { buildApp } from "../src/server/app.js";
import * as cap from "../src/server/capabilities.js";
import { JobRunner } from "../src/server/jobs.js";
import { Store } from "../src/store/store.js";

let dir: string;
let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "smsi-api-"));
  process.env.SMSI_DATA_DIR = dir;
  store = Store.open(dir);
  app = await buildApp({ store, webDist: join(dir, "no-ui") });
});
afterAll(async () => {
  await app.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const RU_RUTILE = { metal: "Ru", support: "TiO2-rutile", gas: "O2", temperature: "450C", pO2: "1bar" };

async function post(url: string, payload: unknown) {
  const r = await app.inject({ method: "POST", url, payload: payload as object });
  return {
    status: r.statusCode,
    body: String(r.headers["content-type"]).includes("json") ? r.json() : r.body,
    raw: r,
  };
}

/** The JSON of each server-sent event of a finished stream. */
const sse = (body: string) =>
  body
    .split("\n\n")
    .filter(Boolean)
    .map((chunk) =>
      JSON.parse(
        chunk
          .split("\n")
          .find((l) => l.startsWith("data: "))!
          .slice(6),
      ),
    );

/** PNG width from the IHDR chunk. */
const pngWidth = (b: Buffer) => b.readUInt32BE(16);

describe("POST /api/predict", () => {
  it("answers the issue-12 shape with a rationale, and records the run with its inputs", async () => {
    const r = await post("/api/predict", RU_RUTILE);
    expect(r.status).toBe(200);
    const p = r.body;
    for (const k of [
      "class",
      "trigger",
      "likelihood",
      "ranked",
      "phenomena",
      "consequences",
      "rationale",
      "assumptions",
    ])
      expect(p).toHaveProperty(k);
    for (const row of p.rationale)
      expect(Object.keys(row).sort()).toEqual([
        "descriptor",
        "source",
        "threshold",
        "unit",
        "value",
        "verdict",
      ]);
    const run = (await app.inject({ url: `/api/runs/${p.runId}` })).json();
    expect(run).toMatchObject({ kind: "predict", status: "done", inputs: RU_RUTILE });
    expect(run.result.class).toBe(p.class);
  });

  it("a repeated body (memoised) gets the same answer as the library and its own stored run", async () => {
    const body = { ...RU_RUTILE, temperature: "437C" };
    const answers = await Promise.all([post("/api/predict", body), post("/api/predict", body)]);
    const [a, b] = answers.map((x) => x.body);
    expect(a.runId).not.toBe(b.runId);
    const { runId: _a, ...first } = a;
    const { runId: _b, ...second } = b;
    expect(second).toEqual(first);
    expect(first.class).toBe(cap.predict(body as Parameters<typeof cap.predict>[0]).class);
    for (const id of [a.runId, b.runId])
      expect((await app.inject({ url: `/api/runs/${id}` })).json().result).toMatchObject(first);
  });

  it("separates Ru on lattice-matched rutile from Ru on anatase in O2 at 450 °C", async () => {
    const rutile = (await post("/api/predict", RU_RUTILE)).body;
    const anatase = (await post("/api/predict", { ...RU_RUTILE, support: "TiO2-anatase" })).body;
    expect(rutile.class).toBe("BP-SMSI");
    expect(anatase.class).not.toBe("BP-SMSI");
    const row = (p: { rationale: { descriptor: string; verdict: string; value: unknown }[] }, d: string) =>
      p.rationale.find((x) => x.descriptor.startsWith(d));
    expect(String(row(rutile, "interface gate")?.value)).toMatch(/^coherent/);
    expect(String(row(anatase, "interface gate")?.value)).not.toMatch(/^coherent/);
    expect(row(rutile, "dominant O route")?.verdict).toBe("met");
    expect(row(anatase, "dominant O route")?.verdict).toBe("not-met");
  });

  it("answers Pt and Au instead of refusing", async () => {
    for (const metal of ["Pt", "Au"]) {
      const r = await post("/api/predict", { ...RU_RUTILE, metal, gas: "H2", temperature: "500C" });
      expect(r.status).toBe(200);
      expect(r.body.rationale.length).toBeGreaterThan(3);
      expect(typeof r.body.class).toBe("string");
    }
  });

  it("takes a support without a bundled structure (formula, name, non-oxide) and names what is missing; a typo stays a 400", async () => {
    const nb = await post("/api/predict", { metal: "Pt", support: "Nb2O5", gas: "H2", temperature: "500C" });
    expect(nb.status).toBe(200);
    expect(nb.body.support).toBe("Nb2O5");
    // no surface energy of Nb2O5 in the data: wetting is named as missing
    expect(nb.body.missing.join(" ")).toMatch(/wetting/);
    const niobia = await post("/api/predict", {
      metal: "Pt",
      support: "niobia",
      gas: "H2",
      temperature: "500C",
    });
    expect(niobia.body.class).toBe(nb.body.class);
    const bn = await post("/api/predict", { metal: "Pt", support: "h-BN", gas: "O2", temperature: "500C" });
    expect(bn.status).toBe(200);
    expect(`${bn.body.class}-${bn.body.trigger}`).toBe("SE-SMSI-oxidative");
    const typo = await post("/api/predict", {
      metal: "Pt",
      support: "unobtainium oxide",
      gas: "H2",
      temperature: "500C",
    });
    expect(typo.status).toBe(400);
    expect(typo.body.field).toBe("support");
  });
});

describe("POST /api/predict/map", () => {
  it("each cell is the class predict gives at that temperature and gas composition", async () => {
    const body = { metal: "Ru", support: "TiO2-rutile", gas: "O2", log10Min: -6, log10Max: 0, nT: 7, nY: 4 };
    const r = await post("/api/predict/map", body);
    expect(r.status).toBe(200);
    const m = r.body;
    expect(m.classes).toHaveLength(4);
    expect(m.classes.every((row: string[]) => row.length === 7)).toBe(true);
    for (const [i, j] of [
      [0, 0],
      [6, 3],
      [3, 2],
    ]) {
      const one = (
        await post("/api/predict", {
          metal: "Ru",
          support: "TiO2-rutile",
          gas: "O2",
          temperature: m.x.values[i],
          pO2: 10 ** m.y.values[j],
        })
      ).body;
      expect(m.classes[j][i]).toBe(one.trigger ? `${one.class}-${one.trigger}` : one.class);
    }
    expect(m.y.field).toBe("pO2");
    const h2 = await post("/api/predict/map", { ...body, gas: "H2" });
    expect(h2.body.y.field).toBe("h2oH2");
    const big = await post("/api/predict/map", { ...body, nT: 100, nY: 100 });
    expect(big.status).toBe(400);
    expect(big.body.field).toBe("nT");
  });
});

describe("errors", () => {
  it.each([
    [{ ...RU_RUTILE, temperature: undefined }, "temperature", /missing/],
    [{ ...RU_RUTILE, gas: "O3" }, "gas", /expected one of/],
    [{ ...RU_RUTILE, temperature: "hot" }, "temperature", /temperature/],
    [{ ...RU_RUTILE, pO2: "-1bar" }, "pO2", /outside the accepted range/],
    [{ ...RU_RUTILE, sizeNm: "3" }, "sizeNm", /number/],
    [{ ...RU_RUTILE, metal: "Unobtainium" }, "metal", /unknown material/],
    [{ ...RU_RUTILE, metal: "RuO2" }, "metal", /not a metal/],
    [{ ...RU_RUTILE, gas: "H2O/H2" }, "h2oH2", /required/],
  ])("predict %# → 400 naming %s", async (body, field, message) => {
    const r = await post("/api/predict", body);
    expect(r.status).toBe(400);
    expect(r.body.field).toBe(field);
    expect(r.body.message).toMatch(message);
  });

  it("prior treatments: a 500 °C H2 reduction keeps Pt/TiO2 encapsulated in a 200 °C H2 step; bad ones name prior.N.field", async () => {
    const body = { metal: "Pt", support: "TiO2-anatase", gas: "H2", temperature: "200C" };
    const alone = await post("/api/predict", body);
    const after = await post("/api/predict", { ...body, prior: [{ gas: "H2", temperature: "500C" }] });
    expect(alone.status).toBe(200);
    expect(alone.body.class).toBe("none");
    expect(after.status).toBe(200);
    expect([after.body.class, after.body.trigger]).toEqual(["SE-SMSI", "reductive"]);
    const hot = await post("/api/predict", { ...body, prior: [{ gas: "H2", temperature: "hot" }] });
    expect(hot.status).toBe(400);
    expect(hot.body.field).toBe("prior.0.temperature");
    const many = await post("/api/predict", {
      ...body,
      prior: Array.from({ length: 9 }, () => ({ gas: "H2", temperature: "500C" })),
    });
    expect(many.status).toBe(400);
    expect(many.body.field).toBe("prior");
  });

  it("names nested field paths and unknown keys", async () => {
    const bad = await post("/api/classify", {
      catalyst: { metal: "Pt", support: "TiO2" },
      treatments: [{ gas: "H2", temperature_C: "hot" }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe("evidence.treatments.0.temperature_C");
    const typo = await post("/api/predict", { ...RU_RUTILE, temprature: "450C" });
    expect(typo.status).toBe(400);
    expect(typo.body.message).toMatch(/temprature/);
    const layers = await post("/api/interface", { metal: "Ru", support: "TiO2-rutile", layers: 0.5 });
    expect(layers.body.field).toBe("layers");
    const noOxide = await post("/api/interface", { metal: "Pt", support: "TiO2-rutile", film: "oxide" });
    expect(noOxide.status).toBe(400);
    expect(noOxide.body.field).toBe("film");
    const query = await post("/api/thermo/ellingham?format=gif", {});
    expect(query.status).toBe(400);
    expect(query.body.field).toBe("query.format");
  });

  it("refuses bodies over the size limit with 413", async () => {
    const r = await app.inject({
      method: "POST",
      url: "/api/classify",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ catalyst: { metal: "Pt", support: "TiO2" }, notes: "x".repeat(300_000) }),
    });
    expect(r.statusCode).toBe(413);
    expect(r.json().error).toBe("Payload Too Large");
  });

  it("answers 404 for unknown routes, runs, cases and jobs", async () => {
    for (const url of ["/api/nothing", "/api/runs/nope", "/api/cases/nope", "/api/jobs/nope", "/nope.html"]) {
      const r = await app.inject({ url });
      expect(r.statusCode, url).toBe(404);
      expect(r.json().statusCode).toBe(404);
    }
  });

  it("limits the request rate per client (429)", async () => {
    const s = Store.open(mkdtempSync(join(tmpdir(), "smsi-rl-")));
    const limited = await buildApp({ store: s, rateLimitPerMinute: 3 });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await limited.inject({ url: "/api/health" })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    await limited.close();
    s.close();
  });

  it("refuses synchronous searches beyond index 1 and points to the job", async () => {
    const r = await post("/api/match", { film: "RuO2", substrate: "TiO2-rutile", maxIndex: 2 });
    expect(r.status).toBe(400);
    expect(r.body.field).toBe("maxIndex");
    expect(r.body.message).toMatch(/jobs\/match-sweep/);
  });
});

describe("capabilities through the API", () => {
  it("interface: the gate's relationship as a scene of stoichiometric slabs, exported as CIF and POSCAR", async () => {
    const body = { metal: "Ru", support: "TiO2-rutile", layers: 2 };
    const r = await post("/api/interface", body);
    expect(r.status).toBe(200);
    const { scene, gate } = r.body;
    // the film the bulk-penetration gate judges (RuO2 for Ru), in the gate's chosen relationship
    expect(scene.film.id).toBe(gate.oxide.formula);
    expect(scene.relationship.filmPlane).toBe(gate.oxide.chosen.filmPlane);
    expect(scene.relationship.substratePlane).toBe(gate.oxide.chosen.substratePlane);
    const [a, b] = scene.supercell.vectors;
    expect(Math.abs(a[0] * b[1] - a[1] * b[0])).toBeCloseTo(scene.relationship.area_A2, 3);
    const film = scene.atoms.filter((x: { slab: string }) => x.slab === "film");
    const sub = scene.atoms.filter((x: { slab: string }) => x.slab === "substrate");
    expect(Math.min(...film.map((x: { position: number[] }) => x.position[2]))).toBeCloseTo(
      Math.max(...sub.map((x: { position: number[] }) => x.position[2])) + scene.gap_A,
      9,
    );
    expect(scene.unitCells.substrate.kind).toBe("conventional");
    expect(scene.unitCells.substrate.axisLabels.map((l: { text: string }) => l.text)).toEqual([
      "a",
      "b",
      "c",
    ]);
    // rutile on rutile: Ti:O = Ru:O = 1:2 in whole formula units
    const count = (el: string) => scene.atoms.filter((x: { element: string }) => x.element === el).length;
    expect(count("O")).toBe(2 * (count("Ti") + count("Ru")));
    expect(count("Ti")).toBe(scene.substrate.formulaUnits);

    // one support facet only, as smsi interface --support-facet
    const facet = await post("/api/interface", { ...body, supportFacet: "(100)" });
    expect(facet.body.scene.relationship.substratePlane).toBe("(100)");
    expect(facet.body.gate.planes.support.planes).toEqual(["(100)"]);
    const badFacet = await post("/api/interface", { ...body, supportFacet: "(1 1)" });
    expect([badFacet.status, badFacet.body.field]).toEqual([400, "supportFacet"]);

    const cif = await app.inject({ method: "POST", url: "/api/interface/export?format=cif", payload: body });
    expect(cif.statusCode).toBe(200);
    expect(cif.headers["content-disposition"]).toMatch(/RuO2_on_TiO2-rutile\.cif/);
    expect(readCif(cif.body).structure.sites).toHaveLength(scene.atoms.length);
    const poscar = await app.inject({
      method: "POST",
      url: "/api/interface/export?format=poscar",
      payload: body,
    });
    const lines = poscar.body.split("\n");
    expect(
      lines[6]
        .trim()
        .split(/\s+/)
        .map(Number)
        .reduce((x: number, y: number) => x + y, 0),
    ).toBe(scene.atoms.length);
  });

  it("thermo: μ_O agrees with the library, charts come as SVG and as PNG at 2× and 4×", async () => {
    const mu = await post("/api/thermo/mu-o", { gas: "O2", temperature: "723K", pO2: 1 });
    expect(mu.status).toBe(200);
    expect(mu.body.deltaMuO_eV).toBeLessThan(0);
    const body = { oxides: ["RuO2", "TiO2-rutile"], tMin: "400K", tMax: "1200K" };
    const svg = await app.inject({ method: "POST", url: "/api/thermo/ellingham?format=svg", payload: body });
    expect(svg.headers["content-type"]).toMatch(/svg/);
    const p2 = await app.inject({
      method: "POST",
      url: "/api/thermo/ellingham?format=png&scale=2",
      payload: body,
    });
    const p4 = await app.inject({
      method: "POST",
      url: "/api/thermo/ellingham?format=png&scale=4",
      payload: body,
    });
    expect(pngWidth(p4.rawPayload)).toBe(2 * pngWidth(p2.rawPayload));
    const prof = await post("/api/thermo/profile", {
      metal: "Ru",
      support: "TiO2-rutile",
      gas: "O2",
      temperature: "450C",
    });
    expect(prof.body.direction).toBe("support → metal");
    expect(prof.body.svg).toMatch(/^<svg|<\?xml/);
  });

  it("thermo landscape: regions from support bulk to metal surface with the gate of smsi interface", async () => {
    const body = { metal: "Ru", support: "TiO2-rutile", gas: "O2", temperature: "450C" };
    const rutile = await post("/api/thermo/landscape", body);
    expect(rutile.status).toBe(200);
    const names = rutile.body.regions.map((r: { region: string }) => r.region);
    expect(names).toContain("interface");
    expect(names).toContain("metal surface");
    expect(rutile.body.gate).toBe("coherent");
    expect(rutile.body.svg).toMatch(/^<svg|<\?xml/);
    const anatase = await post("/api/thermo/landscape", { ...body, support: "TiO2-anatase" });
    expect(anatase.body.gate).not.toBe("coherent");
    expect((await post("/api/thermo/landscape", { ...body, metal: 5 })).status).toBe(400);
  });

  it("classify: the Tauster evidence is SE-SMSI; saving keeps it as a user case", async () => {
    const doc = {
      catalyst: { metal: "Pt", support: "TiO2" },
      treatments: [{ gas: "H2", temperature_C: 500, order: 1 }],
      chemisorption: { h_per_metal: { before: 0.88, after: 0 }, suppressed: "yes" },
    };
    const r = await app.inject({ method: "POST", url: "/api/classify?save=true", payload: doc });
    expect(r.statusCode).toBe(200);
    const out = r.json();
    expect(out.classification.class).toBe("SE-SMSI");
    const mine = (await app.inject({ url: "/api/cases?origin=user" })).json();
    expect(mine.cases.map((c: { id: string }) => c.id)).toContain(out.caseId);
  });

  it("cases: all published cases are in the store and the filters hold", async () => {
    const all = (await app.inject({ url: "/api/cases?origin=published&limit=500" })).json();
    expect(all.total).toBeGreaterThanOrEqual(68);
    const ru = (await app.inject({ url: "/api/cases?metal=Ru&limit=500" })).json();
    expect(ru.total).toBeGreaterThan(0);
    expect(ru.cases.every((c: { metal: string }) => c.metal === "Ru")).toBe(true);
    const bp = (await app.inject({ url: "/api/cases?class=BP-SMSI" })).json();
    expect(bp.cases.every((c: { expectedClass: string }) => c.expectedClass.startsWith("BP-SMSI"))).toBe(
      true,
    );
    expect(all.cases.some((c: { doi: string | null }) => c.doi?.startsWith("10."))).toBe(true);
  });

  it("imports a CIF into the data folder and the store; errors name the JSON field", async () => {
    const cif = (
      await app.inject({
        method: "POST",
        url: "/api/interface/export?format=cif",
        payload: { metal: "Ru", support: "TiO2-rutile", film: "oxide" },
      })
    ).body;
    const r = await post("/api/materials/import", { cif, id: "RuO2-on-rutile-test", role: "support" });
    expect(r.status).toBe(200);
    expect(r.body.imported).toMatchObject({ id: "RuO2-on-rutile-test", origin: "user" });
    expect(store.listMaterialImports().map((m) => m.id)).toContain("RuO2-on-rutile-test");
    const listed = (await app.inject({ url: "/api/materials?role=support" })).json();
    expect(listed.materials.map((m: { id: string }) => m.id)).toContain("RuO2-on-rutile-test");
    const bundled = await post("/api/materials/import", { cif, id: "TiO2-rutile" });
    expect(bundled.status).toBe(400);
    expect(bundled.body.field).toBe("id");
    const junk = await post("/api/materials/import", { cif: "not a cif" });
    expect(junk.status).toBe(400);
  });

  it("materials and the OpenAPI description", async () => {
    const m = (await app.inject({ url: "/api/materials?role=support" })).json();
    expect(m.materials.every((x: { role: string }) => x.role === "support")).toBe(true);
    const show = (await app.inject({ url: "/api/materials/TiO2-rutile" })).json();
    expect(show.spaceGroup.found.number).toBe(136);
    const spec = (await app.inject({ url: "/api/docs/json" })).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(["/api/predict", "/api/jobs/match-sweep"]),
    );
    expect(spec.paths["/api/predict"].post.requestBody).toBeDefined();
  });
});

describe("background jobs", () => {
  it("a match sweep reports rising progress over server-sent events and stores its result", async () => {
    const r = await post("/api/jobs/match-sweep", { film: "RuO2", substrate: "TiO2-anatase", maxIndex: 2 });
    expect(r.status).toBe(202);
    const id = r.body.id;
    const events = await app.inject({ url: `/api/jobs/${id}/events` });
    expect(events.headers["content-type"]).toMatch(/event-stream/);
    const parsed = sse(events.body);
    const progress = parsed.filter((e) => e.type === "progress").map((e) => e.progress);
    expect(progress.length).toBeGreaterThan(2);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThan(progress[i - 1]);
    const last = parsed[parsed.length - 1];
    expect(last.type).toBe("done");
    expect(last.result.filmPlanes).toBe(progress.length);
    const run = store.getRun(id)!;
    expect(run.status).toBe("done");
    expect((run.result as { coherence: { verdict: string } }).coherence.verdict).toBe("incoherent");
    // a finished job still answers its event stream, from the store
    expect((await app.inject({ url: `/api/jobs/${id}/events` })).body).toMatch(/event: done/);
  });

  it("cancels a running job; the run is stored as cancelled without a result", async () => {
    const r = await post("/api/jobs/profile-sweep", {
      metal: "Ru",
      support: "TiO2-rutile",
      gas: "O2",
      tMin: "300K",
      tMax: "1200K",
      points: 2000,
    });
    expect(r.status).toBe(202);
    await new Promise((res) => setTimeout(res, 50));
    const c = await app.inject({ method: "DELETE", url: `/api/jobs/${r.body.id}` });
    expect(c.json()).toEqual({ cancelled: true });
    await app.jobs.idle();
    expect(store.getRun(r.body.id)).toMatchObject({ status: "cancelled", result: null });
    expect((await app.inject({ method: "DELETE", url: `/api/jobs/${r.body.id}` })).json()).toEqual({
      cancelled: false,
    });
  });

  it("stops a job at its run-time limit", async () => {
    const runner = new JobRunner(store, { maxRunTime_ms: 20 });
    const job = runner.submit("test-slow", {}, async (ctx) => {
      for (;;) {
        await ctx.checkpoint();
        await new Promise((res) => setTimeout(res, 5));
      }
    });
    await runner.idle();
    expect(runner.get(job.id)?.status).toBe("failed");
    expect(store.getRun(job.id)?.error).toMatch(/run-time limit/);
  });

  it("a typo in a job's material is a 400, not a failed job", async () => {
    const r = await post("/api/jobs/match-sweep", { film: "RuO3", substrate: "TiO2-rutile" });
    expect(r.status).toBe(400);
    expect(r.body.field).toBe("ID");
  });
});

describe("POST /api/jobs/simulate", () => {
  const SIM = { model: "bulk-oxygen", metal: "Ru", support: "TiO2-rutile", temperature: "450C", pO2: 1 };

  it("streams the growing curve and ends with the run the library gives for the same inputs", async () => {
    const events = 40_000;
    const r = await post("/api/jobs/simulate", { ...SIM, events, seed: 7 });
    expect(r.status).toBe(202);
    const parsed = sse((await app.inject({ url: `/api/jobs/${r.body.id}/events` })).body);
    const curves = parsed.filter((e) => e.type === "progress").map((e) => e.data.points.length);
    expect(curves.length).toBeGreaterThan(5);
    for (let i = 1; i < curves.length; i++) expect(curves[i]).toBeGreaterThanOrEqual(curves[i - 1]);
    const done = parsed.at(-1);
    expect(done.type).toBe("done");
    expect(done.result.events).toBe(events);
    expect(done.result.points.length).toBeGreaterThan(50);
    // chunked in the job or in one call: the same Monte Carlo trajectory (same seed, same sampling)
    const prepared = cap.prepareSimulation({ ...SIM, events, seed: 7 } as cap.SimulateInput);
    const direct = simulateBulkOxygen((prepared.model as BulkOxygenModel).options, { events });
    expect(done.result.final).toEqual(direct.final);
    // the pictures of smsi simulate --out: cross-sections at the start (t = 0) and at the end
    expect(done.result.snapshots.map((x: { name: string }) => x.name)).toEqual([
      "cross-section-start",
      "cross-section-end",
    ]);
    expect(done.result.snapshots[0].time_s).toBe(0);
    expect(done.result.snapshots[1].time_s).toBeCloseTo(done.result.simulatedTime_s, 12);
    for (const x of done.result.snapshots) expect(x.svg).toMatch(/<svg[\s\S]*<\/svg>/);
    expect(store.getRun(r.body.id)).toMatchObject({ kind: "simulate", status: "done" });
  });

  it("cancels a running simulation", async () => {
    const r = await post("/api/jobs/simulate", {
      ...SIM,
      model: "encapsulation",
      metal: "Pt",
      pO2: undefined,
      events: 5_000_000,
    });
    expect(r.status).toBe(202);
    await new Promise((res) => setTimeout(res, 100));
    expect((await app.inject({ method: "DELETE", url: `/api/jobs/${r.body.id}` })).json()).toEqual({
      cancelled: true,
    });
    await app.jobs.idle();
    expect(store.getRun(r.body.id)).toMatchObject({ status: "cancelled", result: null });
  });

  it.each([
    [{ ...SIM, model: "diffusion" }, "model"],
    [{ ...SIM, events: 1e7 }, "events"],
    [{ ...SIM, events: 1.5 }, "events"],
    [{ ...SIM, h2oH2: 1e-3 }, "h2oH2"],
    [{ ...SIM, sizeNm: 0.1 }, "sizeNm"],
    [{ ...SIM, gate: "perfect" }, "gate"],
    [{ ...SIM, temperature: "hot" }, "temperature"],
    [{ ...SIM, support: "Unobtainium" }, "support"],
  ])("bad body %# → 400 naming %s", async (body, field) => {
    const r = await post("/api/jobs/simulate", body);
    expect(r.status).toBe(400);
    expect(r.body.field).toBe(field);
  });
});

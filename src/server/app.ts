/**
 * The smsi web app: a fastify server with the JSON API under /api (zod-validated, OpenAPI at /api/docs)
 * and the browser UI (web/dist) at /. Every computation is recorded as a run in the store; long ones
 * run as background jobs with progress (server-sent events) and cancellation.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import { RunBatcher, SMSI_VERSION, type Store } from "../store/store.js";
import { isInputError } from "../units/errors.js";
import * as cap from "./capabilities.js";
import { JobRunner, type JobRunnerOptions, QueueFullError } from "./jobs.js";
import * as S from "./schemas.js";

/** Largest request body accepted, bytes (an evidence document is a few kB; 413 beyond this). */
export const DEFAULT_BODY_LIMIT_BYTES = 256 * 1024;
/** Requests per minute per client address before 429 (a person clicking never comes near it). */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 1200;
/** A request (headers and body) that takes longer than this is dropped by the HTTP server, ms. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

export const WEB_DIST = fileURLToPath(new URL("../../web/dist/", import.meta.url));

export interface AppOptions {
  store: Store;
  bodyLimit?: number;
  /** false turns rate limiting off (the load bench does this, and says so). */
  rateLimitPerMinute?: number | false;
  requestTimeout_ms?: number;
  jobs?: JobRunnerOptions;
  /** Folder of the built UI (default web/dist); the UI is not served when it does not exist. */
  webDist?: string;
  logger?: boolean;
}

interface ApiError {
  statusCode: number;
  error: string;
  field?: string;
  message: string;
}

/**
 * JSON text of a result object, kept while the object lives: a memoised prediction answered again is
 * stringified for the store once.
 */
const jsonOf = new WeakMap<object, string>();
function cachedJson(result: object): string {
  let text = jsonOf.get(result);
  if (text === undefined) {
    text = JSON.stringify(result);
    jsonOf.set(result, text);
  }
  return text;
}

function fieldOfZodIssue(context: string | undefined, path: readonly PropertyKey[]): string {
  const p = path.map(String).join(".");
  if (context === "body" || !context) return p || "(body)";
  const where = context === "querystring" ? "query" : context;
  return p ? `${where}.${p}` : where;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const store = options.store;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT_BYTES,
    requestTimeout: options.requestTimeout_ms ?? DEFAULT_REQUEST_TIMEOUT_MS,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const jobs = new JobRunner(store, options.jobs);
  app.decorate("jobs", jobs);
  app.addHook("onClose", async () => jobs.cancelAll());

  // Published cases in the store (reseeded only when the bundled file changes).
  const published = cap.publishedCases();
  store.seedPublishedCases(published.cases, published.version);

  app.setErrorHandler((err: FastifyError, req, reply) => {
    let body: ApiError;
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issue = err.validation[0];
      const path = issue.instancePath.split("/").filter(Boolean);
      const field = fieldOfZodIssue(err.validationContext, path);
      const source = err.validationContext === "querystring" ? req.query : req.body;
      const value = path.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], source);
      const missing = value === undefined && issue.keyword !== "unrecognized_keys";
      const message = missing ? "required field missing" : issue.message;
      body = { statusCode: 400, error: "Bad Request", field, message: `${field}: ${message}` };
    } else if (isInputError(err)) {
      body = { statusCode: 400, error: "Bad Request", field: err.field, message: err.message };
    } else if (err.statusCode === 413) {
      body = {
        statusCode: 413,
        error: "Payload Too Large",
        message: `request body larger than ${options.bodyLimit ?? DEFAULT_BODY_LIMIT_BYTES} bytes`,
      };
    } else if (err instanceof QueueFullError) {
      body = { statusCode: 503, error: "Service Unavailable", message: err.message };
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      body = { statusCode: err.statusCode, error: err.name || "Client Error", message: err.message };
    } else {
      app.log.error(err);
      body = {
        statusCode: 500,
        error: "Internal Server Error",
        message: "internal error; see the server log",
      };
    }
    return reply.code(body.statusCode).type("application/json").send(body);
  });

  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({
      statusCode: 404,
      error: "Not Found",
      message: `no route ${req.method} ${req.url.split("?")[0]}; the API is described at /api/docs`,
    }),
  );

  if (options.rateLimitPerMinute !== false)
    await app.register(fastifyRateLimit, {
      max: options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
      timeWindow: 60_000,
    });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "smsi API",
        description:
          "Strong metal–support interactions: predict, classify, interface matching, oxygen thermodynamics, published cases, runs and jobs. Errors: { statusCode, error, field?, message }.",
        version: SMSI_VERSION,
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });

  const api = app.withTypeProvider<ZodTypeProvider>();
  const err = { 400: S.ErrorResponse, 404: S.ErrorResponse };

  /**
   * Run a capability and record the run (inputs + result). Runs are committed in one transaction per turn
   * of the event loop (RunBatcher); the answer is sent only after the commit, so every run the API
   * acknowledged is in the store.
   */
  const runs = new RunBatcher(store);
  app.addHook("onClose", async () => runs.flush());
  const recorded = async <T extends object>(kind: string, inputs: unknown, f: () => T | Promise<T>) => {
    const result = await f();
    const runId = await runs.record({ kind, inputs, result, resultJson: cachedJson(result) });
    return { runId, ...result };
  };

  api.get(
    "/api/health",
    {
      schema: {
        response: { 200: z.object({ ok: z.boolean(), version: z.string(), schemaVersion: z.number() }) },
      },
    },
    async () => ({ ok: true, version: SMSI_VERSION, schemaVersion: store.schemaVersion }),
  );

  api.post(
    "/api/predict",
    {
      schema: {
        description: "The SMSI class to expect for a metal, a support and conditions, with its rationale.",
        body: S.PredictBody,
        response: { 200: S.PredictResponse, ...err },
      },
    },
    async (req) => recorded("predict", req.body, () => cap.predict(req.body)),
  );

  api.post(
    "/api/predict/map",
    {
      schema: {
        description:
          "The predicted class over temperature × p(O2) (or H2O:H2, CO2:CO for reducing gases), one predict call per cell.",
        body: S.PredictMapBody,
        response: { 200: S.Loose, ...err },
      },
    },
    async (req) => recorded("predict-map", req.body, () => cap.predictMap(req.body)),
  );

  api.post(
    "/api/classify",
    {
      schema: {
        description: "Classify an evidence document (docs/classify.md); ?save=true keeps it as your case.",
        body: S.Loose,
        querystring: S.ClassifyQuery,
        response: { 200: S.Loose, ...err },
      },
    },
    async (req) => {
      const out = await recorded("classify", req.body, () => cap.classify(req.body));
      let caseId: string | null = null;
      if (req.query.save === "true")
        caseId = store.addUserCase({
          metal: out.evidence.catalyst.metal,
          support: out.evidence.catalyst.support,
          supportPhase: out.evidence.catalyst.support_phase ?? null,
          expectedClass: out.classification.label,
          document: out.evidence,
        });
      return { ...out, caseId };
    },
  );

  api.post(
    "/api/match",
    {
      schema: {
        description: `Zur–McGill coincidence matching (maxIndex ≤ ${cap.SYNC_MAX_MILLER_INDEX}; larger searches: POST /api/jobs/match-sweep).`,
        body: S.MatchBody,
        response: { 200: S.Loose, ...err },
      },
    },
    async (req) => recorded("match", req.body, () => cap.match(req.body)),
  );

  api.post(
    "/api/interface",
    {
      schema: {
        description:
          "The interface gate (orientation relationships of the metal and its oxide) and the 3-D scene of the film it judges: stoichiometric slabs, unit cells, repeat units, coincidence supercell.",
        body: S.InterfaceBody,
        response: { 200: S.Loose, ...err },
      },
    },
    async (req) => recorded("interface", req.body, () => cap.interfaceView(req.body)),
  );

  api.post(
    "/api/interface/export",
    {
      schema: {
        description:
          "The scene's slab model (both slabs and vacuum) as CIF or VASP POSCAR text, as `smsi interface --export`.",
        body: S.InterfaceBody,
        querystring: S.ExportQuery,
        response: { 200: z.unknown(), 400: S.ErrorResponse },
      },
    },
    async (req, reply) => {
      const { text, fileName } = cap.interfaceExport(req.body, req.query.format);
      return reply
        .type(req.query.format === "cif" ? "chemical/x-cif" : "text/plain")
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .send(text);
    },
  );

  api.post(
    "/api/thermo/mu-o",
    { schema: { body: S.ConditionsBody.strict(), response: { 200: S.Loose, ...err } } },
    async (req) => recorded("thermo-mu-o", req.body, () => cap.muO(req.body)),
  );

  api.post(
    "/api/thermo/stability",
    { schema: { body: S.StabilityBody, response: { 200: S.Loose, ...err } } },
    async (req) => recorded("thermo-stability", req.body, () => cap.stability(req.body)),
  );

  /** A chart capability answers JSON (with the SVG inside), bare SVG, or PNG at 1×, 2× or 4×. */
  const chartRoute = <B extends z.ZodType>(
    url: string,
    kind: string,
    body: B,
    compute: (b: z.infer<B>) => Promise<{ svg: string }>,
  ) =>
    api.post(
      url,
      { schema: { body, querystring: S.ChartQuery, response: { 200: z.unknown(), 400: S.ErrorResponse } } },
      async (req, reply) => {
        const { svg, ...data } = await compute(req.body as z.infer<B>);
        const runId = await runs.record({ kind, inputs: req.body, result: data });
        if (req.query.format === "svg") return reply.type("image/svg+xml").send(svg);
        if (req.query.format === "png")
          return reply
            .type("image/png")
            .send(await cap.svgToPngBytes(svg, req.query.scale as (typeof cap.PNG_SCALES)[number]));
        return reply.type("application/json").send({ runId, ...data, svg });
      },
    );
  chartRoute("/api/thermo/ellingham", "thermo-ellingham", S.EllinghamBody, cap.ellingham);
  chartRoute("/api/thermo/profile", "thermo-profile", S.ProfileBody, cap.profile);
  chartRoute("/api/thermo/landscape", "thermo-landscape", S.ProfileBody, cap.landscape);

  api.get(
    "/api/materials",
    { schema: { querystring: S.MaterialsQuery, response: { 200: S.Loose, ...err } } },
    async (req) => cap.materialsList(req.query.role as never),
  );
  api.post(
    "/api/materials/import",
    {
      schema: {
        description:
          "Import a CIF into your data folder (as `smsi materials import`); recorded in the store.",
        body: S.MaterialImportBody,
        response: { 200: S.Loose, ...err },
      },
    },
    async (req) => {
      const out = cap.materialImport(req.body);
      store.recordMaterialImport(out.imported, req.body.cif);
      return out;
    },
  );
  api.get(
    "/api/materials/:id",
    { schema: { params: S.IdParams, response: { 200: S.Loose, ...err } } },
    async (req) => cap.materialShow(req.params.id),
  );

  api.get(
    "/api/cases",
    { schema: { querystring: S.CasesQuery, response: { 200: S.Loose, ...err } } },
    async (req) => {
      const q = req.query;
      return store.listCases({
        origin: q.origin,
        metal: q.metal,
        support: q.support,
        expectedClass: q.class,
        text: q.q,
        limit: q.limit,
        offset: q.offset,
      });
    },
  );
  api.get(
    "/api/cases/:id",
    { schema: { params: S.IdParams, response: { 200: S.Loose, ...err } } },
    async (req, reply) => {
      const c = store.getCase(req.params.id);
      if (!c)
        return reply
          .code(404)
          .send({ statusCode: 404, error: "Not Found", message: `no case ${req.params.id}` });
      return c;
    },
  );

  api.get(
    "/api/runs",
    { schema: { querystring: S.RunsQuery, response: { 200: S.Loose, ...err } } },
    async (req) => store.listRuns(req.query),
  );
  api.get(
    "/api/runs/:id",
    { schema: { params: S.IdParams, response: { 200: S.Loose, ...err } } },
    async (req, reply) => {
      const r = store.getRun(req.params.id);
      if (!r)
        return reply
          .code(404)
          .send({ statusCode: 404, error: "Not Found", message: `no run ${req.params.id}` });
      return r;
    },
  );

  // ---- background jobs ----
  const submit = (kind: string, inputs: unknown, fn: Parameters<JobRunner["submit"]>[2]) =>
    jobs.submit(kind, inputs, fn);
  api.post(
    "/api/jobs/match-sweep",
    {
      schema: {
        description: "Coincidence search over every film plane up to maxIndex, as a background job.",
        body: S.SweepBody,
        response: { 202: S.JobInfoSchema, ...err },
      },
    },
    async (req, reply) => {
      // Check the materials now, so a typo is a 400 rather than a failed job.
      cap.materialShow(req.body.film);
      cap.materialShow(req.body.substrate);
      return reply.code(202).send(submit("match-sweep", req.body, (ctx) => cap.matchSweep(req.body, ctx)));
    },
  );
  api.post(
    "/api/jobs/profile-sweep",
    {
      schema: {
        description: "The μ_O profile's support → metal driving force over a temperature range, as a job.",
        body: S.ProfileSweepBody,
        response: { 202: S.JobInfoSchema, ...err },
      },
    },
    async (req, reply) => {
      cap.conditions({ ...req.body, temperature: req.body.tMin });
      return reply
        .code(202)
        .send(submit("profile-sweep", req.body, (ctx) => cap.profileSweep(req.body, ctx)));
    },
  );
  api.post(
    "/api/jobs/simulate",
    {
      schema: {
        description:
          "Kinetic Monte Carlo of bulk-oxygen (BP-SMSI) or encapsulation (SE-SMSI) as a job; progress events carry the curve so far (data.points).",
        body: S.SimulateBody,
        response: { 202: S.JobInfoSchema, ...err },
      },
    },
    async (req, reply) => {
      // Assemble the inputs (and build the lattice) now, so bad input is a 400 rather than a failed job.
      const prepared = cap.prepareSimulation(req.body);
      return reply.code(202).send(submit("simulate", req.body, (ctx) => cap.runSimulation(prepared, ctx)));
    },
  );
  api.get(
    "/api/jobs/:id",
    { schema: { params: S.IdParams, response: { 200: S.JobInfoSchema, ...err } } },
    async (req, reply) => {
      const j = jobs.get(req.params.id);
      if (!j)
        return reply
          .code(404)
          .send({ statusCode: 404, error: "Not Found", message: `no job ${req.params.id}` });
      return j;
    },
  );
  api.delete(
    "/api/jobs/:id",
    {
      schema: {
        description: "Cancel a queued or running job.",
        params: S.IdParams,
        response: { 200: z.object({ cancelled: z.boolean() }), ...err },
      },
    },
    async (req, reply) => {
      if (!jobs.get(req.params.id))
        return reply
          .code(404)
          .send({ statusCode: 404, error: "Not Found", message: `no job ${req.params.id}` });
      return { cancelled: jobs.cancel(req.params.id) };
    },
  );
  api.get(
    "/api/jobs/:id/events",
    {
      schema: {
        description:
          "Server-sent events: status, progress, then done | failed | cancelled (with the result).",
        params: S.IdParams,
      },
    },
    async (req, reply) => {
      const send = (e: unknown, event: string) =>
        reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(e)}\n\n`);
      const sub = jobs.subscribe(req.params.id, (e) => {
        send(e, e.type);
        if (e.type === "done" || e.type === "failed" || e.type === "cancelled") {
          sub?.unsubscribe();
          reply.raw.end();
        }
      });
      if (!sub) {
        // finished long ago (or unknown): answer from the store
        const run = store.getRun(req.params.id);
        if (!run)
          return reply
            .code(404)
            .send({ statusCode: 404, error: "Not Found", message: `no job ${req.params.id}` });
        reply.hijack();
        reply.raw.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
        const type = run.status === "done" ? "done" : run.status === "cancelled" ? "cancelled" : "failed";
        send(
          { type, jobId: run.id, status: run.status, progress: 1, message: run.status, result: run.result },
          type,
        );
        reply.raw.end();
        return;
      }
      reply.hijack();
      reply.raw.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      send(sub.last, sub.last.type);
      if (["done", "failed", "cancelled"].includes(sub.last.type)) {
        sub.unsubscribe();
        reply.raw.end();
      }
      req.raw.on("close", () => sub.unsubscribe());
    },
  );

  // ---- the browser UI ----
  const webDist = options.webDist ?? WEB_DIST;
  if (existsSync(webDist)) await app.register(fastifyStatic, { root: webDist, prefix: "/" });
  else
    app.get("/", async (_req, reply) =>
      reply
        .type("text/html")
        .send(
          "<!doctype html><title>smsi</title><p>The browser UI is not built: run <code>npm start</code> (or <code>npm run build:web</code>). The API is at <a href='/api/docs'>/api/docs</a>.</p>",
        ),
    );

  return app;
}

declare module "fastify" {
  interface FastifyInstance {
    jobs: JobRunner;
  }
}

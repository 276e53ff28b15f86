/**
 * `smsi screen SPEC` (campaigns over metals × supports × facets × conditions, on all local cores or on
 * BullMQ workers), `smsi screen retry|purge SPEC`, and `smsi worker --redis URL`. See docs/screen.md.
 */
import type { Command } from "commander";
import { userDataDir } from "../../materials/store.js";
import type { CampaignSummary } from "../../screen/campaign.js";
import type { Executor } from "../../screen/executor.js";
import { DEFAULT_TOP, type ScreenReport } from "../../screen/report.js";
import type { ScreenResults } from "../../screen/results.js";
import type { CampaignSpec } from "../../screen/spec.js";
import { InputError } from "../../units/errors.js";
import { fmt, type Io, printJson } from "../output.js";
import { writeFileChecked } from "./predict.js";

/** The screen modules, the store and the pool/queue clients are loaded when a command runs, not at CLI start-up. */
async function load() {
  const [campaign, distributed, local, report, results, spec, store] = await Promise.all([
    import("../../screen/campaign.js"),
    import("../../screen/distributed.js"),
    import("../../screen/local.js"),
    import("../../screen/report.js"),
    import("../../screen/results.js"),
    import("../../screen/spec.js"),
    import("../../store/store.js"),
  ]);
  return { ...campaign, ...distributed, ...local, ...report, ...results, ...spec, ...store };
}

interface RunOpts {
  out?: string;
  heatmap?: string;
  redis?: string;
  queue?: string;
  threads?: string;
  dataDir?: string;
  top: string;
  progress: boolean;
  json?: boolean;
}

function positiveInt(text: string | undefined, field: string, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new InputError(field, `give an integer from 1 to ${max} (got "${text}")`);
  return n;
}

function formatReport(r: ScreenReport): string {
  const lines: string[] = [];
  for (const [cls, list] of Object.entries(r.top)) {
    if (!list.length) continue;
    lines.push(`top ${cls}:`);
    for (const c of list)
      lines.push(
        `  ${c.metal}/${c.support}${c.facet ? ` ${c.facet}` : ""} ${c.gas} ${c.temperature_C} °C  ${c.label} ${fmt(c.likelihood, 2)}  — ${c.rationale.join("; ")}`,
      );
  }
  return lines.join("\n");
}

async function runScreen(
  specPath: string,
  opts: RunOpts,
  io: Io,
  before?: (spec: CampaignSpec, results: ScreenResults) => Promise<void>,
): Promise<void> {
  const {
    BullmqExecutor,
    LocalExecutor,
    ScreenResults,
    Store,
    campaignReport,
    checkQueueName,
    checkRedisUrl,
    readCampaign,
    runCampaign,
  } = await load();
  const spec = readCampaign(specPath);
  if (opts.out && !/\.(csv|jsonl)$/i.test(opts.out))
    throw new InputError("--out", `write to a .csv or .jsonl file (got "${opts.out}")`);
  if (opts.heatmap && !/\.(svg|png)$/i.test(opts.heatmap))
    throw new InputError("--heatmap", `the chart file must end in .svg or .png (got "${opts.heatmap}")`);
  const top = positiveInt(opts.top, "--top", 1000) ?? DEFAULT_TOP;
  const threads = positiveInt(opts.threads, "--threads", 1024);
  const store = Store.open(opts.dataDir ?? userDataDir());
  const results = new ScreenResults(store.db);
  await before?.(spec, results);
  const executor: Executor = opts.redis
    ? new BullmqExecutor(checkRedisUrl(opts.redis), {
        queue: opts.queue !== undefined ? checkQueueName(opts.queue) : undefined,
        settled: (id) => results.state(id) !== null,
      })
    : new LocalExecutor({ threads });
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  let summary: CampaignSummary;
  try {
    summary = await runCampaign(spec, {
      db: store.db,
      executor,
      out: opts.out,
      progress: opts.progress ? process.stderr : undefined,
      signal: controller.signal,
    });
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    await executor.close();
  }
  const report = campaignReport(store.db, spec, top);
  if (opts.heatmap) {
    const { screenHeatmapSvg } = await import("../../plot/screen-charts.js");
    const { chartBytes } = await import("../../plot/render.js");
    writeFileChecked(
      opts.heatmap,
      chartBytes(screenHeatmapSvg(report, `smsi screen: ${spec.name ?? specPath}`), opts.heatmap).bytes,
      "--heatmap",
    );
  }
  store.close();
  if (opts.json) return printJson(io, { ...summary, executor: executor.name, top: report.top });
  io.out(formatReport(report));
  io.out(JSON.stringify(summary));
}

export function register(program: Command, io: Io): void {
  const screen = program
    .command("screen")
    .description(
      "screen a campaign (metals × supports × facets × conditions) for SMSI on all local cores or on Redis/BullMQ workers; resumable, each result stored once",
    )
    .argument("<SPEC>", "campaign spec, YAML or JSON (see docs/screen.md)")
    .option(
      "--out <file>",
      "also write one line per combination to FILE.csv or FILE.jsonl (appended on a rerun)",
    )
    .option("--heatmap <file>", "draw the metal × support heat map to FILE.svg or FILE.png")
    .option("--redis <url>", "run on BullMQ workers (`smsi worker --redis URL`) instead of local threads")
    .option("--queue <name>", "BullMQ queue name (default smsi-screen)")
    .option("--threads <n>", "local worker threads (default: all cores)")
    .option("--data-dir <dir>", "store folder (default $SMSI_DATA_DIR or ~/.local/share/smsi)")
    .option("--top <n>", "candidates listed per class", String(DEFAULT_TOP))
    .option("--no-progress", "no progress bar on stderr")
    .option("--json", "print one JSON document: the summary and the top candidates")
    .addHelpText(
      "after",
      "\nExamples:\n  $ smsi screen examples/campaigns/small.yaml --out small.csv --heatmap small.png\n  $ smsi worker --redis redis://127.0.0.1:6379 &   # on each machine\n  $ smsi screen examples/campaigns/small.yaml --redis redis://127.0.0.1:6379 --json\n  $ smsi screen retry examples/campaigns/small.yaml   # attempt the dead-lettered again\n  $ smsi screen purge examples/campaigns/small.yaml   # forget the dead letters",
    )
    .action((spec: string, opts: RunOpts) => runScreen(spec, opts, io));

  screen
    .command("retry")
    .description("remove the campaign's dead letters and run them again")
    .argument("<SPEC>", "campaign spec")
    .option("--out <file>", "output file (as for smsi screen)")
    .option("--heatmap <file>", "heat map file")
    .option("--redis <url>", "run on BullMQ workers")
    .option("--queue <name>", "BullMQ queue name")
    .option("--threads <n>", "local worker threads")
    .option("--data-dir <dir>", "store folder")
    .option("--top <n>", "candidates listed per class", String(DEFAULT_TOP))
    .option("--no-progress", "no progress bar on stderr")
    .option("--json", "print one JSON document")
    .addHelpText("after", "\nExample:\n  $ smsi screen retry examples/campaigns/small.yaml --json")
    // The parent command parses the options it shares with this one: read both.
    .action((spec: string, _opts: RunOpts, cmd: Command) =>
      runScreen(spec, cmd.optsWithGlobals<RunOpts>(), io, async (s, results) => {
        const { campaignIds } = await load();
        const ids = campaignIds(s);
        const dead = results.deadLetters(ids).map((d) => d.id);
        results.removeDeadLetters(dead);
      }),
    );

  screen
    .command("purge")
    .description("delete the campaign's dead letters (and with --results its results)")
    .argument("<SPEC>", "campaign spec")
    .option("--results", "also delete the campaign's results (start it over)")
    .option("--data-dir <dir>", "store folder")
    .option("--json", "print one JSON document")
    .addHelpText("after", "\nExample:\n  $ smsi screen purge examples/campaigns/small.yaml --json")
    .action(async (specPath: string, _opts: unknown, cmd: Command) => {
      const { ScreenResults, Store, campaignIds, readCampaign } = await load();
      const opts = cmd.optsWithGlobals<{ results?: boolean; dataDir?: string; json?: boolean }>();
      const spec = readCampaign(specPath);
      const store = Store.open(opts.dataDir ?? userDataDir());
      const results = new ScreenResults(store.db);
      const ids = campaignIds(spec);
      const dead = results.deadLetters(ids);
      const deadLetters = results.removeDeadLetters(dead.map((d) => d.id));
      const removedResults = opts.results ? results.removeResults(ids) : 0;
      store.close();
      const out = {
        deadLetters,
        results: removedResults,
        errors: dead.map((d) => ({ id: d.id, errorKind: d.errorKind, error: d.error })),
      };
      if (opts.json) return printJson(io, out);
      io.out(`removed ${deadLetters} dead letter(s) and ${removedResults} result(s)`);
      for (const e of out.errors) io.out(`  ${e.id} ${e.errorKind}: ${e.error}`);
    });

  program
    .command("worker")
    .description("process smsi screen jobs from Redis (BullMQ) until stopped (SIGINT/SIGTERM)")
    .requiredOption("--redis <url>", "Redis URL, e.g. redis://127.0.0.1:6379")
    .option("--queue <name>", "BullMQ queue name (default smsi-screen)")
    .option(
      "--concurrency <n>",
      "jobs at once in this process (computation is synchronous: start one worker per core)",
      "1",
    )
    .option("--lock-ms <ms>", "job lock; a killed worker's job is taken over after this long", "30000")
    .addHelpText("after", "\nExample:\n  $ smsi worker --redis redis://127.0.0.1:6379 --concurrency 2")
    .action(async (opts: { redis: string; queue?: string; concurrency: string; lockMs: string }) => {
      const { checkQueueName, checkRedisUrl, startWorker } = await load();
      const w = await startWorker(checkRedisUrl(opts.redis), {
        queue: opts.queue !== undefined ? checkQueueName(opts.queue) : undefined,
        concurrency: positiveInt(opts.concurrency, "--concurrency", 256),
        lock_ms: positiveInt(opts.lockMs, "--lock-ms", 3_600_000),
        log: (line) => io.err(`smsi worker: ${line}`),
      });
      io.err(`smsi worker: processing ${opts.queue ?? "smsi-screen"} on ${opts.redis}`);
      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      await w.close();
    });
}

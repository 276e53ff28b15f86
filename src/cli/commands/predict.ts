/**
 * `smsi predict`, `smsi map` and `smsi score predict`: the SMSI class to expect from physics, its
 * condition map, and its score on a published-cases file. The `score` command group is defined by
 * classify.ts; this module adds its subcommand to the group (creating the group if absent), so it is
 * registered after classify in index.ts.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { readCasesFile } from "../../classify/published-cases.js";
import { GAS_KINDS, parseGasKind } from "../../predict/conditions.js";
import { PREDICT_PARAMETERS } from "../../predict/data.js";
import { DEFAULT_KMC_CHECK_EVENTS, MAX_KMC_CHECK_EVENTS } from "../../predict/kmc-check.js";
import { type ConditionMap, conditionMap } from "../../predict/map.js";
import { type PriorTreatment, predict } from "../../predict/predict.js";
import { scorePredictions } from "../../predict/score.js";
import type { Prediction } from "../../predict/types.js";
import { InputError } from "../../units/errors.js";
import { parsePositiveNumber, parsePressure, parseTemperature } from "../../units/quantities.js";
import { fmt, formatTable, type Io, printJson } from "../output.js";

/** The bundled copy of the published cases (the map overlays the cases of its pair). */
const BUNDLED_CASES = fileURLToPath(new URL("../../../data/classify/published-cases.json", import.meta.url));
/** `--set NAME=VALUE` (repeatable) → overrides. */
function collectSet(value: string, previous: Record<string, number> = {}): Record<string, number> {
  const m = /^([A-Za-z_][\w]*)=(.+)$/.exec(value.trim());
  if (!m)
    throw new InputError(
      "--set",
      `write NAME=VALUE (got "${value}"), e.g. --set suboxideMinNonstoichiometry=1e-4`,
    );
  const v = Number(m[2]);
  if (!Number.isFinite(v)) throw new InputError("--set", `${m[1]}: "${m[2]}" is not a number`);
  return { ...previous, [m[1]]: v };
}

/** "2h", "30min", "600s", bare number = hours. */
function parseDuration(text: string, field = "--time"): number {
  const m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(h|min|s)?\s*$/i.exec(text);
  if (!m) throw new InputError(field, `cannot read "${text}" as a duration; write e.g. 2h, 30min, 600s`);
  const v = parsePositiveNumber(m[1], field, "write e.g. 2h, 30min, 600s");
  const unit = (m[2] ?? "h").toLowerCase();
  return unit === "h" ? v : unit === "min" ? v / 60 : v / 3600;
}

function parseSize(text: string | undefined): number | "single-atoms" | undefined {
  if (text === undefined) return undefined;
  if (/^single/i.test(text.trim())) return "single-atoms";
  return parsePositiveNumber(
    text,
    "--size-nm",
    "give the particle diameter in nm, e.g. --size-nm 3, or 'single-atoms'",
  );
}

/** Earlier treatments allowed on one command line (each one is a full prediction). */
export const MAX_PRIOR_TREATMENTS = 8;

/** `--prior GAS@T[,TIME]` (repeatable, oldest first): an earlier treatment, e.g. H2@500C,2h. */
function collectPrior(value: string, previous: PriorTreatment[] = []): PriorTreatment[] {
  if (previous.length >= MAX_PRIOR_TREATMENTS)
    throw new InputError("--prior", `at most ${MAX_PRIOR_TREATMENTS} earlier treatments`);
  const m = /^\s*([^@,]+?)\s*@\s*([^,]+?)\s*(?:,\s*(.+?)\s*)?$/.exec(value);
  if (!m)
    throw new InputError("--prior", `write GAS@TEMPERATURE[,TIME] (got "${value}"), e.g. --prior H2@500C,2h`);
  return [
    ...previous,
    {
      gas: parseGasKind(m[1], "--prior"),
      gasText: m[1],
      temperature_K: parseTemperature(m[2], "--prior"),
      duration_h: m[3] !== undefined ? parseDuration(m[3], "--prior") : null,
    },
  ];
}

function formatPrediction(p: Prediction): string {
  const lines = [
    `${p.input.metal} on ${p.input.support}${p.input.supportPhase ? ` (${p.input.supportPhase})` : ""}, ${p.input.gas} at ${fmt(p.input.temperature_K ?? Number.NaN, 1)} K${p.input.atmosphere ? `, ${p.input.atmosphere}` : ""}`,
    `predicted: ${p.label}  likelihood ${fmt(p.likelihood, 2)}`,
    `ranked: ${p.ranked.map((r) => `${r.label} ${fmt(r.likelihood, 2)}`).join(", ")}`,
    "",
    formatTable(
      ["chain", "descriptor", "value", "unit", "verdict", "threshold"],
      p.rationale.map((r) => [
        r.chain,
        r.descriptor,
        typeof r.value === "number" ? fmt(r.value, 3) : (r.value ?? "—"),
        r.unit,
        r.verdict,
        r.threshold,
      ]),
    ),
    "",
    `phenomena: ${p.phenomena.join("; ")}`,
    `CO adsorption: ${p.consequences.coAdsorption.summary}`,
  ];
  if (p.missing.length) lines.push(`missing: ${p.missing.join("; ")}`);
  for (const n of p.notes) lines.push(`note: ${n}`);
  lines.push(
    `assumptions: ${p.assumptions
      .filter((a) => a.isAssumption)
      .map((a) => `${a.name}=${a.value}`)
      .join(", ")}`,
  );
  return lines.join("\n");
}

interface PredictOpts {
  metal: string;
  support: string;
  phase?: string;
  facet?: string;
  gas: string;
  temperature?: string;
  time?: string;
  pO2?: string;
  h2oH2?: string;
  co2Co?: string;
  sizeNm?: string;
  set?: Record<string, number>;
  prior?: PriorTreatment[];
  kmcCheck?: string | boolean;
  json?: boolean;
}

/** `--kmc-check [EVENTS]`: events of the brief KMC route check (default DEFAULT_KMC_CHECK_EVENTS). */
function kmcCheckEvents(value: string | boolean | undefined): { events: number } | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return { events: DEFAULT_KMC_CHECK_EVENTS };
  const n = parsePositiveNumber(value, "--kmc-check", `give a number of events, e.g. --kmc-check 2e5`);
  if (!Number.isInteger(n) || n > MAX_KMC_CHECK_EVENTS)
    throw new InputError(
      "--kmc-check",
      `give a whole number of events up to ${MAX_KMC_CHECK_EVENTS.toExponential(0)} (got ${value})`,
    );
  return { events: n };
}

function checkOut(path: string): void {
  if (!/\.(svg|png)$/i.test(path))
    throw new InputError("--out", `the chart file must end in .svg or .png (got "${path}")`);
}

export function writeFileChecked(path: string, bytes: Buffer | string, field: string): void {
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new InputError(
      field,
      `cannot write "${path}" (${why}); give a path in an existing, writable folder`,
    );
  }
}

function mapCsv(m: ConditionMap): string {
  const rows = ["temperature_K,temperature_C,deltaMuO_eV,pO2_bar,class,likelihood"];
  for (const c of m.cells)
    rows.push(
      [
        c.temperature_K.toFixed(2),
        (c.temperature_K - 273.15).toFixed(2),
        c.deltaMuO_eV.toFixed(4),
        c.pO2_bar.toExponential(4),
        c.label,
        c.likelihood.toFixed(4),
      ].join(","),
    );
  return `${rows.join("\n")}\n`;
}

export function register(program: Command, io: Io): void {
  program
    .command("predict")
    .description(
      "predict the SMSI class of a metal on a support under a treatment, with every descriptor explained",
    )
    .requiredOption(
      "--metal <symbol>",
      "supported metal (element symbol; an alloy such as PtCo is evaluated as its first element)",
    )
    .requiredOption(
      "--support <id>",
      "support: bundled id (TiO2-rutile, TiO2-anatase, CeO2, Al2O3-alpha, …) or oxide formula",
    )
    .option("--phase <name>", "support polymorph when --support is a formula (rutile, anatase, gamma, …)")
    .option("--facet <hkl>", "support facet, e.g. (110) or (0001)")
    .requiredOption("--gas <gas>", `treatment gas: ${GAS_KINDS.join(", ")}`)
    .option(
      "--temperature <T>",
      "treatment temperature, e.g. 450C or 723K (default: defaultTemperature_K, reported)",
    )
    .option("--time <duration>", "treatment time, e.g. 2h, 30min (default 1 h, reported)")
    .option("--p-o2 <p>", "O2 partial pressure, e.g. 1bar, 0.21atm")
    .option("--h2o-h2 <ratio>", "p(H2O)/p(H2) of a reducing gas")
    .option("--co2-co <ratio>", "p(CO2)/p(CO)")
    .option("--size-nm <d>", "particle diameter in nm, or 'single-atoms'")
    .option(
      "--prior <gas@T[,time]>",
      "an earlier treatment, oldest first (repeatable), e.g. --prior H2@500C,2h: an overlayer it leaves persists through a later non-oxidising treatment",
      collectPrior,
    )
    .option(
      "--set <name=value>",
      `override a named parameter (repeatable): ${Object.keys(PREDICT_PARAMETERS).join(", ")}`,
      collectSet,
    )
    .option(
      "--kmc-check [events]",
      `in O2/air, also run the KMC (Model A) briefly on the same landscape and report which route O took, beside the routes model's verdict (default ${DEFAULT_KMC_CHECK_EVENTS.toExponential(0)} events, at most ${MAX_KMC_CHECK_EVENTS.toExponential(0)}; the class is unchanged)`,
    )
    .option("--json", "print one JSON document")
    .addHelpText(
      "after",
      "\nExample:\n  $ smsi predict --metal Ru --support TiO2-rutile --gas O2 --temperature 450C --p-o2 1bar --size-nm 3\n  $ smsi predict --metal Pt --support TiO2-anatase --gas H2 --temperature 500C --json\n  $ smsi predict --metal Pt --support TiO2-anatase --gas H2 --temperature 200C --prior H2@500C",
    )
    .action((opts: PredictOpts) => {
      const gas = parseGasKind(opts.gas);
      const result = predict({
        metal: opts.metal,
        support: opts.support,
        supportPhase: opts.phase ?? null,
        facet: opts.facet ?? null,
        particleSize_nm: parseSize(opts.sizeNm) ?? null,
        gas,
        gasText: opts.gas,
        composition: {
          pO2_bar: opts.pO2 !== undefined ? parsePressure(opts.pO2, "--p-o2") : undefined,
          h2oH2:
            opts.h2oH2 !== undefined ? parsePositiveNumber(opts.h2oH2, "--h2o-h2", "e.g. 1e-3") : undefined,
          co2Co: opts.co2Co !== undefined ? parsePositiveNumber(opts.co2Co, "--co2-co", "e.g. 1") : undefined,
        },
        temperature_K:
          opts.temperature !== undefined ? parseTemperature(opts.temperature, "--temperature") : null,
        duration_h: opts.time !== undefined ? parseDuration(opts.time) : null,
        overrides: opts.set,
        prior: opts.prior,
        kmcCheck: kmcCheckEvents(opts.kmcCheck),
      });
      if (opts.json) return printJson(io, result);
      io.out(formatPrediction(result));
    });

  program
    .command("map")
    .description(
      "condition map: predicted SMSI class over temperature × Δμ_O for one pair, published cases overlaid",
    )
    .requiredOption("--metal <symbol>", "supported metal")
    .requiredOption("--support <id>", "support id or formula")
    .option("--phase <name>", "support polymorph")
    .option("--facet <hkl>", "support facet")
    .option("--size-nm <d>", "particle diameter in nm")
    .option("--t-min <T>", "lowest temperature", "400K")
    .option("--t-max <T>", "highest temperature", "1200K")
    .option("--mu-min <eV>", "lowest Δμ_O, eV", "-4")
    .option("--mu-max <eV>", "highest Δμ_O, eV", "0")
    .option("--points <n>", "grid points (n ≈ nT × nMu, square grid)", "1024")
    .option("--cases <file>", "published-cases file whose cases of this pair are overlaid", BUNDLED_CASES)
    .option("--out <file>", "write the map to FILE.svg or FILE.png")
    .option("--csv <file>", "write the grid as CSV")
    .option("--set <name=value>", "override a named parameter (repeatable)", collectSet)
    .option("--json", "print one JSON document")
    .addHelpText(
      "after",
      "\nExample:\n  $ smsi map --metal Ru --support TiO2-rutile --out ru-rutile.png --csv ru-rutile.csv\n  $ smsi map --metal Pt --support TiO2-anatase --t-min 400K --t-max 1100K --json",
    )
    .action(
      async (opts: {
        metal: string;
        support: string;
        phase?: string;
        facet?: string;
        sizeNm?: string;
        tMin: string;
        tMax: string;
        muMin: string;
        muMax: string;
        points: string;
        cases: string;
        out?: string;
        csv?: string;
        set?: Record<string, number>;
        json?: boolean;
      }) => {
        if (!opts.out && !opts.json && !opts.csv)
          throw new InputError("--out", "give the chart file (--out map.svg or .png), --csv FILE, or --json");
        if (opts.out) checkOut(opts.out);
        const n = Number(opts.points);
        if (!Number.isInteger(n) || n < 4 || n > 40_000)
          throw new InputError("--points", `give an integer from 4 to 40000 (got "${opts.points}")`);
        const side = Math.max(2, Math.round(Math.sqrt(n)));
        const num = (t: string, f: string) => {
          const v = Number(t);
          if (t.trim() === "" || !Number.isFinite(v) || Math.abs(v) > 20)
            throw new InputError(f, `give Δμ_O in eV between −20 and 20 (got "${t}")`);
          return v;
        };
        const size = parseSize(opts.sizeNm);
        const m = conditionMap(
          {
            metal: opts.metal,
            support: opts.support,
            supportPhase: opts.phase ?? null,
            facet: opts.facet ?? null,
            particleSize_nm: typeof size === "number" ? size : null,
            tMin_K: parseTemperature(opts.tMin, "--t-min"),
            tMax_K: parseTemperature(opts.tMax, "--t-max"),
            muMin_eV: num(opts.muMin, "--mu-min"),
            muMax_eV: num(opts.muMax, "--mu-max"),
            nT: side,
            nMu: side,
            overrides: opts.set,
          },
          readCasesFile(opts.cases, "--cases").cases,
        );
        let format: string | null = null;
        if (opts.out) {
          const { conditionMapSvg } = await import("../../plot/map-chart.js");
          const { chartBytes } = await import("../../plot/render.js");
          const chart = chartBytes(conditionMapSvg(m), opts.out);
          writeFileChecked(opts.out, chart.bytes, "--out");
          format = chart.format;
        }
        if (opts.csv) writeFileChecked(opts.csv, mapCsv(m), "--csv");
        if (opts.json) return printJson(io, { ...m, out: opts.out ?? null, csv: opts.csv ?? null });
        const counts = new Map<string, number>();
        for (const c of m.cells) counts.set(c.label, (counts.get(c.label) ?? 0) + 1);
        io.out(
          [
            `${m.metal} on ${m.support}: ${m.cells.length} cells, ${m.axes.temperature_K.map((t) => t.toFixed(0)).join("–")} K × Δμ_O ${m.axes.deltaMuO_eV.join(" to ")} eV`,
            ...[...counts].map(([l, k]) => `  ${l}: ${k} cells`),
            `published cases overlaid: ${m.cases.map((c) => `${c.id} (${c.label})`).join(", ") || "none"}`,
            ...(opts.out ? [`wrote ${opts.out} (${format})`] : []),
            ...(opts.csv ? [`wrote ${opts.csv} (csv)`] : []),
          ].join("\n"),
        );
      },
    );

  const score =
    program.commands.find((c) => c.name() === "score") ??
    program.command("score").description("score smsi against published cases");
  score
    .command("predict")
    .description(
      "predict every case of a published-cases file from its inputs only; accuracy per class and batch",
    )
    .requiredOption("--cases <file>", "cases file (format of ../shared/cases/published-cases.json)")
    .option("--json", "print one JSON document")
    .addHelpText(
      "after",
      "\nExample:\n  $ smsi score predict --cases ../shared/cases/published-cases.json --json",
    )
    .action((opts: { cases: string; json?: boolean }) => {
      const cases = readCasesFile(opts.cases, "--cases").cases;
      if (cases.length === 0) throw new InputError("--cases", `${opts.cases} holds no cases`);
      const r = scorePredictions(cases);
      if (opts.json) return printJson(io, r);
      const lines = [
        `predict: ${r.correct}/${r.total} = ${(100 * r.accuracy).toFixed(1)} % (acceptable classes count)`,
        ...Object.entries(r.byBatch).map(
          ([b, s]) => `  batch ${b}: ${s.correct}/${s.total} = ${(100 * s.accuracy).toFixed(1)} %`,
        ),
        "",
        formatTable(
          ["class", "support", "predicted", "precision", "recall"],
          Object.entries(r.perClass).map(([l, s]) => [
            l,
            s.support,
            s.predicted,
            s.precision === null ? "—" : fmt(s.precision, 2),
            s.recall === null ? "—" : fmt(s.recall, 2),
          ]),
        ),
        "",
        "misses:",
        ...r.cases
          .filter((c) => !c.correct)
          .map((c) => `  ${c.id} [${c.batch}] expected ${c.acceptable.join("|")}, got ${c.got}: ${c.reason}`),
      ];
      io.out(lines.join("\n"));
    });
}

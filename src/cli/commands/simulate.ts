/**
 * `smsi simulate bulk-oxygen | encapsulation`: the two SMSI mechanisms as kinetic Monte Carlo
 * (src/kinetics/simulate.ts) on the oxygen landscape of src/thermo/landscape.ts, the interface gate of
 * src/match/gate.ts (through `gateFrom`, as `smsi thermo routes`), Δμ_O of the gas from
 * src/thermo/oxygen-potential.ts, and — for encapsulation — the surface energies of the wetting descriptor
 * of src/predict/wetting.ts (data/predict/descriptors.json) and the support's surface O-vacancy energy of
 * the landscape as the reduction energy. Limits are checked before any work; progress goes to stderr.
 */
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { BulkOxygenModel, MAX_PARTICLE_SIZE_NM } from "../../kinetics/bulk-oxygen.js";
import { EncapsulationModel } from "../../kinetics/encapsulation.js";
import type { GraphProgress } from "../../kinetics/graph-lattice-gas.js";
import {
  DEFAULT_MAX_EVENTS,
  MIN_CHECKPOINT_EVERY,
  simulateBulkOxygen,
  simulateEncapsulation,
} from "../../kinetics/simulate.js";
import {
  bulkOxygenInputs,
  type SimulationGate,
  encapsulationInputs as encapsulationInputsFrom,
} from "../../predict/simulate-inputs.js";
import type { Atmosphere } from "../../thermo/oxygen-potential.js";
import { InputError } from "../../units/errors.js";
import { parsePositiveNumber } from "../../units/quantities.js";
import { readInputJson } from "../../units/read-input.js";
import { fmt, type Io, printJson } from "../output.js";
import { conditions } from "./thermo.js";
import { gateFrom, overridesFrom } from "./thermo-routes.js";

/** Most events one command may run (≈ 20 min of Model A at the measured 0.8 M events/s; bounded work). */
export const MAX_SIMULATE_EVENTS = 1e9;
/** Longest simulated time accepted, s (a year: beyond any SMSI treatment). */
export const MAX_SIMULATE_TIME_S = 3.2e7;
/** Largest checkpoint file read with --resume, bytes. */
export const MAX_CHECKPOINT_BYTES = 512 * 1024 * 1024;

interface SimOpts {
  temperature?: string;
  pO2?: string;
  h2oH2?: string;
  co2Co?: string;
  time?: string;
  events?: string;
  sizeNm?: string;
  seed?: string;
  gate?: string;
  set?: string[];
  accelerate?: boolean;
  checkpoint?: string;
  checkpointEvery?: string;
  resume?: string;
  out?: string;
  json?: boolean;
  quiet?: boolean;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** Run bounds and the other numeric flags, all checked before any work. */
export function runLimits(opts: SimOpts): {
  events?: number;
  time_s?: number;
  maxEvents: number;
  size_nm?: number;
  seed: number;
} {
  if (opts.events === undefined && opts.time === undefined)
    throw new InputError("--events", "give --events N or --time S (simulated seconds), e.g. --events 1e6");
  let events: number | undefined;
  if (opts.events !== undefined) {
    events = Number(opts.events);
    if (!(Number.isInteger(events) && events >= 1 && events <= MAX_SIMULATE_EVENTS))
      throw new InputError(
        "--events",
        `an integer 1–${MAX_SIMULATE_EVENTS.toExponential(0)} (got "${opts.events}")`,
      );
  }
  let time_s: number | undefined;
  if (opts.time !== undefined) {
    time_s = parsePositiveNumber(opts.time, "--time", "simulated seconds, e.g. --time 1e-3", {
      min: 1e-15,
      max: MAX_SIMULATE_TIME_S,
      unit: "s",
    });
  }
  let size_nm: number | undefined;
  if (opts.sizeNm !== undefined)
    size_nm = parsePositiveNumber(opts.sizeNm, "--size-nm", "the particle diameter in nm, e.g. 3", {
      min: 0.5,
      max: MAX_PARTICLE_SIZE_NM,
      unit: "nm",
    });
  const seed = opts.seed === undefined ? 1 : Number(opts.seed);
  if (!(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 31))
    throw new InputError("--seed", `an integer 0–2147483647 (got "${opts.seed}")`);
  return {
    events,
    time_s,
    maxEvents: events ?? Math.min(DEFAULT_MAX_EVENTS, MAX_SIMULATE_EVENTS),
    size_nm,
    seed,
  };
}

/** Events between two progress reports of the CLI's progress bar. */
const PROGRESS_EVERY_EVENTS = 100_000;

function progressPrinter(quiet: boolean | undefined): ((p: GraphProgress) => void) | undefined {
  if (quiet) return undefined;
  const tty = process.stderr.isTTY === true;
  let last = 0;
  return (p) => {
    const now = performance.now();
    const done = p.events >= p.of;
    if (!tty && !done && now - last < 2000) return;
    last = now;
    const width = 30;
    const frac = Math.min(1, p.events / Math.max(1, p.of));
    const bar = `${"#".repeat(Math.round(frac * width))}${"-".repeat(width - Math.round(frac * width))}`;
    const line = `[${bar}] ${(100 * frac).toFixed(1)} % ${p.events}/${p.of} events, t = ${p.time_s.toExponential(3)} s, ${fmt(p.eventsPerSecond / 1e6, 2)} M events/s, ETA ${fmt(p.eta_s, 1)} s`;
    process.stderr.write(tty ? `\r${line}${done ? "\n" : ""}` : `${line}\n`);
  };
}

/** --events and the event cap are totals: a resumed run does what is left of them. */
function remaining(
  limits: ReturnType<typeof runLimits>,
  resume: unknown,
): { events?: number; time_s?: number; maxEvents: number } {
  const done = (resume as { engine?: { events?: number } } | undefined)?.engine?.events ?? 0;
  if (!(Number.isInteger(done) && done >= 0))
    throw new InputError("--resume", "the checkpoint's event count is not a non-negative integer");
  return {
    events: limits.events === undefined ? undefined : Math.max(0, limits.events - done),
    time_s: limits.time_s,
    maxEvents: Math.max(0, limits.maxEvents - done),
  };
}

function readCheckpoint(path: string, command: string, fingerprint: string): unknown {
  const doc = (readInputJson(path, {
    field: "--resume",
    maxBytes: MAX_CHECKPOINT_BYTES,
    what: "a checkpoint written by --checkpoint",
  }) ?? {}) as { command?: string; fingerprint?: string; checkpoint?: unknown };
  if (doc.command !== command)
    throw new InputError(
      "--resume",
      `${path} is a checkpoint of "${doc.command}", not of "simulate ${command}"`,
    );
  if (doc.fingerprint !== fingerprint)
    throw new InputError(
      "--resume",
      `${path} was written for other arguments (${doc.fingerprint}); resume with the same METAL, SUPPORT, conditions, --size-nm, --seed, --gate and --set`,
    );
  const cp = doc.checkpoint as
    | { model?: unknown; sinceSample?: unknown; series?: unknown; engine?: Record<string, unknown> }
    | undefined;
  const e = cp?.engine;
  const numbers = (x: unknown) =>
    Array.isArray(x) && x.every((v) => typeof v === "number" && Number.isFinite(v));
  if (
    !cp ||
    cp.model !== command ||
    !Number.isInteger(cp.sinceSample) ||
    !Array.isArray(cp.series) ||
    !e ||
    typeof e.occupied !== "string" ||
    typeof e.label !== "string" ||
    typeof e.time_s !== "number" ||
    !Number.isInteger(e.events) ||
    !numbers(e.rng) ||
    (e.rng as number[]).length !== 4 ||
    (e.rng as number[]).every((w) => w === 0) ||
    !(e.rng as number[]).every(Number.isInteger) ||
    !numbers(e.hopCounts) ||
    !numbers(e.exchangeCounts)
  )
    throw new InputError(
      "--resume",
      `${path} is not a complete ${command} checkpoint; give a file written by --checkpoint`,
    );
  return cp;
}

function writeOrFail(path: string, data: string | Buffer, field: string): void {
  try {
    writeFileSync(path, data);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new InputError(
      field,
      `cannot write "${path}" (${why}); give a path in an existing, writable folder`,
    );
  }
}

function prepareOut(dir: string | undefined): void {
  if (dir === undefined) return;
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new InputError("--out", `"${dir}" exists and is not a folder`);
    return;
  }
  // one level only (the parent must exist): mkdir -p loops forever on some paths (/proc/…) in Node 20
  try {
    mkdirSync(dir);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new InputError(
      "--out",
      `cannot create the folder "${dir}" (${why}); give a new folder in an existing, writable one`,
    );
  }
}

/** series.csv: one row per sample; array columns joined with ";". */
export function seriesCsv(series: readonly Record<string, unknown>[]): string {
  if (series.length === 0) return "";
  const cols = Object.keys(series[0]);
  const cell = (v: unknown) => (Array.isArray(v) ? v.join(";") : v === null ? "" : String(v));
  return `${[cols.join(","), ...series.map((s) => cols.map((c) => cell(s[c])).join(","))].join("\n")}\n`;
}

async function writeSnapshots(dir: string, svgs: { name: string; svg: string }[]): Promise<string[]> {
  const { svgToPng } = await import("../../plot/simulate-charts.js");
  const files: string[] = [];
  for (const { name, svg } of svgs) {
    writeOrFail(join(dir, `${name}.svg`), svg, "--out");
    writeOrFail(join(dir, `${name}.png`), svgToPng(svg), "--out");
    files.push(`${name}.svg`, `${name}.png`);
  }
  return files;
}

/** A --checkpoint file, written whole or not at all (a temporary file renamed over it). */
function writeCheckpoint(path: string, command: string, fingerprint: string, checkpoint: unknown): void {
  const tmp = `${path}.partial`;
  writeOrFail(tmp, JSON.stringify({ command, fingerprint, checkpoint }), "--checkpoint");
  try {
    renameSync(tmp, path);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new InputError("--checkpoint", `cannot write "${path}" (${why}); give a writable file path`);
  }
}

/** --checkpoint-every N: periodic checkpoints into the --checkpoint file (checked before any work). */
function periodicCheckpoints(
  opts: SimOpts,
  command: string,
  fingerprint: string,
): { checkpointEvery?: number; onCheckpoint?: (checkpoint: unknown) => void } {
  if (opts.checkpointEvery === undefined) return {};
  const n = Number(opts.checkpointEvery);
  if (!(Number.isInteger(n) && n >= MIN_CHECKPOINT_EVERY && n <= MAX_SIMULATE_EVENTS))
    throw new InputError(
      "--checkpoint-every",
      `an integer number of events ${MIN_CHECKPOINT_EVERY}–${MAX_SIMULATE_EVENTS.toExponential(0)} (got "${opts.checkpointEvery}")`,
    );
  const path = opts.checkpoint;
  if (!path) throw new InputError("--checkpoint-every", "give the file to write with --checkpoint FILE");
  return { checkpointEvery: n, onCheckpoint: (c) => writeCheckpoint(path, command, fingerprint, c) };
}

/** The run bounds of both models: events/time left after a resume, the progress bar, periodic checkpoints. */
function runBounds(
  opts: SimOpts,
  command: string,
  fingerprint: string,
  limits: ReturnType<typeof runLimits>,
  resume: unknown,
) {
  return {
    ...remaining(limits, resume),
    onProgress: progressPrinter(opts.quiet || opts.json),
    progressEvery: PROGRESS_EVERY_EVENTS,
    ...periodicCheckpoints(opts, command, fingerprint),
  };
}

/** The closing lines of both models' text output: the files written and the assumptions in force. */
function trailerLines(
  opts: SimOpts,
  files: string[],
  assumptions: readonly { name: string; value: unknown; unit: string; isAssumption: boolean }[],
): string[] {
  return [
    ...(files.length ? [`wrote ${files.map((x) => join(opts.out ?? "", x)).join(", ")}`] : []),
    ...assumptions.filter((a) => a.isAssumption).map((a) => `assumption ${a.name} = ${a.value} ${a.unit}`),
  ];
}

/** --checkpoint, and --out DIR: snapshots (SVG, PNG), series.csv, result.json. Returns the files written to DIR. */
async function finishRun(
  opts: SimOpts,
  command: string,
  fingerprint: string,
  checkpoint: unknown,
  doc: unknown,
  series: readonly object[],
  snapshots: () => Promise<{ name: string; svg: string }[]>,
): Promise<string[]> {
  if (opts.checkpoint) writeCheckpoint(opts.checkpoint, command, fingerprint, checkpoint);
  if (!opts.out) return [];
  const files = await writeSnapshots(opts.out, await snapshots());
  writeOrFail(join(opts.out, "series.csv"), seriesCsv(series as Record<string, unknown>[]), "--out");
  writeOrFail(join(opts.out, "result.json"), JSON.stringify(doc, null, 2), "--out");
  return [...files, "series.csv", "result.json"];
}

const COMMON_HELP = (cmd: Command) =>
  cmd
    .option("--temperature <T>", "temperature: 723K, 450C or a number in kelvin")
    .option("--time <S>", "simulated time to reach, s (with --events: whichever comes first)")
    .option("--events <N>", `events to run (at most ${MAX_SIMULATE_EVENTS.toExponential(0)})`)
    .option("--size-nm <D>", `particle diameter, nm (0.5–${MAX_PARTICLE_SIZE_NM}; default 3, an assumption)`)
    .option("--seed <N>", "random seed (default 1)")
    .option("--gate <verdict>", "override the interface verdict: coherent | semi-coherent | incoherent")
    .option("--set <NAME=VALUE>", "override a named assumption (model or landscape; repeatable)", collect)
    .option(
      "--checkpoint <FILE>",
      "write the state at the end of the run (JSON) to continue it with --resume",
    )
    .option(
      "--checkpoint-every <N>",
      `also write the --checkpoint file every N events during the run (N ≥ ${MIN_CHECKPOINT_EVERY})`,
    )
    .option(
      "--resume <FILE>",
      "continue a run from a --checkpoint file (same arguments; --events/--time are totals)",
    )
    .option("--out <DIR>", "write series.csv, result.json and snapshot pictures (SVG and PNG) into DIR")
    .option("--quiet", "no progress bar on stderr")
    .option("--json", "print one JSON document");

/** Model B's inputs (src/predict/simulate-inputs.ts) with the --set list of the command line. */
export function encapsulationInputs(
  metal: string,
  support: string,
  T: number,
  atmosphere: Atmosphere,
  gate: SimulationGate,
  setList: string[] | undefined,
) {
  return encapsulationInputsFrom({ metal, support, T, atmosphere, gate }, overridesFrom(setList));
}

/** The start (when drawn for this run) and end snapshots of a run, named NAME-start and NAME-end. */
function snapshotPair<P>(
  name: string,
  draw: (picture: P, title: string) => string,
  title: string,
  start: P | null,
  end: P,
): { name: string; svg: string }[] {
  return [
    ...(start ? [{ name: `${name}-start`, svg: draw(start, title) }] : []),
    { name: `${name}-end`, svg: draw(end, title) },
  ];
}

export function register(program: Command, io: Io): void {
  const sim = program
    .command("simulate")
    .description("kinetic Monte Carlo of the two SMSI mechanisms with ¹⁸O/¹⁶O labels (docs/kinetics.md)")
    .addHelpText(
      "after",
      "\nExample:\n  $ smsi simulate bulk-oxygen Ru TiO2-rutile --temperature 450C --p-o2 1 --events 1e6\n  $ smsi simulate encapsulation Pt TiO2-rutile --temperature 500C --h2o-h2 1e-3 --events 1e6",
    );

  COMMON_HELP(
    sim
      .command("bulk-oxygen")
      .argument("<METAL>", "metal symbol (fcc Pt Pd Rh Ir Ni Cu Ag Au, hcp Ru Os Co)")
      .argument("<SUPPORT>", "support id, e.g. TiO2-rutile, TiO2-anatase, CeO2")
      .description(
        "Model A (BP-SMSI): support lattice O (¹⁸O) through the interface into the metal's interstices vs gas O (¹⁶O) from the top",
      )
      .option("--p-o2 <p>", "O2 partial pressure (bare number = bar)")
      .option(
        "--no-accelerate",
        "switch off the rate rescaling of the fast interface pair (Dybeck et al. 2017)",
      ),
  )
    .addHelpText(
      "after",
      "\nExample:\n  $ smsi simulate bulk-oxygen Ru TiO2-rutile --temperature 450C --p-o2 1 --events 1e6 --out run-ru\n  $ smsi simulate bulk-oxygen Ru TiO2-anatase --temperature 450C --p-o2 1 --time 1e-3 --gate coherent --json",
    )
    .action(async (metal: string, support: string, opts: SimOpts) => {
      const limits = runLimits(opts);
      const { T, atmosphere } = conditions(opts);
      if (atmosphere.kind !== "O2")
        throw new InputError(
          "--p-o2",
          "bulk-oxygen runs in O2: give --p-o2 (reducing gases: simulate encapsulation)",
        );
      const gate = gateFrom(opts, metal, support);
      const { sets, supportId, landscape, mu } = bulkOxygenInputs(
        { metal, support, T, atmosphere, gate },
        overridesFrom(opts.set),
      );
      const fingerprint = JSON.stringify([
        metal,
        supportId,
        T,
        atmosphere,
        limits.size_nm,
        limits.seed,
        gate.verdict,
        opts.set ?? [],
        opts.accelerate !== false,
      ]);
      const resume = opts.resume ? readCheckpoint(opts.resume, "bulk-oxygen", fingerprint) : undefined;
      const bounds = runBounds(opts, "bulk-oxygen", fingerprint, limits, resume);
      prepareOut(opts.out);
      const options = {
        ...sets.model,
        landscape,
        temperature_K: T,
        oxygenChemicalPotential_eV: mu,
        seed: limits.seed,
        particleSize_nm: limits.size_nm ?? sets.model.particleSize_nm,
        accelerate: opts.accelerate !== false,
      };
      const startPicture = opts.out ? new BulkOxygenModel(options).crossSection() : null;
      const r = simulateBulkOxygen(options, bounds, resume as Parameters<typeof simulateBulkOxygen>[2]);
      const doc = {
        command: "simulate bulk-oxygen",
        metal,
        support: supportId,
        temperature_K: T,
        atmosphere,
        deltaMuO_eV: mu,
        gate,
        final: r.final,
        series: r.series,
        simulatedTime_s: r.simulatedTime_s,
        events: r.events,
        reachedTime: r.reachedTime,
        parameters: r.parameters,
        assumptions: [...r.assumptions, ...landscape.assumptions],
        landscape: landscape.regions,
      };
      const files = await finishRun(opts, "bulk-oxygen", fingerprint, r.checkpoint, doc, r.series, async () =>
        snapshotPair(
          "cross-section",
          (await import("../../plot/simulate-charts.js")).crossSectionSvg,
          `${metal} on ${supportId}, ${fmt(T, 1)} K`,
          resume ? null : startPicture,
          new BulkOxygenModel(options, r.checkpoint).crossSection(),
        ),
      );
      if (opts.json) return printJson(io, doc);
      const f = r.final;
      const last = r.series.at(-1);
      io.out(
        [
          `${metal} on ${supportId} at ${fmt(T, 2)} K, Δμ_O ${fmt(mu, 3)} eV; gate ${gate.verdict} (${gate.source})`,
          `${r.events} events, ${r.simulatedTime_s.toExponential(3)} s simulated${r.reachedTime === false ? " (the --time was not reached within the event limit)" : ""}; acceleration: ${r.parameters.acceleration}`,
          `oxidised fraction ${fmt(f.oxidisedFraction, 3)}, front ${fmt(f.frontDepth_nm, 3)} nm above the interface, ¹⁸O of the metal's O ${f.o18FractionOfMetalOxygen === null ? "—" : fmt(f.o18FractionOfMetalOxygen, 3)}`,
          `interface crossings ${fmt(f.interfaceCrossings, 4)} (net into the metal ${last?.netInterfaceTransfer ?? 0}), surface incorporations ${fmt(f.surfaceIncorporations, 4)}`,
          ...trailerLines(opts, files, doc.assumptions),
        ].join("\n"),
      );
    });

  COMMON_HELP(
    sim
      .command("encapsulation")
      .argument("<METAL>", "metal symbol, e.g. Pt")
      .argument("<SUPPORT>", "support id, e.g. TiO2-rutile, TiO2-anatase, Al2O3-alpha, CeO2")
      .description(
        "Model B (SE-SMSI): suboxide units made by the reducing gas creep over the metal when they wet it",
      )
      .option("--h2o-h2 <ratio>", "reducing mixture p(H2O)/p(H2), e.g. 1e-3")
      .option("--co2-co <ratio>", "reducing mixture p(CO2)/p(CO)")
      .option("--p-o2 <p>", "O2 (re-oxidation) instead of a reducing gas"),
  )
    .addHelpText(
      "after",
      "\nExample:\n  $ smsi simulate encapsulation Pt TiO2-rutile --temperature 500C --h2o-h2 1e-3 --events 2e6 --out run-pt\n  $ smsi simulate encapsulation Pt Al2O3-alpha --temperature 500C --h2o-h2 1e-3 --events 2e6 --json",
    )
    .action(async (metal: string, support: string, opts: SimOpts) => {
      const limits = runLimits(opts);
      const { T, atmosphere } = conditions(opts);
      const gate = gateFrom(opts, metal, support);
      const { sets, supportId, mu, reductionEnergy_eV, surface, surfaceEnergies } = encapsulationInputs(
        metal,
        support,
        T,
        atmosphere,
        gate,
        opts.set,
      );
      const fingerprint = JSON.stringify([
        metal,
        supportId,
        T,
        atmosphere,
        limits.size_nm,
        limits.seed,
        gate.verdict,
        opts.set ?? [],
      ]);
      const resume = opts.resume ? readCheckpoint(opts.resume, "encapsulation", fingerprint) : undefined;
      const bounds = runBounds(opts, "encapsulation", fingerprint, limits, resume);
      prepareOut(opts.out);
      const options = {
        ...sets.model,
        temperature_K: T,
        oxygenChemicalPotential_eV: mu,
        reductionEnergy_eV,
        surfaceEnergies,
        seed: limits.seed,
        particleSize_nm: limits.size_nm ?? sets.model.particleSize_nm,
      };
      const startPicture = opts.out ? new EncapsulationModel(options).topView() : null;
      const r = simulateEncapsulation(options, bounds, resume as Parameters<typeof simulateEncapsulation>[2]);
      const doc = {
        command: "simulate encapsulation",
        metal,
        support: supportId,
        temperature_K: T,
        atmosphere,
        deltaMuO_eV: mu,
        final: r.final,
        series: r.series,
        simulatedTime_s: r.simulatedTime_s,
        events: r.events,
        reachedTime: r.reachedTime,
        parameters: {
          ...r.parameters,
          reductionEnergy_eV,
          wets:
            surfaceEnergies.metal_J_per_m2 >
            surfaceEnergies.suboxide_J_per_m2 + surfaceEnergies.interface_J_per_m2,
        },
        surfaceEnergies,
        assumptions: [
          ...r.assumptions,
          {
            name: "reductionEnergy_eV",
            value: reductionEnergy_eV,
            unit: "eV",
            source:
              sets.extra.reductionEnergy_eV !== undefined
                ? "given (--set)"
                : `support surface O-vacancy energy of the landscape: ${surface.energySource}`,
            isAssumption: sets.extra.reductionEnergy_eV !== undefined || surface.isAssumption,
          },
        ],
      };
      const files = await finishRun(
        opts,
        "encapsulation",
        fingerprint,
        r.checkpoint,
        doc,
        r.series,
        async () =>
          snapshotPair(
            "top-view",
            (await import("../../plot/simulate-charts.js")).topViewSvg,
            `${metal} on ${supportId}, ${fmt(T, 1)} K`,
            resume ? null : startPicture,
            new EncapsulationModel(options, r.checkpoint).topView(),
          ),
      );
      if (opts.json) return printJson(io, doc);
      const f = r.final;
      io.out(
        [
          `${metal} on ${supportId} at ${fmt(T, 2)} K, Δμ_O ${fmt(mu, 3)} eV; reduction energy ${fmt(reductionEnergy_eV, 3)} eV; wetting ${doc.parameters.wets ? "holds" : "does not hold"} (γ_M ${surfaceEnergies.metal_J_per_m2}, γ_ov ${surfaceEnergies.suboxide_J_per_m2}, γ_int ${fmt(surfaceEnergies.interface_J_per_m2, 3)} J/m²)`,
          `${r.events} events, ${r.simulatedTime_s.toExponential(3)} s simulated`,
          `coverage ${fmt(f.coverage, 3)}, free metal sites ${fmt(f.freeMetalSiteFraction, 3)}, CO capacity (relative) ${fmt(f.coCapacityRelative, 3)}`,
          ...trailerLines(opts, files, doc.assumptions),
        ].join("\n"),
      );
    });
}

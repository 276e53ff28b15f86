/**
 * `smsi thermo mu-o | stability | ellingham | profile | defects` (and `routes | landscape` from
 * thermo-routes.ts): oxygen chemical potential, oxide stability, nonstoichiometry and O routes.
 */
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { bundledOxides, THERMO_T_RANGE_K } from "../../thermo/ellingham.js";
import { oxideStability } from "../../thermo/equilibria.js";
import { type Atmosphere, atmosphereFromOptions, oxygenPotential } from "../../thermo/oxygen-potential.js";
import { oxygenNonstoichiometry } from "../../thermo/defects.js";
import { muOProfile } from "../../thermo/profile.js";
import {
  applyThermoData as applyUserThermoData,
  loadThermoData,
  NO_USER_DATA,
} from "../../thermo/user-data.js";
import { InputError } from "../../units/errors.js";
import {
  type Kelvin,
  parsePositiveNumber,
  parsePressure,
  parseTemperature,
  type Range,
  TEMPERATURE_RANGE_K,
} from "../../units/quantities.js";
import { fmt, formatTable, type Io, printJson } from "../output.js";
import { gateFrom, registerRoutes } from "./thermo-routes.js";

interface AtmosphereOpts {
  temperature?: string;
  pO2?: string;
  h2oH2?: string;
  co2Co?: string;
  thermoData?: string;
  json?: boolean;
}

/** Temperatures of the commands that use condensed-phase data (data/thermo rows: 298.15–3000 K). */
const OXIDE_T_RANGE: Range = { min: THERMO_T_RANGE_K[0], max: THERMO_T_RANGE_K[1], unit: "K" };

/** T and the atmosphere from the shared flags; `range` is the gas-only one for mu-o, the oxide one elsewhere. */
export function conditions(
  opts: AtmosphereOpts,
  range: Range = OXIDE_T_RANGE,
): { T: Kelvin; atmosphere: Atmosphere } {
  if (opts.temperature === undefined)
    throw new InputError("--temperature", "missing; give the temperature, e.g. --temperature 723K or 450C");
  const T = parseTemperature(opts.temperature, "--temperature", range);
  const atmosphere = atmosphereFromOptions({
    pO2_bar: opts.pO2 !== undefined ? parsePressure(opts.pO2, "--p-o2") : undefined,
    h2oH2:
      opts.h2oH2 !== undefined
        ? parsePositiveNumber(opts.h2oH2, "--h2o-h2", "give p(H2O)/p(H2), e.g. --h2o-h2 1e-3")
        : undefined,
    co2Co:
      opts.co2Co !== undefined
        ? parsePositiveNumber(opts.co2Co, "--co2-co", "give p(CO2)/p(CO), e.g. --co2-co 1")
        : undefined,
  });
  return { T, atmosphere };
}

function applyThermoData(path: string | undefined): void {
  if (path) loadThermoData(path);
  else applyUserThermoData(NO_USER_DATA);
}

const THERMO_DATA_HELP =
  "JSON rows that add to or override the bundled data: species ΔH_f/S298 and support vacancy energies, each with its source (docs/thermo.md)";

function checkOut(path: string, field = "--out"): void {
  if (!/\.(svg|png)$/i.test(path))
    throw new InputError(field, `the chart file must end in .svg or .png (got "${path}")`);
}

/** The plotting stack (Observable Plot, jsdom, resvg) is heavy: loaded only when a chart is drawn. */
const charts = () => import("../../plot/thermo-charts.js");

async function writeChart(svg: string, path: string): Promise<string> {
  const { chartBytes } = await import("../../plot/render.js");
  const { format, bytes } = chartBytes(svg, path);
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new InputError(
      "--out",
      `cannot write "${path}" (${why}); give a path in an existing, writable folder`,
    );
  }
  return format;
}

function atmosphereText(a: Atmosphere): string {
  if (a.kind === "O2") return `p_O2 = ${fmt(a.pO2_bar, 4)} bar`;
  if (a.kind === "H2O/H2") return `p_H2O/p_H2 = ${fmt(a.ratio, 4)}`;
  return `p_CO2/p_CO = ${fmt(a.ratio, 4)}`;
}

const ATM_HELP = "one of --p-o2 <bar> | --h2o-h2 <ratio> | --co2-co <ratio>";

function atmosphereOptions(cmd: Command): Command {
  return cmd
    .option("--temperature <T>", "temperature: 723K, 450C or a number in kelvin")
    .option("--p-o2 <p>", "O2 partial pressure: 0.21, 0.21bar, 1atm, 100Pa (bare number = bar)")
    .option("--h2o-h2 <ratio>", "reducing mixture: p(H2O)/p(H2), e.g. 1e-3")
    .option("--co2-co <ratio>", "reducing mixture: p(CO2)/p(CO), e.g. 1");
}

export function register(program: Command, io: Io): void {
  const thermo = program
    .command("thermo")
    .description(
      "oxygen chemical potential, Ellingham lines, oxide stability and the metal/support μ_O profile",
    )
    .addHelpText(
      "after",
      "\nExample:\n  $ smsi thermo mu-o --temperature 723K --p-o2 1\n  $ smsi thermo stability PdO --temperature 1000K --p-o2 0.21\n  $ smsi thermo profile Ru TiO2-rutile --temperature 450C --p-o2 1\n  $ smsi thermo routes Ru TiO2-rutile --temperature 450C --p-o2 1",
    );

  atmosphereOptions(
    thermo
      .command("mu-o")
      .description(`Δμ_O (eV, Reuter–Scheffler reference ½E_O2) at T in an atmosphere (${ATM_HELP})`),
  )
    .option("--json", "print one JSON document")
    .addHelpText(
      "after",
      "\nExample:\n  $ smsi thermo mu-o --temperature 600K --p-o2 1atm\n  $ smsi thermo mu-o --temperature 450C --h2o-h2 1e-3 --json",
    )
    .action((opts: AtmosphereOpts) => {
      const { T, atmosphere } = conditions(opts, TEMPERATURE_RANGE_K);
      const r = oxygenPotential(T, atmosphere);
      const doc = {
        temperature_K: r.temperature_K,
        deltaMuO_eV: r.deltaMuO_eV,
        pO2_bar: r.pO2_bar,
        h2oH2Ratio: r.h2oH2Ratio,
        co2CoRatio: r.co2CoRatio,
        atmosphere: r.atmosphere,
        reference:
          "Δμ_O relative to ½ E(O2) at 0 K (Reuter & Scheffler, PRB 65, 035406, 2001); O2 Shomate data NIST WebBook; p° = 1 bar",
        notes: r.notes,
      };
      if (opts.json) return printJson(io, doc);
      io.out(
        [
          formatTable(
            ["quantity", "value", "unit"],
            [
              ["temperature", fmt(r.temperature_K, 2), "K"],
              ["Δμ_O", fmt(r.deltaMuO_eV, 4), "eV per O"],
              ["p_O2 (equivalent)", fmt(r.pO2_bar, 4), "bar"],
              ["p_H2O/p_H2 (equivalent)", fmt(r.h2oH2Ratio, 4), "—"],
              ["p_CO2/p_CO (equivalent)", fmt(r.co2CoRatio, 4), "—"],
            ],
          ),
          `atmosphere: ${atmosphereText(atmosphere)}; reference ½E(O2), Reuter–Scheffler`,
          ...r.notes.map((n) => `note: ${n}`),
        ].join("\n"),
      );
    });

  atmosphereOptions(
    thermo
      .command("stability")
      .argument("<OXIDE>", "oxide formula or bundled id, e.g. PdO, CuO, TiO2-rutile")
      .description("is the oxide stable against reduction to its next-lower phase at T in the atmosphere?"),
  )
    .option("--thermo-data <file>", THERMO_DATA_HELP)
    .option("--json", "print one JSON document")
    .addHelpText(
      "after",
      "\nExample:\n  $ smsi thermo stability CuO --temperature 1200K --p-o2 0.21\n  $ smsi thermo stability RuO2 --temperature 450C --h2o-h2 1e-3 --json",
    )
    .action((oxide: string, opts: AtmosphereOpts) => {
      applyThermoData(opts.thermoData);
      const { T, atmosphere } = conditions(opts);
      const r = oxideStability(oxide, T, atmosphere);
      const doc = {
        oxide: r.oxide,
        stablePhase: r.stablePhase,
        equilibriumPO2_bar: r.equilibriumPO2_bar,
        decompositionTemperature_K: r.decompositionTemperature_K,
        drivingForce_eV: r.drivingForce_eV,
        phase: r.phase,
        reaction: r.reaction,
        reducedPhase: r.reducedPhase,
        temperature_K: r.temperature_K,
        deltaMuO_eV: r.deltaMuO_eV,
        pO2_bar: r.pO2_bar,
        equilibriumDeltaMuO_eV: r.equilibriumDeltaMuO_eV,
        reactionGibbs_kJ_per_mol_O2: r.reactionGibbs_kJ_per_mol_O2,
        cpIncluded: r.cpIncluded,
        sources: r.sources,
        assumptions: r.assumptions,
        notes: r.notes,
      };
      if (opts.json) return printJson(io, doc);
      io.out(
        [
          `${r.oxide} (${r.phase}) at ${fmt(T, 2)} K, ${atmosphereText(atmosphere)}: reaction ${r.reaction}`,
          formatTable(
            ["quantity", "value", "unit"],
            [
              ["stable phase", r.stablePhase, ""],
              ["Δμ_O (gas)", fmt(r.deltaMuO_eV, 4), "eV per O"],
              ["Δμ_O (equilibrium)", fmt(r.equilibriumDeltaMuO_eV, 4), "eV per O"],
              ["driving force (gas − eq.)", fmt(r.drivingForce_eV, 4), "eV per O"],
              ["equilibrium p_O2", fmt(r.equilibriumPO2_bar, 4), "bar"],
              ["ΔG° (per mol O2)", fmt(r.reactionGibbs_kJ_per_mol_O2, 2), "kJ/mol"],
              [
                "decomposition T (this atmosphere)",
                r.decompositionTemperature_K === null
                  ? "none in 200–3000 K"
                  : fmt(r.decompositionTemperature_K, 1),
                r.decompositionTemperature_K === null ? "" : "K",
              ],
            ],
          ),
          ...r.assumptions.map((a) => `assumption: ${a}`),
          ...r.notes.map((n) => `note: ${n}`),
        ].join("\n"),
      );
    });

  thermo
    .command("ellingham")
    .description("Ellingham diagram (ΔG°f per mol O2 vs T) of bundled oxides as SVG or PNG")
    .option(
      "--oxides <list>",
      "comma-separated oxide formulas or ids (default: every bundled oxide with data)",
    )
    .option("--t-min <T>", "lowest temperature", "300K")
    .option("--t-max <T>", "highest temperature", "2000K")
    .option("--out <file>", "write the chart to FILE.svg or FILE.png")
    .option("--celsius", "temperature axis in °C (the range options still accept K or C)")
    .option("--no-scales", "leave out the nomographic p_O2, H2/H2O and CO/CO2 scales")
    .option("--thermo-data <file>", THERMO_DATA_HELP)
    .option("--json", "print one JSON document (lines and the oxides left out)")
    .addHelpText(
      "after",
      "\nExample:\n  $ smsi thermo ellingham --oxides RuO2,PdO,Ag2O,CuO,TiO2-rutile,CeO2 --out ellingham.svg",
    )
    .action(
      async (opts: {
        oxides?: string;
        tMin: string;
        tMax: string;
        out?: string;
        thermoData?: string;
        json?: boolean;
        celsius?: boolean;
        scales?: boolean;
      }) => {
        applyThermoData(opts.thermoData);
        if (!opts.out && !opts.json)
          throw new InputError("--out", "give the chart file, e.g. --out ellingham.svg (or .png), or --json");
        if (opts.out) checkOut(opts.out);
        const tMin = parseTemperature(opts.tMin, "--t-min");
        const tMax = parseTemperature(opts.tMax, "--t-max");
        const catalogue = bundledOxides();
        const list = opts.oxides
          ? opts.oxides
              .split(",")
              .map((s) => s.trim())
              .filter((s) => s.length > 0)
          : catalogue.filter((o) => o.available).map((o) => o.id);
        if (list.length === 0) throw new InputError("--oxides", "empty list; write e.g. --oxides RuO2,PdO");
        const step = Math.max(1, (tMax - tMin) / 100);
        const { ellinghamLines, ellinghamSvg } = await charts();
        const lines = ellinghamLines(list, tMin, tMax, step);
        let format: string | undefined;
        if (opts.out)
          format = await writeChart(
            ellinghamSvg(lines, { celsius: opts.celsius, nomographic: opts.scales !== false }),
            opts.out,
          );
        const omitted = opts.oxides ? [] : catalogue.filter((o) => !o.available);
        if (opts.json)
          return printJson(io, {
            unit: "kJ/mol O2",
            lines,
            omitted,
            out: opts.out ?? null,
            format: format ?? null,
          });
        io.out(
          [
            formatTable(
              ["oxide", "ΔG°f(T_min) kJ/mol O2", "ΔG°f(T_max) kJ/mol O2", "Cp"],
              lines.map((l) => [
                l.phase ? `${l.oxide} (${l.phase})` : l.oxide,
                fmt(l.points[0].dG_kJ_per_mol_O2, 1),
                fmt(l.points[l.points.length - 1].dG_kJ_per_mol_O2, 1),
                l.cpIncluded ? "Shomate" : "ΔCp=0",
              ]),
            ),
            ...omitted.map((o) => `left out ${o.id}: ${o.reason}`),
            `wrote ${opts.out} (${format})`,
          ].join("\n"),
        );
      },
    );

  atmosphereOptions(
    thermo
      .command("profile")
      .argument("<METAL>", "metal symbol, e.g. Ru")
      .argument("<SUPPORT>", "support formula or bundled id, e.g. TiO2-rutile, CeO2")
      .description(
        "five-region μ_O profile (support surface, support bulk, interfacial oxide, metal bulk, metal surface) and the O flow",
      ),
  )
    .option("--size-nm <D>", "particle diameter in nm (default 5, an assumption)")
    .option("--gate <verdict>", "override the interface verdict: coherent | semi-coherent | incoherent")
    .option("--out <file>", "also write the profile chart to FILE.svg or FILE.png")
    .option("--thermo-data <file>", THERMO_DATA_HELP)
    .option("--json", "print one JSON document")
    .addHelpText(
      "after",
      "\nExample:\n  $ smsi thermo profile Ru TiO2-rutile --temperature 450C --p-o2 1 --out profile.svg\n  $ smsi thermo profile Ru TiO2-rutile --temperature 450C --h2o-h2 1e-3 --json",
    )
    .action(
      async (
        metal: string,
        support: string,
        opts: AtmosphereOpts & { out?: string; sizeNm?: string; gate?: string },
      ) => {
        applyThermoData(opts.thermoData);
        if (opts.out) checkOut(opts.out);
        const { T, atmosphere } = conditions(opts);
        const size =
          opts.sizeNm === undefined
            ? undefined
            : parsePositiveNumber(opts.sizeNm, "--size-nm", "a particle diameter in nm, e.g. 5");
        const p = muOProfile(metal, support, T, atmosphere, {
          gate: gateFrom(opts, metal, support),
          particleSize_nm: size,
        });
        let format: string | undefined;
        if (opts.out)
          format = await writeChart((await charts()).profileSvg(p, atmosphereText(atmosphere)), opts.out);
        if (opts.json) return printJson(io, { ...p, out: opts.out ?? null });
        io.out(
          [
            `${p.metal} on ${p.support} (${p.supportPhase}) at ${fmt(T, 2)} K, ${atmosphereText(atmosphere)} (gas Δμ_O = ${fmt(p.gasDeltaMuO_eV, 3)} eV)`,
            formatTable(
              ["region", "Δμ_O (eV per O)", "definition"],
              p.regions.map((r) => [r.region, fmt(r.deltaMuO_eV, 3), r.definition]),
            ),
            `O flow: ${p.direction}; driving force support bulk → interfacial oxide = ${fmt(p.drivingForce_eV, 3)} eV per O; gate ${p.gate.verdict}; dominant route ${p.routes.dominantRoute} (interface route limited by ${p.routes.interfaceLimitingStep})`,
            ...(p.supportNonstoichiometry
              ? [
                  `support nonstoichiometry: ${p.supportNonstoichiometry.formula} (x = ${fmt(p.supportNonstoichiometry.x, 3)}, bounded by ${p.supportNonstoichiometry.lowerOxide})`,
                ]
              : []),
            ...(p.supportVacancy
              ? [
                  `support O-vacancy: E_f = ${fmt(p.supportVacancy.E_f_eV, 3)} eV (${p.supportVacancy.note}); site fraction at the support-bulk μ_O = ${fmt(p.supportVacancy.fraction, 3)}`,
                ]
              : []),
            ...p.assumptions.map((a) => `assumption: ${a}`),
            ...p.notes.map((n) => `note: ${n}`),
            ...(opts.out ? [`wrote ${opts.out} (${format})`] : []),
          ].join("\n"),
        );
      },
    );

  atmosphereOptions(
    thermo
      .command("defects")
      .argument("<OXIDE>", "reducible oxide: TiO2-rutile, TiO2-anatase, TiO2, CeO2")
      .description("oxygen nonstoichiometry x of MO(n−x) at T in the atmosphere, bounded by the lower oxide"),
  )
    .option("--json", "print one JSON document")
    .addHelpText(
      "after",
      "\nExample:\n  $ smsi thermo defects CeO2 --temperature 1000C --p-o2 1e-10\n  $ smsi thermo defects TiO2-rutile --temperature 450C --h2o-h2 1e-3 --json",
    )
    .action((oxide: string, opts: AtmosphereOpts) => {
      const { T, atmosphere } = conditions(opts);
      const r = oxygenNonstoichiometry(oxide, T, atmosphere);
      if (opts.json) return printJson(io, r);
      io.out(
        [
          `${r.oxide} at ${fmt(T, 2)} K, ${atmosphereText(atmosphere)}: ${r.formula} (x = ${fmt(r.x, 4)}, x ≤ ${r.xMax} set by ${r.lowerOxide})`,
          `reduction limit Δμ_O = ${fmt(r.reductionLimitDeltaMuO_eV, 3)} eV; gas Δμ_O = ${fmt(r.deltaMuO_eV, 3)} eV${r.converted ? " (converted to the lower oxide)" : ""}`,
          `source: ${r.source}`,
          ...r.assumptions
            .filter((a) => a.isAssumption)
            .map((a) => `assumption ${a.name} = ${a.value}: ${a.source}`),
          ...r.notes.map((n) => `note: ${n}`),
        ].join("\n"),
      );
    });

  registerRoutes(thermo, io, { atmosphereOptions, conditions, atmosphereText, checkOut, writeChart });
}

/**
 * `smsi thermo routes | landscape`: how O reaches the metal interior, and the oxygen landscape.
 *
 * The interface gate comes from `bulkPenetrationGate` (src/match/gate.ts) through `gateForRoutes`.
 */
import type { Command } from "commander";
import { bulkPenetrationGateOrAssumed } from "../../match/gate.js";
import { listMaterials } from "../../materials/library.js";
import { canonicalSupport, oxygenLandscape } from "../../thermo/landscape.js";
import type { Atmosphere } from "../../thermo/oxygen-potential.js";
import { type GateVerdictInput, oxygenRoutes, routesSensitivity } from "../../thermo/routes.js";
import { InputError } from "../../units/errors.js";
import { fmt, formatTable, type Io, printJson } from "../output.js";

export interface GateForRoutes {
  verdict: GateVerdictInput;
  strain: number;
  source: string;
}

/** The interface verdict for routes: the bulk-penetration gate of src/match/gate.ts (memoised there). */
export function gateForRoutes(metal: string, support: string): GateForRoutes {
  return bulkPenetrationGateOrAssumed(metal, canonicalSupport(support), "--gate");
}

interface RoutesOpts {
  temperature?: string;
  pO2?: string;
  h2oH2?: string;
  co2Co?: string;
  sizeNm?: string;
  gate?: string;
  set?: string[];
  out?: string;
  json?: boolean;
}

const GATES: GateVerdictInput[] = ["coherent", "semi-coherent", "incoherent"];

/** The supports of issue 10's route table. */
export const TABLE_SUPPORTS = [
  "TiO2-rutile",
  "TiO2-anatase",
  "CeO2",
  "Al2O3-alpha",
  "SiO2-alpha-quartz",
  "MgO",
  "ZnO",
];

/** The gate given with --gate, else the adapter's verdict. */
export function gateFrom(opts: { gate?: string }, metal: string, support: string): GateForRoutes {
  if (opts.gate === undefined) return gateForRoutes(metal, support);
  if (!GATES.includes(opts.gate as GateVerdictInput))
    throw new InputError("--gate", `must be one of ${GATES.join(", ")} (got "${opts.gate}")`);
  return { verdict: opts.gate as GateVerdictInput, strain: Number.NaN, source: "given (--gate)" };
}

export function overridesFrom(list: string[] | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of list ?? []) {
    const m = /^([A-Za-z_][\w.]*)=(.+)$/.exec(item.trim());
    const v = m ? Number(m[2]) : Number.NaN;
    if (!m || m[2].trim() === "" || !Number.isFinite(v))
      throw new InputError(
        "--set",
        `write NAME=NUMBER, e.g. --set fermiLevelActivation_eV=0.8 (got "${item}")`,
      );
    out[m[1]] = v;
  }
  return out;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** Register `thermo routes` and `thermo landscape` on the `thermo` command. */
export function registerRoutes(
  thermo: Command,
  io: Io,
  helpers: {
    atmosphereOptions: (cmd: Command) => Command;
    conditions: (opts: RoutesOpts) => { T: number; atmosphere: Atmosphere };
    atmosphereText: (a: Atmosphere) => string;
    checkOut: (path: string) => void;
    writeChart: (svg: string, path: string) => Promise<string>;
  },
): void {
  helpers
    .atmosphereOptions(
      thermo
        .command("routes")
        .argument("<METAL>", "metal symbol, e.g. Ru")
        .argument(
          "<SUPPORT>",
          "support id, e.g. TiO2-rutile, TiO2-anatase, CeO2, Al2O3-alpha, SiO2-quartz, MgO, ZnO",
        )
        .description(
          "which route O takes into the metal (interface route through the support vs top-down from the metal surface), their fluxes, limiting steps and the time to oxidise the particle",
        ),
    )
    .option("--size-nm <D>", "particle diameter in nm (default 5, an assumption)")
    .option("--gate <verdict>", "override the interface verdict: coherent | semi-coherent | incoherent")
    .option(
      "--set <NAME=VALUE>",
      "override a named assumption (repeatable); see the assumptions list",
      collect,
    )
    .option("--json", "print one JSON document")
    .addHelpText(
      "after",
      "\nExample:\n  $ smsi thermo routes Ru TiO2-rutile --temperature 450C --p-o2 1\n  $ smsi thermo routes Ru TiO2-anatase --temperature 450C --p-o2 1 --json\n  $ smsi thermo routes Ru TiO2-rutile --temperature 450C --p-o2 1 --gate coherent --set fermiLevelActivation_eV=0.6",
    )
    .action((metal: string, support: string, opts: RoutesOpts) => {
      const { T, atmosphere } = helpers.conditions(opts);
      const size = opts.sizeNm === undefined ? undefined : Number(opts.sizeNm);
      if (size !== undefined && !(Number.isFinite(size) && size > 0))
        throw new InputError("--size-nm", `a positive number of nm, e.g. 5 (got "${opts.sizeNm}")`);
      const gate = gateFrom(opts, metal, support);
      const input = {
        metal,
        support: canonicalSupport(support),
        temperature_K: T,
        atmosphere,
        particleSize_nm: size,
        gate,
        overrides: overridesFrom(opts.set),
      };
      const r = oxygenRoutes(input);
      const fermi = [0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5].map((v) => {
        const x = oxygenRoutes({ ...input, overrides: { ...input.overrides, fermiLevelActivation_eV: v } });
        return {
          fermiLevelActivation_eV: v,
          dominantRoute: x.dominantRoute,
          interfaceFlux_per_s: x.routes.interface.flux_per_s,
        };
      });
      const sensitivity = routesSensitivity(input);
      const doc = {
        metal,
        support: input.support,
        temperature_K: T,
        atmosphere,
        gate,
        ...r,
        fermiLevelDependence: fermi,
        sensitivity,
      };
      if (opts.json) return printJson(io, doc);
      const row = (name: string, x: { flux_per_s: number; limitingStep: string }) => [
        name,
        fmt(x.flux_per_s, 3),
        x.limitingStep,
      ];
      io.out(
        [
          `${metal} on ${input.support} at ${fmt(T, 2)} K, ${helpers.atmosphereText(atmosphere)}; gate ${gate.verdict} (${gate.source})`,
          `oxidation ${r.oxidationDownhill ? `downhill by ${fmt(r.drivingForce_eV, 3)} eV per O (${r.oxide})` : "not downhill"}; dominant route: ${r.dominantRoute}${r.bottomUp ? " (bottom-up from the interface)" : ""}; time to oxidise: ${r.timeToOxidise_s === null ? "—" : `${fmt(r.timeToOxidise_s, 3)} s`}`,
          formatTable(
            ["route", "O flux (per s, per particle)", "rate-limiting step"],
            [row("interface", r.routes.interface), row("surface", r.routes.surface)],
          ),
          ...(r.reduction
            ? [
                `reduction: support ${r.reduction.supportReduced ? `reduced to ${r.reduction.suboxide}` : "not reduced in bulk"}; O loss from its surface near the particle ${fmt(r.reduction.oLossFlux_per_s, 3)} per s (initial rate)`,
              ]
            : []),
          `Fermi-level activation (eV) → dominant route: ${fermi.map((f) => `${f.fermiLevelActivation_eV}: ${f.dominantRoute}`).join(", ")}`,
          ...r.notes.map((n) => `note: ${n}`),
          ...r.assumptions
            .filter((a) => a.isAssumption)
            .map((a) => `assumption ${a.name} = ${a.value} ${a.unit}`),
        ].join("\n"),
      );
    });

  helpers
    .atmosphereOptions(
      thermo
        .command("routes-table")
        .description(
          "dominant O route for every bundled metal on the supports of issue 10 (rutile, anatase, CeO2, α-Al2O3, quartz, MgO, ZnO)",
        ),
    )
    .option("--gate <verdict>", "use this interface verdict for every pair instead of the match verdict")
    .option("--size-nm <D>", "particle diameter in nm (default 5, an assumption)")
    .option("--json", "print one JSON document")
    .addHelpText(
      "after",
      "\nExample:\n  $ smsi thermo routes-table --temperature 450C --p-o2 1\n  $ smsi thermo routes-table --temperature 450C --p-o2 1 --gate coherent --json",
    )
    .action((opts: RoutesOpts) => {
      const { T, atmosphere } = helpers.conditions(opts);
      const size = opts.sizeNm === undefined ? undefined : Number(opts.sizeNm);
      if (size !== undefined && !(Number.isFinite(size) && size > 0))
        throw new InputError("--size-nm", `a positive number of nm, e.g. 5 (got "${opts.sizeNm}")`);
      const metals = listMaterials()
        .filter((m) => m.role === "metal" && m.origin !== "user")
        .map((m) => m.id);
      const rows = metals.flatMap((metal) =>
        TABLE_SUPPORTS.map((support) => {
          const gate = gateFrom(opts, metal, support);
          const r = oxygenRoutes({
            metal,
            support,
            temperature_K: T,
            atmosphere,
            particleSize_nm: size,
            gate,
          });
          return {
            metal,
            support,
            gate: gate.verdict,
            oxide: r.oxide,
            dominantRoute: r.dominantRoute,
            bottomUp: r.bottomUp,
            interfaceLimitingStep: r.routes.interface.limitingStep,
            timeToOxidise_s: r.timeToOxidise_s,
          };
        }),
      );
      if (opts.json) return printJson(io, { temperature_K: T, atmosphere, rows });
      io.out(
        [
          `dominant O route at ${fmt(T, 2)} K, ${helpers.atmosphereText(atmosphere)}${opts.gate ? `, gate ${opts.gate} for every pair` : ", gate from smsi interface (metal or its oxide, the better)"}`,
          formatTable(
            ["metal", ...TABLE_SUPPORTS],
            metals.map((m) => [
              m,
              ...TABLE_SUPPORTS.map((s) => {
                const x = rows.find((r) => r.metal === m && r.support === s);
                return x ? `${x.dominantRoute} (${x.gate.replace("semi-coherent", "semi")})` : "";
              }),
            ]),
          ),
        ].join("\n"),
      );
    });

  helpers
    .atmosphereOptions(
      thermo
        .command("landscape")
        .argument("<METAL>", "metal symbol, e.g. Ru")
        .argument("<SUPPORT>", "support id, e.g. TiO2-rutile")
        .description(
          "oxygen landscape: O energy and migration barrier in each region from the support bulk across the interface to the metal surface",
        ),
    )
    .option("--gate <verdict>", "override the interface verdict: coherent | semi-coherent | incoherent")
    .option("--set <NAME=VALUE>", "override a named assumption (repeatable)", collect)
    .option("--out <file>", "also write the landscape chart to FILE.svg or FILE.png")
    .option("--json", "print one JSON document")
    .addHelpText(
      "after",
      "\nExample:\n  $ smsi thermo landscape Ru TiO2-rutile --temperature 450C --p-o2 1 --out landscape.svg",
    )
    .action(async (metal: string, support: string, opts: RoutesOpts) => {
      if (opts.out) helpers.checkOut(opts.out);
      const { T, atmosphere } = helpers.conditions(opts);
      const gate = gateFrom(opts, metal, support);
      const l = oxygenLandscape({
        metal,
        support: canonicalSupport(support),
        temperature_K: T,
        atmosphere,
        gate,
        overrides: overridesFrom(opts.set),
      });
      let format: string | undefined;
      if (opts.out) {
        const { landscapeSvg } = await import("../../plot/thermo-charts.js");
        format = await helpers.writeChart(landscapeSvg(l, T, helpers.atmosphereText(atmosphere)), opts.out);
      }
      if (opts.json) return printJson(io, { ...l, temperature_K: T, atmosphere, out: opts.out ?? null });
      io.out(
        [
          `${metal} on ${l.support} ${l.facet}, gate ${l.gate}: O energy relative to ½ E(O2)`,
          formatTable(
            ["region", "depth (nm)", "O energy (eV)", "barrier (eV)", "energy source"],
            l.regions.map((x) => [
              x.region,
              fmt(x.depth_nm, 2),
              fmt(x.oxygenEnergy_eV, 3),
              fmt(x.migrationBarrier_eV, 3),
              x.energySource.length > 70 ? `${x.energySource.slice(0, 67)}…` : x.energySource,
            ]),
          ),
          ...(opts.out ? [`wrote ${opts.out} (${format})`] : []),
        ].join("\n"),
      );
    });
}

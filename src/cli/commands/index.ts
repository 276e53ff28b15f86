/**
 * Every command group, loaded only when it is asked for: `smsi thermo …` imports the thermo module
 * alone, and `smsi --help` lists the groups from the one-line summaries below without importing any
 * (start-up time, issue 9). Each module exports `register(program, io)`; a module may register several
 * top-level names (`score` is shared by classify and predict, in this order).
 */
import type { Command } from "commander";
import type { Io } from "../output.js";

export type RegisterCommand = (program: Command, io: Io) => void;

export interface CommandModule {
  /** Top-level command names the module registers, with the summary `smsi --help` shows. */
  names: Record<string, string>;
  load: () => Promise<{ register: RegisterCommand }>;
}

const SCORE = "score smsi against published cases (score classify, score predict)";

export const commandModules: CommandModule[] = [
  {
    names: {
      materials: "the library of metals, metal oxides and supports (structures and properties with sources)",
    },
    load: () => import("./materials.js"),
  },
  {
    names: {
      match: "Zur–McGill coincidence-lattice matching of a film on a substrate, with a coherence verdict",
    },
    load: () => import("./match.js"),
  },
  {
    names: {
      interface:
        "the interface gate: orientation relationships of a metal and its oxide on the support's dominant facets; slab export for DFT",
    },
    load: () => import("./interface.js"),
  },
  {
    names: {
      classify:
        "classify characterisation evidence into an SMSI class: criteria C1–C4, ranked classes, the next experiment",
      score: SCORE,
    },
    load: () => import("./classify.js"),
  },
  {
    names: {
      thermo:
        "oxygen chemical potential, Ellingham–Richardson diagram, oxide stability, nonstoichiometry, O landscape and routes, μ_O profile",
    },
    load: () => import("./thermo.js"),
  },
  {
    names: {
      predict:
        "predict the SMSI class of a metal on a support under a treatment, with every descriptor explained",
      map: "condition map: predicted SMSI class over temperature × Δμ_O for one pair",
      score: SCORE,
    },
    load: () => import("./predict.js"),
  },
  {
    names: {
      screen:
        "screen a campaign (metals × supports × facets × conditions) on all local cores or on Redis/BullMQ workers; resumable",
      worker: "process smsi screen jobs from Redis (BullMQ) until stopped",
    },
    load: () => import("./screen.js"),
  },
  {
    names: {
      simulate:
        "kinetic Monte Carlo of the two SMSI mechanisms with ¹⁸O/¹⁶O labels (bulk-oxygen, encapsulation)",
    },
    load: () => import("./simulate.js"),
  },
];

/** The command name the user asked for: the first word that is not an option (`help NAME` → NAME). */
export function requestedCommand(argv: readonly string[]): string | undefined {
  const words = argv.slice(2).filter((a) => !a.startsWith("-"));
  return words[0] === "help" ? words[1] : words[0];
}

/**
 * Register the modules the request needs; every other top-level name becomes a summary-only entry so
 * that help lists it and a misspelt name gets commander's suggestion.
 */
export async function registerCommands(program: Command, io: Io, argv: readonly string[]): Promise<void> {
  const wanted = requestedCommand(argv);
  const registered = new Set<string>();
  for (const m of commandModules) {
    if (wanted === undefined || !(wanted in m.names)) continue;
    (await m.load()).register(program, io);
    for (const name of Object.keys(m.names)) registered.add(name);
  }
  for (const m of commandModules)
    for (const [name, summary] of Object.entries(m.names))
      if (!registered.has(name)) {
        registered.add(name);
        program.command(name).description(summary);
      }
}

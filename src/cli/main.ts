/**
 * The smsi command line. Exit codes: 0 success, 1 bad input (error names the field), 2 usage error.
 */
import { Command, CommanderError } from "commander";
import { InputError } from "../units/errors.js";
import { registerCommands } from "./commands/index.js";
import { type Io, processIo } from "./output.js";

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;

/** The program with the command groups `argv` asks for (see commands/index.ts). */
export async function buildProgram(io: Io, argv: readonly string[]): Promise<Command> {
  const program = new Command("smsi")
    .description(
      "Strong metal–support interaction toolkit: classify evidence, match interfaces, oxygen thermodynamics",
    )
    .version("0.1.0")
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .addHelpText("after", "\nExample:\n  $ smsi materials list\n  $ smsi materials show TiO2-rutile --json");
  await registerCommands(program, io, argv);
  // Subcommands inherit the error handling of the root.
  const inherit = (cmd: Command) => {
    for (const sub of cmd.commands) {
      sub.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
      inherit(sub);
    }
  };
  inherit(program);
  return program;
}

/** Run the CLI; returns the process exit code instead of exiting (testable). */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const program = await buildProgram(io, argv);
  try {
    await program.parseAsync(argv);
    return EXIT_OK;
  } catch (e) {
    return exitCodeFor(e, io);
  }
}

export function exitCodeFor(e: unknown, io: Io): number {
  if (e instanceof CommanderError) {
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.exitCode === 0)
      return EXIT_OK;
    if (e.code === "commander.help") return EXIT_OK;
    return EXIT_USAGE;
  }
  if (e instanceof InputError) {
    io.err(`error: ${e.message}`);
    return EXIT_BAD_INPUT;
  }
  const message = e instanceof Error ? e.message : String(e);
  io.err(`error: internal: ${message} (this is a bug in smsi; please report it with the command you ran)`);
  return EXIT_BAD_INPUT;
}

const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"));
if (isEntry) {
  process.exitCode = await main(process.argv);
}

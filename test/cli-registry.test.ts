/** The lazily loaded command registry: summaries match what each module registers; only the asked-for module loads. */
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { commandModules, requestedCommand } from "../src/cli/commands/index.js";
import type { Io } from "../src/cli/output.js";

const io: Io = { out: () => {}, err: () => {} };

describe("command registry", () => {
  it("each module registers exactly the top-level names its entry lists", async () => {
    for (const m of commandModules) {
      const program = new Command("smsi");
      (await m.load()).register(program, io);
      expect(program.commands.map((c) => c.name()).sort()).toEqual(Object.keys(m.names).sort());
    }
  });
  it("finds the requested command past options and through `help NAME`", () => {
    expect(requestedCommand(["node", "smsi", "--json", "thermo", "mu-o"])).toBe("thermo");
    expect(requestedCommand(["node", "smsi", "help", "predict"])).toBe("predict");
    expect(requestedCommand(["node", "smsi", "--help"])).toBeUndefined();
  });
});

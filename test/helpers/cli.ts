import { main } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/output.js";

/** Run the CLI in-process; returns exit code, stdout and stderr. */
export async function runCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) };
  const code = await main(["node", "smsi", ...args], io);
  return { code, out, err };
}

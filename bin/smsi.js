#!/usr/bin/env node
// Entry point of the smsi command: runs the compiled CLI (dist/, built by `npm run build`, which
// `npm ci` runs through the `prepare` script and `npm start` runs before it starts).
import { existsSync } from "node:fs";

// A closed pipe (`smsi … | head -1`) ends the command quietly instead of with an EPIPE trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const entry = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("error: smsi is not built; run `npm run build` (npm ci does it) in the smsi folder\n");
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);

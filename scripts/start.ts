/**
 * `npm start`: the main job until the web app exists — a guided CLI run on the reference
 * Ru/TiO2 system. Each step is an ordinary `smsi` command; the tour stops at the first failure.
 */
import { main } from "../src/cli/main.ts";

const steps: { title: string; argv: string[] }[] = [
  { title: "Bundled materials library", argv: ["materials", "list"] },
  { title: "The metal: Ru (hcp)", argv: ["materials", "show", "Ru"] },
  { title: "The support: rutile TiO2", argv: ["materials", "show", "TiO2-rutile"] },
];

for (const step of steps) {
  process.stdout.write(`\n=== ${step.title}\n$ smsi ${step.argv.join(" ")}\n\n`);
  const code = await main(["node", "smsi", ...step.argv]);
  if (code !== 0) process.exit(code);
}

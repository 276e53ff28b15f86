/**
 * `npm run tour`: a guided CLI run on the reference
 * Ru/TiO2 system. Each step is an ordinary `smsi` command; the tour stops at the first failure.
 */
// Runs the compiled CLI (npm run tour builds it first).
import { main } from "../dist/cli/main.js";

/** @type {{ title: string; argv: string[] }[]} */
const steps = [
  { title: "The metal: Ru (hcp)", argv: ["materials", "show", "Ru"] },
  { title: "The support: rutile TiO2", argv: ["materials", "show", "TiO2-rutile"] },
  {
    title: "Interface gate: Ru and RuO2 on rutile TiO2 (lattice-matched, the gate of bulk penetration)",
    argv: ["interface", "Ru", "TiO2-rutile"],
  },
  { title: "Interface gate: Ru and RuO2 on anatase TiO2", argv: ["interface", "Ru", "TiO2-anatase"] },
  {
    title: "How O reaches Ru on rutile in 1 bar O2 at 450 °C: interface route or metal surface",
    argv: ["thermo", "routes", "Ru", "TiO2-rutile", "--temperature", "450C", "--p-o2", "1"],
  },
  {
    title: "The same on anatase",
    argv: ["thermo", "routes", "Ru", "TiO2-anatase", "--temperature", "450C", "--p-o2", "1"],
  },
  {
    title: "Oxygen chemical potential across Ru/rutile-TiO2 in 1 bar O2 at 450 °C",
    argv: ["thermo", "profile", "Ru", "TiO2-rutile", "--temperature", "450C", "--p-o2", "1"],
  },
  {
    title: "The same in H2 (p_H2O/p_H2 = 1e-3) at 450 °C",
    argv: ["thermo", "profile", "Ru", "TiO2-rutile", "--temperature", "450C", "--h2o-h2", "1e-3"],
  },
  {
    title: "Classify: Ru/rutile-TiO2 in O2 at 450 °C (Wang et al., Nature 2026)",
    argv: ["classify", "--case", "SMSI-043"],
  },
  { title: "Classify: Ru/anatase-TiO2 in O2 at 450 °C", argv: ["classify", "--case", "SMSI-044"] },
  {
    title: "Classify: Tauster's Pt/TiO2 after H2 at 500 °C",
    argv: ["classify", "examples/evidence/tauster-pt-tio2.yaml"],
  },
  { title: "The classifier scored on the published cases", argv: ["score", "classify"] },
  {
    title: "Predict from physics: Ru/rutile-TiO2 in O2 at 450 °C",
    argv: ["predict", "--metal", "Ru", "--support", "TiO2-rutile", "--gas", "O2", "--temperature", "450C"],
  },
  {
    title: "Predict from physics: Pt/TiO2 in H2 at 500 °C (Tauster)",
    argv: ["predict", "--metal", "Pt", "--support", "TiO2-rutile", "--gas", "H2", "--temperature", "500C"],
  },
];

for (const step of steps) {
  process.stdout.write(`\n=== ${step.title}\n$ smsi ${step.argv.join(" ")}\n\n`);
  const code = await main(["node", "smsi", ...step.argv]);
  if (code !== 0) process.exit(code);
}

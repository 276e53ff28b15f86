/** `smsi interface` through the CLI: the JSON shape other issues read, the table, export and errors. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { interfaceGate } from "../src/match/gate.js";
import { runCli } from "./helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "smsi-interface-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("smsi interface CLI", () => {
  it("--json prints one document with metal, support, relationships, chosen and oxide", async () => {
    const r = await runCli("interface", "Ru", "TiO2-rutile", "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.metal).toBe("Ru");
    expect(doc.support).toBe("TiO2-rutile");
    expect(doc.relationships.length).toBeGreaterThan(0);
    // The JSON is the library's contract-A result (src/match/gate.ts), serialised.
    expect(doc).toEqual(JSON.parse(JSON.stringify(interfaceGate("Ru", "TiO2-rutile"))));
    expect(["coherent", "semi-coherent", "incoherent"]).toContain(doc.chosen.verdict);
    expect(doc.oxide.formula).toBe("RuO2");
    expect(doc.oxide.chosen.verdict).toBe("coherent");
  });

  it("prints a readable table with the chosen relationship, its sensitivity and the thresholds' sources", async () => {
    const r = await runCli("interface", "Ru", "Al2O3-alpha");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/chosen: \(0001\) ∥ \(0001\) — semi-coherent/);
    expect(r.out).toMatch(/sensitivity/);
    expect(r.out).toMatch(/Porter/);
    expect(r.out).toMatch(/Bramfitt/);
  });

  it("Pt: oxide null with a reason, not an error", async () => {
    const r = await runCli("interface", "Pt", "TiO2-rutile", "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.oxide).toBeNull();
    expect(doc.oxideNote).toMatch(/Pt/);
  });

  it("--support-facet takes four-index planes", async () => {
    const r = await runCli("interface", "Ru", "ZnO", "--support-facet", "(0001)", "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    for (const x of doc.relationships) expect(x.substratePlane).toBe("(0001)");
  });

  it("--export writes the slab model and reports it", async () => {
    const file = join(dir, "ruo2-rutile.vasp");
    const r = await runCli(
      "interface",
      "Ru",
      "TiO2-rutile",
      "--export",
      file,
      "--export-film",
      "oxide",
      "--layers",
      "2",
      "--vacuum",
      "12",
      "--json",
    );
    expect(r.code).toBe(0);
    expect(existsSync(file)).toBe(true);
    const doc = JSON.parse(r.out);
    expect(doc.export.format).toBe("vasp");
    const lines = readFileSync(file, "utf8").split("\n");
    expect(lines[5].split(" ")).toEqual(["Ti", "O", "Ru"]);
    const counts = lines[6].split(" ").map(Number);
    expect(counts.reduce((a, b) => a + b)).toBe(doc.export.atoms);
  });

  it.each([
    [["interface", "Ru", "TiO2-rutile", "--support-facet", "(1011)"], "--support-facet"],
    [["interface", "Ru", "TiO2-rutile", "--export", join(dir, "x.pdb")], "--export"],
    [["interface", "Ru", "TiO2-rutile", "--export", join(dir, "x.cif"), "--layers", "0"], "--layers"],
    [["interface", "Ru", "TiO2-rutile", "--export", join(dir, "x.cif"), "--vacuum", "abc"], "--vacuum"],
    [["interface", "Ru", "TiO2-rutile", "--export-film", "both"], "--export-film"],
    [
      ["interface", "Pt", "TiO2-rutile", "--export", join(dir, "x.cif"), "--export-film", "oxide"],
      "--export-film",
    ],
    [["interface", "Xx", "TiO2-rutile"], "METAL"],
  ])("%j → error naming %s, exit 1", async (args, field) => {
    const r = await runCli(...args);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^error: ${field.replace(/[-]/g, "\\-")}:`));
  });
});

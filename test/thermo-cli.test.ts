import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderPlot, svgToPng } from "../src/plot/render.js";
import { runCli } from "./helpers/cli.js";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("smsi thermo mu-o", () => {
  it("--json prints one document with units in the keys", async () => {
    const r = await runCli("thermo", "mu-o", "--temperature", "600K", "--p-o2", "1atm", "--json");
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d.temperature_K).toBe(600);
    expect(Math.abs(d.deltaMuO_eV - -0.61)).toBeLessThan(0.02);
    expect(d.pO2_bar).toBeCloseTo(1.01325, 6);
  });
  it("H2O/H2 input", async () => {
    const r = await runCli("thermo", "mu-o", "--temperature", "450C", "--h2o-h2", "1e-3", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).deltaMuO_eV).toBeLessThan(-3);
  });
  it("human output is a table", async () => {
    const r = await runCli("thermo", "mu-o", "--temperature", "723K", "--p-o2", "0.21");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Δμ_O\s+-0\.8\d+\s+eV per O/);
  });
  it("bad conditions exit 1 naming the field", async () => {
    for (const args of [
      ["--temperature", "0", "--p-o2", "1"],
      ["--temperature", "300", "--p-o2", "0"],
      ["--temperature", "300", "--p-o2", "1", "--h2o-h2", "1"],
      ["--temperature", "300"],
      ["--p-o2", "1"],
    ]) {
      const r = await runCli("thermo", "mu-o", ...args);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/error: --(temperature|p-o2|h2o-h2)/);
    }
  });
  it("temperatures outside the O2 Shomate range (100–6000 K) are refused, not extrapolated", async () => {
    for (const T of ["50K", "1e9"]) {
      const r = await runCli("thermo", "mu-o", "--temperature", T, "--p-o2", "1");
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/error: --temperature: .*100–6000 K/);
    }
  });
});

describe("smsi thermo stability", () => {
  it("--json has the documented keys", async () => {
    const r = await runCli(
      "thermo",
      "stability",
      "PdO",
      "--temperature",
      "1000K",
      "--p-o2",
      "0.21",
      "--json",
    );
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d.oxide).toBe("PdO");
    expect(d.stablePhase).toBe("PdO");
    expect(d.equilibriumPO2_bar).toBeGreaterThan(0);
    expect(Math.abs(d.decompositionTemperature_K - 1061)).toBeLessThan(5);
    expect(d.drivingForce_eV).toBeGreaterThan(0);
  });
  it("unknown and unsourced oxides exit 1", async () => {
    const a = await runCli("thermo", "stability", "XyO", "--temperature", "700K", "--p-o2", "1");
    expect(a.code).toBe(1);
    expect(a.err).toMatch(/error: oxide: unknown oxide/);
    const b = await runCli("thermo", "stability", "PtO", "--temperature", "700K", "--p-o2", "1");
    expect(b.code).toBe(1);
    expect(b.err).toMatch(/--thermo-data/);
  });
});

describe("charts", () => {
  const dir = mkdtempSync(join(tmpdir(), "smsi-thermo-"));
  it("ellingham SVG contains the oxide labels", async () => {
    const out = join(dir, "e.svg");
    const r = await runCli("thermo", "ellingham", "--oxides", "RuO2,PdO,Ag2O,CuO", "--out", out);
    expect(r.code).toBe(0);
    const svg = readFileSync(out, "utf8");
    expect(svg).toMatch(/^<\?xml[^>]*>\s*<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain("</svg>");
    for (const label of [
      "Ellingham–Richardson diagram",
      "RuO2",
      "PdO",
      "Ag2O",
      "CuO",
      "kJ/mol O2",
      "H2/H2O",
      "CO/CO2",
    ])
      expect(svg).toContain(label);
  });
  it("ellingham PNG has the PNG signature", async () => {
    const out = join(dir, "e.png");
    const r = await runCli("thermo", "ellingham", "--oxides", "TiO2-rutile,CeO2", "--out", out);
    expect(r.code).toBe(0);
    expect(readFileSync(out).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  });
  it("profile --json and --out", async () => {
    const out = join(dir, "p.svg");
    const r = await runCli(
      "thermo",
      "profile",
      "Ru",
      "TiO2-rutile",
      "--temperature",
      "450C",
      "--p-o2",
      "1",
      "--json",
      "--out",
      out,
    );
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d.direction).toBe("support → metal");
    const svg = readFileSync(out, "utf8");
    for (const label of [
      "support surface",
      "support bulk",
      "interfacial oxide",
      "metal bulk",
      "metal surface",
    ])
      expect(svg).toContain(label);
  });
  it("profile in H2 reports no support → metal flow", async () => {
    const r = await runCli(
      "thermo",
      "profile",
      "Ru",
      "TiO2-rutile",
      "--temperature",
      "450C",
      "--h2o-h2",
      "1e-3",
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/O flow: none/);
  });
  it("--out into a missing folder exits 1 naming --out", async () => {
    const r = await runCli("thermo", "ellingham", "--out", join(dir, "no-such-folder", "e.svg"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/error: --out: cannot write/);
  });
  it("bad --out extension exits 1", async () => {
    const r = await runCli("thermo", "ellingham", "--out", join(dir, "e.jpg"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--out/);
  });
  it("renderPlot / svgToPng directly", () => {
    const svg = renderPlot({
      title: "t",
      x: { label: "x" },
      y: { label: "y" },
      series: [
        {
          name: "s",
          points: [
            { x: 0, y: 1 },
            { x: 1, y: 2 },
          ],
        },
      ],
    });
    expect(svg).toContain("<svg");
    expect(svgToPng(svg).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  });
});

describe("smsi thermo routes | routes-table | defects | landscape", () => {
  const dir = mkdtempSync(join(tmpdir(), "smsi-routes-"));
  it("routes --json has the contract fields, with the gate given", async () => {
    const r = await runCli(
      "thermo",
      "routes",
      "Ru",
      "TiO2-rutile",
      "--temperature",
      "450C",
      "--p-o2",
      "1",
      "--gate",
      "coherent",
      "--json",
    );
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d.routes.interface.flux_per_s).toBeGreaterThan(0);
    expect(typeof d.routes.surface.limitingStep).toBe("string");
    expect(d.dominantRoute).toBe("interface");
    expect(d.bottomUp).toBe(true);
    expect(d.timeToOxidise_s).toBeGreaterThan(0);
    expect(d.assumptions.length).toBeGreaterThan(5);
    for (const a of d.assumptions) expect(a.source.length).toBeGreaterThan(0);
    // the dependence on the Fermi-level activation is shown
    expect(d.fermiLevelDependence.map((f: { dominantRoute: string }) => f.dominantRoute)).toContain(
      "surface",
    );
  });
  it("routes gets the gate from the interface gate when none is given, and takes --set overrides", async () => {
    const r = await runCli(
      "thermo",
      "routes",
      "Pt",
      "TiO2-anatase",
      "--temperature",
      "450C",
      "--h2o-h2",
      "1e-3",
      "--set",
      "fermiLevelActivation_eV=0.6",
      "--json",
    );
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(["coherent", "semi-coherent", "incoherent"]).toContain(d.gate.verdict);
    expect(d.gate.source).toMatch(/interface gate/);
    expect(d.dominantRoute).toBe("none");
    expect(d.reduction).not.toBeNull();
    const bad = await runCli(
      "thermo",
      "routes",
      "Ru",
      "TiO2-rutile",
      "--temperature",
      "450C",
      "--p-o2",
      "1",
      "--set",
      "x",
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--set/);
  });
  it("defects --json: x, formula and the lower-oxide bound", async () => {
    const r = await runCli(
      "thermo",
      "defects",
      "CeO2",
      "--temperature",
      "1000C",
      "--p-o2",
      "1e-12",
      "--json",
    );
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d.x).toBeGreaterThan(0);
    expect(d.x).toBeLessThanOrEqual(d.xMax);
    expect(d.formula).toMatch(/^CeO1\.9/);
    expect(d.lowerOxide).toBe("Ce2O3");
    const e = await runCli("thermo", "defects", "MgO", "--temperature", "1000C", "--p-o2", "1");
    expect(e.code).toBe(1);
    expect(e.err).toMatch(/error: OXIDE:/);
  });
  it("landscape --out writes the chart with every region", async () => {
    const out = join(dir, "l.svg");
    const r = await runCli(
      "thermo",
      "landscape",
      "Ru",
      "TiO2-rutile",
      "--temperature",
      "450C",
      "--p-o2",
      "1",
      "--gate",
      "coherent",
      "--out",
      out,
    );
    expect(r.code).toBe(0);
    const svg = readFileSync(out, "utf8");
    for (const label of [
      "support bulk",
      "subsurface layer 3",
      "interface",
      "metal interstitial",
      "metal surface",
    ])
      expect(svg).toContain(label);
  });
  it("routes-table lists every bundled metal on the seven supports", async () => {
    const r = await runCli(
      "thermo",
      "routes-table",
      "--temperature",
      "450C",
      "--p-o2",
      "1",
      "--gate",
      "coherent",
      "--json",
    );
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d.rows.length).toBe(12 * 7);
    const ru = d.rows.filter((x: { metal: string }) => x.metal === "Ru");
    expect(ru.find((x: { support: string }) => x.support === "TiO2-rutile").dominantRoute).toBe("interface");
    expect(ru.find((x: { support: string }) => x.support === "Al2O3-alpha").dominantRoute).toBe("surface");
  });
  it("out-of-range inputs are refused naming the flag", async () => {
    const hot = await runCli("thermo", "stability", "RuO2", "--temperature", "1000000K", "--p-o2", "1");
    expect(hot.code).toBe(1);
    expect(hot.err).toMatch(/298\.15–3000 K/);
    const p = await runCli(
      "thermo",
      "routes",
      "Ru",
      "TiO2-rutile",
      "--temperature",
      "450C",
      "--p-o2",
      "1e300",
    );
    expect(p.code).toBe(1);
    expect(p.err).toMatch(/--p-o2/);
  });
});

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encapsulationInputs } from "../src/cli/commands/simulate.js";
import { gateForRoutes } from "../src/cli/commands/thermo-routes.js";
import {
  type BulkOxygenCheckpoint,
  BulkOxygenModel,
  type BulkOxygenOptions,
  INTERFACE_ENERGY_RANGE_J_PER_M2,
} from "../src/kinetics/bulk-oxygen.js";
import { simulateBulkOxygen } from "../src/kinetics/simulate.js";
import { bulkOxygenInputs } from "../src/predict/simulate-inputs.js";
import { EncapsulationModel } from "../src/kinetics/encapsulation.js";
import { oxygenLandscape } from "../src/thermo/landscape.js";
import { type Atmosphere, oxygenPotential } from "../src/thermo/oxygen-potential.js";
import { runCli } from "./helpers/cli.js";

/** Model A on the real landscape (src/thermo) with the real gate (src/match via gateForRoutes) or a forced one. */
function bulkOxygen(
  metal: string,
  support: string,
  T: number,
  pO2_bar: number,
  assumed: { model?: Partial<BulkOxygenOptions>; landscape?: Record<string, number> } = {},
  forceGate?: "coherent",
) {
  const atmosphere: Atmosphere = { kind: "O2", pO2_bar };
  const gate = forceGate
    ? { verdict: forceGate, strain: Number.NaN, source: "forced open (test)" }
    : gateForRoutes(metal, support);
  const landscape = oxygenLandscape({
    metal,
    support,
    temperature_K: T,
    atmosphere,
    gate,
    overrides: assumed.landscape,
  });
  return new BulkOxygenModel({
    landscape,
    temperature_K: T,
    oxygenChemicalPotential_eV: oxygenPotential(T, atmosphere).deltaMuO_eV,
    seed: 1,
    particleSize_nm: 3,
    accelerate: true,
    sampleEvery: 250_000,
    ...assumed.model,
  });
}

/** The options `smsi simulate bulk-oxygen Ru TiO2-rutile --temperature 450C --p-o2 1 --seed N` runs with. */
function bulkOxygenRunOptions(seed: number) {
  const sys = {
    metal: "Ru",
    support: "TiO2-rutile",
    T: 723.15,
    atmosphere: { kind: "O2", pO2_bar: 1 } as Atmosphere,
    gate: gateForRoutes("Ru", "TiO2-rutile"),
  };
  const { landscape, mu } = bulkOxygenInputs(sys);
  const options: BulkOxygenOptions = {
    landscape,
    temperature_K: sys.T,
    oxygenChemicalPotential_eV: mu,
    seed,
    accelerate: true,
  };
  return { options };
}

const T_BP = 723.15; // 450 °C (Wang et al. 2026: Ru/rutile in O2 at 300–450 °C)
/** Events of the rutile runs: ≈ 20–50 ms simulated (the window every claim below holds over). */
const RUTILE_EVENTS = 5_000_000;

/**
 * The assumed parameters swept (each at the ends of its stated range): the depth of the vacancy channels
 * (review: 3–5 layers), the interface energies of the heterogeneous-nucleation term (Porter, Easterling &
 * Sherif §3.4.1 ranges: weakest 0.5 − 0.2, strongest 1.0 − 0.05 J/m²), the gas-exchange barrier at the support
 * surface (the landscape's range 0.1–0.6 eV) and p_O2.
 */
const GAMMA = INTERFACE_ENERGY_RANGE_J_PER_M2;
const SWEEP: {
  label: string;
  pO2: number;
  model: Partial<BulkOxygenOptions>;
  landscape: Record<string, number>;
}[] = [
  { label: "defaults, p_O2 1 bar", pO2: 1, model: {}, landscape: {} },
  {
    label: "channels 3 layers, weakest nucleation (Δγ 0.3 J/m²), gas exchange 0.6 eV, p_O2 0.2 bar",
    pO2: 0.2,
    model: {
      vacancyChannelDepth_layers: 3,
      coherentInterfaceEnergy_J_per_m2: GAMMA.coherent[1],
      incoherentInterfaceEnergy_J_per_m2: GAMMA.incoherent[0],
    },
    landscape: { gasExchangeBarrier_eV: 0.6 },
  },
  {
    label: "channels 5 layers, strongest nucleation (Δγ 0.95 J/m²), gas exchange 0.1 eV, p_O2 1 bar",
    pO2: 1,
    model: {
      vacancyChannelDepth_layers: 5,
      coherentInterfaceEnergy_J_per_m2: GAMMA.coherent[0],
      incoherentInterfaceEnergy_J_per_m2: GAMMA.incoherent[1],
    },
    landscape: { gasExchangeBarrier_eV: 0.1 },
  },
];

/** Events of the longer defaults run: ≈ 70–100 ms simulated, the front reaches two gaps. */
const RUTILE_LONG_EVENTS = 16_000_000;

/**
 * Bottom-up over the whole window: at every sample once the metal holds ≥ 10 O, interface crossings outnumber
 * incorporations below the metal surface and the metal's O is > 0.5 ¹⁸O; the oxide grows from the interface —
 * no front at the start, at least `gaps` gaps at the end, the gap at the interface is the first to pass the
 * threshold and leads every gap above it.
 */
function expectBottomUp(ru: BulkOxygenModel, gaps: number) {
  const series = [...ru.series, ru.sample()];
  const last = series[series.length - 1];
  const held = series.filter((s) => s.oxygenInMetal >= 10);
  expect(held.length).toBeGreaterThanOrEqual(series.length / 2);
  for (const s of held) {
    expect(s.interfaceCrossings).toBeGreaterThan(s.surfaceIncorporations);
    expect(s.o18FractionOfMetalOxygen ?? 0).toBeGreaterThan(0.5);
  }
  const gap_nm = Number(ru.parameters.metalLayerSpacing_nm);
  expect(series[0].frontDepth_nm).toBe(0);
  expect(last.frontDepth_nm).toBeGreaterThanOrEqual(gaps * gap_nm - 1e-9);
  const firstOxidised = series.find((s) => s.oxidisedByGap.some((x) => x >= 0.5));
  expect(firstOxidised?.oxidisedByGap[0]).toBeGreaterThanOrEqual(0.5);
  for (const x of last.oxidisedByGap.slice(1)) expect(last.oxidisedByGap[0]).toBeGreaterThanOrEqual(x);
  return last;
}

describe("Model A on the thermo landscape: Ru on rutile vs anatase in O2 at 450 °C", () => {
  SWEEP.forEach((c, i) => {
    const long = i === 0;
    it(`${c.label}: rutile over ${RUTILE_EVENTS / 1e6}·10⁶ events (≥ 15 ms)${long ? ` and on to ${RUTILE_LONG_EVENTS / 1e6}·10⁶ (≥ 60 ms, front two gaps)` : ""} — at every sample crossings outnumber incorporations and the metal's O is > 0.5 ¹⁸O, the oxide grows from the interface; anatase — far fewer crossings; gate forced open — the contrast goes`, () => {
      const ru = bulkOxygen("Ru", "TiO2-rutile", T_BP, c.pO2, c);
      expect(ru.parameters.acceleration).not.toBe("none");
      ru.run(RUTILE_EVENTS);
      const last = expectBottomUp(ru, 1);
      expect(last.time_s).toBeGreaterThan(0.015);
      // and the net O transfer support → metal beats the incorporation (see the landscape-range test below)
      expect(last.netInterfaceTransfer).toBeGreaterThan(10 * Math.max(1, last.surfaceIncorporations));
      // anatase over the same simulated time: the gate (semi-coherent) shuts the interface
      const an = bulkOxygen("Ru", "TiO2-anatase", T_BP, c.pO2, c);
      an.run(20_000_000, { until_s: ru.engine.time });
      const a = an.sample();
      expect(a.time_s).toBeCloseTo(ru.engine.time, 12);
      expect(a.interfaceCrossings).toBeLessThan(1e-3 * last.interfaceCrossings);
      // forcing the gate open on anatase: crossings come back to within two orders of rutile's
      const open = bulkOxygen("Ru", "TiO2-anatase", T_BP, c.pO2, c, "coherent");
      open.run(20_000_000, { until_s: ru.engine.time });
      const o = open.sample();
      expect(o.interfaceCrossings).toBeGreaterThan(1e3 * Math.max(1, a.interfaceCrossings));
      expect(o.interfaceCrossings).toBeGreaterThan(1e-2 * last.interfaceCrossings);
      if (!long) return;
      // the same run, longer: everything still holds and the front has grown to two gaps
      ru.run(RUTILE_LONG_EVENTS - RUTILE_EVENTS);
      expect(expectBottomUp(ru, 2).time_s).toBeGreaterThan(0.06);
    }, 300_000);
  });
});

/**
 * The landscape's own assumptions at the ends of their ranges (data/thermo/oxygen-landscape.json), together with
 * the model's: weak interface (Fermi-level activation 0.6 eV, crossing barrier 0.7 eV, dissolved O 0.8 eV above
 * the oxide, 3-layer channels, weakest nucleation) and strong interface (1.4, 0.3, 0.2, 5 layers, strongest).
 */
const LANDSCAPE_RANGE_ENDS: {
  label: string;
  model: Partial<BulkOxygenOptions>;
  landscape: Record<string, number>;
}[] = [
  {
    label: "weak interface",
    model: {
      vacancyChannelDepth_layers: 3,
      coherentInterfaceEnergy_J_per_m2: GAMMA.coherent[1],
      incoherentInterfaceEnergy_J_per_m2: GAMMA.incoherent[0],
    },
    landscape: {
      fermiLevelActivation_eV: 0.6,
      coherentCrossingBarrier_eV: 0.7,
      dissolvedOxygenOffset_eV: 0.8,
    },
  },
  {
    label: "strong interface",
    model: {
      vacancyChannelDepth_layers: 5,
      coherentInterfaceEnergy_J_per_m2: GAMMA.coherent[0],
      incoherentInterfaceEnergy_J_per_m2: GAMMA.incoherent[1],
    },
    landscape: {
      fermiLevelActivation_eV: 1.4,
      coherentCrossingBarrier_eV: 0.3,
      dissolvedOxygenOffset_eV: 0.2,
    },
  },
];

describe("Model A on the thermo landscape at the ends of the landscape's ranges (Ru/rutile, O2 1 bar, 450 °C)", () => {
  for (const c of LANDSCAPE_RANGE_ENDS)
    it(`${c.label}: over ${RUTILE_EVENTS / 1e6}·10⁶ events, at every sample crossings outnumber incorporations and the metal's O is > 0.5 ¹⁸O; the oxide grows from the interface`, () => {
      const ru = bulkOxygen("Ru", "TiO2-rutile", T_BP, 1, c);
      ru.run(RUTILE_EVENTS);
      // no claim on the net transfer here: with the weak interface the metal's O arrives mostly along its rim
      // (gas → the O-covered lower rim → interface layer → first gap) and exchanges isotopes with the support's
      // interface O on the way (net support → metal transfer ≈ 0; docs/kinetics.md §8)
      expectBottomUp(ru, 1);
    }, 120_000);
});

describe("Model B from the data: Pt on TiO2 vs α-Al2O3 in H2 at 500 °C, then O2", () => {
  const T = 773.15;
  for (const ratio of [1e-4, 1e-2]) {
    it(`p(H2O)/p(H2) = ${ratio}: Pt/TiO2 loses > 80 % of its free metal sites, Pt/α-Al2O3 does not; O2 uncovers Pt/TiO2`, () => {
      const run = (support: string) => {
        const atmosphere: Atmosphere = { kind: "H2O/H2", ratio };
        const inputs = encapsulationInputs("Pt", support, T, atmosphere, gateForRoutes("Pt", support), []);
        const model = new EncapsulationModel({
          temperature_K: T,
          oxygenChemicalPotential_eV: inputs.mu,
          reductionEnergy_eV: inputs.reductionEnergy_eV,
          surfaceEnergies: inputs.surfaceEnergies,
          seed: 2,
          sampleEvery: 50_000,
          particleSize_nm: 2,
        });
        model.run(300_000);
        return model;
      };
      const tio2 = run("TiO2-rutile");
      expect(tio2.sample().freeMetalSiteFraction).toBeLessThan(0.2);
      const alumina = run("Al2O3-alpha");
      expect(alumina.sample().freeMetalSiteFraction).toBeGreaterThan(0.8);
      if (ratio !== 1e-4) return;
      // re-oxidation (once: the slowest part of the suite): O2 at 1 bar, same temperature
      tio2.setAtmosphere({
        oxygenChemicalPotential_eV: oxygenPotential(T, { kind: "O2", pO2_bar: 1 }).deltaMuO_eV,
      });
      tio2.run(1_200_000);
      expect(tio2.sample().freeMetalSiteFraction).toBeGreaterThan(0.8);
    });
  }
});

describe("smsi simulate (CLI)", () => {
  const base = [
    "simulate",
    "bulk-oxygen",
    "Ru",
    "TiO2-rutile",
    "--temperature",
    "450C",
    "--p-o2",
    "1",
    "--quiet",
  ];

  it("--json prints one document with final, series, simulatedTime_s, parameters and assumptions", async () => {
    const r = await runCli(...base, "--events", "20000", "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    for (const k of [
      "oxidisedFraction",
      "o18FractionOfMetalOxygen",
      "interfaceCrossings",
      "surfaceIncorporations",
      "frontDepth_nm",
    ])
      expect(doc.final).toHaveProperty(k);
    expect(doc.series.length).toBeGreaterThan(1);
    expect(doc.simulatedTime_s).toBeGreaterThan(0);
    expect(doc.gate.verdict).toBe("coherent");
    expect(doc.assumptions.some((a: { isAssumption: boolean }) => a.isAssumption)).toBe(true);
    const e = await runCli(
      "simulate",
      "encapsulation",
      "Pt",
      "TiO2-rutile",
      "--temperature",
      "500C",
      "--h2o-h2",
      "1e-3",
      "--events",
      "20000",
      "--json",
      "--quiet",
    );
    expect(e.code).toBe(0);
    const d = JSON.parse(e.out);
    for (const k of ["coverage", "freeMetalSiteFraction", "coCapacityRelative"])
      expect(d.final).toHaveProperty(k);
    expect(d.surfaceEnergies.source).toMatch(/Tyson & Miller/);
  });

  it("limits are checked before work and errors name the flag", async () => {
    const cases: [string[], RegExp][] = [
      [[...base], /--events/],
      [[...base, "--events", "0"], /--events/],
      [[...base, "--events", "1e12"], /--events/],
      [[...base, "--time", "-1"], /--time/],
      [[...base, "--events", "10", "--size-nm", "50"], /--size-nm/],
      [[...base, "--events", "10", "--seed", "1.5"], /--seed/],
      [[...base, "--events", "10", "--gate", "open"], /--gate/],
      [[...base, "--events", "10", "--set", "noSuchThing_eV=1"], /--set/],
      [[...base, "--events", "10", "--resume", "/nonexistent/file.json"], /--resume/],
      [[...base, "--events", "10", "--out", "/proc/no-such-folder"], /--out/],
      [[...base, "--events", "10", "--out", "/nonexistent/a/b"], /--out/],
    ];
    for (const [args, re] of cases) {
      const r = await runCli(...args);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(re);
    }
  });

  it("a run resumed from --checkpoint equals the uninterrupted run with the same seed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "smsi-sim-"));
    const cp = join(dir, "cp.json");
    const whole = JSON.parse((await runCli(...base, "--events", "60000", "--seed", "4", "--json")).out);
    expect(
      (await runCli(...base, "--events", "25000", "--seed", "4", "--checkpoint", cp, "--json")).code,
    ).toBe(0);
    const resumed = await runCli(...base, "--events", "60000", "--seed", "4", "--resume", cp, "--json");
    expect(resumed.code).toBe(0);
    const doc = JSON.parse(resumed.out);
    expect(doc.final).toEqual(whole.final);
    expect(doc.series).toEqual(whole.series);
    expect(doc.simulatedTime_s).toBe(whole.simulatedTime_s);
    // a damaged checkpoint is refused naming --resume
    const damaged = JSON.parse(readFileSync(cp, "utf8"));
    damaged.checkpoint.engine.rng = [0, 0, 0, 0];
    writeFileSync(join(dir, "bad.json"), JSON.stringify(damaged));
    const bad = await runCli(...base, "--events", "60000", "--seed", "4", "--resume", join(dir, "bad.json"));
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--resume/);
    // other arguments are refused
    const other = await runCli(...base, "--events", "60000", "--seed", "5", "--resume", cp);
    expect(other.code).toBe(1);
    expect(other.err).toMatch(/--resume/);
  });

  it("--checkpoint-every N writes the checkpoint during the run; the run and a resume from a periodic checkpoint equal the uninterrupted run", async () => {
    const dir = mkdtempSync(join(tmpdir(), "smsi-sim-"));
    const cp = join(dir, "cp.json");
    const whole = JSON.parse((await runCli(...base, "--events", "60000", "--seed", "4", "--json")).out);
    const periodic = await runCli(
      ...base,
      ...["--events", "60000", "--seed", "4", "--checkpoint", cp, "--checkpoint-every", "20000", "--json"],
    );
    expect(periodic.code).toBe(0);
    expect(JSON.parse(periodic.out).series).toEqual(whole.series);
    // the checkpoints handed out during a library run: every 20 000 events, and a resume from the first
    const { options } = bulkOxygenRunOptions(4);
    const seen: BulkOxygenCheckpoint[] = [];
    const r = simulateBulkOxygen(options, {
      events: 60_000,
      checkpointEvery: 20_000,
      onCheckpoint: (c) => seen.push(JSON.parse(JSON.stringify(c))),
    });
    expect(seen.map((c) => c.engine.events)).toEqual([20_000, 40_000]);
    expect(r.series).toEqual(whole.series);
    const resumed = simulateBulkOxygen(options, { events: 40_000 }, seen[0]);
    expect(resumed.series).toEqual(whole.series);
    expect(resumed.simulatedTime_s).toBe(whole.simulatedTime_s);
    // refused before any work: without --checkpoint, or too small
    for (const extra of [
      ["--checkpoint-every", "20000"],
      ["--checkpoint", cp, "--checkpoint-every", "10"],
    ]) {
      const bad = await runCli(...base, "--events", "60000", ...extra);
      expect(bad.code).toBe(1);
      expect(bad.err).toMatch(/--checkpoint-every/);
    }
  });

  it("--out writes series.csv, result.json and cross-section snapshots as SVG and PNG", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "smsi-sim-")), "run");
    const r = await runCli(...base, "--events", "20000", "--out", dir);
    expect(r.code).toBe(0);
    for (const f of ["series.csv", "result.json", "cross-section-start.svg", "cross-section-end.png"])
      expect(existsSync(join(dir, f))).toBe(true);
    expect(readFileSync(join(dir, "series.csv"), "utf8").split("\n")[0]).toMatch(
      /^events,time_s,oxidisedFraction/,
    );
    expect(readFileSync(join(dir, "cross-section-end.svg"), "utf8")).toMatch(/<svg[^>]*>/);
    expect(readFileSync(join(dir, "cross-section-end.png")).subarray(1, 4).toString()).toBe("PNG");
    expect(JSON.parse(readFileSync(join(dir, "result.json"), "utf8")).final).toHaveProperty("frontDepth_nm");
  });
});

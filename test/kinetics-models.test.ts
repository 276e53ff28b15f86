import { describe, expect, it } from "vitest";
import { BulkOxygenModel, type BulkOxygenOptions } from "../src/kinetics/bulk-oxygen.js";
import { EncapsulationModel, type EncapsulationOptions, wets } from "../src/kinetics/encapsulation.js";
import { GraphLatticeGas, compressedRows } from "../src/kinetics/graph-lattice-gas.js";
import { interstitialSites, metalLattice, octTetDistance } from "../src/kinetics/interstitials.js";
import { type OxygenLandscape, resolveLandscape } from "../src/kinetics/landscape-input.js";
import { simulateBulkOxygen, simulateEncapsulation } from "../src/kinetics/simulate.js";
import { BOLTZMANN_eV_PER_K } from "../src/units/constants.js";
import { dilutePtFilm, region } from "./helpers/kinetics-landscape.js";

/** An explicit test landscape (not sourced values: a constructed contrast). */
function landscape(metal: string, gate_eV: number, metalEnergy = -0.5, support = -0.9): OxygenLandscape {
  return {
    metal,
    support: "test-oxide",
    facet: "(110)",
    gate: "coherent",
    assumptions: [],
    regions: [
      region("support surface", 0, support, 0.9),
      region("support bulk", 0.6, support - 0.1, 0.9),
      region("interface", 0, support, gate_eV),
      region("metal interstitial", 0, metalEnergy, 0.7),
      region("metal surface", 0, metalEnergy, 1.4),
    ],
  };
}

const OPEN_GATE = 0.8;
const CLOSED_GATE = 1.8;

describe("interstitial lattices", () => {
  it("fcc and hcp: one octahedral and two tetrahedral sites per metal atom; oct–tet distance 0.612 a", () => {
    for (const metal of ["Pt", "Ru"]) {
      const lat = metalLattice(metal);
      expect(lat.stacking).toBe(metal === "Pt" ? "fcc" : "hcp");
      const sites = interstitialSites(lat, 4, 3, 2, 0.2);
      const atomsPerLayer = 4 * 3 * 2;
      expect(sites.filter((s) => s.kind === "octahedral").length).toBe(2 * atomsPerLayer);
      expect(sites.filter((s) => s.kind === "tetrahedral").length).toBe(4 * atomsPerLayer);
      // ideal close packing: √(1/3 + (√(2/3)/4)²) = √(3/8) = 0.612 nearest-neighbour distances
      expect(octTetDistance(lat) / lat.nearestNeighbour_nm).toBeCloseTo(Math.sqrt(3 / 8), 1);
    }
    expect(() => metalLattice("Fe")).toThrow(/close-packed/);
  });
});

describe("landscape input (contract B shape)", () => {
  it("reads a landscape shaped like src/thermo/landscape.ts: negative support depths, an interfacial oxide, a metal surface", () => {
    // explicit values in the shape thermo produces (names and depth signs), not sourced numbers
    const land: OxygenLandscape = {
      metal: "Ru",
      support: "TiO2-rutile",
      facet: "(110)",
      gate: "coherent",
      assumptions: [],
      regions: [
        region("support bulk", -1.8, -3.8, 0.7),
        region("subsurface layer 2", -0.6, -3.6, 0.7),
        region("subsurface layer 1", -0.3, -3.4, 0.7),
        region("support surface", 0, -2.8, 0.3),
        region("interface", 0, -1.8, 0.5),
        region("interfacial oxide", 0.3, -1.5, 1.0),
        region("metal interstitial", 1.25, -1.0, 1.0),
        region("metal surface", 2.5, -1.5, 1.9),
      ],
    };
    const resolved = resolveLandscape(land);
    expect(resolved.support.map((r) => r.region)).toEqual([
      "support surface",
      "subsurface layer 1",
      "subsurface layer 2",
      "support bulk",
    ]);
    expect(resolved.metalOxide?.region).toBe("interfacial oxide");
    expect(resolved.metal.map((r) => r.region)).toEqual(["metal interstitial"]);
    expect(resolved.metalSurface?.region).toBe("metal surface");
    const model = new BulkOxygenModel({
      landscape: land,
      temperature_K: 723,
      oxygenChemicalPotential_eV: -0.7,
      seed: 1,
    });
    // hcp: eight octahedral neighbours; a fully surrounded octahedral O sits at the oxide's O energy
    const pair = model.assumptions.find((a) => a.name === "pairEnergy_eV");
    expect(pair?.value).toBeCloseTo((-1.0 - -1.5) / 8, 12);
    expect(pair?.isAssumption).toBe(true); // the oxide region is marked an assumption
    expect(model.run(20_000)).toBe(20_000);
  });
});

describe("graph lattice gas: detailed balance", () => {
  it("two attracting sites open to a reservoir: time-averaged state probabilities are grand-canonical Boltzmann", () => {
    for (const [E1, E2, eps, mu] of [
      [0.1, -0.05, 0.1, 0],
      [0.3, 0.2, 0.25, 0.1],
    ]) {
      const T = 700;
      const kT = BOLTZMANN_eV_PER_K * T;
      const rows = compressedRows(2, [
        { from: 0, to: 1 },
        { from: 1, to: 0 },
      ]);
      // exchange barrier 0.05 eV is far below |E − μ|/2 for some states: the raised saddle is exercised
      const gas = new GraphLatticeGas({
        graph: {
          sites: 2,
          hopStart: rows.start,
          hopTo: rows.to,
          hopBarrier_eV: Float64Array.of(0.4, 0.4),
          hopKind: new Uint8Array(2),
          pairStart: rows.start,
          pairTo: rows.to,
          siteEnergy_eV: Float64Array.of(E1, E2),
          reservoir: Int8Array.of(0, 0),
          exchangeBarrier_eV: Float64Array.of(0.05, 0.3),
          exchangeGroup: new Uint8Array(2),
        },
        temperature_K: T,
        attemptFrequency_Hz: 1e13,
        pairEnergy_eV: eps,
        reservoirPotential_eV: [mu],
        reservoirLabel: [0],
        seed: 11,
        initialOccupied: new Uint8Array(2),
        initialLabel: new Uint8Array(2),
      });
      const weight = [0, 0, 0, 0];
      for (let k = 0; k < 200_000; k++) {
        const state = gas.occupied[0] + 2 * gas.occupied[1];
        const t0 = gas.time;
        gas.run(1);
        weight[state] += gas.time - t0;
      }
      const energy = [0, E1 - mu, E2 - mu, E1 + E2 - eps - 2 * mu];
      const z = energy.reduce((s, e) => s + Math.exp(-e / kT), 0);
      const total = weight.reduce((s, w) => s + w, 0);
      for (let q = 0; q < 4; q++) {
        const expected = Math.exp(-energy[q] / kT) / z;
        expect(Math.abs(weight[q] / total - expected)).toBeLessThan(0.02 + 0.05 * expected);
      }
    }
  });
});

describe("Model A: bulk oxygen transport", () => {
  const base = (metal: string, gate: number, extra: Partial<BulkOxygenOptions> = {}): BulkOxygenOptions => ({
    landscape: landscape(metal, gate),
    temperature_K: 723,
    oxygenChemicalPotential_eV: -0.6,
    seed: 3,
    sampleEvery: 25_000,
    supportExchangeBarrier_eV: 1.1,
    ...extra,
  });

  for (const [metal, pairEnergy_eV, exchange_eV] of [
    ["Ru", 0.1, 1.1],
    ["Ru", 0.1, 1.3],
    ["Pt", 0.12, 1.1],
    ["Pt", 0.08, 1.3],
  ] as const) {
    it(`${metal} (${metal === "Ru" ? "hcp" : "fcc"}), O–O ${pairEnergy_eV} eV, gas exchange ${exchange_eV} eV: open gate — crossings beat incorporation, ¹⁸O > 0.5 while the front grows from the interface; closed gate — far fewer crossings`, () => {
      const open = new BulkOxygenModel(
        base(metal, OPEN_GATE, { pairEnergy_eV, supportExchangeBarrier_eV: exchange_eV }),
      );
      open.run(250_000);
      const closed = new BulkOxygenModel(
        base(metal, CLOSED_GATE, { pairEnergy_eV, supportExchangeBarrier_eV: exchange_eV }),
      );
      closed.run(250_000);
      const a = open.series.at(-1);
      const b = closed.series.at(-1);
      if (!a || !b) throw new Error("no samples");
      expect(a.interfaceCrossings).toBeGreaterThan(a.surfaceIncorporations);
      // while the oxide grows (the first sample a fifth oxidised), its O is mostly support ¹⁸O and the lowest gap leads
      const growing = open.series.find((s) => s.oxidisedFraction >= 0.2);
      if (!growing) throw new Error("the open gate never oxidised a fifth of the metal");
      expect(growing.interfaceCrossings).toBeGreaterThan(growing.surfaceIncorporations);
      expect(growing.o18FractionOfMetalOxygen ?? 0).toBeGreaterThan(0.5);
      expect(growing.oxidisedByGap[0]).toBeGreaterThanOrEqual(
        growing.oxidisedByGap[growing.oxidisedByGap.length - 1],
      );
      // the front depth from the interface rises with time
      expect(a.frontDepth_nm).toBeGreaterThan(open.series[0].frontDepth_nm);
      // oxidised from the interface up: each gap at least as full as the one above it
      for (let k = 1; k < a.oxidisedByGap.length; k++)
        expect(a.oxidisedByGap[k - 1] + 0.05).toBeGreaterThanOrEqual(a.oxidisedByGap[k]);
      expect(a.frontDepth_nm).toBeGreaterThanOrEqual(growing.frontDepth_nm);
      // closed gate over the same number of events and a comparable simulated time
      expect(b.time_s).toBeGreaterThan(0.2 * a.time_s);
      expect(b.interfaceCrossings).toBeLessThan(0.05 * a.interfaceCrossings + 5);
      // what O the closed-gate metal holds came top-down from the gas: ¹⁶O
      expect(b.o18FractionOfMetalOxygen ?? 0).toBeLessThan(0.5);
    });
  }

  it("dilute steady state: KMC interface flux agrees with the analytic series-resistance network within 10 %", () => {
    // dilute on both sides: support interface O at 0.25 eV above μ (occupancy ≈ 2 %), metal O at 0.8 eV above it;
    // the interface sites exchange with a source reservoir (one support layer open to the support bulk), the
    // metal surface drains to a sink; a film of Pt (fcc) so that sites at one height are equivalent
    for (const [gate, metalBarrier] of [
      [0.8, 0.5],
      [0.9, 0.6],
      [1.0, 0.5],
    ]) {
      const options = dilutePtFilm(gate, metalBarrier);
      const model = new BulkOxygenModel(options);
      model.run(100_000); // reach the steady state
      const a = model.sample();
      model.run(1_400_000);
      const b = model.sample();
      const dt = b.time_s - a.time_s;
      const exits = b.surfaceDesorptions - a.surfaceDesorptions;
      const net = b.interfaceCrossings - b.interfaceReturns - (a.interfaceCrossings - a.interfaceReturns);
      const analytic = model.analyticInterfaceFlux(-0.6);
      expect(exits).toBeGreaterThan(900); // ≤ 3.3 % counting error
      expect(Math.abs(exits / dt / analytic - 1)).toBeLessThan(0.1);
      // steady state: what crosses the interface leaves at the surface (the metal holds a handful of O at most)
      expect(Math.abs(net - exits)).toBeLessThanOrEqual(5);
    }
  });

  it("checkpoint: a run resumed from a JSON checkpoint equals the uninterrupted run with the same seed", () => {
    const opts = base("Ru", OPEN_GATE, { sampleEvery: 7_000 });
    const whole = new BulkOxygenModel(opts);
    whole.run(50_000);
    const first = new BulkOxygenModel(opts);
    first.run(23_456);
    const saved = JSON.parse(JSON.stringify(first.checkpoint()));
    const resumed = new BulkOxygenModel(opts, saved);
    resumed.run(50_000 - 23_456);
    expect(resumed.series).toEqual(whole.series);
    expect(resumed.sample()).toEqual(whole.sample());
  });

  it("progress callback reports events, rate and ETA; bad input names the field", () => {
    const seen: number[] = [];
    const m = new BulkOxygenModel(base("Ru", OPEN_GATE));
    m.run(30_000, {
      progressEvery: 10_000,
      onProgress: (p) => seen.push(p.events, p.eventsPerSecond > 0 ? 1 : 0, p.eta_s >= 0 ? 1 : 0),
    });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.at(-3)).toBe(30_000);
    expect(() => new BulkOxygenModel(base("Fe", OPEN_GATE))).toThrow(/landscape.metal/);
    expect(() => new BulkOxygenModel(base("Ru", OPEN_GATE, { particleSize_nm: 100 }))).toThrow(
      /particleSize/,
    );
    expect(
      () =>
        new BulkOxygenModel({
          ...base("Ru", OPEN_GATE),
          landscape: {
            ...landscape("Ru", 1),
            regions: landscape("Ru", 1).regions.filter((r) => r.region !== "interface"),
          },
        }),
    ).toThrow(/interface/);
    expect(() => new BulkOxygenModel(base("Ru", OPEN_GATE, { vacancyChannelDepth_layers: 2.5 }))).toThrow(
      /vacancyChannelDepth_layers/,
    );
    expect(
      () => new BulkOxygenModel(base("Ru", OPEN_GATE, { semicoherentInterfaceEnergy_J_per_m2: -1 })),
    ).toThrow(/semicoherentInterfaceEnergy_J_per_m2/);
  });

  it("interfacial nucleation: the first gap is lowered by (γ_incoherent − γ_gate)·√3/2·a², by gate class", () => {
    const nucleation = (gate: "coherent" | "semi-coherent" | "incoherent") =>
      new BulkOxygenModel({
        ...base("Ru", OPEN_GATE),
        landscape: { ...landscape("Ru", 1), gate },
      }).assumptions.find((x) => x.name === "interfaceNucleationEnergy_eV")?.value ?? Number.NaN;
    // Ru a = 0.2706 nm: √3/2·a² = 0.0634 nm²; 1 J/m² × 1 nm² = 6.2415 eV
    const perJ = (Math.sqrt(3) / 2) * 0.2706 ** 2 * 6.2415;
    expect(nucleation("coherent")).toBeCloseTo((0.75 - 0.125) * perJ, 2);
    expect(nucleation("semi-coherent")).toBeCloseTo((0.75 - 0.35) * perJ, 2);
    expect(nucleation("incoherent")).toBe(0);
  });
});

describe("Model B: suboxide creep", () => {
  const wetting = { metal_J_per_m2: 2.5, suboxide_J_per_m2: 1.0, interface_J_per_m2: 0.8, source: "test" };
  const nonWetting = { metal_J_per_m2: 2.5, suboxide_J_per_m2: 1.5, interface_J_per_m2: 1.5, source: "test" };
  const oxidised = { metal_J_per_m2: 2.5, suboxide_J_per_m2: 2.2, interface_J_per_m2: 0.8, source: "test" };
  const run = (g: typeof wetting, T: number, reductionEnergy_eV: number) => {
    const options: EncapsulationOptions = {
      temperature_K: T,
      oxygenChemicalPotential_eV: -2.5,
      reductionEnergy_eV,
      surfaceEnergies: g,
      seed: 9,
      sampleEvery: 20_000,
    };
    const m = new EncapsulationModel(options);
    m.run(200_000);
    return m;
  };

  for (const [T, Ered] of [
    [723, 2.4],
    [823, 2.35],
    [773, 2.45],
  ]) {
    it(`T = ${T} K, E_red = ${Ered} eV: wetting covers the metal (> 80 % of sites lost), non-wetting does not; O2 uncovers it`, () => {
      expect(wets(wetting)).toBe(true);
      expect(wets(nonWetting)).toBe(false);
      const w = run(wetting, T, Ered);
      const n = run(nonWetting, T, Ered);
      const fw = w.series.at(-1)?.freeMetalSiteFraction ?? 1;
      const fn = n.series.at(-1)?.freeMetalSiteFraction ?? 0;
      expect(w.series[0].freeMetalSiteFraction).toBe(1);
      expect(fw).toBeLessThan(0.2);
      expect(fn).toBeGreaterThan(0.5);
      // re-oxidation: O2 (Δμ_O = −0.5 eV) unmakes the units, the oxidised layer does not wet
      w.setAtmosphere({ oxygenChemicalPotential_eV: -0.5, surfaceEnergies: oxidised });
      w.run(200_000);
      expect(w.series.at(-1)?.freeMetalSiteFraction ?? 0).toBeGreaterThan(0.8);
    });
  }

  it("checkpoint: resumed run equals the uninterrupted one", () => {
    const options: EncapsulationOptions = {
      temperature_K: 773,
      oxygenChemicalPotential_eV: -2.5,
      reductionEnergy_eV: 2.4,
      surfaceEnergies: wetting,
      seed: 2,
      sampleEvery: 5_000,
    };
    const whole = new EncapsulationModel(options);
    whole.run(30_000);
    const first = new EncapsulationModel(options);
    first.run(12_345);
    const resumed = new EncapsulationModel(options, JSON.parse(JSON.stringify(first.checkpoint())));
    resumed.run(30_000 - 12_345);
    expect(resumed.series).toEqual(whole.series);
  });
});

describe("simulate: result shapes of smsi simulate", () => {
  it("a time-bounded bulk-oxygen run stops at the time; an events-bounded encapsulation run gives final and series", () => {
    const a = simulateBulkOxygen(
      {
        landscape: landscape("Ru", OPEN_GATE),
        temperature_K: 723,
        oxygenChemicalPotential_eV: -0.6,
        seed: 1,
      },
      { time_s: 2e-6, maxEvents: 2_000_000 },
    );
    expect(a.reachedTime).toBe(true);
    expect(a.simulatedTime_s).toBeCloseTo(2e-6, 12);
    expect(Object.keys(a.final).sort()).toEqual(
      [
        "frontDepth_nm",
        "interfaceCrossings",
        "o18FractionOfMetalOxygen",
        "oxidisedFraction",
        "surfaceIncorporations",
      ].sort(),
    );
    expect(a.series.length).toBeGreaterThan(1);
    expect(a.assumptions.some((x) => x.name === "pairEnergy_eV" && x.isAssumption)).toBe(true);
    const b = simulateEncapsulation(
      {
        temperature_K: 773,
        oxygenChemicalPotential_eV: -2.5,
        reductionEnergy_eV: 2.4,
        surfaceEnergies: {
          metal_J_per_m2: 2.5,
          suboxide_J_per_m2: 1,
          interface_J_per_m2: 0.8,
          source: "test",
        },
        seed: 1,
      },
      { events: 50_000 },
    );
    expect(b.events).toBe(50_000);
    expect(b.final.coCapacityRelative).toBe(b.final.freeMetalSiteFraction);
    expect(() => simulateEncapsulation({ ...b.parameters, temperature_K: 773 } as never, {})).toThrow(
      /--events/,
    );
  });
});

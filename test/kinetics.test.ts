import { describe, expect, it } from "vitest";
import { cubicLattice, neighbourSite, OPPOSITE, slotOfSite } from "../src/kinetics/cubic-lattice.js";
import { Xoshiro128 } from "../src/kinetics/random.js";
import { arrheniusRate, hopBarrier, hopRateTable } from "../src/kinetics/rates.js";
import { SumTree } from "../src/kinetics/sum-tree.js";
import { VacancyLatticeGas } from "../src/kinetics/vacancy-lattice-gas.js";
import { BOLTZMANN_eV_PER_K } from "../src/units/constants.js";
import { InputError } from "../src/units/errors.js";

/** The shared KMC benchmark's conditions (../shared/bench/README.md): 723 K, E_a 0.9 eV, ν 1e13 s⁻¹. */
const T = 723;
const EA = 0.9;
const NU = 1e13;
const GAMMA = arrheniusRate(NU, EA, T);
/** Tracer correlation factor, vacancy mechanism, simple cubic (Compaan & Haven, Trans. Faraday Soc. 52, 786 (1956); ../shared/science/README.md §4). */
const F_SIMPLE_CUBIC = 0.6531;

describe("building blocks", () => {
  it("sum tree: selection boundaries follow the cumulative rates", () => {
    const tree = new SumTree(5);
    tree.setAll([1, 0, 2, 0.5, 0]);
    expect(tree.total).toBeCloseTo(3.5, 12);
    expect(tree.pick(0)).toBe(0);
    expect(tree.pick(0.999)).toBe(0);
    expect(tree.pick(1)).toBe(2); // the empty entry 1 is never chosen
    expect(tree.pick(2.999)).toBe(2);
    expect(tree.pick(3.2)).toBe(3);
    tree.set(1, 4);
    expect(tree.total).toBeCloseTo(7.5, 12);
    expect(tree.pick(1.5)).toBe(1);
  });

  it("sum tree: sampled frequencies match rate / total (χ² with 3 degrees of freedom)", () => {
    const rates = [1, 2, 3, 4];
    const tree = new SumTree(4);
    tree.setAll(rates);
    const rng = new Xoshiro128(7);
    const n = 200_000;
    const hits = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) hits[tree.pick(rng.unit() * tree.total)]++;
    const chi2 = hits.reduce((s, h, i) => s + (h - (n * rates[i]) / 10) ** 2 / ((n * rates[i]) / 10), 0);
    expect(chi2).toBeLessThan(16.27); // p = 0.001 for 3 degrees of freedom
  });

  it("random numbers: reproducible per seed, in (0, 1), mean ½ and variance 1/12", () => {
    const a = new Xoshiro128(42);
    const b = new Xoshiro128(42);
    const c = new Xoshiro128(43);
    expect(a.nextUint32()).toBe(b.nextUint32());
    expect(a.nextUint32()).not.toBe(c.nextUint32());
    let sum = 0;
    let sq = 0;
    let lo = 1;
    let hi = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = a.unit();
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
      sum += u;
      sq += u * u;
    }
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeLessThan(1);
    const mean = sum / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sq / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it("lattice: periodic neighbours, each hop has its reverse, storage slots are one-to-one", () => {
    const lat = cubicLattice(4, 5, 6);
    const slots = new Set<number>();
    for (let s = 0; s < lat.sites; s++) {
      for (let d = 0; d < 6; d++) expect(neighbourSite(lat, neighbourSite(lat, s, d), OPPOSITE[d])).toBe(s);
      slots.add(slotOfSite(lat, s));
      // the slot step tables agree with the coordinates of the neighbour
      const x = s % 4;
      expect(slotOfSite(lat, neighbourSite(lat, s, 0))).toBe(slotOfSite(lat, s) + lat.plusX[x]);
    }
    expect(slots.size).toBe(lat.sites);
    expect(Math.max(...slots)).toBeLessThan(lat.slots);
    expect(() => cubicLattice(1)).toThrow(InputError);
    // with 2 sites along an axis the ± neighbours coincide (science review item 18)
    expect(() => cubicLattice(2, 8, 8)).toThrow(/coincide/);
    expect(() => cubicLattice(200)).toThrow(/128³/);
  });
});

describe("hop rates", () => {
  it("Arrhenius: d ln k / d(1/T) = −E_a / k_B", () => {
    const t1 = 600;
    const t2 = 900;
    const slope =
      (Math.log(arrheniusRate(NU, EA, t2)) - Math.log(arrheniusRate(NU, EA, t1))) / (1 / t2 - 1 / t1);
    expect(slope).toBeCloseTo(-EA / BOLTZMANN_eV_PER_K, 6);
  });

  it("detailed balance: k(i→j) / k(j→i) = exp(−(E_j − E_i) / k_B T) for every pair of site types", () => {
    const energies = [0, 0.15, -0.2];
    const barriers = [0.9, 0.8, 1.0, 0.8, 0.7, 0.95, 1.0, 0.95, 0.85];
    const table = hopRateTable(energies, barriers, NU, T);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++)
        expect(table[i * 3 + j] / table[j * 3 + i]).toBeCloseTo(
          Math.exp(-(energies[j] - energies[i]) / (BOLTZMANN_eV_PER_K * T)),
          12,
        );
  });

  it("refuses an asymmetric saddle", () => {
    expect(() => hopRateTable([0, 0], [0.9, 0.8, 0.7, 0.9], NU, T)).toThrow(/saddle/);
  });

  it("a step larger than twice the barrier: saddle at the upper site, detailed balance kept, no negative barrier", () => {
    for (const [e0, dE] of [
      [0.2, 1.0],
      [0.2, -1.0],
      [0, 0.3],
      [0.5, 0.9],
    ]) {
      const up = hopBarrier(e0, 0, dE);
      const down = hopBarrier(e0, dE, 0);
      expect(Math.min(up, down)).toBeGreaterThanOrEqual(0);
      expect(up - down).toBeCloseTo(dE, 12);
      expect(Math.max(up, down)).toBeGreaterThanOrEqual(Math.abs(dE));
    }
    // where the symmetric split is a true saddle it is kept unchanged
    expect(hopBarrier(0.9, 0, 0.4)).toBeCloseTo(1.1, 12);
    const table = hopRateTable([0, 2], [0.9, 0.9, 0.9, 0.9], NU, T);
    expect(table[1] / table[2]).toBeCloseTo(Math.exp(-2 / (BOLTZMANN_eV_PER_K * T)) / 1, 20);
    expect(table[2]).toBeCloseTo(NU, 0); // downhill over no barrier
  });
});

describe("vacancy lattice gas (the shared KMC benchmark model)", () => {
  it("vacancy diffusion approaches the dilute limit Γ a² (1 − c)", () => {
    const gas = new VacancyLatticeGas({
      size: 32,
      vacancyFraction: 0.05,
      temperature_K: T,
      attemptFrequency_Hz: NU,
      barrier_eV: EA,
      seed: 1,
    });
    gas.run(2_000_000);
    const c = gas.vacancies / gas.lattice.sites;
    // 1638 vacancies: the statistical error of ⟨Δr²⟩ is ≈ 2 %; mean-field blocking is good to ≈ 2 % at c = 0.05.
    expect(gas.vacancyDiffusion() / (GAMMA * (1 - c))).toBeGreaterThan(0.92);
    expect(gas.vacancyDiffusion() / (GAMMA * (1 - c))).toBeLessThan(1.08);
  });

  it("null attempts of the rejection scheme: one type, a vacant neighbour is drawn with probability ≈ c", () => {
    const gas = new VacancyLatticeGas({
      size: 24,
      vacancyFraction: 0.1,
      temperature_K: T,
      attemptFrequency_Hz: NU,
      barrier_eV: EA,
      seed: 4,
    });
    expect(gas.run(500_000)).toBe(500_000);
    const nullFraction = 1 - gas.events / gas.attempts;
    // vacancy–vacancy neighbours are slightly more likely than c (vacancies meet and linger): within 0.1–0.13
    expect(nullFraction).toBeGreaterThan(0.09);
    expect(nullFraction).toBeLessThan(0.13);
  });

  it("tracer correlation factor f = D* / (c Γ a²) → 0.6531 for dilute vacancies", () => {
    const gas = new VacancyLatticeGas({
      size: 16,
      vacancyFraction: 0.01,
      temperature_K: T,
      attemptFrequency_Hz: NU,
      barrier_eV: EA,
      seed: 3,
      tracers: true,
    });
    gas.run(5_000_000);
    const c = gas.vacancies / gas.lattice.sites;
    const f = gas.tracerDiffusion() / (c * GAMMA);
    // an uncorrelated walk would give f = 1; finite runs bias f up by ≈ 1 %
    expect(Math.abs(f - F_SIMPLE_CUBIC)).toBeLessThan(0.03);
  });

  it("uniformly scaled rates only rescale time: D ratio between two temperatures is the Arrhenius ratio", () => {
    const run = (temperature_K: number) => {
      const gas = new VacancyLatticeGas({
        size: 12,
        vacancyFraction: 0.05,
        temperature_K,
        attemptFrequency_Hz: NU,
        barrier_eV: EA,
        seed: 5,
      });
      gas.run(200_000);
      return gas.vacancyDiffusion();
    };
    const ratio = run(800) / run(650);
    expect(ratio).toBeCloseTo(arrheniusRate(NU, EA, 800) / arrheniusRate(NU, EA, 650), 6);
  });

  it.each([0.05, 0.15])(
    "detailed balance in a two-region landscape (ΔE = %s eV): vacancy occupancy ratio = exp(ΔE / k_B T)",
    (dE) => {
      const L = 16;
      // O site energy higher in region 1 by ΔE: vacancies prefer it
      const types = new Uint8Array(L ** 3);
      for (let s = 0; s < types.length; s++) types[s] = s % L < L / 2 ? 0 : 1;
      const gas = new VacancyLatticeGas({
        size: L,
        vacancyFraction: 0.05,
        temperature_K: T,
        attemptFrequency_Hz: NU,
        barrier_eV: EA,
        seed: 1,
        siteTypes: types,
        siteEnergy_eV: [0, dE],
      });
      gas.run(300_000);
      gas.resetAverages();
      gas.run(3_000_000);
      const mean = gas.meanVacanciesByType();
      const sites = gas.sitesByType();
      const c0 = mean[0] / sites[0];
      const c1 = mean[1] / sites[1];
      // site exclusion only: Fermi–Dirac occupancy, c/(1−c) ∝ exp(E_O / k_B T) exactly
      const ratio = c1 / (1 - c1) / (c0 / (1 - c0));
      expect(Math.abs(ratio / Math.exp(dE / (BOLTZMANN_eV_PER_K * T)) - 1)).toBeLessThan(0.05);
    },
  );

  it("Fick: an ¹⁸O label step relaxes at the rate D* (2 − 2 cos k) set by the measured tracer diffusion", () => {
    const L = 32;
    const gas = new VacancyLatticeGas({
      size: L,
      vacancyFraction: 0.1,
      temperature_K: T,
      attemptFrequency_Hz: NU,
      barrier_eV: EA,
      seed: 1,
      tracers: true,
      initialLabels: (s) => (s % L < L / 2 ? 1 : 0),
    });
    const firstMode = () => {
      const p = gas.labelProfile("x");
      let re = 0;
      let im = 0;
      for (let x = 0; x < L; x++) {
        const phase = (2 * Math.PI * (x + 0.5)) / L;
        re += p[x] * Math.cos(phase);
        im += p[x] * Math.sin(phase);
      }
      return Math.hypot(re, im);
    };
    const before = firstMode();
    const labelled = gas.labelProfile("x").reduce((s, x) => s + x, 0);
    gas.run(5_000_000);
    const after = firstMode();
    expect(gas.labelProfile("x").reduce((s, x) => s + x, 0)).toBeCloseTo(labelled, 0); // ¹⁸O is conserved
    const k = (2 * Math.PI) / L;
    const decayRate = -Math.log(after / before) / gas.time;
    expect(after / before).toBeLessThan(0.7); // the profile has really relaxed
    expect(Math.abs(decayRate / (gas.tracerDiffusion() * (2 - 2 * Math.cos(k))) - 1)).toBeLessThan(0.08);
  });

  it("bad input names the field", () => {
    const base = {
      size: 8,
      vacancyFraction: 0.05,
      temperature_K: T,
      attemptFrequency_Hz: NU,
      barrier_eV: EA,
      seed: 1,
    };
    expect(() => new VacancyLatticeGas({ ...base, vacancyFraction: 0 })).toThrow(/vacancyFraction/);
    expect(() => new VacancyLatticeGas({ ...base, vacancyFraction: 0.6 })).toThrow(/vacancyFraction/);
    expect(() => new VacancyLatticeGas({ ...base, temperature_K: -1 })).toThrow(/temperature/);
    expect(() => new VacancyLatticeGas({ ...base, siteTypes: new Uint8Array(3) })).toThrow(/siteTypes/);
    expect(() => new VacancyLatticeGas({ ...base, seed: 0.5 })).toThrow(/seed/);
    expect(() => new VacancyLatticeGas(base).run(-1)).toThrow(/events/);
    expect(() => new VacancyLatticeGas(base).tracerDiffusion()).toThrow(/tracers/);
  });
});

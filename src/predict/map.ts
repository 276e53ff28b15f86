/**
 * Condition map: the predicted class over temperature × Δμ_O for one metal/support pair, with the
 * published cases of that pair placed at their (T, Δμ_O). Cells with p_O2 ≥ `inertO2Pressure_bar`
 * are treated as O2-containing gases (BP and oxidative-SE chains); below it as a reducing buffer at
 * that μ_O (reductive-SE chain) — the same split predict makes between gases.
 */
import type { PublishedCase } from "../classify/published-cases.js";
import { MAX_PO2_BAR, oxygenPotential, pO2FromDeltaMuO } from "../thermo/oxygen-potential.js";

/** Label of map cells whose gas lies outside the thermodynamic model (p_O2 above MAX_PO2_BAR). */
export const OUTSIDE_LABEL = "p_O2 > 1 kbar (outside)";
import { InputError } from "../units/errors.js";
import { atmosphereOf } from "./conditions.js";
import { predictParameters } from "./data.js";
import { resolveSupport } from "./materials.js";
import { predict } from "./predict.js";
import { caseToPredictInput, normaliseLabel } from "./score.js";

export interface MapRequest {
  metal: string;
  support: string;
  supportPhase?: string | null;
  facet?: string | null;
  particleSize_nm?: number | null;
  tMin_K: number;
  tMax_K: number;
  muMin_eV: number;
  muMax_eV: number;
  nT: number;
  nMu: number;
  duration_h?: number | null;
  overrides?: Record<string, number>;
}

export interface MapCell {
  temperature_K: number;
  deltaMuO_eV: number;
  pO2_bar: number;
  label: string;
  likelihood: number;
}

export interface MapCase {
  id: string;
  label: string;
  temperature_K: number;
  deltaMuO_eV: number;
  temperatureAssumed: boolean;
}

export interface ConditionMap {
  metal: string;
  support: string;
  axes: { temperature_K: [number, number]; deltaMuO_eV: [number, number]; nT: number; nMu: number };
  labels: string[];
  cells: MapCell[];
  cases: MapCase[];
}

/** Largest number of cells a map may have (bounded work and memory). */
export const MAX_MAP_CELLS = 40_000;

export function conditionMap(req: MapRequest, cases: PublishedCase[] = []): ConditionMap {
  const { nT, nMu } = req;
  if (!Number.isInteger(nT) || !Number.isInteger(nMu) || nT < 2 || nMu < 2 || nT * nMu > MAX_MAP_CELLS)
    throw new InputError(
      "--points",
      `the grid must be at least 2 × 2 and at most ${MAX_MAP_CELLS} cells (got ${nT} × ${nMu})`,
    );
  if (!(req.tMax_K > req.tMin_K)) throw new InputError("--t-max", "must be above --t-min");
  if (!(req.muMax_eV > req.muMin_eV)) throw new InputError("--mu-max", "must be above --mu-min");
  const p = predictParameters(req.overrides ?? {});
  const cells: MapCell[] = [];
  for (let i = 0; i < nT; i++) {
    const T = req.tMin_K + ((req.tMax_K - req.tMin_K) * i) / (nT - 1);
    for (let j = 0; j < nMu; j++) {
      const mu = req.muMin_eV + ((req.muMax_eV - req.muMin_eV) * j) / (nMu - 1);
      const pO2 = pO2FromDeltaMuO(T, mu);
      if (pO2 > MAX_PO2_BAR) {
        // beyond the ideal-gas μ_O of src/thermo (MAX_PO2_BAR): not predicted, shown as such
        cells.push({ temperature_K: T, deltaMuO_eV: mu, pO2_bar: pO2, label: OUTSIDE_LABEL, likelihood: 0 });
        continue;
      }
      const oxidising = pO2 >= p.inertO2Pressure_bar;
      const pr = predict({
        metal: req.metal,
        support: req.support,
        supportPhase: req.supportPhase,
        facet: req.facet,
        particleSize_nm: req.particleSize_nm,
        gas: oxidising ? "O2" : "H2",
        composition: { pO2_bar: pO2 },
        temperature_K: T,
        duration_h: req.duration_h,
        overrides: req.overrides,
      });
      cells.push({
        temperature_K: T,
        deltaMuO_eV: mu,
        pO2_bar: pO2,
        label: pr.label,
        likelihood: pr.likelihood,
      });
    }
  }
  const s = resolveSupport(req.support, req.supportPhase);
  const mine = cases.filter((c) => {
    const cs = resolveSupport(c.support, c.support_phase);
    return c.metal === req.metal && cs.name === s.name;
  });
  const points: MapCase[] = [];
  for (const c of mine) {
    const { input } = caseToPredictInput(c);
    if (!input.gas) continue;
    const T = input.temperature_K ?? p.defaultTemperature_K;
    if (input.gas === "H2O/H2" && input.composition?.h2oH2 === undefined) continue;
    const atm = atmosphereOf(input.gas, T, p, input.composition);
    points.push({
      id: c.id,
      label: normaliseLabel(c.expected_class),
      temperature_K: T,
      deltaMuO_eV: oxygenPotential(T, atm).deltaMuO_eV,
      temperatureAssumed: input.temperature_K === null || input.temperature_K === undefined,
    });
  }
  const labels = [...new Set([...cells.map((c) => c.label), ...points.map((q) => q.label)])].sort();
  return {
    metal: req.metal,
    support: s.name,
    axes: { temperature_K: [req.tMin_K, req.tMax_K], deltaMuO_eV: [req.muMin_eV, req.muMax_eV], nT, nMu },
    labels,
    cells,
    cases: points,
  };
}

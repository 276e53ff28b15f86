/**
 * Charts of the thermo module: the Ellingham–Richardson diagram, the five-region μ_O profile and the
 * oxygen landscape. Loaded only by dynamic import (Observable Plot, jsdom, resvg are heavy).
 */
import * as Plot from "@observablehq/plot";
import { ellinghamGibbs, resolveOxide, THERMO_T_RANGE_K } from "../thermo/ellingham.js";
import type { OxygenLandscape } from "../thermo/landscape.js";
import { deltaGCOOxidation, deltaGWaterFormation } from "../thermo/oxygen-potential.js";
import type { MuOProfile } from "../thermo/profile.js";
import { GAS_CONSTANT_J_PER_MOL_K } from "../units/constants.js";
import { InputError } from "../units/errors.js";
import type { Kelvin } from "../units/quantities.js";
import { distinctColours, finishSvg, plotDocument, renderPlot, spreadLabels } from "./render.js";

export interface EllinghamLine {
  oxide: string;
  phase: string;
  cpIncluded: boolean;
  points: { T_K: Kelvin; dG_kJ_per_mol_O2: number; extrapolated: boolean }[];
}

/** Most points per Ellingham line (bounded work whatever the range). */
export const MAX_ELLINGHAM_POINTS = 200;

/** ΔG°_f per mol O2 of each oxide on a temperature grid of at most MAX_ELLINGHAM_POINTS points. */
export function ellinghamLines(
  oxides: string[],
  tMin: Kelvin = 300,
  tMax: Kelvin = 2000,
  step: Kelvin = 25,
): EllinghamLine[] {
  const [lo, hi] = THERMO_T_RANGE_K;
  if (!(tMin >= lo - 0.5 && tMin <= hi))
    throw new InputError("--t-min", `${tMin} K is outside the accepted ${lo}–${hi} K`);
  if (!(tMax >= lo - 0.5 && tMax <= hi))
    throw new InputError("--t-max", `${tMax} K is outside the accepted ${lo}–${hi} K`);
  if (!(tMax > tMin)) throw new InputError("--t-max", `must exceed --t-min (${tMin} K)`);
  const n = Math.min(MAX_ELLINGHAM_POINTS, Math.max(2, Math.ceil((tMax - tMin) / Math.max(step, 1e-9)) + 1));
  const seen = new Set<string>();
  const unique = oxides
    .map((o) => ({ o, r: resolveOxide(o, "--oxides") }))
    .filter(({ r }) => {
      const key = `${r.formula}|${r.phase ?? ""}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return unique.map(({ r }) => {
    const { formula, phase } = r;
    const points: EllinghamLine["points"] = [];
    let cp = false;
    for (let i = 0; i < n; i++) {
      const T = tMin + ((tMax - tMin) * i) / (n - 1);
      const g = ellinghamGibbs(formula, T, phase);
      cp = g.cpIncluded;
      points.push({ T_K: T, dG_kJ_per_mol_O2: g.dG_kJ_per_mol_O2, extrapolated: g.extrapolated });
    }
    return { oxide: formula, phase: phase ?? "", cpIncluded: cp, points };
  });
}

export interface EllinghamChartOptions {
  /** Temperature axis in °C instead of K. */
  celsius?: boolean;
  /** Draw the nomographic p_O2, H2/H2O and CO/CO2 scales (Richardson diagram), default true. */
  nomographic?: boolean;
}

const lineName = (l: EllinghamLine) => (l.phase && l.oxide === "TiO2" ? `${l.oxide} (${l.phase})` : l.oxide);

/** Decades shown on the nomographic scales (every other decade keeps them legible). */
const SCALE_DECADES = Array.from({ length: 31 }, (_, i) => -2 * i + 10).filter((k) => k <= 10);

/**
 * Where a scale line ΔG(T) meets the right edge of the plot (T = tMax) inside the y range: the label
 * position of that ratio on the nomographic scale.
 */
function scaleTicks(
  lineAt: (T: number, k: number) => number,
  tMax: number,
  yDomain: [number, number],
): { y: number; k: number }[] {
  const out: { y: number; k: number }[] = [];
  for (const k of SCALE_DECADES) {
    const y = lineAt(tMax, k);
    if (y >= yDomain[0] && y <= yDomain[1]) out.push({ y, k });
  }
  return out;
}

/** SVG Ellingham–Richardson diagram. */
export function ellinghamSvg(lines: EllinghamLine[], options: EllinghamChartOptions = {}): string {
  const toX = (T: number) => (options.celsius ? T - 273.15 : T);
  const names = lines.map(lineName);
  // label order = order of the lines at their right end, so that colours alternate between neighbours
  const endY = lines.map((l) => l.points[l.points.length - 1].dG_kJ_per_mol_O2);
  const order = names.map((n, i) => ({ n, y: endY[i] })).sort((a, b) => a.y - b.y);
  const colours = distinctColours(order.length);
  const colourOf = new Map(order.map((o, i) => [o.n, colours[i]]));
  const rows = lines.flatMap((l, li) => {
    // a new segment starts whenever the extrapolated flag changes (the change point is shared)
    const out: { series: string; segment: string; x: number; y: number; extrapolated: boolean }[] = [];
    let seg = 0;
    l.points.forEach((p, i) => {
      if (i > 0 && p.extrapolated !== l.points[i - 1].extrapolated) {
        seg++;
        const q = l.points[i - 1];
        out.push({
          series: names[li],
          segment: `${names[li]}#${seg}`,
          x: toX(q.T_K),
          y: q.dG_kJ_per_mol_O2,
          extrapolated: p.extrapolated,
        });
      }
      out.push({
        series: names[li],
        segment: `${names[li]}#${seg}`,
        x: toX(p.T_K),
        y: p.dG_kJ_per_mol_O2,
        extrapolated: p.extrapolated,
      });
    });
    return out;
  });
  const ys = rows.map((r) => r.y);
  const yDomain: [number, number] = [Math.min(...ys, -50) - 20, Math.max(...ys, 0) + 20];
  const height = Math.max(620, 200 + lines.length * 17);
  const gap = ((yDomain[1] - yDomain[0]) / (height - 110)) * 12;
  const labelY = spreadLabels(endY, gap);
  const tMax = lines[0]?.points[lines[0].points.length - 1].T_K ?? 2000;
  const labels = lines.map((_, i) => ({ series: names[i], x: toX(tMax), y: endY[i], ly: labelY[i] }));
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: "#999" }),
    Plot.line(
      rows.filter((r) => !r.extrapolated),
      { x: "x", y: "y", z: "segment", stroke: "series", strokeWidth: 1.6 },
    ),
    Plot.line(
      rows.filter((r) => r.extrapolated),
      { x: "x", y: "y", z: "segment", stroke: "series", strokeWidth: 1.4, strokeDasharray: "4,3" },
    ),
    // leader from the line's right end to its label, then the label beside it
    Plot.link(labels, { x1: "x", x2: "x", y1: "y", y2: "ly", stroke: "series", strokeOpacity: 0.7 }),
    Plot.text(labels, {
      x: "x",
      y: "ly",
      text: "series",
      fill: "series",
      textAnchor: "start",
      dx: 5,
      fontSize: 10,
    }),
  ];
  if (options.nomographic !== false) {
    const R = GAS_CONSTANT_J_PER_MOL_K / 1000; // kJ/(mol K)
    const ln10 = Math.log(10);
    const scales: { name: string; dx: number; colour: string; at: (T: number, k: number) => number }[] = [
      { name: "p_O2 (bar)", dx: 100, colour: "#333", at: (T, k) => R * T * k * ln10 },
      {
        name: "H2/H2O",
        dx: 150,
        colour: "#1f5fa8",
        at: (T, k) => 2 * deltaGWaterFormation(T).dG_kJ_per_mol - 2 * R * T * k * ln10,
      },
      {
        name: "CO/CO2",
        dx: 200,
        colour: "#8a3b12",
        at: (T, k) => 2 * deltaGCOOxidation(T).dG_kJ_per_mol - 2 * R * T * k * ln10,
      },
    ];
    // origin points of the scales at 0 K (O: ΔG = 0; H and C: the T → 0 intercepts of the buffer lines)
    const t1 = Math.max(THERMO_T_RANGE_K[0], 300);
    const intercept = (f: (T: number) => number) => f(t1) - ((f(tMax) - f(t1)) / (tMax - t1)) * t1;
    const origins = [
      { name: "O", y: 0 },
      { name: "H", y: intercept((T) => scales[1].at(T, 0)) },
      { name: "C", y: intercept((T) => scales[2].at(T, 0)) },
    ];
    marks.push(
      Plot.dot(origins, { x: () => toX(0), y: "y", fill: "black", r: 3 }),
      Plot.text(origins, { x: () => toX(0), y: "y", text: "name", dx: 8, fontWeight: "bold", fontSize: 11 }),
    );
    for (const s of scales) {
      const ticks = scaleTicks(s.at, tMax, yDomain);
      marks.push(
        Plot.text(ticks, {
          x: () => toX(tMax),
          y: "y",
          text: (d: { k: number }) => `1e${d.k}`,
          dx: s.dx,
          textAnchor: "start",
          fontSize: 9,
          fill: s.colour,
        }),
        Plot.text([s.name], {
          x: () => toX(tMax),
          y: () => yDomain[1],
          text: (d: string) => d,
          dx: s.dx,
          dy: -8,
          textAnchor: "start",
          fontSize: 9,
          fontWeight: "bold",
          fill: s.colour,
        }),
      );
    }
  }
  const el = Plot.plot({
    document: plotDocument(),
    width: 1080,
    height,
    marginTop: 56,
    marginLeft: 64,
    marginRight: 250,
    marginBottom: 48,
    style: { fontFamily: "sans-serif", fontSize: "11px", background: "white" },
    x: {
      label: options.celsius ? "Temperature (°C)" : "Temperature T (K)",
      labelAnchor: "center",
      domain: options.nomographic !== false ? [toX(0), toX(tMax)] : undefined,
    },
    y: { label: "ΔG°f (kJ/mol O2)", domain: yDomain, grid: true, labelAnchor: "center" },
    color: { domain: order.map((o) => o.n), range: order.map((o) => colourOf.get(o.n) ?? "#000") },
    marks,
  });
  return finishSvg(
    el,
    "Ellingham–Richardson diagram",
    options.nomographic !== false
      ? "ΔG°f per mol O2 (p° = 1 bar); dashed: extrapolated. Equilibrium p_O2 (H2/H2O, CO/CO2): ruler from O (H, C) through the oxide's point to the scale on the right"
      : "ΔG°f per mol O2 (p° = 1 bar); dashed: outside the data's measured range (extrapolated) — smsi thermo",
  );
}

/** SVG of the five-region μ_O profile; `gas` states the atmosphere as the user gave it. */
export function profileSvg(p: MuOProfile, gas?: string): string {
  const names = p.regions.map((r) => r.region);
  const gasText = gas ?? `p_O2 = ${p.pO2_bar.toExponential(2)} bar`;
  return renderPlot({
    title: `μ_O profile: ${p.metal}/${p.support} (${p.supportPhase}) at ${p.temperature_K.toFixed(1)} K, ${gasText}`,
    subtitle: `gas Δμ_O = ${p.gasDeltaMuO_eV.toFixed(3)} eV; gate ${p.gate.verdict}; dominant route ${p.routes.dominantRoute}; O flow ${p.direction}`,
    width: 820,
    height: 480,
    x: { label: "region", kind: "point", domain: names },
    y: { label: "Δμ_O (eV per O, vs ½ E_O2)", includeZero: false },
    series: [{ name: "Δμ_O", points: p.regions.map((r) => ({ x: r.region, y: r.deltaMuO_eV })) }],
    markers: true,
    valueLabels: 3,
    includeZeroRule: false,
    rules: [{ y: p.gasDeltaMuO_eV, label: "gas" }],
  });
}

/** Horizontal display offset of the support surface from the interface in the landscape chart, nm. */
const SURFACE_NUDGE_NM = 0.12;

/** SVG of the oxygen landscape: O energy against depth across the interface, barriers as ticks above. */
export function landscapeSvg(l: OxygenLandscape, T?: number, gas?: string): string {
  // the free support surface and the interface share a plane (depth 0): draw the surface a little to the
  // left so that both stay readable (display only; depth_nm in the data is unchanged)
  const pts = l.regions.map((r, i) => ({
    ...r,
    order: i,
    depth_nm: r.region === "support surface" ? r.depth_nm - SURFACE_NUDGE_NM : r.depth_nm,
  }));
  const ys = pts.flatMap((r) => [r.oxygenEnergy_eV, r.oxygenEnergy_eV + r.migrationBarrier_eV]);
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const pad = (hi - lo) * 0.08 + 0.05;
  const el = Plot.plot({
    document: plotDocument(),
    width: 960,
    height: 520,
    marginTop: 56,
    marginLeft: 64,
    marginRight: 130,
    marginBottom: 48,
    style: { fontFamily: "sans-serif", fontSize: "11px", background: "white" },
    x: { label: "position across the interface (nm; support < 0 < metal)", labelAnchor: "center" },
    y: { label: "O energy (eV, vs ½ E_O2)", domain: [lo - pad, hi + pad], grid: true, labelAnchor: "center" },
    marks: [
      Plot.ruleX([0], { stroke: "#999", strokeDasharray: "4,3" }),
      Plot.line(pts, { x: "depth_nm", y: "oxygenEnergy_eV", stroke: "#444", sort: "order" }),
      Plot.ruleX(pts, {
        x: "depth_nm",
        y1: "oxygenEnergy_eV",
        y2: (d: { oxygenEnergy_eV: number; migrationBarrier_eV: number }) =>
          d.oxygenEnergy_eV + d.migrationBarrier_eV,
        stroke: "#c33",
        strokeOpacity: 0.6,
      }),
      Plot.dot(pts, {
        x: "depth_nm",
        y: "oxygenEnergy_eV",
        fill: (d: { isAssumption: boolean }) => (d.isAssumption ? "#e69f00" : "#0072b2"),
        r: 4,
      }),
      ...[0, 1].map((parity) =>
        Plot.text(
          pts.filter((d) => d.order % 2 === parity),
          {
            x: "depth_nm",
            y: "oxygenEnergy_eV",
            text: (d: { region: string; oxygenEnergy_eV: number }) =>
              `${d.region} ${d.oxygenEnergy_eV.toFixed(2)}`,
            dy: parity === 0 ? 14 : -12,
            dx: 4,
            fontSize: 9,
            textAnchor: "start",
            rotate: -20,
          },
        ),
      ),
    ],
  });
  return finishSvg(
    el,
    `Oxygen landscape: ${l.metal} on ${l.support} ${l.facet}, gate ${l.gate}${T ? ` at ${T.toFixed(1)} K` : ""}${gas ? `, ${gas}` : ""}`,
    "dots: O energy (blue sourced, orange assumption); red ticks: migration barrier above it — smsi thermo landscape",
  );
}

/**
 * Condition-map chart of smsi predict: the predicted class over temperature × Δμ_O as coloured cells,
 * the published cases of the pair as labelled points, a legend, and an O2-pressure hint. Loaded only by
 * dynamic import (Observable Plot and jsdom are heavy); rasterised with render.ts's svgToPng.
 */
import * as Plot from "@observablehq/plot";
import { JSDOM } from "jsdom";
import type { ConditionMap } from "../predict/map.js";

/** One colour per class, stable across maps (colour-blind-safe Tableau/Okabe–Ito picks). */
export const CLASS_COLOURS: Record<string, string> = {
  "BP-SMSI": "#d55e00",
  "SE-SMSI-reductive": "#0072b2",
  "SE-SMSI-oxidative": "#56b4e9",
  "SE-SMSI-adsorbate": "#009e73",
  EMSI: "#e69f00",
  CMSI: "#cc79a7",
  none: "#dddddd",
  indeterminate: "#999999",
};

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** One text per position: cases at the same (T, Δμ_O) share a label line, grouped by class. */
function groupedLabels(m: ConditionMap): { temperature_K: number; deltaMuO_eV: number; text: string }[] {
  const groups = new Map<
    string,
    { temperature_K: number; deltaMuO_eV: number; ids: Map<string, string[]> }
  >();
  for (const c of m.cases) {
    const key = `${c.temperature_K.toFixed(1)}|${c.deltaMuO_eV.toFixed(2)}`;
    const g = groups.get(key) ?? {
      temperature_K: c.temperature_K,
      deltaMuO_eV: c.deltaMuO_eV,
      ids: new Map(),
    };
    g.ids.set(c.label, [...(g.ids.get(c.label) ?? []), c.id]);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({
    temperature_K: g.temperature_K,
    deltaMuO_eV: g.deltaMuO_eV,
    text: [...g.ids].map(([label, ids]) => `${ids.join(", ")} (${label})`).join("; "),
  }));
}

export function conditionMapSvg(m: ConditionMap): string {
  const { window } = new JSDOM("<!DOCTYPE html><body></body>");
  const [t0, t1] = m.axes.temperature_K;
  const [u0, u1] = m.axes.deltaMuO_eV;
  const dT = (t1 - t0) / (m.axes.nT - 1);
  const dU = (u1 - u0) / (m.axes.nMu - 1);
  const cells = m.cells.map((c) => ({
    x1: c.temperature_K - dT / 2,
    x2: c.temperature_K + dT / 2,
    y1: c.deltaMuO_eV - dU / 2,
    y2: c.deltaMuO_eV + dU / 2,
    label: c.label,
    likelihood: c.likelihood,
  }));
  const domain = m.labels;
  const range = domain.map((l) => CLASS_COLOURS[l] ?? "#777777");
  const el = Plot.plot({
    document: window.document,
    width: 820,
    height: 520,
    marginTop: 56,
    marginLeft: 64,
    marginRight: 20,
    marginBottom: 48,
    style: { fontFamily: "sans-serif", fontSize: "11px", background: "white" },
    x: { label: "temperature (K)", domain: [t0 - dT / 2, t1 + dT / 2], labelAnchor: "center" },
    y: { label: "Δμ_O (eV, Reuter–Scheffler)", domain: [u0 - dU / 2, u1 + dU / 2], labelAnchor: "center" },
    color: { type: "categorical", domain, range },
    marks: [
      Plot.rect(cells, {
        x1: "x1",
        x2: "x2",
        y1: "y1",
        y2: "y2",
        fill: "label",
        fillOpacity: (d: { likelihood: number }) => 0.35 + 0.65 * Math.min(1, Math.max(0, d.likelihood)),
      }),
      Plot.dot(m.cases, {
        x: "temperature_K",
        y: "deltaMuO_eV",
        fill: "label",
        stroke: "black",
        r: 5,
        symbol: (d: { temperatureAssumed: boolean }) => (d.temperatureAssumed ? "diamond" : "circle"),
      }),
      Plot.text(groupedLabels(m), {
        x: "temperature_K",
        y: "deltaMuO_eV",
        text: "text",
        dx: 7,
        textAnchor: "start",
        fontSize: 9,
      }),
    ],
  });
  const svg = el.tagName.toLowerCase() === "svg" ? el : el.querySelector("svg");
  if (!svg) throw new Error("Observable Plot returned no <svg> element");
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  // Legend drawn inside the SVG (Plot's own legend is HTML outside it and would not reach the PNG).
  const legend = domain
    .map(
      (l, i) =>
        `<rect x="${12 + i * 125}" y="30" width="12" height="12" fill="${CLASS_COLOURS[l] ?? "#777"}" stroke="#333" stroke-width="0.5"/><text x="${28 + i * 125}" y="40" text-anchor="start" font-family="sans-serif" font-size="11">${escapeXml(l)}</text>`,
    )
    .join("");
  const title = `<text x="12" y="20" text-anchor="start" font-family="sans-serif" font-size="15" font-weight="bold">${escapeXml(
    `Predicted SMSI class: ${m.metal} on ${m.support}`,
  )}</text><text x="${12 + Math.max(domain.length, 1) * 125}" y="40" text-anchor="start" font-family="sans-serif" font-size="10" fill="#555">points: published cases (◆ = temperature assumed); shade = likelihood</text>`;
  const body = svg.outerHTML.replace(
    /(<svg[^>]*>)/,
    `$1<rect width="100%" height="100%" fill="white"/>${title}${legend}`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`;
}

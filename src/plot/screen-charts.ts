/**
 * Heat map of a screening campaign: metal × support cells shaded by the largest BP-SMSI share over the
 * campaign's conditions (left) and the largest SE-SMSI share (right), the value written in each cell.
 * Loaded only by dynamic import (Observable Plot and jsdom are heavy); rasterised with render.ts.
 */
import * as Plot from "@observablehq/plot";
import { JSDOM } from "jsdom";
import type { ScreenReport } from "../screen/report.js";
import { CLASS_COLOURS } from "./map-chart.js";

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const BLANK = "#f7f7f7";

/** Linear blend of two #rrggbb colours (resvg has no CSS color-mix). */
function blend(from: string, to: string, f: number): string {
  const t = Math.min(1, Math.max(0, f));
  const ch = (hex: string, i: number) => Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  return `#${[0, 1, 2]
    .map((i) =>
      Math.round(ch(from, i) + (ch(to, i) - ch(from, i)) * t)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

const PANEL_COLOUR: Record<string, string> = {
  "BP-SMSI": CLASS_COLOURS["BP-SMSI"],
  "SE-SMSI": CLASS_COLOURS["SE-SMSI-reductive"],
};

export function screenHeatmapSvg(report: ScreenReport, title: string): string {
  const { window } = new JSDOM("<!DOCTYPE html><body></body>");
  const { metals, supports, cells } = report.heatmap;
  const rows = cells.flatMap((c) => [
    { metal: c.metal, support: c.support, panel: "BP-SMSI", share: c.maxShareBP ?? 0 },
    { metal: c.metal, support: c.support, panel: "SE-SMSI", share: c.maxShareSE ?? 0 },
  ]);
  const cellSize = 34;
  const el = Plot.plot({
    document: window.document,
    width: Math.max(520, 140 + 2 * supports.length * cellSize + 80),
    height: Math.max(220, 120 + metals.length * cellSize),
    marginTop: 70,
    marginLeft: 50,
    marginBottom: 110,
    style: { fontFamily: "sans-serif", fontSize: "11px", background: "white" },
    fx: { label: null, domain: ["BP-SMSI", "SE-SMSI"] },
    x: { label: null, domain: supports, tickRotate: -40 },
    y: { label: "metal", domain: metals },
    marks: [
      Plot.cell(rows, {
        fx: "panel",
        x: "support",
        y: "metal",
        fill: (d: { panel: string; share: number }) => blend(BLANK, PANEL_COLOUR[d.panel], d.share),
        inset: 0.5,
      }),
      Plot.text(rows, {
        fx: "panel",
        x: "support",
        y: "metal",
        text: (d: { share: number }) => d.share.toFixed(2),
        fill: (d: { share: number }) => (d.share > 0.6 ? "white" : "black"),
        fontSize: 9,
      }),
    ],
  });
  const svg = el.tagName.toLowerCase() === "svg" ? el : el.querySelector("svg");
  if (!svg) throw new Error("Observable Plot returned no <svg> element");
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  const head = `<text x="12" y="20" text-anchor="start" font-family="sans-serif" font-size="15" font-weight="bold">${escapeXml(title)}</text><text x="12" y="38" text-anchor="start" font-family="sans-serif" font-size="11" fill="#444">cell: largest share of the class over the campaign's conditions and facets (0–1)</text>`;
  const body = svg.outerHTML.replace(
    /(<svg[^>]*>)/,
    `$1<rect width="100%" height="100%" fill="white"/>${head}`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`;
}

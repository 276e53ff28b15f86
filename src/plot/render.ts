/**
 * Server-side charts: SVG via @observablehq/plot rendered into a jsdom document, PNG via resvg.
 * `renderPlot(options)` draws labelled line series (optionally step curves, points, horizontal
 * rules) and returns a standalone SVG string; `svgToPng(svg)` rasterises it.
 */
import * as Plot from "@observablehq/plot";
import { Resvg } from "@resvg/resvg-js";
import { JSDOM } from "jsdom";

export interface PlotPoint {
  x: number | string;
  y: number;
}

export interface PlotSeries {
  name: string;
  points: PlotPoint[];
  /** Draw a text label with the series name at its last point. */
  labelEnd?: boolean;
}

export interface PlotRule {
  y: number;
  label?: string;
}

export interface PlotOptions {
  title?: string;
  subtitle?: string;
  width?: number;
  height?: number;
  x: { label: string; domain?: [number, number] | string[]; kind?: "linear" | "point" };
  /** includeZero (default true): keep 0 inside the y range; false fits the axis to the data. */
  y: { label: string; domain?: [number, number]; includeZero?: boolean };
  series: PlotSeries[];
  curve?: "linear" | "step";
  markers?: boolean;
  /** Label every point with its y value (fixed digits). */
  valueLabels?: number;
  rules?: PlotRule[];
  /** Draw the y = 0 rule (default true). */
  includeZeroRule?: boolean;
}

/** Padding added to a y range fitted to the data, as a fraction of the span (layout choice). */
const Y_PAD_FRACTION = 0.08;

/** y range of the values, with 0 included or fitted to the data with a small padding. */
export function yExtent(ys: number[], includeZero: boolean): [number, number] {
  const finite = ys.filter(Number.isFinite);
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (includeZero) return [Math.min(0, lo), Math.max(0, hi)];
  const pad = Math.max(hi - lo, 0.05 * Math.max(Math.abs(lo), Math.abs(hi), 1)) * Y_PAD_FRACTION;
  lo -= pad;
  hi += pad;
  return [lo, hi];
}

/**
 * n distinct colours for series ordered by position (e.g. by their label height): successive hues are
 * 137.5° apart (golden angle) and lightness alternates, so neighbours never share or resemble a colour.
 */
export function distinctColours(n: number): string[] {
  return Array.from({ length: n }, (_, i) => hslToHex((i * 137.508) % 360, 0.7, i % 2 === 0 ? 0.36 : 0.5));
}

/** #rrggbb of an HSL colour (resvg does not read every CSS hsl() form). */
export function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(255 * c)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

interface Row {
  series: string;
  x: number | string;
  y: number;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Chart height when none is given, px. */
const DEFAULT_HEIGHT_PX = 480;
/** Vertical room taken by titles, axes and margins, px (layout choice of these charts). */
const PLOT_MARGIN_PX = 110;
/** Height of one line of 10-px end labels, px. */
const LABEL_LINE_PX = 11;

/**
 * Positions for labels at `values` (data units) at least `gap` apart and as close to their own value
 * as possible: overlapping labels merge into groups centred on the mean of their values, until no
 * groups overlap. Returns the positions in the input order.
 */
export function spreadLabels(values: readonly number[], gap: number): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  type Group = { members: { v: number; i: number }[]; centre: number };
  const lowest = (g: Group) => g.centre - ((g.members.length - 1) * gap) / 2;
  const highest = (g: Group) => g.centre + ((g.members.length - 1) * gap) / 2;
  let groups: Group[] = order.map((m) => ({ members: [m], centre: m.v }));
  let merged = true;
  while (merged) {
    merged = false;
    const next: Group[] = [];
    for (const g of groups) {
      const prev = next[next.length - 1];
      if (prev && lowest(g) - highest(prev) < gap) {
        const members = [...prev.members, ...g.members];
        next[next.length - 1] = { members, centre: members.reduce((s, m) => s + m.v, 0) / members.length };
        merged = true;
      } else next.push(g);
    }
    groups = next;
  }
  const out = new Array<number>(values.length);
  for (const g of groups)
    g.members.forEach((m, k) => {
      out[m.i] = lowest(g) + k * gap;
    });
  return out;
}

/** Render the chart to a standalone SVG document string. */
export function renderPlot(options: PlotOptions): string {
  const document = plotDocument();
  const rows: Row[] = options.series.flatMap((s) =>
    s.points.map((p) => ({ series: s.name, x: p.x, y: p.y })),
  );
  const ends: Row[] = options.series
    .filter((s) => s.labelEnd && s.points.length > 0)
    .map((s) => {
      const p = s.points[s.points.length - 1];
      return { series: s.name, x: p.x, y: p.y };
    });
  if (ends.length > 1) {
    // keep end labels apart by one text line: data units per pixel from the y range and plot height
    const ys = rows.map((r) => r.y);
    const [lo, hi] = options.y.domain ?? yExtent(ys, options.y.includeZero ?? true);
    const gap =
      ((hi - lo) / Math.max(1, (options.height ?? DEFAULT_HEIGHT_PX) - PLOT_MARGIN_PX)) * LABEL_LINE_PX;
    const spread = spreadLabels(
      ends.map((e) => e.y),
      gap,
    );
    ends.forEach((e, i) => {
      e.y = spread[i];
    });
  }
  const curve = options.curve === "step" ? "step" : "linear";
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: "#999" }),
    Plot.lineY(rows, { x: "x", y: "y", z: "series", stroke: "series", curve, strokeWidth: 1.6 }),
  ];
  if (options.includeZeroRule === false) marks.shift();
  if (options.markers) marks.push(Plot.dot(rows, { x: "x", y: "y", fill: "series", r: 3 }));
  if (options.valueLabels !== undefined) {
    const digits = options.valueLabels;
    marks.push(
      Plot.text(rows, { x: "x", y: "y", text: (d: Row) => d.y.toFixed(digits), dy: -9, fontSize: 10 }),
    );
  }
  if (ends.length > 0)
    marks.push(
      Plot.text(ends, {
        x: "x",
        y: "y",
        text: "series",
        fill: "series",
        textAnchor: "start",
        dx: 4,
        fontSize: 10,
      }),
    );
  for (const r of options.rules ?? []) {
    marks.push(Plot.ruleY([r.y], { stroke: "#c33", strokeDasharray: "4,3" }));
    if (r.label)
      marks.push(
        Plot.text([r.y], {
          y: (d: number) => d,
          text: () => r.label ?? "",
          frameAnchor: "left",
          dy: -6,
          dx: 4,
          fill: "#c33",
          fontSize: 10,
          textAnchor: "start",
        }),
      );
  }
  const xKind = options.x.kind ?? "linear";
  const yDomain =
    options.y.domain ??
    (options.y.includeZero === false
      ? yExtent(
          rows.map((r) => r.y),
          false,
        )
      : undefined);
  const el = Plot.plot({
    document,
    width: options.width ?? 760,
    height: options.height ?? DEFAULT_HEIGHT_PX,
    marginTop: options.title ? 48 : 20,
    marginRight: ends.length > 0 ? 90 : 30,
    marginLeft: 64,
    marginBottom: 48,
    style: { fontFamily: "sans-serif", fontSize: "11px", background: "white" },
    x: {
      label: options.x.label,
      type: xKind === "point" ? "point" : "linear",
      domain: options.x.domain,
      padding: xKind === "point" ? 0.3 : undefined,
      labelAnchor: "center",
    },
    y: { label: options.y.label, domain: yDomain, grid: true, labelAnchor: "center" },
    color: { type: "categorical", scheme: "tableau10" },
    marks,
  });
  return finishSvg(el, options.title, options.subtitle);
}

/** A fresh jsdom document for Observable Plot. */
export function plotDocument(): Document {
  return new JSDOM("<!DOCTYPE html><body></body>").window.document;
}

/** Standalone SVG document string from a Plot element, with an optional title and subtitle. */
export function finishSvg(el: Element, title?: string, subtitle?: string): string {
  const options = { title, subtitle };
  const svg = el.tagName.toLowerCase() === "svg" ? el : el.querySelector("svg");
  if (!svg) throw new Error("Observable Plot returned no <svg> element");
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  svg.setAttribute("xmlns:xlink", "http://www.w3.org/1999/xlink");
  let body = svg.outerHTML;
  if (options.title) {
    const title = `<text x="12" y="20" text-anchor="start" font-family="sans-serif" font-size="15" font-weight="bold">${escapeXml(options.title)}</text>`;
    const sub = options.subtitle
      ? `<text x="12" y="37" text-anchor="start" font-family="sans-serif" font-size="11" fill="#555">${escapeXml(options.subtitle)}</text>`
      : "";
    body = body.replace(/(<svg[^>]*>)/, `$1<rect width="100%" height="100%" fill="white"/>${title}${sub}`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`;
}

/** Rasterise an SVG string to PNG bytes. */
export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "white",
    font: { loadSystemFonts: true, defaultFontFamily: "sans-serif" },
  });
  return Buffer.from(resvg.render().asPng());
}

/** Write an SVG or PNG file depending on the extension; returns the format written. */
export function chartBytes(svg: string, path: string): { format: "svg" | "png"; bytes: Buffer } {
  if (/\.png$/i.test(path)) return { format: "png", bytes: svgToPng(svg) };
  if (/\.svg$/i.test(path)) return { format: "svg", bytes: Buffer.from(svg, "utf8") };
  throw new Error(`unsupported chart extension: ${path}`);
}

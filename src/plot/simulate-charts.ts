/**
 * Snapshot pictures of `smsi simulate --out DIR`: a cross-section of Model A (support O sublattice,
 * interface, metal interstices; ¹⁸O and ¹⁶O coloured apart) and a top view of Model B (metal disk,
 * suboxide units). Plain SVG drawn here (one mark per site); PNG through render.ts (resvg). Loaded only
 * by dynamic import from the CLI.
 */
import type { CrossSection } from "../kinetics/bulk-oxygen.js";
import { svgToPng } from "./render.js";

/** Colours of the snapshot marks. */
const COLOUR = {
  o18: "#d62728",
  o16: "#1f77b4",
  vacancy: "#ffffff",
  supportStroke: "#888888",
  metalStroke: "#b8860b",
  interfaceStroke: "#2ca02c",
  metalSite: "#f3e6c4",
  supportSite: "#e8e8e8",
  unit: "#7f3fbf",
};

const PX_PER_NM = 90;
const MARGIN = 40;

const esc = (t: string) => t.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

function frame(
  width: number,
  height: number,
  title: string,
  legend: [string, string][],
  body: string[],
): string {
  const items = legend
    .map(
      ([colour, text], k) =>
        `<circle cx="${MARGIN + k * 150}" cy="${height - 14}" r="5" fill="${colour}" stroke="#555"/><text x="${MARGIN + 10 + k * 150}" y="${height - 10}" font-size="11" font-family="sans-serif">${esc(text)}</text>`,
    )
    .join("");
  const w = Math.max(width, 2 * MARGIN + 150 * legend.length);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${height}" viewBox="0 0 ${w} ${height}"><rect width="100%" height="100%" fill="white"/><text x="12" y="20" font-family="sans-serif" font-size="14" font-weight="bold">${esc(title)}</text>${body.join("")}${items}</svg>\n`;
}

/** Model A cross-section: x across, height up (support below 0, metal above). */
export function crossSectionSvg(cs: CrossSection, title: string): string {
  const zs = cs.sites.map((s) => s.z_nm);
  const zMin = Math.min(...zs);
  const zMax = Math.max(...zs);
  const width = Math.round(cs.width_nm * PX_PER_NM + 2 * MARGIN);
  const height = Math.round((zMax - zMin) * PX_PER_NM + 2 * MARGIN + 40);
  const X = (x: number) => MARGIN + x * PX_PER_NM;
  const Y = (z: number) => MARGIN + 10 + (zMax - z) * PX_PER_NM;
  const body = cs.sites.map((s) => {
    const fill = s.occupied
      ? s.o18
        ? COLOUR.o18
        : COLOUR.o16
      : s.phase === "metal"
        ? COLOUR.metalSite
        : COLOUR.supportSite;
    const stroke =
      s.phase === "metal"
        ? COLOUR.metalStroke
        : s.phase === "interface"
          ? COLOUR.interfaceStroke
          : COLOUR.supportStroke;
    return `<circle cx="${X(s.x_nm).toFixed(1)}" cy="${Y(s.z_nm).toFixed(1)}" r="${s.phase === "metal" ? 4 : 6}" fill="${fill}" stroke="${stroke}" stroke-width="1.2"/>`;
  });
  body.push(
    `<line x1="${MARGIN}" x2="${width - MARGIN}" y1="${Y(0.1)}" y2="${Y(0.1)}" stroke="#999" stroke-dasharray="4 3"/>`,
    `<text x="${width - MARGIN}" y="${Y(0.1) - 4}" text-anchor="end" font-size="10" font-family="sans-serif" fill="#666">interface</text>`,
  );
  return frame(
    width,
    height,
    `${title} — t = ${cs.time_s.toExponential(3)} s, ${cs.events} events`,
    [
      [COLOUR.o18, "¹⁸O (from the support)"],
      [COLOUR.o16, "¹⁶O (from the gas)"],
      [COLOUR.supportSite, "support vacancy"],
      [COLOUR.metalSite, "empty interstice"],
    ],
    body,
  );
}

/** Model B top view: support and metal sites, units on them. */
export function topViewSvg(
  v: { side: number; spacing_nm: number; time_s: number; metal: number[]; occupied: number[] },
  title: string,
): string {
  const cell = Math.max(4, Math.min(16, Math.floor(600 / v.side)));
  const width = v.side * cell + 2 * MARGIN;
  const height = v.side * cell + 2 * MARGIN + 40;
  const body: string[] = [];
  for (let j = 0; j < v.side; j++)
    for (let i = 0; i < v.side; i++) {
      const s = i + v.side * j;
      const fill = v.occupied[s] ? COLOUR.unit : v.metal[s] ? COLOUR.metalSite : COLOUR.supportSite;
      body.push(
        `<rect x="${MARGIN + i * cell}" y="${MARGIN + 10 + j * cell}" width="${cell - 1}" height="${cell - 1}" fill="${fill}" stroke="${v.metal[s] ? COLOUR.metalStroke : "none"}"/>`,
      );
    }
  return frame(
    width,
    height,
    `${title} — t = ${v.time_s.toExponential(3)} s`,
    [
      [COLOUR.unit, "suboxide unit"],
      [COLOUR.metalSite, "free metal site"],
      [COLOUR.supportSite, "support site"],
    ],
    body,
  );
}

export { svgToPng };

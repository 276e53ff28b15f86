import { useSignal } from "@preact/signals";
import { post } from "../api";
import { ErrorBox, ExportBar, errorText } from "../common";

interface MapResult {
  runId: string;
  metal: string;
  support: string;
  gas: string;
  x: { label: string; values: number[] };
  y: { label: string; field: string; values: number[] };
  classes: string[][];
  legend: string[];
}

const COLOURS: Record<string, string> = {
  "BP-SMSI-oxidative": "#f4a259",
  "SE-SMSI-reductive": "#5b8def",
  none: "#e3e6ea",
};
const colourOf = (c: string) => COLOURS[c] ?? "#b48ead";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** A class map as a standalone SVG (cells, axes, legend). */
export function mapSvg(m: MapResult): string {
  const W = 720;
  const H = 400;
  const mg = { l: 64, r: 190, t: 30, b: 46 };
  const nx = m.x.values.length;
  const ny = m.y.values.length;
  const cw = (W - mg.l - mg.r) / nx;
  const ch = (H - mg.t - mg.b) / ny;
  const cells = m.classes.flatMap((row, j) =>
    row.map(
      (c, i) =>
        `<rect x="${(mg.l + i * cw).toFixed(2)}" y="${(H - mg.b - (j + 1) * ch).toFixed(2)}" width="${(cw + 0.4).toFixed(2)}" height="${(ch + 0.4).toFixed(2)}" fill="${colourOf(c)}"><title>${esc(c)} at ${m.x.values[i].toFixed(0)} K, ${m.y.label} = ${m.y.values[j].toFixed(2)}</title></rect>`,
    ),
  );
  const xt = [0, Math.floor((nx - 1) / 2), nx - 1].map(
    (i) =>
      `<text x="${mg.l + (i + 0.5) * cw}" y="${H - mg.b + 16}" text-anchor="middle">${m.x.values[i].toFixed(0)}</text>`,
  );
  const yt = [0, Math.floor((ny - 1) / 2), ny - 1].map(
    (j) =>
      `<text x="${mg.l - 6}" y="${H - mg.b - (j + 0.5) * ch + 4}" text-anchor="end">${m.y.values[j].toFixed(1)}</text>`,
  );
  const legend = m.legend.map(
    (c, k) =>
      `<rect x="${W - mg.r + 16}" y="${mg.t + k * 22}" width="14" height="14" fill="${colourOf(c)}" stroke="#0003"/><text x="${W - mg.r + 36}" y="${mg.t + k * 22 + 11}">${esc(c)}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12"><rect width="${W}" height="${H}" fill="white"/><text x="${mg.l}" y="18" font-weight="bold">${esc(`${m.metal}/${m.support} in ${m.gas}: predicted class`)}</text>${cells.join("")}<rect x="${mg.l}" y="${mg.t}" width="${W - mg.l - mg.r}" height="${H - mg.t - mg.b}" fill="none" stroke="black"/>${xt.join("")}${yt.join("")}<text x="${(W - mg.r + mg.l) / 2}" y="${H - 8}" text-anchor="middle">${esc(m.x.label)}</text><text transform="translate(16 ${(H - mg.b + mg.t) / 2}) rotate(-90)" text-anchor="middle">${esc(m.y.label)}</text>${legend.join("")}</svg>`;
}

export function ConditionMap(props: { body: () => { metal: string; support: string; gas: string } }) {
  const result = useSignal<MapResult | null>(null);
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  const draw = async () => {
    busy.value = true;
    error.value = null;
    try {
      const b = props.body();
      const reducing = !["O2", "air", "vacuum", "inert"].includes(b.gas);
      result.value = await post<MapResult>("/api/predict/map", {
        ...b,
        log10Min: reducing ? -8 : -12,
        log10Max: reducing ? 0 : 1,
      });
    } catch (e) {
      error.value = errorText(e);
    } finally {
      busy.value = false;
    }
  };
  const m = result.value;
  const svg = m ? mapSvg(m) : "";
  return (
    <section aria-label="Condition map">
      <h3>Condition map</h3>
      <button type="button" onClick={draw} disabled={busy.value}>
        {busy.value ? "Computing…" : "Draw the class over temperature and gas composition"}
      </button>
      <ErrorBox error={error.value} />
      {m && (
        <>
          <div
            class="chart"
            role="img"
            aria-label="condition map"
            data-testid="condition-map"
            dangerouslySetInnerHTML={{ __html: svg }}
          />
          <ExportBar
            name={`map-${m.metal}-${m.support}-${m.gas.replace("/", "")}`}
            json={() => m}
            csv={() =>
              m.classes.flatMap((row, j) =>
                row.map((c, i) => ({
                  temperature_K: m.x.values[i],
                  [m.y.field]: 10 ** m.y.values[j],
                  class: c,
                })),
              )
            }
            svg={() => svg}
          />
        </>
      )}
    </section>
  );
}

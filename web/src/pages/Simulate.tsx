import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { type JobEvent, type MaterialEntry, materials } from "../api";
import { ErrorBox, ExportBar, Field, JobPanel, MaterialSelect, errorText, fmt, TextField } from "../common";

/** One point of the curve, as the simulate job sends it (src/server/capabilities.ts `SimulatePoint`). */
interface Point {
  events: number;
  time_s: number;
  a: number;
  b: number | null;
}

interface SimulateResult {
  model: "bulk-oxygen" | "encapsulation";
  metal: string;
  support: string;
  temperature_K: number;
  deltaMuO_eV: number;
  gate: { verdict: string; source: string };
  final: Record<string, number | null>;
  points: Point[];
  series: Record<string, unknown>[];
  simulatedTime_s: number;
  events: number;
  /** Cross-section (Model A) or top view (Model B) at the start and the end, SVG. */
  snapshots: { name: string; time_s: number; svg: string }[];
}

const MODELS = {
  "bulk-oxygen": {
    title: "Bulk oxygen (Model A, BP-SMSI)",
    a: "oxidised fraction",
    b: "¹⁸O fraction of metal O",
    final: [
      ["oxidisedFraction", "oxidised fraction"],
      ["o18FractionOfMetalOxygen", "¹⁸O fraction of the metal's O"],
      ["frontDepth_nm", "front above the interface (nm)"],
      ["interfaceCrossings", "interface crossings"],
      ["surfaceIncorporations", "surface incorporations"],
    ],
  },
  encapsulation: {
    title: "Encapsulation (Model B, SE-SMSI)",
    a: "free metal site fraction",
    b: "coverage",
    final: [
      ["freeMetalSiteFraction", "free metal site fraction"],
      ["coverage", "coverage of the metal"],
      ["coCapacityRelative", "CO capacity (relative)"],
    ],
  },
} as const;
type Model = keyof typeof MODELS;

const COLOURS = { a: "#1f5fbf", b: "#c0392b" };

/** Upper end of a panel's y axis: 1 for fractions that reach it, else a round value above the data. */
function yTop(values: number[]): number {
  const max = Math.max(0, ...values);
  if (max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.min(1, Math.ceil((max * 1.05) / step) * step);
}

/**
 * The curve as an SVG string (shown inline and exported as SVG / PNG): each observable in its own panel
 * against simulated time, each y axis from 0 to a round value above its data (the two differ by orders of
 * magnitude early in a run).
 */
export function curveSvg(points: Point[], model: Model, title: string): string {
  const W = 640;
  const panelH = 130;
  const m = { l: 60, r: 16, t: 42, gap: 34, b: 40 };
  const H = m.t + 2 * panelH + m.gap + m.b;
  const t1 = Math.max(1e-300, ...points.map((p) => p.time_s));
  const X = (t: number) => m.l + (t / t1) * (W - m.l - m.r);
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const labels = MODELS[model];
  const panel = (key: "a" | "b", top: number) => {
    const values = points.map((p) => p[key]).filter((v): v is number => v !== null);
    const y1 = yTop(values);
    const Y = (y: number) => top + panelH - (y / y1) * panelH;
    let d = "";
    let dots = "";
    points.forEach((p, i) => {
      const v = p[key];
      if (v === null) return;
      const pen = i > 0 && points[i - 1][key] !== null;
      d += `${pen ? "L" : "M"}${X(p.time_s).toFixed(1)},${Y(v).toFixed(1)}`;
      // a value between two gaps (¹⁸O while the metal holds O only now and then) is drawn as a dot
      if (!pen && (i === points.length - 1 || points[i + 1][key] === null))
        dots += `<circle cx="${X(p.time_s).toFixed(1)}" cy="${Y(v).toFixed(1)}" r="2.5" fill="${COLOURS[key]}"/>`;
    });
    const ticks = [0, 0.5, 1]
      .map(
        (f) =>
          `<line x1="${m.l - 4}" x2="${W - m.r}" y1="${Y(f * y1)}" y2="${Y(f * y1)}" stroke="#e3e3e3"/><text x="${m.l - 6}" y="${Y(f * y1) + 4}" text-anchor="end">${Number((f * y1).toPrecision(3))}</text>`,
      )
      .join("");
    const none =
      values.length === 0 && points.length > 0
        ? `<text x="${(W + m.l) / 2}" y="${top + panelH / 2}" text-anchor="middle" fill="#777">none yet (no O in the metal)</text>`
        : "";
    return `${ticks}<line x1="${m.l}" x2="${m.l}" y1="${top}" y2="${top + panelH}" stroke="black"/><line x1="${m.l}" x2="${W - m.r}" y1="${top + panelH}" y2="${top + panelH}" stroke="black"/><path data-series="${key}" d="${d}" fill="none" stroke="${COLOURS[key]}" stroke-width="2"/>${dots}<text x="${m.l + 6}" y="${top - 6}" fill="${COLOURS[key]}" font-weight="bold">${esc(labels[key])}</text>${none}`;
  };
  const bottom = m.t + 2 * panelH + m.gap;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11"><rect width="${W}" height="${H}" fill="white"/><text x="${m.l}" y="16" font-size="12" font-weight="bold">${esc(title)}</text>${panel("a", m.t)}${panel("b", m.t + panelH + m.gap)}<text x="${m.l}" y="${bottom + 14}">0</text><text x="${W - m.r}" y="${bottom + 14}" text-anchor="end">${points.length ? t1.toExponential(2) : ""}</text><text x="${(W + m.l) / 2}" y="${H - 8}" text-anchor="middle">simulated time (s)</text></svg>`;
}

export function SimulatePage() {
  const all = useSignal<MaterialEntry[]>([]);
  const error = useSignal<string | null>(null);
  const f = useSignal({
    model: "bulk-oxygen" as Model,
    metal: "Ru",
    support: "TiO2-rutile",
    temperature: "450C",
    pO2: "1",
    h2oH2: "1e-3",
    events: "200000",
    sizeNm: "",
    seed: "1",
    gate: "",
  });
  const points = useSignal<Point[]>([]);
  const result = useSignal<SimulateResult | null>(null);
  useEffect(() => {
    materials()
      .then((m) => (all.value = m))
      .catch((e) => (error.value = errorText(e)));
  }, []);
  const v = f.value;
  const set = (k: keyof typeof v, x: string) => (f.value = { ...f.value, [k]: x });
  const body = () => ({
    model: v.model,
    metal: v.metal,
    support: v.support,
    temperature: v.temperature,
    ...(v.model === "bulk-oxygen" ? (v.pO2 ? { pO2: v.pO2 } : {}) : v.h2oH2 ? { h2oH2: v.h2oH2 } : {}),
    events: Number(v.events),
    ...(v.sizeNm ? { sizeNm: Number(v.sizeNm) } : {}),
    ...(v.seed ? { seed: Number(v.seed) } : {}),
    ...(v.gate ? { gate: v.gate } : {}),
  });
  const onProgress = (ev: JobEvent) => {
    const d = ev.data as { points?: Point[] } | undefined;
    if (d?.points) points.value = d.points;
  };
  const r = result.value;
  const shownModel: Model = r?.model ?? v.model;
  const title = r
    ? `${r.metal} on ${r.support}, ${fmt(r.temperature_K, 4)} K — ${MODELS[r.model].title}`
    : `${v.metal} on ${v.support}, ${v.temperature} — ${MODELS[v.model].title}`;
  const svg = curveSvg(points.value, shownModel, title);
  const name = `simulate-${shownModel}-${r?.metal ?? v.metal}-${r?.support ?? v.support}`;
  return (
    <div class="page two-col">
      <section class="panel" aria-labelledby="sim-h">
        <h2 id="sim-h">Simulate</h2>
        <p class="lead">
          Kinetic Monte Carlo of the two SMSI mechanisms; the curve is drawn while the run goes on.
        </p>
        <form aria-label="Simulation inputs" onSubmit={(e) => e.preventDefault()}>
          <Field label="Model">
            <select name="model" value={v.model} onChange={(e) => set("model", e.currentTarget.value)}>
              {(Object.keys(MODELS) as Model[]).map((k) => (
                <option key={k} value={k}>
                  {MODELS[k].title}
                </option>
              ))}
            </select>
          </Field>
          <MaterialSelect
            label="Metal"
            name="metal"
            value={v.metal}
            options={all.value.filter((m) => m.role === "metal")}
            onChange={(x) => set("metal", x)}
          />
          <MaterialSelect
            label="Support"
            name="support"
            value={v.support}
            options={all.value.filter((m) => m.role === "support")}
            onChange={(x) => set("support", x)}
          />
          <TextField
            label="Temperature"
            hint="723K, 450C or kelvin"
            name="temperature"
            value={v.temperature}
            set={set}
          />
          {v.model === "bulk-oxygen" ? (
            <TextField label="p(O₂)" hint="bar; empty = 1 bar (assumed)" name="pO2" value={v.pO2} set={set} />
          ) : (
            <TextField
              label="p(H₂O)/p(H₂)"
              hint="empty = 1e-3 (assumed)"
              name="h2oH2"
              value={v.h2oH2}
              set={set}
            />
          )}
          <TextField
            label="Events"
            hint="1 – 5 000 000"
            name="events"
            inputMode="numeric"
            value={v.events}
            set={set}
          />
          <TextField
            label="Particle size (nm)"
            hint="empty = 3 nm (assumed)"
            name="sizeNm"
            inputMode="decimal"
            value={v.sizeNm}
            set={set}
          />
          <TextField label="Seed" name="seed" inputMode="numeric" value={v.seed} set={set} />
          <Field label="Interface gate" hint="empty = from the lattice match">
            <select name="gate" value={v.gate} onChange={(e) => set("gate", e.currentTarget.value)}>
              <option value="">from the lattice match</option>
              <option value="coherent">coherent</option>
              <option value="semi-coherent">semi-coherent</option>
              <option value="incoherent">incoherent</option>
            </select>
          </Field>
        </form>
        <ErrorBox error={error.value} />
        <JobPanel
          title="Run"
          startLabel="Simulate"
          url="/api/jobs/simulate"
          body={body}
          onStart={() => {
            points.value = [];
            result.value = null;
          }}
          onProgress={onProgress}
          onResult={(x) => {
            result.value = x as SimulateResult;
            points.value = (x as SimulateResult).points;
          }}
        />
      </section>
      <section class="panel" aria-label="Simulation curve and result">
        <div
          class="chart"
          data-testid="simulate-chart"
          role="img"
          aria-label={`${MODELS[shownModel].a} and ${MODELS[shownModel].b} against simulated time, ${points.value.length} points`}
          dangerouslySetInnerHTML={{ __html: svg }}
        />
        {r && (
          <>
            <table class="final" data-testid="simulate-final">
              <caption>
                Final state after {r.events} events, {r.simulatedTime_s.toExponential(3)} s simulated (Δμ_O{" "}
                {fmt(r.deltaMuO_eV, 3)} eV; gate {r.gate.verdict})
              </caption>
              <tbody>
                {MODELS[r.model].final.map(([k, label]) => (
                  <tr key={k}>
                    <th scope="row">{label}</th>
                    <td>{fmt(r.final[k], 4)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <ExportBar
              name={name}
              json={() => r}
              csv={() => r.series.map((s) => ({ ...s })) as Record<string, unknown>[]}
              svg={() => svg}
            />
            <h3>{r.model === "bulk-oxygen" ? "Cross-sections" : "Top views"}</h3>
            <div class="snapshots" data-testid="simulate-snapshots">
              {r.snapshots.map((snap) => (
                <figure key={snap.name}>
                  <div
                    class="chart"
                    role="img"
                    aria-label={`${snap.name} at t = ${snap.time_s.toExponential(3)} s`}
                    dangerouslySetInnerHTML={{ __html: snap.svg }}
                  />
                  <figcaption>
                    {snap.name}, t = {snap.time_s.toExponential(3)} s
                  </figcaption>
                  <ExportBar name={`${name}-${snap.name}`} svg={() => snap.svg} />
                </figure>
              ))}
            </div>
          </>
        )}
      </section>
    </div>
  );
}

import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { type MaterialEntry, materials, post, postBlob } from "../api";
import { ErrorBox, ExportBar, Field, JobPanel, errorText, fmt, TextField } from "../common";
import { gasBody, SystemFields } from "./Predict";

interface EllinghamResult {
  runId: string;
  unit: string;
  lines: { oxide: string; phase: string; points: { T_K: number; dG_kJ_per_mol_O2: number }[] }[];
  omitted: { id: string; reason: string }[];
  svg: string;
}

interface ProfileResult {
  runId: string;
  metal: string;
  support: string;
  direction: string;
  drivingForce_eV: number;
  gasDeltaMuO_eV: number;
  regions: { region: string; deltaMuO_eV: number; definition: string }[];
  assumptions: string[];
  notes: string[];
  svg: string;
}

/** Inline SVG from the server (our own chart renderer; no user markup). */
function Chart({ svg, label }: { svg: string; label: string }) {
  return <div class="chart" role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: svg }} />;
}

const DEFAULT_OXIDES = "RuO2, PdO, Ag2O, CuO, Cu2O, NiO, CoO, TiO2-rutile, CeO2, Al2O3-alpha";

function Ellingham() {
  const oxides = useSignal(DEFAULT_OXIDES);
  const tMin = useSignal("300K");
  const tMax = useSignal("1500K");
  const result = useSignal<EllinghamResult | null>(null);
  const error = useSignal<string | null>(null);
  const body = () => ({
    oxides: oxides.value
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    tMin: tMin.value,
    tMax: tMax.value,
  });
  const submit = async (e?: Event) => {
    e?.preventDefault();
    error.value = null;
    try {
      result.value = await post<EllinghamResult>("/api/thermo/ellingham", body());
    } catch (err) {
      error.value = errorText(err);
    }
  };
  useEffect(() => void submit(), []);
  const r = result.value;
  return (
    <section class="panel" aria-label="Ellingham diagram">
      <form onSubmit={submit} class="inline-form">
        <h2>Ellingham diagram</h2>
        <Field label="Oxides" hint="comma-separated formulas or material ids">
          <input
            name="oxides"
            class="wide"
            value={oxides.value}
            onInput={(e) => (oxides.value = e.currentTarget.value)}
          />
        </Field>
        <Field label="T min">
          <input name="tMin" value={tMin.value} onInput={(e) => (tMin.value = e.currentTarget.value)} />
        </Field>
        <Field label="T max">
          <input name="tMax" value={tMax.value} onInput={(e) => (tMax.value = e.currentTarget.value)} />
        </Field>
        <button type="submit" class="primary">
          Draw
        </button>
      </form>
      <ErrorBox error={error.value} />
      {r && (
        <>
          <Chart svg={r.svg} label="Ellingham diagram" />
          <ExportBar
            name="ellingham"
            json={() => r}
            csv={() =>
              r.lines.flatMap((l) =>
                l.points.map((p) => ({
                  oxide: l.oxide,
                  phase: l.phase,
                  T_K: p.T_K,
                  dG_kJ_per_mol_O2: p.dG_kJ_per_mol_O2,
                })),
              )
            }
            svg={() => r.svg}
            png={(scale) => postBlob(`/api/thermo/ellingham?format=png&scale=${scale}`, body())}
          />
        </>
      )}
    </section>
  );
}

interface SweepResult {
  rows: { temperature_K: number; drivingForce_eV: number; direction: string; gasDeltaMuO_eV: number }[];
}

function Profile() {
  const all = useSignal<MaterialEntry[]>([]);
  const form = useSignal({
    metal: "Ru",
    support: "TiO2-rutile",
    temperature: "450C",
    gas: "O2",
    pO2: "1bar",
    h2oH2: "",
    co2Co: "",
  });
  const result = useSignal<ProfileResult | null>(null);
  const landscape = useSignal<{ svg: string; regions: unknown[] } | null>(null);
  const sweep = useSignal<SweepResult | null>(null);
  const error = useSignal<string | null>(null);
  useEffect(() => {
    materials().then((m) => (all.value = m));
  }, []);
  const set = (k: string, v: string) => (form.value = { ...form.value, [k]: v });
  const f = form.value;
  const body = () => ({ metal: f.metal, support: f.support, temperature: f.temperature, ...gasBody(f) });
  const submit = async (e: Event) => {
    e.preventDefault();
    error.value = null;
    try {
      result.value = await post<ProfileResult>("/api/thermo/profile", body());
      landscape.value = await post<{ svg: string; regions: unknown[] }>("/api/thermo/landscape", body());
    } catch (err) {
      error.value = errorText(err);
      result.value = null;
      landscape.value = null;
    }
  };
  const r = result.value;
  return (
    <section class="panel" aria-label="μ_O profile">
      <form onSubmit={submit} class="inline-form">
        <h2>Oxygen chemical-potential profile</h2>
        <SystemFields all={all.value} f={f} set={set} />
        <TextField label="Temperature" name="temperature" value={f.temperature} set={set} />
        <button type="submit" class="primary">
          Compute
        </button>
      </form>
      <ErrorBox error={error.value} />
      {r && (
        <>
          <p>
            O flow: <strong>{r.direction}</strong>; driving force support bulk → interfacial oxide{" "}
            {fmt(r.drivingForce_eV, 3)} eV per O (gas Δμ_O = {fmt(r.gasDeltaMuO_eV, 3)} eV)
          </p>
          <Chart svg={r.svg} label="μ_O profile" />
          <ExportBar
            name={`profile-${r.metal}-${r.support}`}
            json={() => r}
            csv={() => r.regions as never}
            svg={() => r.svg}
            png={(scale) => postBlob(`/api/thermo/profile?format=png&scale=${scale}`, body())}
          />
        </>
      )}
      {r && landscape.value && (
        <>
          <h3>Oxygen landscape: O energy and migration barrier against depth across the interface</h3>
          <Chart svg={landscape.value.svg} label="oxygen landscape" />
          <ExportBar
            name={`landscape-${r.metal}-${r.support}`}
            json={() => landscape.value}
            csv={() => (landscape.value?.regions ?? []) as never}
            svg={() => landscape.value?.svg ?? ""}
            png={(scale) => postBlob(`/api/thermo/landscape?format=png&scale=${scale}`, body())}
          />
        </>
      )}
      <JobPanel
        title="Temperature sweep 300–1200 K (background job)"
        startLabel="Sweep temperature"
        url="/api/jobs/profile-sweep"
        body={() => ({
          metal: f.metal,
          support: f.support,
          ...gasBody(f),
          tMin: "300K",
          tMax: "1200K",
          points: 200,
        })}
        onResult={(x) => (sweep.value = x as SweepResult)}
      />
      {sweep.value && <SweepChart rows={sweep.value.rows} name={`profile-sweep-${f.metal}-${f.support}`} />}
    </section>
  );
}

/** A small SVG line chart drawn in the browser (driving force against T). */
function SweepChart({ rows, name }: { rows: SweepResult["rows"]; name: string }) {
  const W = 640;
  const H = 260;
  const m = { l: 56, r: 12, t: 12, b: 40 };
  const xs = rows.map((r) => r.temperature_K);
  const ys = rows.map((r) => r.drivingForce_eV);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  let [y0, y1] = [Math.min(0, ...ys), Math.max(0, ...ys)];
  if (y1 - y0 < 1e-9) [y0, y1] = [y0 - 1, y1 + 1];
  const X = (x: number) => m.l + ((x - x0) / (x1 - x0 || 1)) * (W - m.l - m.r);
  const Y = (y: number) => H - m.b - ((y - y0) / (y1 - y0)) * (H - m.t - m.b);
  const path = rows
    .map((r, i) => `${i ? "L" : "M"}${X(r.temperature_K).toFixed(1)},${Y(r.drivingForce_eV).toFixed(1)}`)
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11"><rect width="${W}" height="${H}" fill="white"/><line x1="${m.l}" x2="${W - m.r}" y1="${Y(0)}" y2="${Y(0)}" stroke="#999" stroke-dasharray="3 3"/><path d="${path}" fill="none" stroke="#1f5fbf" stroke-width="2"/><line x1="${m.l}" x2="${m.l}" y1="${m.t}" y2="${H - m.b}" stroke="black"/><line x1="${m.l}" x2="${W - m.r}" y1="${H - m.b}" y2="${H - m.b}" stroke="black"/><text x="${m.l}" y="${H - m.b + 14}">${x0.toFixed(0)}</text><text x="${W - m.r}" y="${H - m.b + 14}" text-anchor="end">${x1.toFixed(0)}</text><text x="${(W + m.l) / 2}" y="${H - 6}" text-anchor="middle">Temperature (K)</text><text x="${m.l - 4}" y="${Y(y1) + 4}" text-anchor="end">${y1.toFixed(2)}</text><text x="${m.l - 4}" y="${Y(y0)}" text-anchor="end">${y0.toFixed(2)}</text><text transform="translate(12 ${(H - m.b) / 2}) rotate(-90)" text-anchor="middle">support → metal driving force (eV)</text></svg>`;
  return (
    <div data-testid="sweep-chart">
      <Chart svg={svg} label="driving force against temperature" />
      <ExportBar name={name} json={() => rows} csv={() => rows as never} svg={() => svg} />
    </div>
  );
}

export function ThermoPage() {
  return (
    <div class="page">
      <Ellingham />
      <Profile />
    </div>
  );
}

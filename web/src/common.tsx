import { useSignal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { ApiFailure, type JobEvent, type JobInfo, del, post } from "./api";
import { download, downloadCsv, downloadJson, svgToPng } from "./export";

export function errorText(e: unknown): string {
  if (e instanceof ApiFailure) return e.body.message;
  return e instanceof Error ? e.message : String(e);
}

export function ErrorBox({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p class="error" role="alert">
      {error}
    </p>
  );
}

export function Field(props: { label: string; hint?: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is passed in as children, inside the label
    <label class="field">
      <span class="field-label">{props.label}</span>
      {props.children}
      {props.hint && <span class="hint">{props.hint}</span>}
    </label>
  );
}

/** A labelled text input bound to one field of a form: `set(name, value)` on every keystroke. */
export function TextField<K extends string>(props: {
  label: string;
  hint?: string;
  name: K;
  inputMode?: "decimal" | "numeric";
  value: string;
  set: (name: K, value: string) => void;
}) {
  return (
    <Field label={props.label} hint={props.hint}>
      <input
        name={props.name}
        inputMode={props.inputMode}
        value={props.value}
        onInput={(e) => props.set(props.name, e.currentTarget.value)}
      />
    </Field>
  );
}

export interface ExportProps {
  name: string;
  json?: () => unknown;
  csv?: () => Record<string, unknown>[];
  svg?: () => string;
  /** PNG from the server (chart routes) or rasterised from the SVG in the browser. */
  png?: (scale: 2 | 4) => Promise<Blob>;
}

export function ExportBar(p: ExportProps) {
  const busy = useSignal<string | null>(null);
  const run = async (what: string, f: () => void | Promise<void>) => {
    busy.value = what;
    try {
      await f();
    } finally {
      busy.value = null;
    }
  };
  const png = (scale: 2 | 4) =>
    run(`png${scale}`, async () => {
      const blob = p.png ? await p.png(scale) : await svgToPng(p.svg!(), scale);
      download(`${p.name}@${scale}x.png`, blob);
    });
  return (
    <fieldset class="export">
      <legend class="export-label">Export</legend>
      {p.json && (
        <button type="button" onClick={() => downloadJson(`${p.name}.json`, p.json!())}>
          JSON
        </button>
      )}
      {p.csv && (
        <button type="button" onClick={() => downloadCsv(`${p.name}.csv`, p.csv!())}>
          CSV
        </button>
      )}
      {p.svg && (
        <button type="button" onClick={() => download(`${p.name}.svg`, p.svg!(), "image/svg+xml")}>
          SVG
        </button>
      )}
      {(p.svg || p.png) && (
        <>
          <button type="button" disabled={busy.value !== null} onClick={() => png(2)}>
            PNG 2×
          </button>
          <button type="button" disabled={busy.value !== null} onClick={() => png(4)}>
            PNG 4×
          </button>
        </>
      )}
    </fieldset>
  );
}

/** Submit a background job, follow it over server-sent events, cancel it; `onResult` gets the result. */
export function JobPanel(props: {
  title: string;
  url: string;
  body: () => unknown;
  onResult: (result: unknown) => void;
  /** Every progress event (e.g. to draw a curve while the job runs). */
  onProgress?: (event: JobEvent) => void;
  /** Called when a new job is started (clear the previous one's output). */
  onStart?: () => void;
  startLabel: string;
}) {
  const job = useSignal<JobInfo | null>(null);
  const event = useSignal<JobEvent | null>(null);
  const error = useSignal<string | null>(null);
  const source = useRef<EventSource | null>(null);
  useEffect(() => () => source.current?.close(), []);

  const start = async () => {
    error.value = null;
    event.value = null;
    try {
      const j = await post<JobInfo>(props.url, props.body());
      props.onStart?.();
      job.value = j;
      const es = new EventSource(`/api/jobs/${j.id}/events`);
      source.current = es;
      const on = (e: MessageEvent) => {
        const ev = JSON.parse(e.data) as JobEvent;
        event.value = ev;
        if (ev.type === "progress") props.onProgress?.(ev);
        if (ev.type === "done") props.onResult(ev.result);
        if (ev.type === "failed") error.value = ev.error ?? "the job failed";
        if (["done", "failed", "cancelled"].includes(ev.type)) es.close();
      };
      for (const t of ["status", "progress", "done", "failed", "cancelled"]) es.addEventListener(t, on);
    } catch (e) {
      error.value = errorText(e);
    }
  };
  const cancel = async () => {
    if (job.value) await del(`/api/jobs/${job.value.id}`).catch(() => undefined);
  };
  const ev = event.value;
  const active = ev ? ["queued", "running"].includes(ev.status) : job.value !== null && !ev;
  return (
    <section class="job" aria-label={props.title}>
      <h3>{props.title}</h3>
      <div class="row">
        <button type="button" onClick={start} disabled={active}>
          {props.startLabel}
        </button>
        <button type="button" onClick={cancel} disabled={!active}>
          Cancel
        </button>
      </div>
      {ev && (
        <div class="job-status" aria-live="polite">
          <progress max={1} value={ev.progress} aria-label="job progress" />
          <span class="job-text" data-status={ev.status}>
            {ev.status} — {Math.round(ev.progress * 100)} %
            {ev.message !== ev.status ? ` — ${ev.message}` : ""}
          </span>
        </div>
      )}
      <ErrorBox error={error.value} />
    </section>
  );
}

export const fmt = (x: unknown, digits = 4): string => {
  if (typeof x !== "number") return x === null || x === undefined ? "—" : String(x);
  if (x === 0) return "0";
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e5 ? String(Number(x.toPrecision(digits))) : x.toExponential(digits - 1);
};

export function MaterialSelect(props: {
  label: string;
  value: string;
  options: { id: string; formula: string; phase: string }[];
  onChange: (v: string) => void;
  name: string;
}) {
  return (
    <Field label={props.label}>
      <select name={props.name} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {props.options.map((m) => (
          <option key={m.id} value={m.id}>
            {m.id} {m.phase && m.phase !== m.id ? `(${m.phase})` : ""}
          </option>
        ))}
      </select>
    </Field>
  );
}

import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { get } from "../api";
import { ErrorBox, ExportBar, errorText } from "../common";
import { leafRows } from "../export";

interface Run {
  id: string;
  kind: string;
  status: string;
  createdAt: string;
  finishedAt: string | null;
  inputs: unknown;
  smsiVersion: string;
  error: string | null;
  result?: unknown;
}

/** The scalar inputs of a run, in one line (the full document is one click away). */
function summary(inputs: unknown): string {
  if (!inputs || typeof inputs !== "object") return String(inputs ?? "");
  const parts = Object.entries(inputs as Record<string, unknown>)
    .filter(([, v]) => ["string", "number", "boolean"].includes(typeof v))
    .map(([k, v]) => `${k} ${v}`);
  return parts.length ? parts.join(", ") : `${Object.keys(inputs).join(", ")}`;
}

export function RunsPage() {
  const runs = useSignal<{ total: number; runs: Run[] } | null>(null);
  const open = useSignal<Run | null>(null);
  const error = useSignal<string | null>(null);
  const load = () =>
    get<{ total: number; runs: Run[] }>("/api/runs?limit=200")
      .then((r) => (runs.value = r))
      .catch((e) => (error.value = errorText(e)));
  useEffect(() => void load(), []);
  return (
    <div class="page two-col wide-left">
      <section class="panel">
        <h2>Runs</h2>
        <p class="lead">
          Every computation is kept in the store with its inputs, the smsi version and its result.
        </p>
        <button type="button" onClick={load}>
          Refresh
        </button>
        <ErrorBox error={error.value} />
        {runs.value && (
          <ExportBar
            name="runs"
            json={() => runs.value}
            csv={() =>
              (runs.value?.runs ?? []).map((r) => ({
                id: r.id,
                createdAt: r.createdAt,
                kind: r.kind,
                status: r.status,
                inputs: r.inputs,
              }))
            }
          />
        )}
        {runs.value && (
          <div class="table-wrap tall">
            <table>
              <thead>
                <tr>
                  <th scope="col">when</th>
                  <th scope="col">kind</th>
                  <th scope="col">status</th>
                  <th scope="col">inputs</th>
                </tr>
              </thead>
              <tbody>
                {runs.value.runs.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <button
                        type="button"
                        class="link"
                        onClick={() => get<Run>(`/api/runs/${r.id}`).then((x) => (open.value = x))}
                      >
                        {new Date(r.createdAt).toLocaleString(undefined, {
                          dateStyle: "short",
                          timeStyle: "medium",
                        })}
                      </button>
                    </td>
                    <td>{r.kind}</td>
                    <td>{r.status}</td>
                    <td class="source">{summary(r.inputs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section class="panel" aria-label="Run">
        {open.value ? (
          <>
            <h3>
              {open.value.kind} — {open.value.status}
            </h3>
            <ExportBar
              name={`run-${open.value.id}`}
              json={() => open.value}
              csv={() => leafRows(open.value)}
            />
            <pre class="doc tall">{JSON.stringify(open.value, null, 2)}</pre>
          </>
        ) : (
          <p class="muted">Choose a run to see its inputs and result.</p>
        )}
      </section>
    </div>
  );
}

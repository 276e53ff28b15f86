import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { get } from "../api";
import { ErrorBox, ExportBar, Field, errorText, TextField } from "../common";

interface CaseRecord {
  id: string;
  origin: string;
  metal: string;
  support: string;
  supportPhase: string | null;
  expectedClass: string | null;
  doi: string | null;
  year: number | null;
  document: {
    treatment?: { gas?: string; temperature_C?: number | null };
    reference?: { authors?: string; title?: string; journal?: string };
    key_evidence?: string[];
    note?: string;
    catalyst?: { metal: string; support: string };
  };
}

const CLASSES = ["", "SE-SMSI", "BP-SMSI", "EMSI", "CMSI", "none", "indeterminate"];

export function CasesPage() {
  const filter = useSignal({ metal: "", support: "", class: "", q: "", origin: "" });
  const result = useSignal<{ total: number; cases: CaseRecord[] } | null>(null);
  const open = useSignal<CaseRecord | null>(null);
  const error = useSignal<string | null>(null);
  const load = async () => {
    const params = new URLSearchParams({ limit: "500" });
    for (const [k, v] of Object.entries(filter.value)) if (v.trim()) params.set(k, v.trim());
    try {
      result.value = await get(`/api/cases?${params}`);
      error.value = null;
    } catch (e) {
      error.value = errorText(e);
    }
  };
  useEffect(() => void load(), []);
  const set = (k: string, v: string) => (filter.value = { ...filter.value, [k]: v });
  const f = filter.value;
  const rows = result.value?.cases ?? [];
  return (
    <div class="page">
      <section class="panel">
        <form
          class="inline-form"
          aria-label="Case filters"
          onSubmit={(e) => {
            e.preventDefault();
            void load();
          }}
        >
          <h2>Published and your own cases</h2>
          <TextField label="Metal" name="metal" value={f.metal} set={set} />
          <TextField label="Support" name="support" value={f.support} set={set} />
          <Field label="Class">
            <select name="class" value={f.class} onChange={(e) => set("class", e.currentTarget.value)}>
              {CLASSES.map((c) => (
                <option key={c} value={c}>
                  {c || "any"}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Origin">
            <select name="origin" value={f.origin} onChange={(e) => set("origin", e.currentTarget.value)}>
              <option value="">any</option>
              <option value="published">published</option>
              <option value="user">mine</option>
            </select>
          </Field>
          <TextField label="Text" name="q" value={f.q} set={set} />
          <button type="submit" class="primary">
            Filter
          </button>
        </form>
        <ErrorBox error={error.value} />
        {result.value && (
          <>
            <p data-testid="case-count">
              {result.value.total} case{result.value.total === 1 ? "" : "s"}
            </p>
            <ExportBar
              name="cases"
              json={() => rows}
              csv={() =>
                rows.map((c) => ({
                  id: c.id,
                  origin: c.origin,
                  metal: c.metal,
                  support: c.support,
                  phase: c.supportPhase,
                  gas: c.document.treatment?.gas,
                  temperature_C: c.document.treatment?.temperature_C,
                  expected_class: c.expectedClass,
                  doi: c.doi,
                  year: c.year,
                }))
              }
            />
            <div class="table-wrap tall">
              <table>
                <thead>
                  <tr>
                    <th scope="col">id</th>
                    <th scope="col">metal</th>
                    <th scope="col">support</th>
                    <th scope="col">treatment</th>
                    <th scope="col">class</th>
                    <th scope="col">year</th>
                    <th scope="col">DOI</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <button type="button" class="link" onClick={() => (open.value = c)}>
                          {c.id}
                        </button>
                      </td>
                      <td>{c.metal}</td>
                      <td>
                        {c.support}
                        {c.supportPhase ? ` (${c.supportPhase})` : ""}
                      </td>
                      <td>
                        {c.document.treatment?.gas ?? ""}
                        {typeof c.document.treatment?.temperature_C === "number"
                          ? ` ${c.document.treatment.temperature_C} °C`
                          : ""}
                      </td>
                      <td>{c.expectedClass}</td>
                      <td>{c.year ?? ""}</td>
                      <td>
                        {c.doi ? (
                          <a href={`https://doi.org/${c.doi}`} target="_blank" rel="noreferrer">
                            {c.doi}
                          </a>
                        ) : (
                          "—"
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      {open.value && (
        <section class="panel" aria-label={`Case ${open.value.id}`}>
          <h3>
            {open.value.id}: {open.value.metal}/{open.value.support} — {open.value.expectedClass}
          </h3>
          {open.value.document.reference && (
            <p>
              {open.value.document.reference.authors}, “{open.value.document.reference.title}”,{" "}
              {open.value.document.reference.journal}
            </p>
          )}
          {open.value.document.note && <p>{open.value.document.note}</p>}
          <details>
            <summary>Full record</summary>
            <pre class="doc">{JSON.stringify(open.value.document, null, 2)}</pre>
          </details>
          <button type="button" onClick={() => (open.value = null)}>
            Close
          </button>
        </section>
      )}
    </div>
  );
}

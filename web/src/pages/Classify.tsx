import { useSignal } from "@preact/signals";
import { post } from "../api";
import { ErrorBox, ExportBar, Field, errorText, fmt } from "../common";

type Doc = Record<string, Record<string, unknown>>;
type Treatment = { gas: string; temperature_C: string; duration_h: string };

const TRI = ["unknown", "yes", "partial", "no"];

interface Classification {
  runId: string;
  caseId: string | null;
  classification: {
    class: string;
    label: string;
    trigger: string | null;
    strength: string;
    status: string;
    criteria: { id: string; name?: string; verdict: string; basis?: string; evidence?: string[] }[];
    ranked: { class: string; trigger: string | null; likelihood: number; for: string[]; against: string[] }[];
    likelihoodMeaning: string;
    nextExperiment: { experiment: string; why: string } | null;
    confidence: { level: string; score: number; reasons: string[] };
    conflicts: string[];
    missing: { experiment: string; why: string; wouldDistinguish: string }[];
  };
}

const STEPS = [
  "Catalyst",
  "Treatments",
  "Microscopy",
  "Adsorption and spectroscopy",
  "Oxygen and electrons",
  "Review",
];

function Select(props: {
  label: string;
  value: string;
  options: string[];
  onChange: (v: string) => void;
  name: string;
}) {
  return (
    <Field label={props.label}>
      <select name={props.name} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {props.options.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
    </Field>
  );
}

/** Build the evidence document from the wizard's answers, leaving out what is unknown or empty. */
function buildDocument(sections: Doc, treatments: Treatment[]) {
  const out: Record<string, unknown> = {};
  for (const [name, fields] of Object.entries(sections)) {
    const kept: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) {
      if (v === "" || v === "unknown" || v === undefined) continue;
      kept[k] = k.endsWith("_nm") ? Number(v) : v;
    }
    if (name === "catalyst" || Object.keys(kept).length > 0) out[name] = kept;
  }
  const ts = treatments
    .filter((t) => t.gas.trim())
    .map((t, i) => {
      const x: Record<string, unknown> = { gas: t.gas.trim(), order: i + 1 };
      if (t.temperature_C.trim()) x.temperature_C = Number(t.temperature_C);
      if (t.duration_h.trim()) x.duration_h = Number(t.duration_h);
      return x;
    });
  if (ts.length) out.treatments = ts;
  return out;
}

export function ClassifyPage() {
  const step = useSignal(0);
  const sections = useSignal<Doc>({
    catalyst: { metal: "Pt", support: "TiO2", support_phase: "", facet: "", particle_size_nm: "" },
    microscopy: {
      overlayer: "unknown",
      overlayer_composition: "",
      oxidation_onset: "unknown",
      oxide_grown_in_metal: "unknown",
      lattice_matched_interface: "unknown",
    },
    chemisorption: { suppressed: "unknown" },
    xps: { metal_state: "unknown", support_cations_reduced: "unknown" },
    ir_co: { adsorption_altered: "unknown" },
    eels_eds: { support_cations_on_metal: "unknown" },
    isotope: { o18_in_metal: "unknown", o18_origin: "unknown" },
    bulk_oxygen_in_metal: { observed: "unknown" },
    electron_transfer: { observed: "unknown", direction: "unknown" },
    reversibility: { by: "", observed: "unknown" },
    catalysis: { changed: "unknown" },
  });
  const treatments = useSignal<Treatment[]>([{ gas: "H2", temperature_C: "500", duration_h: "" }]);
  const save = useSignal(false);
  const result = useSignal<Classification | null>(null);
  const error = useSignal<string | null>(null);
  const s = sections.value;
  const set = (section: string, key: string) => (v: string) =>
    (sections.value = { ...s, [section]: { ...s[section], [key]: v } });
  const val = (section: string, key: string) => String(s[section][key] ?? "");
  const tri = (section: string, key: string, label: string) => (
    <Select
      name={`${section}.${key}`}
      label={label}
      value={val(section, key)}
      options={TRI}
      onChange={set(section, key)}
    />
  );
  const text = (section: string, key: string, label: string, hint?: string) => (
    <Field label={label} hint={hint}>
      <input
        name={`${section}.${key}`}
        value={val(section, key)}
        onInput={(e) => set(section, key)(e.currentTarget.value)}
      />
    </Field>
  );
  const doc = buildDocument(s, treatments.value);
  const loadTauster = () => {
    sections.value = {
      ...s,
      catalyst: { ...s.catalyst, metal: "Pt", support: "TiO2" },
      chemisorption: { suppressed: "yes", source: "Tauster, Fung, Garten, JACS 100, 170 (1978)" },
    };
    treatments.value = [{ gas: "H2", temperature_C: "500", duration_h: "" }];
    step.value = STEPS.length - 1;
  };
  const classify = async () => {
    error.value = null;
    try {
      result.value = await post<Classification>(`/api/classify?save=${save.value}`, doc);
    } catch (e) {
      error.value = errorText(e);
      result.value = null;
    }
  };
  const setT = (i: number, k: keyof Treatment, v: string) =>
    (treatments.value = treatments.value.map((t, j) => (j === i ? { ...t, [k]: v } : t)));

  return (
    <div class="page two-col">
      <section class="panel" aria-label="Evidence wizard">
        <h2>Classify evidence</h2>
        <p class="lead">
          Answer what you measured; what you did not measure stays unknown.{" "}
          <button type="button" class="link" onClick={loadTauster}>
            Load an example (Tauster et al. 1978, Pt/TiO₂ after H₂ at 500 °C)
          </button>
        </p>
        <ol class="steps">
          {STEPS.map((name, i) => (
            <li key={name}>
              <button
                type="button"
                class={i === step.value ? "step current" : "step"}
                aria-current={i === step.value ? "step" : undefined}
                onClick={() => (step.value = i)}
              >
                {i + 1}. {name}
              </button>
            </li>
          ))}
        </ol>
        <div class="step-body">
          {step.value === 0 && (
            <>
              {text("catalyst", "metal", "Metal", "e.g. Pt, Ru")}
              {text("catalyst", "support", "Support", "e.g. TiO2, CeO2")}
              {text("catalyst", "support_phase", "Support phase", "rutile, anatase … (optional)")}
              {text("catalyst", "facet", "Facet", "optional")}
              {text("catalyst", "particle_size_nm", "Particle size (nm)", "optional")}
            </>
          )}
          {step.value === 1 && (
            <>
              {treatments.value.map((t, i) => (
                <fieldset key={i} class="treatment">
                  <legend>Treatment {i + 1}</legend>
                  <Field label="Gas" hint="H2, O2, air, CO, vacuum …">
                    <input
                      name={`treatments.${i}.gas`}
                      value={t.gas}
                      onInput={(e) => setT(i, "gas", e.currentTarget.value)}
                    />
                  </Field>
                  <Field label="Temperature (°C)">
                    <input
                      name={`treatments.${i}.temperature_C`}
                      inputMode="decimal"
                      value={t.temperature_C}
                      onInput={(e) => setT(i, "temperature_C", e.currentTarget.value)}
                    />
                  </Field>
                  <Field label="Duration (h)">
                    <input
                      name={`treatments.${i}.duration_h`}
                      inputMode="decimal"
                      value={t.duration_h}
                      onInput={(e) => setT(i, "duration_h", e.currentTarget.value)}
                    />
                  </Field>
                  <button
                    type="button"
                    onClick={() => (treatments.value = treatments.value.filter((_, j) => j !== i))}
                  >
                    Remove
                  </button>
                </fieldset>
              ))}
              <button
                type="button"
                onClick={() =>
                  (treatments.value = [...treatments.value, { gas: "", temperature_C: "", duration_h: "" }])
                }
              >
                Add a treatment
              </button>
            </>
          )}
          {step.value === 2 && (
            <>
              {tri("microscopy", "overlayer", "Support-derived overlayer on the metal")}
              {text("microscopy", "overlayer_composition", "Overlayer composition", "e.g. TiOx")}
              <Select
                name="microscopy.oxidation_onset"
                label="Where oxidation of the metal starts"
                value={val("microscopy", "oxidation_onset")}
                options={["unknown", "interface", "surface", "none"]}
                onChange={set("microscopy", "oxidation_onset")}
              />
              {tri("microscopy", "oxide_grown_in_metal", "Metal oxide grown inside the particle")}
              {tri("microscopy", "lattice_matched_interface", "Lattice-matched interface")}
            </>
          )}
          {step.value === 3 && (
            <>
              {tri("chemisorption", "suppressed", "H₂/CO chemisorption suppressed")}
              <Select
                name="xps.metal_state"
                label="XPS metal state"
                value={val("xps", "metal_state")}
                options={["unknown", "metallic", "oxidized", "electron-rich", "electron-poor"]}
                onChange={set("xps", "metal_state")}
              />
              {tri("xps", "support_cations_reduced", "Reduced support cations (Ti³⁺, Ce³⁺ …)")}
              {tri("ir_co", "adsorption_altered", "CO adsorption (IR) altered")}
              {tri("eels_eds", "support_cations_on_metal", "Support cations on the metal (EELS/EDS)")}
            </>
          )}
          {step.value === 4 && (
            <>
              {tri("isotope", "o18_in_metal", "¹⁸O found in the metal or its oxide")}
              <Select
                name="isotope.o18_origin"
                label="Origin of that O"
                value={val("isotope", "o18_origin")}
                options={["unknown", "support", "gas"]}
                onChange={set("isotope", "o18_origin")}
              />
              {tri("bulk_oxygen_in_metal", "observed", "O in the metal bulk")}
              {tri("electron_transfer", "observed", "Electron transfer observed")}
              <Select
                name="electron_transfer.direction"
                label="Direction"
                value={val("electron_transfer", "direction")}
                options={["unknown", "support-to-metal", "metal-to-support"]}
                onChange={set("electron_transfer", "direction")}
              />
              {text("reversibility", "by", "Reversed by", "e.g. O2 at 400 °C")}
              {tri("reversibility", "observed", "Reversal observed")}
              {tri("catalysis", "changed", "Catalysis changed")}
            </>
          )}
          {step.value === 5 && (
            <>
              <p>The evidence document (docs/classify.md) built from your answers:</p>
              <pre class="doc" data-testid="evidence-doc">
                {JSON.stringify(doc, null, 2)}
              </pre>
              <label class="check">
                <input
                  type="checkbox"
                  checked={save.value}
                  onChange={(e) => (save.value = e.currentTarget.checked)}
                />{" "}
                Keep it as one of my cases
              </label>
              <button type="button" class="primary" onClick={classify}>
                Classify
              </button>
            </>
          )}
        </div>
        <div class="row">
          <button type="button" disabled={step.value === 0} onClick={() => (step.value -= 1)}>
            Back
          </button>
          <button type="button" disabled={step.value === STEPS.length - 1} onClick={() => (step.value += 1)}>
            Next
          </button>
        </div>
        <ErrorBox error={error.value} />
      </section>
      <section class="panel result" aria-live="polite" aria-label="Classification">
        {!result.value && (
          <p class="muted">
            Answer what you measured; unknowns may stay unknown. The answer updates when you press Classify on
            the last step.
          </p>
        )}
        {result.value && <ClassResult r={result.value} doc={doc} />}
      </section>
    </div>
  );
}

function ClassResult({ r, doc }: { r: Classification; doc: unknown }) {
  const c = r.classification;
  return (
    <>
      <h2>
        <span class={`badge cls-${c.class}`} data-testid="classified">
          {c.label}
        </span>{" "}
        <span class="trigger">strength {c.strength}</span>
      </h2>
      <p>
        {c.status} verdict; confidence {c.confidence.level} ({fmt(c.confidence.score, 2)})
        {c.confidence.reasons.length > 0 && <> — {c.confidence.reasons.join("; ")}</>}
        {r.caseId && <> — kept as case {r.caseId}</>}
      </p>
      {c.nextExperiment && (
        <p>
          <strong>Next experiment:</strong> {c.nextExperiment.experiment} — {c.nextExperiment.why}
        </p>
      )}
      <h3>Ranked</h3>
      <ul title={c.likelihoodMeaning}>
        {c.ranked.map((x) => (
          <li key={`${x.class}-${x.trigger ?? ""}`}>
            {x.class}
            {x.trigger ? ` (${x.trigger})` : ""}: {fmt(x.likelihood, 2)}
            {x.for.length > 0 && <> — for: {x.for.join("; ")}</>}
            {x.against.length > 0 && <> — against: {x.against.join("; ")}</>}
          </li>
        ))}
      </ul>
      <ExportBar
        name="classification"
        json={() => ({ evidence: doc, ...r })}
        csv={() =>
          c.criteria.map((x) => ({
            criterion: x.id,
            verdict: x.verdict,
            evidence: (x.evidence ?? []).join("; "),
          }))
        }
      />
      <h3>Criteria</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">criterion</th>
            <th scope="col">verdict</th>
            <th scope="col">evidence</th>
          </tr>
        </thead>
        <tbody>
          {c.criteria.map((x) => (
            <tr key={x.id}>
              <td>{x.name ?? x.id}</td>
              <td>{x.verdict}</td>
              <td>{(x.evidence ?? []).join("; ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {c.conflicts.length > 0 && (
        <>
          <h3>Conflicts</h3>
          <ul>
            {c.conflicts.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </>
      )}
      {c.missing.length > 0 && (
        <>
          <h3>Experiments that would settle what is open</h3>
          <ul>
            {c.missing.map((x) => (
              <li key={x.experiment}>
                <strong>{x.experiment}</strong>: {x.why}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

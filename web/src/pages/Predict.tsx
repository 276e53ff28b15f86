import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { type MaterialEntry, type Prediction, materials, post } from "../api";
import { ErrorBox, ExportBar, Field, MaterialSelect, errorText, fmt, TextField } from "../common";
import { ConditionMap } from "./ConditionMap";

export const GASES = ["O2", "air", "H2", "CO", "H2O/H2", "CO2/CO", "vacuum", "inert"] as const;

export function GasFields(props: {
  gas: string;
  pO2: string;
  h2oH2: string;
  co2Co: string;
  set: (k: "gas" | "pO2" | "h2oH2" | "co2Co", v: string) => void;
}) {
  const g = props.gas;
  return (
    <>
      <Field label="Gas">
        <select name="gas" value={g} onChange={(e) => props.set("gas", e.currentTarget.value)}>
          {GASES.map((x) => (
            <option key={x}>{x}</option>
          ))}
        </select>
      </Field>
      {["O2", "air", "vacuum", "inert"].includes(g) && (
        <TextField
          label="p(O₂)"
          hint="0.21, 1bar, 1atm, 100Pa; empty = default"
          name="pO2"
          value={props.pO2}
          set={props.set}
        />
      )}
      {["H2", "H2O/H2"].includes(g) && (
        <TextField
          label="p(H₂O)/p(H₂)"
          hint={g === "H2" ? "empty = 1e-3 (assumed)" : "required"}
          name="h2oH2"
          value={props.h2oH2}
          set={props.set}
        />
      )}
      {["CO", "CO2/CO"].includes(g) && (
        <TextField
          label="p(CO₂)/p(CO)"
          hint={g === "CO" ? "empty = 1e-3 (assumed)" : "required"}
          name="co2Co"
          value={props.co2Co}
          set={props.set}
        />
      )}
    </>
  );
}

/** Metal, support and gas fields shared by the forms that take a catalyst and its treatment. */
export function SystemFields(props: {
  all: MaterialEntry[];
  f: { metal: string; support: string; gas: string; pO2: string; h2oH2: string; co2Co: string };
  set: (k: "metal" | "support" | "gas" | "pO2" | "h2oH2" | "co2Co", v: string) => void;
}) {
  const { all, f, set } = props;
  return (
    <>
      <MaterialSelect
        label="Metal"
        name="metal"
        value={f.metal}
        options={all.filter((m) => m.role === "metal")}
        onChange={(v) => set("metal", v)}
      />
      <MaterialSelect
        label="Support"
        name="support"
        value={f.support}
        options={all.filter((m) => m.role === "support")}
        onChange={(v) => set("support", v)}
      />
      <GasFields {...f} set={set} />
    </>
  );
}

export function gasBody(f: { gas: string; pO2: string; h2oH2: string; co2Co: string }) {
  const out: Record<string, string> = { gas: f.gas };
  if (f.pO2.trim() && ["O2", "air", "vacuum", "inert"].includes(f.gas)) out.pO2 = f.pO2.trim();
  if (f.h2oH2.trim() && ["H2", "H2O/H2"].includes(f.gas)) out.h2oH2 = f.h2oH2.trim();
  if (f.co2Co.trim() && ["CO", "CO2/CO"].includes(f.gas)) out.co2Co = f.co2Co.trim();
  return out;
}

const CLASS_TEXT: Record<string, string> = {
  "BP-SMSI": "bulk penetration: support lattice O enters the metal through the interface",
  "SE-SMSI-reductive": "surface encapsulation: a reduced support overlayer covers the metal",
  "SE-SMSI-adsorbate": "surface encapsulation: adsorbates on the support drive an overlayer over the metal",
  "SE-SMSI-oxidative":
    "surface encapsulation: the support, or what the gas makes of it, covers the metal in an oxidising gas",
  none: "no strict SMSI expected",
};

export function PredictPage() {
  const all = useSignal<MaterialEntry[]>([]);
  const form = useSignal({
    metal: "Ru",
    support: "TiO2-rutile",
    gas: "O2",
    temperature: "450C",
    pO2: "1bar",
    h2oH2: "",
    co2Co: "",
    sizeNm: "",
    priorGas: "",
    priorTemperature: "",
    supportText: "",
  });
  const result = useSignal<Prediction | null>(null);
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  useEffect(() => {
    materials()
      .then((m) => (all.value = m))
      .catch((e) => (error.value = errorText(e)));
  }, []);
  const set = (k: string, v: string) => (form.value = { ...form.value, [k]: v });
  const f = form.value;
  const submit = async (e: Event) => {
    e.preventDefault();
    busy.value = true;
    error.value = null;
    try {
      const body: Record<string, unknown> = {
        metal: f.metal,
        support: f.supportText.trim() || f.support,
        temperature: f.temperature,
        ...gasBody(f),
      };
      if (f.sizeNm.trim()) body.sizeNm = Number(f.sizeNm);
      if (f.priorGas) body.prior = [{ gas: f.priorGas, temperature: f.priorTemperature.trim() }];
      result.value = await post<Prediction>("/api/predict", body);
    } catch (err) {
      error.value = errorText(err);
      result.value = null;
    } finally {
      busy.value = false;
    }
  };
  const r = result.value;
  return (
    <div class="page two-col">
      <form class="panel" onSubmit={submit} aria-label="Prediction inputs">
        <h2>Predict</h2>
        <p class="lead">The SMSI class to expect for a metal on a support under a treatment, and why.</p>
        <SystemFields all={all.value} f={f} set={set} />
        <TextField
          label="Or any support, by formula or name"
          hint="e.g. Nb2O5, niobia, BaTiO3; used instead of the list; without a bundled structure the gate is not computed"
          name="supportText"
          value={f.supportText}
          set={set}
        />
        <TextField
          label="Temperature"
          hint="723K, 450C or kelvin"
          name="temperature"
          value={f.temperature}
          set={set}
        />
        <TextField
          label="Particle size (nm)"
          hint="optional"
          name="sizeNm"
          inputMode="decimal"
          value={f.sizeNm}
          set={set}
        />
        <fieldset class="prior">
          <legend>Earlier treatment (optional)</legend>
          <Field label="Gas" hint="an overlayer it leaves persists through a later non-oxidising treatment">
            <select
              name="priorGas"
              value={f.priorGas}
              onChange={(e) => set("priorGas", e.currentTarget.value)}
            >
              <option value="">none</option>
              {GASES.filter((x) => x !== "H2O/H2" && x !== "CO2/CO").map((x) => (
                <option key={x}>{x}</option>
              ))}
            </select>
          </Field>
          {f.priorGas && (
            <TextField
              label="Its temperature"
              hint="723K, 450C or kelvin"
              name="priorTemperature"
              value={f.priorTemperature}
              set={set}
            />
          )}
        </fieldset>
        <button type="submit" class="primary" disabled={busy.value}>
          {busy.value ? "Predicting…" : "Predict"}
        </button>
        <ErrorBox error={error.value} />
      </form>
      <section class="panel result" aria-live="polite" aria-label="Prediction">
        {!r && <p class="muted">Fill in the form and press Predict.</p>}
        {r && (
          <>
            <h2>
              {r.metal}/{r.support}:{" "}
              <span class={`badge cls-${r.class}`} data-testid="predicted-class">
                {r.class}
              </span>
              {r.trigger && <span class="trigger"> ({r.trigger})</span>}
            </h2>
            <p>
              {CLASS_TEXT[r.trigger ? `${r.class}-${r.trigger}` : r.class] ?? ""} — likelihood{" "}
              {fmt(r.likelihood, 2)}; {r.conditions.gas} at {fmt(r.conditions.temperature_K, 4)} K, Δμ_O ={" "}
              {fmt(r.conditions.deltaMuO_eV, 3)} eV, p_O₂ = {fmt(r.conditions.pO2_bar, 3)} bar
            </p>
            <ExportBar
              name={`predict-${r.metal}-${r.support}`}
              json={() => r}
              csv={() => r.rationale as unknown as Record<string, unknown>[]}
            />
            <h3>Rationale</h3>
            <div class="table-wrap">
              <table class="rationale">
                <thead>
                  <tr>
                    <th scope="col">descriptor</th>
                    <th scope="col">value</th>
                    <th scope="col">unit</th>
                    <th scope="col">threshold</th>
                    <th scope="col">verdict</th>
                    <th scope="col">source</th>
                  </tr>
                </thead>
                <tbody>
                  {r.rationale.map((row) => (
                    <tr key={row.descriptor}>
                      <td>{row.descriptor}</td>
                      <td class="num">{fmt(row.value)}</td>
                      <td>{row.unit}</td>
                      <td>{row.threshold}</td>
                      <td>{row.verdict}</td>
                      <td class="source">{row.source}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <h3>Ranked</h3>
            <ul>
              {r.ranked.map((x) => (
                <li key={x.class}>
                  {x.class}
                  {x.trigger ? ` (${x.trigger})` : ""}: {fmt(x.likelihood, 2)}
                  {x.of ? ` — ${x.met} of ${x.of} descriptor checks met` : ""}
                </li>
              ))}
            </ul>
            <h3>Phenomena and consequences</h3>
            <ul>
              {[...r.phenomena, ...r.consequences].map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
            {r.missing.length > 0 && (
              <>
                <h3>Missing data</h3>
                <p class="muted">Not evaluated (no data); they lower the likelihood:</p>
                <ul data-testid="missing">
                  {r.missing.map((x) => (
                    <li key={x}>{x}</li>
                  ))}
                </ul>
              </>
            )}
            <ConditionMap body={() => ({ metal: r.metal, support: r.support, gas: r.conditions.gas })} />
            <details>
              <summary>Assumptions ({r.assumptions.length})</summary>
              <ul>
                {r.assumptions.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            </details>
          </>
        )}
      </section>
    </div>
  );
}

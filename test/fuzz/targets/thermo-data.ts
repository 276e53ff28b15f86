/** Fuzz target: --thermo-data documents (parseThermoData). */
import fc from "fast-check";
import { DHF_PER_O_RANGE_KJ_PER_MOL, parseThermoData } from "../../../src/thermo/user-data.js";
import { type FuzzTarget, outcomeOf } from "./common.js";

const formula = fc.oneof(
  fc.constantFrom(
    "PtO2",
    "PtO0",
    "Pt0O2",
    "O2",
    "O",
    "RuO2",
    "Rh2O3",
    "CO",
    "NnO2",
    "OgO",
    "Pt",
    "PtO02",
    "TiO2Ti",
    "H2O",
  ),
  fc.string({ maxLength: 8 }),
);
const thermoNumber = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: -2500, max: 300, noNaN: true }) },
  fc.double(),
  fc.constantFrom(0, -0, 1e30, -1e30, 1e300, -305000, -80, 50, 5.2, -1, 1e-300),
  fc.constantFrom(null, "12", true),
);
const speciesRow = fc.record(
  {
    formula,
    phase: fc.string({ maxLength: 10 }),
    dHf298_kJ_per_mol: thermoNumber,
    S298_J_per_mol_K: thermoNumber,
    source: fc.oneof({ weight: 3, arbitrary: fc.constant("test row") }, fc.string({ maxLength: 5 })),
    extra: fc.string(),
  },
  { requiredKeys: ["formula", "source", "dHf298_kJ_per_mol"] },
);
const vacancyRow = fc.record(
  {
    support: formula,
    phase: fc.string({ maxLength: 10 }),
    site: fc.constantFrom("bulk", "surface", "edge"),
    E_f_eV: thermoNumber,
    source: fc.constant("test row"),
  },
  { requiredKeys: ["support", "E_f_eV"] },
);

export const thermoDataTarget: FuzzTarget<unknown> = {
  name: "thermo-data",
  arbitrary: fc.oneof(
    fc.jsonValue(),
    // near-valid rows: real oxide formulas, numbers around and beyond the plausible ranges
    fc.record({
      species: fc.array(
        fc.record({
          formula: fc.constantFrom("PtO2", "RuO2", "Rh2O3", "IrO2", "PdO", "Pt", "Co3O4", "Ag2O"),
          dHf298_kJ_per_mol: fc.double({ min: -3000, max: 400, noNaN: true }),
          S298_J_per_mol_K: fc.double({ min: -10, max: 800, noNaN: true }),
          source: fc.constant("test row"),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
    fc.record(
      { species: fc.array(speciesRow, { maxLength: 4 }), vacancies: fc.array(vacancyRow, { maxLength: 3 }) },
      { requiredKeys: [] },
    ),
  ),
  run(doc) {
    return outcomeOf(() => {
      const data = parseThermoData(doc);
      for (const r of data.species) {
        const nO = /O(\d*)$/.exec(r.formula);
        const dH = r.dHf298_kJ_per_mol;
        if (dH !== null && nO && r.formula !== "O") {
          const perO = dH / (nO[1] ? Number(nO[1]) : 1);
          if (perO < DHF_PER_O_RANGE_KJ_PER_MOL[0] || perO > DHF_PER_O_RANGE_KJ_PER_MOL[1])
            return { kind: "wrong", detail: `${r.formula} ΔHf ${dH} accepted` };
        }
        if (/(^|[A-Za-z])0/.test(r.formula))
          return { kind: "wrong", detail: `formula ${r.formula} accepted` };
      }
      return undefined;
    });
  },
  show: (doc) => JSON.stringify(doc)?.slice(0, 400) ?? String(doc),
};

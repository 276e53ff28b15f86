import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  applyThermoData,
  loadThermoData,
  MAX_THERMO_DATA_BYTES,
  NO_USER_DATA,
  parseThermoData,
} from "../src/thermo/user-data.js";
import { runCli } from "./helpers/cli.js";
import { inputErrorOf } from "./helpers/errors.js";

afterEach(() => applyThermoData(NO_USER_DATA));

const row = (over: Record<string, unknown>) => ({
  formula: "PtO2",
  phase: "alpha",
  dHf298_kJ_per_mol: -80,
  S298_J_per_mol_K: 50,
  source: "test row",
  ...over,
});

const problem = (doc: unknown) => inputErrorOf(() => parseThermoData(doc));

describe("--thermo-data: nonsense refused as input errors", () => {
  it("an oxide formula with zero O or zero metal is an input error naming the formula field", () => {
    for (const formula of ["PtO0", "Pt0O2", "O2", "O", "PtO02"]) {
      const e = problem({ species: [row({ formula })] });
      expect(e.field, formula).toBe("--thermo-data.species.0.formula");
    }
    // and through the CLI: exit 1, never "internal"
    const dir = mkdtempSync(join(tmpdir(), "smsi-td-"));
    const file = join(dir, "zero-o.json");
    writeFileSync(file, JSON.stringify({ species: [row({ formula: "PtO0" })] }));
    return runCli(
      "thermo",
      "stability",
      "PdO",
      "--temperature",
      "700K",
      "--p-o2",
      "1",
      "--thermo-data",
      file,
    ).then((r) => {
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^error: --thermo-data\.species\.0\.formula: the count of O is "0"/);
      expect(r.err).not.toMatch(/internal/);
    });
  });
  it("symbols are whole element symbols (Og reads as oganesson, Nn is refused)", () => {
    expect(problem({ species: [row({ formula: "NnO2" })] }).message).toMatch(/"Nn" is not an element/);
    expect(problem({ species: [row({ formula: "CO" })] }).message).toMatch(/binary metal oxides/);
  });
  it("ΔHf = 1e30 kJ/mol is outside the plausible range per mol O", () => {
    const e = problem({ species: [row({ dHf298_kJ_per_mol: 1e30 })] });
    expect(e.field).toBe("--thermo-data.species.0.dHf298_kJ_per_mol");
    expect(e.message).toMatch(/outside the plausible -1000…200 kJ\/\(mol O\)/);
    // J/mol given instead of kJ/mol (RuO2 −305 kJ/mol as −305000) is caught the same way
    expect(problem({ species: [row({ formula: "RuO2", dHf298_kJ_per_mol: -305000 })] }).field).toMatch(
      /dHf298/,
    );
  });
  it("the tabulated extremes of real oxides are accepted (CaO −635, Al2O3 −1676, Ag2O −31 kJ/mol, CRC)", () => {
    expect(() =>
      parseThermoData({
        species: [
          row({ formula: "CaO", dHf298_kJ_per_mol: -635.1, S298_J_per_mol_K: 38.1 }),
          row({ formula: "Al2O3", dHf298_kJ_per_mol: -1675.7, S298_J_per_mol_K: 50.9 }),
          row({ formula: "Ag2O", dHf298_kJ_per_mol: -31.1, S298_J_per_mol_K: 121.3 }),
        ],
      }),
    ).not.toThrow();
  });
  it("an element row must have ΔHf = 0; implausible S298 and vacancy energies are refused", () => {
    expect(problem({ species: [row({ formula: "Pt", dHf298_kJ_per_mol: -5 })] }).message).toMatch(
      /= 0 by definition/,
    );
    expect(problem({ species: [row({ S298_J_per_mol_K: 1e6 })] }).field).toMatch(/S298/);
    const v = problem({ vacancies: [{ support: "TiO2", phase: "rutile", E_f_eV: 1e30, source: "x y z" }] });
    expect(v.field).toBe("--thermo-data.vacancies.0.E_f_eV");
  });
  it("every problem of the document is listed, each with its path", () => {
    const e = problem({
      species: [row({ formula: "PtO0" }), row({ dHf298_kJ_per_mol: 1e30 }), row({ source: "" })],
      vacancies: [{ support: "TiO2", phase: "", E_f_eV: -1, source: "x y z" }],
    });
    expect(e.field).toBe("--thermo-data.species.0.formula");
    expect(e.message).toMatch(/5 problems/);
    for (const path of [
      "species.1.dHf298_kJ_per_mol",
      "species.2.source",
      "vacancies.0.phase",
      "vacancies.0.E_f_eV",
    ])
      expect(e.message).toContain(`--thermo-data.${path}: `);
  });
});

describe("--thermo-data: the file is read bounded", () => {
  const dir = mkdtempSync(join(tmpdir(), "smsi-td-"));
  const field = (f: () => unknown) => inputErrorOf(f).message;

  it("a directory, /dev/zero and an oversize file are refused by kind or size", () => {
    expect(field(() => loadThermoData(dir))).toMatch(/--thermo-data: .* is a directory/);
    expect(field(() => loadThermoData("/dev/zero"))).toMatch(/is a device/);
    const big = join(dir, "big.json");
    writeFileSync(big, " ".repeat(MAX_THERMO_DATA_BYTES + 1));
    expect(field(() => loadThermoData(big))).toMatch(/larger than the .* accepted/);
  });
});

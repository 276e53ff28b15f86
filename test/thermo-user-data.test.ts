import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { reductionReaction } from "../src/thermo/equilibria.js";
import { muOProfile } from "../src/thermo/profile.js";
import { applyThermoData, NO_USER_DATA, parseThermoData } from "../src/thermo/user-data.js";
import { InputError } from "../src/units/errors.js";
import { runCli } from "./helpers/cli.js";

const T_450C = 723.15;
/** Test input only (shape of a user row, not data smsi ships). */
const PTO2_TEST_ROW = {
  formula: "PtO2",
  phase: "alpha",
  dHf298_kJ_per_mol: -80,
  S298_J_per_mol_K: 50,
  source: "test row",
};

afterEach(() => applyThermoData(NO_USER_DATA));

describe("--thermo-data rows", () => {
  it("an oxide row replaces the bundled PtO2 estimate in the profile", () => {
    // bundled: Nagano's ΔH_f estimate with an assumed S298 (no oxidation drive at 450 °C in 1 bar O2)
    const before = muOProfile("Pt", "TiO2-rutile", T_450C, { kind: "O2", pO2_bar: 1 });
    expect(before.interfacialOxide).toBe("PtO2");
    expect(before.assumptions.join(" ")).toMatch(/S298\(PtO2\)/);
    applyThermoData(parseThermoData({ species: [{ ...PTO2_TEST_ROW, dHf298_kJ_per_mol: -250 }] }));
    const p = muOProfile("Pt", "TiO2-rutile", T_450C, { kind: "O2", pO2_bar: 1 });
    expect(p.interfacialOxide).toBe("PtO2");
    // a (fictitious) strongly bound PtO2 makes oxidation downhill: the user row is used
    expect(p.interfacialOxideStable).toBe(true);
    expect(before.interfacialOxideStable).toBe(false);
  });

  it("a user oxide that is not in the bundled table joins its metal's phases", () => {
    applyThermoData(
      parseThermoData({
        species: [
          {
            formula: "PtO",
            phase: "tetragonal",
            dHf298_kJ_per_mol: -60,
            S298_J_per_mol_K: 55,
            source: "test row",
          },
        ],
      }),
    );
    expect(reductionReaction("PtO").equation).toBe("2 Pt + O2 ⇌ 2 PtO");
  });

  it("a vacancy row takes precedence over the thermochemical proxy and is quoted as user data", () => {
    const before = muOProfile("Ru", "TiO2-rutile", T_450C, { kind: "O2", pO2_bar: 1 }).supportVacancy;
    applyThermoData(
      parseThermoData({
        vacancies: [{ support: "TiO2", phase: "rutile", E_f_eV: 5.2, source: "test row" }],
      }),
    );
    const after = muOProfile("Ru", "TiO2-rutile", T_450C, { kind: "O2", pO2_bar: 1 }).supportVacancy;
    expect(after?.E_f_eV).toBe(5.2);
    expect(after?.source).toBe("user data: test row");
    // a larger formation energy means fewer vacancies at the same μ_O
    expect(after?.fraction ?? 1).toBeLessThan(before?.fraction ?? 0);
  });

  it("bad rows name the field path", () => {
    const bad: [unknown, RegExp][] = [
      [{ species: [{ ...PTO2_TEST_ROW, source: undefined }] }, /--thermo-data\.species\.0\.source/],
      [{ species: [{ ...PTO2_TEST_ROW, colour: "red" }] }, /unknown field\(s\) colour/],
      [
        { vacancies: [{ support: "TiO2", phase: "rutile", E_f_eV: -1, source: "x y z" }] },
        /vacancies\.0\.E_f_eV/,
      ],
      [{}, /no rows/],
      [[1, 2], /--thermo-data/],
    ];
    for (const [doc, message] of bad) {
      expect(() => parseThermoData(doc)).toThrow(InputError);
      expect(() => parseThermoData(doc)).toThrow(message);
    }
  });

  it("CLI: profile of Pt with a user PtO2 row; a file that is not JSON exits 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "smsi-thermo-data-"));
    const good = join(dir, "rows.json");
    writeFileSync(good, JSON.stringify({ species: [PTO2_TEST_ROW] }));
    const r = await runCli(
      "thermo",
      "profile",
      "Pt",
      "TiO2-rutile",
      "--temperature",
      "450C",
      "--p-o2",
      "1",
      "--thermo-data",
      good,
      "--json",
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).interfacialOxide).toBe("PtO2");
    const notJson = join(dir, "rows.txt");
    writeFileSync(notJson, "formula,source\nPtO2,x\n");
    const e = await runCli(
      "thermo",
      "stability",
      "PtO2",
      "--temperature",
      "700K",
      "--p-o2",
      "1",
      "--thermo-data",
      notJson,
    );
    expect(e.code).toBe(1);
    expect(e.err).toMatch(/error: --thermo-data: .*not valid JSON/);
  });
});

/**
 * DFT export of the matched interface (src/match/interface-export.ts): every file is read back by
 * ASE and by pymatgen in a python3 subprocess (Debian python3-ase, python3-pymatgen; CI installs
 * them through .ci/run). Checks: atom count, cell, no overlapping atoms (minimum image distance
 * > 1 Å), and the stoichiometry of each slab.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ExportFormat, buildInterface, writeInterface } from "../src/match/interface-export.js";
import { InputError } from "../src/units/errors.js";
import { fieldOf } from "./match-reference.js";

/** Debian's packages live under /usr/bin/python3, which a pyenv `python3` may shadow. */
const PYTHON_CANDIDATES = [process.env.SMSI_PYTHON, "/usr/bin/python3", "python3"].filter(
  (x): x is string => !!x,
);
const python = PYTHON_CANDIDATES.find(
  (py) => spawnSync(py, ["-c", "import ase.io, pymatgen.core"], { stdio: "ignore" }).status === 0,
);
const MISSING =
  "python3 with ASE and pymatgen is required for this test and was not found (tried " +
  `${PYTHON_CANDIDATES.join(", ")}); install them: apt-get install -y python3-ase python3-pymatgen, or set SMSI_PYTHON`;

const READ_BACK = `
import json, sys, warnings
import numpy as np
warnings.simplefilter("ignore")
from ase.io import read
from pymatgen.core import Structure
out = {}
for path, fmt, zcut in json.loads(sys.argv[1]):
    a = read(path, format={"cif": "cif", "vasp": "vasp", "xyz": "extxyz"}[fmt])
    d = a.get_all_distances(mic=True)
    np.fill_diagonal(d, np.inf)
    z = a.get_positions()[:, 2]
    sym = a.get_chemical_symbols()
    def counts(mask):
        c = {}
        for s, m in zip(sym, mask):
            if m: c[s] = c.get(s, 0) + 1
        return c
    rec = {"ase_n": len(a), "ase_cellpar": a.cell.cellpar().tolist(), "ase_min_distance": float(d.min()),
           "below": counts(z < zcut), "above": counts(z >= zcut)}
    if fmt in ("cif", "vasp"):
        s = Structure.from_file(path)
        rec["pmg_n"] = len(s)
        rec["pmg_abc"] = list(s.lattice.abc)
        rec["pmg_formula"] = s.composition.formula
    out[path] = rec
print(json.dumps(out))
`;

function reduced(c: Record<string, number>): Record<string, number> {
  const vals = Object.values(c);
  const g = vals.reduce((a, b) => {
    let x = a;
    let y = b;
    while (y) [x, y] = [y, x % y];
    return x;
  });
  return Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v / g]));
}

const dir = mkdtempSync(join(tmpdir(), "smsi-interface-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CASES = [
  {
    metal: "Ru",
    support: "TiO2-rutile",
    film: "oxide",
    filmFormula: { Ru: 1, O: 2 },
    subFormula: { Ti: 1, O: 2 },
  },
  {
    metal: "Ru",
    support: "TiO2-anatase",
    film: "metal",
    filmFormula: { Ru: 1 },
    subFormula: { Ti: 1, O: 2 },
  },
  { metal: "Ru", support: "Al2O3-alpha", film: "metal", filmFormula: { Ru: 1 }, subFormula: { Al: 2, O: 3 } },
  {
    metal: "Pt",
    support: "SiO2-alpha-quartz",
    film: "metal",
    filmFormula: { Pt: 1 },
    subFormula: { Si: 1, O: 2 },
  },
  { metal: "Co", support: "ZnO", film: "oxide", filmFormula: { Co: 1, O: 1 }, subFormula: { Zn: 1, O: 1 } },
] as const;

type ReadBack = {
  ase_n: number;
  ase_cellpar: number[];
  ase_min_distance: number;
  below: Record<string, number>;
  above: Record<string, number>;
  pmg_n?: number;
  pmg_abc?: number[];
};

describe("interface export read back by ASE and pymatgen", () => {
  const LAYERS = 2;
  const models = CASES.map((c) =>
    buildInterface(c.metal, c.support, { film: c.film, layers: LAYERS, vacuum_A: 12 }),
  );
  const jobs = CASES.map((c, k) => {
    const model = models[k];
    const zcut = model.substrate.thickness_A + model.gap_A / 2;
    return (["cif", "vasp", "xyz"] as const).map((fmt): [string, ExportFormat, number] => {
      const path = join(dir, `${c.metal}-${c.support}-${c.film}.${fmt}`);
      writeFileSync(path, writeInterface(model, fmt));
      return [path, fmt, zcut];
    });
  });
  // One python3 process reads every file (importing pymatgen takes ≈ 1 s).
  let back: Record<string, ReadBack> | undefined;
  let failure = "";
  beforeAll(() => {
    if (!python) return;
    const run = spawnSync(python, ["-c", READ_BACK, JSON.stringify(jobs.flat())], { encoding: "utf8" });
    if (run.status === 0) back = JSON.parse(run.stdout) as Record<string, ReadBack>;
    else failure = run.stderr;
  });

  it("finds python3 with ASE and pymatgen", () => {
    expect(python, MISSING).toBeDefined();
    expect(failure).toBe("");
  });

  CASES.forEach((c, k) => {
    it(`${c.film === "oxide" ? "oxide of " : ""}${c.metal} on ${c.support}: CIF, POSCAR and extended XYZ`, () => {
      expect(python, MISSING).toBeDefined();
      expect(back, failure).toBeDefined();
      const model = models[k];
      const n = model.atoms.length;
      expect(n).toBe(model.substrate.atoms + model.film.atoms);
      const m = model.lattice.matrix;
      const abc = m.map((r) => Math.hypot(...r));
      for (const [path, fmt] of jobs[k]) {
        const r = back![path];
        expect(r.ase_n, fmt).toBe(n);
        for (let q = 0; q < 3; q++) expect(r.ase_cellpar[q], fmt).toBeCloseTo(abc[q], 4);
        expect(r.ase_cellpar[3], fmt).toBeCloseTo(90, 4);
        expect(r.ase_cellpar[4], fmt).toBeCloseTo(90, 4);
        expect(r.ase_min_distance, fmt).toBeGreaterThan(1);
        // Each slab keeps its bulk stoichiometry.
        expect(reduced(r.below), `${fmt} substrate`).toEqual(c.subFormula);
        expect(reduced(r.above), `${fmt} film`).toEqual(c.filmFormula);
        expect(Object.values(r.below).reduce((a, b) => a + b)).toBe(model.substrate.atoms);
        if (fmt !== "xyz") {
          expect(r.pmg_n, fmt).toBe(n);
          for (let q = 0; q < 3; q++) expect(r.pmg_abc![q], fmt).toBeCloseTo(abc[q], 4);
        }
      }
      // The film sits on the substrate's coincidence cell: in-plane cell = the relationship's area.
      const area = Math.abs(m[0][0] * m[1][1] - m[0][1] * m[1][0]);
      expect(area).toBeCloseTo(model.relationship.area_A2, 6);
    });
  });

  it("more layers → proportionally more atoms", () => {
    const a = buildInterface("Ru", "TiO2-rutile", { film: "oxide", layers: 1 });
    const b = buildInterface("Ru", "TiO2-rutile", { film: "oxide", layers: 3 });
    expect(b.atoms.length).toBe(3 * a.atoms.length);
    expect(b.lattice.matrix[2][2]).toBeGreaterThan(a.lattice.matrix[2][2]);
  });

  it.each([
    [{ layers: 0 }, "--layers"],
    [{ layers: 2.5 }, "--layers"],
    [{ layers: 31 }, "--layers"],
    [{ vacuum_A: -1 }, "--vacuum"],
    [{ vacuum_A: 1e9 }, "--vacuum"],
    [{ gap_A: 0 }, "--gap"],
  ])("%j → InputError naming %s", (options, field) => {
    expect(fieldOf(() => buildInterface("Ru", "TiO2-rutile", options))).toBe(field);
  });

  it("Pt has no oxide film to export", () => {
    expect(() => buildInterface("Pt", "TiO2-rutile", { film: "oxide" })).toThrow(InputError);
  });
});

/**
 * The interface scene of the web app (src/server/scene.ts): the gate's orientation relationship, built
 * from whole repeat units (stoichiometric slabs), and exported as the same cell.
 */
import { describe, expect, it } from "vitest";
import { readCif } from "../src/crystal/cif/index.js";
import { cellVolume } from "../src/crystal/lattice.js";
import { det3 } from "../src/crystal/vector.js";
import { bulkPenetrationGate, interfaceGate } from "../src/match/gate.js";
import { getMaterial } from "../src/materials/library.js";
import { buildInterfaceScene, interfaceExportText } from "../src/server/scene.js";
import { InputError } from "../src/units/errors.js";

/** Pairs across structure types: rutile/rutile, rutile/anatase, fcc/rutile, fcc/fluorite, hcp/corundum. */
const PAIRS: [string, string][] = [
  ["Ru", "TiO2-rutile"],
  ["Ru", "TiO2-anatase"],
  ["Pt", "TiO2-rutile"],
  ["Pt", "CeO2"],
  ["Ru", "Al2O3-alpha"],
];

const counts = (species: string[]) => {
  const m: Record<string, number> = {};
  for (const s of species) m[s] = (m[s] ?? 0) + 1;
  return m;
};

/** Bulk composition of a material, straight from its bundled structure (not from the slab builder). */
const bulk = (id: string) => counts(getMaterial(id).structure.sites.map((s) => s.species));

/** n such that have = n × (bulk composition reduced), or NaN when the composition is not a multiple. */
function multipleOf(have: Record<string, number>, of: Record<string, number>): number {
  const els = Object.keys(of);
  if (Object.keys(have).sort().join() !== els.sort().join()) return Number.NaN;
  const ratio = have[els[0]] / of[els[0]];
  return els.every((e) => Math.abs(have[e] / of[e] - ratio) < 1e-12) ? ratio : Number.NaN;
}

describe("interface scene: the gate's relationship on stoichiometric slabs", () => {
  for (const [metal, support] of PAIRS)
    for (const film of ["metal", "oxide"] as const)
      for (const layers of [1, 2])
        it(`${metal}/${support}, ${film} film, ${layers} repeat unit(s): each slab is whole formula units`, () => {
          const g = interfaceGate(metal, support);
          if (film === "oxide" && !g.oxide) {
            expect(() => buildInterfaceScene({ metal, support, film, layers })).toThrow(InputError);
            return;
          }
          const scene = buildInterfaceScene({ metal, support, film, layers });
          for (const part of ["substrate", "film"] as const) {
            const slab = scene[part];
            const have = counts(scene.atoms.filter((a) => a.slab === part).map((a) => a.element));
            const b = bulk(slab.id);
            const n = multipleOf(have, b);
            // a whole number of bulk cells' worth of atoms per repeat unit, times the layers
            expect(n * Object.values(b).reduce((x, y) => x + y, 0)).toBeCloseTo(
              layers * slab.atomsPerRepeat,
              9,
            );
            expect(Number.isFinite(n) && n > 0).toBe(true);
            // the reported formula units agree with the counts
            const reduced = Object.values(b).reduce((x, y) => {
              let p = x;
              let q = y;
              while (q) [p, q] = [q, p % q];
              return p;
            });
            expect(slab.formulaUnits).toBe(n * reduced);
          }
          // The substrate repeat unit is a rotated lattice cell: its volume is a whole number of primitive
          // cells (conventional cell / lattice points), holding that many primitive cells' atoms.
          const sub = getMaterial(scene.substrate.id).structure;
          const points = scene.unitCells.substrate.latticePoints;
          const cells =
            (points * Math.abs(det3(scene.repeatUnits.substrate.vectors))) / cellVolume(sub.lattice);
          expect(Math.abs(cells - Math.round(cells))).toBeLessThan(1e-6);
          expect(scene.substrate.atomsPerRepeat * points).toBe(Math.round(cells) * sub.sites.length);
          // relationship = the gate's chosen one for that film
          const chosen = film === "oxide" ? g.oxide!.chosen : g.chosen;
          expect(scene.relationship.filmPlane).toBe(chosen.filmPlane);
          expect(scene.relationship.substratePlane).toBe(chosen.substratePlane);
          expect(scene.relationship.verdict).toBe(chosen.verdict);
          // the film above the substrate, separated by the gap
          const z = (p: string) => scene.atoms.filter((a) => a.slab === p).map((a) => a.position[2]);
          expect(Math.min(...z("film")) - Math.max(...z("substrate"))).toBeCloseTo(scene.gap_A, 9);
          // the substrate's conventional cell is drawn undistorted (a rotation keeps its volume)
          expect(Math.abs(det3(scene.unitCells.substrate.vectors))).toBeCloseTo(
            cellVolume(getMaterial(scene.substrate.id).structure.lattice),
            6,
          );
          expect(scene.unitCells.substrate.axisLabels.map((l) => l.text)).toEqual(["a", "b", "c"]);
        });

  it("auto draws the film the bulk-penetration gate judges; Ru on rutile is RuO2(110) ∥ rutile(110)", () => {
    for (const [metal, support] of PAIRS) {
      const scene = buildInterfaceScene({ metal, support });
      const bp = bulkPenetrationGate(metal, support);
      expect(scene.film.chosenBy).toBe("gate");
      expect(scene.gate.film).toBe(bp.film);
      expect(scene.film.kind === "oxide" ? interfaceGate(metal, support).oxide?.formula : metal).toBe(
        bp.film,
      );
    }
    // Isostructural epitaxy of the oxide on rutile (Wang et al., Nature 2026: RuO2 grows from the
    // lattice-matched Ru/rutile interface); the gate judges it coherent.
    const ru = buildInterfaceScene({ metal: "Ru", support: "TiO2-rutile" });
    expect([ru.film.id, ru.relationship.filmPlane, ru.relationship.substratePlane]).toEqual([
      "RuO2",
      "(110)",
      "(110)",
    ]);
    expect(ru.relationship.verdict).toBe("coherent");
  });

  it("labels primitive vs conventional cells by their lattice points", () => {
    const pt = buildInterfaceScene({ metal: "Pt", support: "CeO2", film: "metal" });
    // fcc (Fm-3m): 4 lattice points per conventional cell
    expect(pt.unitCells.film.latticePoints).toBe(4);
    expect(pt.unitCells.film.label).toMatch(/primitive cell is 1\/4/);
    const ru = buildInterfaceScene({ metal: "Ru", support: "TiO2-rutile" });
    expect(ru.unitCells.substrate.latticePoints).toBe(1);
    expect(ru.unitCells.substrate.label).toMatch(/primitive: 1 lattice point/);
  });

  it("the CIF export is the scene's cell and atoms", () => {
    for (const [metal, support] of PAIRS.slice(0, 3)) {
      const scene = buildInterfaceScene({ metal, support, layers: 2 });
      const { text, fileName } = interfaceExportText({ metal, support, layers: 2 }, "cif");
      expect(fileName).toBe(`${scene.film.id}_on_${scene.substrate.id}.cif`);
      const s = readCif(text).structure;
      expect(s.sites).toHaveLength(scene.atoms.length);
      expect(counts(s.sites.map((x) => x.species))).toEqual(counts(scene.atoms.map((a) => a.element)));
      expect(cellVolume(s.lattice)).toBeCloseTo(Math.abs(det3(scene.exportCell.vectors)), 3);
      const poscar = interfaceExportText({ metal, support, layers: 2 }, "poscar").text.split("\n");
      expect(
        poscar[6]
          .trim()
          .split(/\s+/)
          .map(Number)
          .reduce((x, y) => x + y, 0),
      ).toBe(scene.atoms.length);
    }
  });

  it("names the JSON field of a bad input", () => {
    const field = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof InputError ? e.field : `not an InputError: ${e}`;
      }
      return "no error";
    };
    expect(field(() => buildInterfaceScene({ metal: "Pt", support: "TiO2-rutile", film: "oxide" }))).toBe(
      "film",
    );
    expect(field(() => buildInterfaceScene({ metal: "Ru", support: "TiO2-rutile", layers: 0 }))).toBe(
      "layers",
    );
    expect(field(() => buildInterfaceScene({ metal: "Unobtainium", support: "TiO2-rutile" }))).toBe("metal");
    expect(
      field(() => buildInterfaceScene({ metal: "Ru", support: "TiO2-rutile", supportFacet: "(1 1)" })),
    ).toBe("supportFacet");
  });
});

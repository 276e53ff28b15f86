/**
 * The shapes of the interface scene (POST /api/interface): plain types (importing only other plain types), shared by the
 * server (src/server/scene.ts builds them) and the browser (web/src/api.ts) so neither keeps a copy.
 */

import type { SlabSummary } from "../match/interface-types.js";

export type { SlabSummary };

export type Vec3 = [number, number, number];

export type SceneGateVerdict = "coherent" | "semi-coherent" | "incoherent";

export interface SceneAtom {
  element: string;
  /** Site label of the bulk structure, e.g. "O1". */
  label: string;
  slab: "film" | "substrate";
  /** Cartesian position in the model frame, Å. */
  position: Vec3;
}

export interface SceneBox {
  origin: Vec3;
  vectors: [Vec3, Vec3, Vec3];
  label: string;
}

export interface SceneUnitCell extends SceneBox {
  kind: "conventional";
  of: string;
  spaceGroup: string;
  /** Lattice points in the conventional cell: 1 = it is also a primitive cell. */
  latticePoints: number;
  axisLabels: { text: "a" | "b" | "c"; position: Vec3 }[];
}

export interface SceneSlab extends SlabSummary {
  /** Bulk reduced formula and how many of them the slab holds (an integer: the slab is stoichiometric). */
  bulkFormula: string;
  formulaUnits: number;
  atomsPerRepeat: number;
}

export interface InterfaceScene {
  metal: string;
  support: string;
  film: SceneSlab & { kind: "metal" | "oxide"; chosenBy: "gate" | "request" };
  substrate: SceneSlab;
  relationship: {
    filmPlane: string;
    substratePlane: string;
    verdict: SceneGateVerdict;
    misfit: number;
    strain: number;
    sigma: number;
    cellsFilm: number;
    cellsSubstrate: number;
    area_A2: number;
    reason: string;
  };
  /** The bulk-penetration gate: which film it judges and its verdict. */
  gate: { verdict: SceneGateVerdict; film: string; source: string };
  frame: string;
  atoms: SceneAtom[];
  /** The coincidence supercell holding both slabs (in-plane coincidence vectors, up to the film's top). */
  supercell: SceneBox;
  /** The periodic cell written to CIF/POSCAR (with vacuum). */
  exportCell: SceneBox;
  repeatUnits: { substrate: SceneBox; film: SceneBox };
  unitCells: { substrate: SceneUnitCell; film: SceneUnitCell };
  primitiveSurfaceCells: { film: number; substrate: number; note: string };
  layers: number;
  gap_A: number;
  vacuum_A: number;
  notes: string[];
}

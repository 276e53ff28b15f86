/**
 * The 3-D scene of the interface smsi uses, computed on the server and drawn by the browser: the
 * interface gate's orientation relationship (src/match/gate.ts) for the metal or its oxide on the
 * support, built by the slab builder of `smsi interface --export` (src/match/interface-export.ts):
 * each slab is whole repeat units of its oriented cell, so it keeps the bulk stoichiometry; the
 * film is strained in plane onto the substrate's coincidence cell. The scene's atoms are the model's
 * atoms, and the CIF/POSCAR exports are the same model written by the same writer.
 *
 * Frame: the model frame of the export (a ∥ x, b in the xy plane, c ∥ z = the substrate plane normal),
 * Å; the substrate's lowest atom at z = 0. Boxes drawn: the conventional unit cell of each phase (with
 * a/b/c labels; the film's strained like the film), the oriented repeat unit of each slab, the
 * coincidence supercell (both slabs) and the periodic cell of the export (with vacuum).
 */
import { getMaterial } from "../materials/library.js";
import { type Mat3, type Vec3, add, scale } from "../crystal/vector.js";
import { bulkPenetrationGate, interfaceGate } from "../match/gate.js";
import {
  DEFAULT_LAYERS,
  type InterfaceModel,
  type SlabFrame,
  buildInterface,
  writeInterface,
} from "../match/interface-export.js";
import { InputError } from "../units/errors.js";
import type {
  InterfaceScene,
  SceneAtom,
  SceneBox,
  SceneSlab,
  SceneUnitCell,
  SlabSummary,
} from "./scene-types.js";

/** Largest number of atoms in a scene (keeps the page bounded; the browser repeats it in-plane). */
export type {
  InterfaceScene,
  SceneAtom,
  SceneBox,
  SceneSlab,
  SceneUnitCell,
} from "./scene-types.js";

export const MAX_SCENE_ATOMS = 5000;

/** Where axis labels sit along each cell vector (display choice): just past its tip. */
const AXIS_LABEL_AT = 1.08;

export type FilmChoice = "auto" | "metal" | "oxide";

export interface InterfaceSceneInput {
  metal: string;
  support: string;
  /** The film drawn: "auto" (default) = the one the bulk-penetration gate judges, else metal or oxide. */
  film?: FilmChoice;
  supportFacet?: string;
  layers?: number;
  vacuum_A?: number;
  gap_A?: number;
}

/** The slab builder names CLI options in its errors; the API names its JSON fields. */
const API_FIELDS: Record<string, string> = {
  "--layers": "layers",
  "--vacuum": "vacuum_A",
  "--gap": "gap_A",
  "--export-film": "film",
  "--export": "metal",
  "--support-facet": "supportFacet",
  plane: "supportFacet",
  METAL: "metal",
  SUPPORT: "support",
  oxide: "metal",
};

function apiFields<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof InputError && e.field in API_FIELDS)
      throw new InputError(API_FIELDS[e.field], e.message.slice(e.field.length + 2));
    throw e;
  }
}

/** Counts of each element, reduced by their greatest common divisor. */
function composition(species: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of species) counts.set(s, (counts.get(s) ?? 0) + 1);
  return counts;
}

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y) [x, y] = [y, x % y];
  return x;
}

/** The bulk's reduced formula and how many of it `atoms` hold (throws when not a whole number: a bug). */
function formulaUnits(bulkSpecies: readonly string[], atoms: readonly string[]) {
  const bulk = composition(bulkSpecies);
  const g = [...bulk.values()].reduce(gcd);
  const reduced = new Map([...bulk].map(([k, v]) => [k, v / g]));
  const have = composition(atoms);
  const [first] = reduced;
  const n = (have.get(first[0]) ?? 0) / first[1];
  const whole =
    Number.isInteger(n) &&
    have.size === reduced.size &&
    [...reduced].every(([el, c]) => have.get(el) === n * c);
  if (!whole)
    throw new Error(`slab is not stoichiometric: ${[...have].join(" ")} vs ${[...reduced].join(" ")}`);
  return {
    formula: [...reduced].map(([el, c]) => `${el}${c === 1 ? "" : c}`).join(""),
    units: n,
  };
}

const mul = (v: Vec3, m: Mat3): Vec3 => [
  v[0] * m[0][0] + v[1] * m[1][0] + v[2] * m[2][0],
  v[0] * m[0][1] + v[1] * m[1][1] + v[2] * m[2][1],
  v[0] * m[0][2] + v[1] * m[1][2] + v[2] * m[2][2],
];

function corners(origin: Vec3, [a, b, c]: readonly Vec3[]): Vec3[] {
  const out: Vec3[] = [];
  for (let i = 0; i < 8; i++) {
    let p = origin;
    if (i & 1) p = add(p, a);
    if (i & 2) p = add(p, b);
    if (i & 4) p = add(p, c);
    out.push(p);
  }
  return out;
}

/**
 * The conventional cell of one slab's phase in the model frame, at a lattice point of the crystal
 * (so the box is in registry with the atoms), translated by whole lattice vectors to lie in its slab
 * as far as it can (display choice).
 */
function unitCellOf(
  id: string,
  frame: SlabFrame,
  slabZ: [number, number],
  centre: [number, number],
  strained: boolean,
): SceneUnitCell {
  const L = frame.cell.structure.lattice.matrix;
  const vectors = L.map((r) => mul(r as Vec3, frame.toModel)) as [Vec3, Vec3, Vec3];
  const R = 3;
  let best: { origin: Vec3; cost: number } | undefined;
  for (let i = -R; i <= R; i++)
    for (let j = -R; j <= R; j++)
      for (let k = -R; k <= R; k++) {
        const origin = add(frame.origin, mul([i, j, k], [vectors[0], vectors[1], vectors[2]]));
        const c = corners(origin, vectors);
        const zs = c.map((p) => p[2]);
        const outside = Math.max(0, slabZ[0] - Math.min(...zs)) + Math.max(0, Math.max(...zs) - slabZ[1]);
        const mx = c.reduce((s, p) => s + p[0], 0) / 8;
        const my = c.reduce((s, p) => s + p[1], 0) / 8;
        const cost = outside + 0.01 * Math.hypot(mx - centre[0], my - centre[1]);
        if (!best || cost < best.cost - 1e-9) best = { origin, cost };
      }
  const origin = best!.origin;
  const points = frame.cell.centrings.length;
  const sg = frame.cell.spaceGroup.symbol;
  return {
    kind: "conventional",
    of: id,
    spaceGroup: sg,
    latticePoints: points,
    origin,
    vectors,
    label:
      `conventional cell of ${id} (${sg}, ${frame.cell.asGiven ? "as bundled" : "standardised by moyo"}; ` +
      (points === 1
        ? "primitive: 1 lattice point"
        : `${points} lattice points: the primitive cell is 1/${points} of it`) +
      `)${strained ? ", strained with the film" : ""}`,
    axisLabels: (["a", "b", "c"] as const).map((text, n) => ({
      text,
      position: add(origin, scale(vectors[n], AXIS_LABEL_AT)),
    })),
  };
}

function slabOf(summary: SlabSummary, frame: SlabFrame, atoms: readonly string[]): SceneSlab {
  const fu = formulaUnits(
    getMaterial(summary.id).structure.sites.map((s) => s.species),
    atoms,
  );
  return {
    ...summary,
    bulkFormula: fu.formula,
    formulaUnits: fu.units,
    atomsPerRepeat: frame.atomsPerRepeat,
  };
}

/** The film the bulk-penetration gate judges for this pair ("oxide" when it is the metal's oxide). */
export function gateFilm(metal: string, support: string, supportFacet?: string): "metal" | "oxide" {
  const g = interfaceGate(metal, support, { supportFacet });
  const bp = bulkPenetrationGate(metal, support, { supportFacet });
  return g.oxide && bp.film === g.oxide.formula ? "oxide" : "metal";
}

/** The slab model behind the scene (and its exports). */
export function interfaceModel(input: InterfaceSceneInput): {
  model: InterfaceModel;
  chosenBy: "gate" | "request";
} {
  return apiFields(() => {
    const choice = input.film ?? "auto";
    const film = choice === "auto" ? gateFilm(input.metal, input.support, input.supportFacet) : choice;
    const model = buildInterface(input.metal, input.support, {
      supportFacet: input.supportFacet,
      layers: input.layers ?? DEFAULT_LAYERS,
      vacuum_A: input.vacuum_A,
      gap_A: input.gap_A,
      film,
    });
    if (model.atoms.length > MAX_SCENE_ATOMS)
      throw new InputError(
        "layers",
        `the scene would hold ${model.atoms.length} atoms (limit ${MAX_SCENE_ATOMS}); lower layers`,
      );
    return { model, chosenBy: choice === "auto" ? "gate" : "request" };
  });
}

export function buildInterfaceScene(input: InterfaceSceneInput): InterfaceScene {
  const { model, chosenBy } = interfaceModel(input);
  const bp = apiFields(() =>
    bulkPenetrationGate(input.metal, input.support, { supportFacet: input.supportFacet }),
  );
  const rel = model.relationship;
  const atoms: SceneAtom[] = model.atoms.map((a) => ({
    element: a.species,
    label: a.label,
    slab: a.part,
    position: a.cart,
  }));
  const zOf = (part: SceneAtom["slab"]) => {
    const z = atoms.filter((a) => a.slab === part).map((a) => a.position[2]);
    return [Math.min(...z), Math.max(...z)] as [number, number];
  };
  const subZ = zOf("substrate");
  const filmZ = zOf("film");
  const [A, B, C] = model.lattice.matrix as [Vec3, Vec3, Vec3];
  const centre: [number, number] = [(A[0] + B[0]) / 2, (A[1] + B[1]) / 2];
  const f = model.frames;
  const repeatBox = (frame: SlabFrame, id: string, layers: number): SceneBox => ({
    origin: frame.origin,
    vectors: frame.repeat as [Vec3, Vec3, Vec3],
    label: `repeat unit of the ${id} slab (${frame.atomsPerRepeat} atoms; the slab is ${layers} of them)`,
  });
  const substrate = slabOf(
    model.substrate,
    f.substrate,
    model.atoms.filter((a) => a.part === "substrate").map((a) => a.species),
  );
  const film = slabOf(
    model.film,
    f.film,
    model.atoms.filter((a) => a.part === "film").map((a) => a.species),
  );
  return {
    metal: input.metal,
    support: input.support,
    film: { ...film, kind: model.filmKind, chosenBy },
    substrate,
    relationship: {
      filmPlane: rel.filmPlane,
      substratePlane: rel.substratePlane,
      verdict: rel.verdict,
      misfit: rel.misfit,
      strain: rel.strain,
      sigma: rel.sigma,
      cellsFilm: rel.cellsFilm,
      cellsSubstrate: rel.cellsSubstrate,
      area_A2: rel.area_A2,
      reason: rel.reason,
    },
    gate: { verdict: bp.verdict, film: bp.film, source: bp.source },
    frame:
      "model frame of the export: x ∥ a (first substrate coincidence vector), z ∥ substrate plane normal, Å; lowest substrate atom at z = 0",
    atoms,
    supercell: {
      origin: [0, 0, 0],
      vectors: [A, B, [0, 0, filmZ[1]]],
      label: `coincidence supercell ${model.film.id}${rel.filmPlane} ∥ ${model.substrate.id}${rel.substratePlane}, ${rel.area_A2.toFixed(1)} Å², Σ ${rel.sigma} (film strained onto the support, misfit ${(100 * rel.misfit).toFixed(1)} %)`,
    },
    exportCell: {
      origin: [0, 0, 0],
      vectors: [A, B, C],
      label: `periodic cell of the CIF/POSCAR export (${model.atoms.length} atoms, ${model.vacuum_A} Å vacuum)`,
    },
    repeatUnits: {
      substrate: repeatBox(f.substrate, model.substrate.id, model.substrate.layers),
      film: repeatBox(f.film, model.film.id, model.film.layers),
    },
    unitCells: {
      substrate: unitCellOf(model.substrate.id, f.substrate, subZ, centre, false),
      film: unitCellOf(model.film.id, f.film, filmZ, centre, true),
    },
    primitiveSurfaceCells: {
      film: rel.cellsFilm,
      substrate: rel.cellsSubstrate,
      note: "the coincidence cell in primitive surface cells of each plane (the conventional cells may be centred)",
    },
    layers: model.substrate.layers,
    gap_A: model.gap_A,
    vacuum_A: model.vacuum_A,
    notes: model.notes,
  };
}

/** CIF or VASP POSCAR of the scene's model: the writer of `smsi interface --export`. */
export function interfaceExportText(
  input: InterfaceSceneInput,
  format: "cif" | "poscar",
): { text: string; fileName: string } {
  const { model } = interfaceModel(input);
  return {
    text: writeInterface(model, format === "cif" ? "cif" : "vasp"),
    fileName: `${model.film.id}_on_${model.substrate.id}.${format === "cif" ? "cif" : "vasp"}`,
  };
}

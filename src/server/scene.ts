/**
 * The 3-D scene of a coincidence interface, computed on the server and drawn by the browser: the
 * substrate slab below the interface plane (z < 0) and the film slab above it, both cut to the
 * coincidence supercell; the substrate's conventional unit cell with a/b/c labels; the supercell box.
 *
 * Frame: x along the first coincidence vector of the substrate, z along the substrate plane normal,
 * y = z × x (right-handed), Å. The film is mapped onto the substrate supercell by the affine map that
 * takes its two coincidence vectors onto the substrate's (the strain of the match) and its plane normal
 * onto the substrate's.
 */
import { writeCif } from "../crystal/cif/index.js";
import { latticeFromVectors } from "../crystal/lattice.js";
import type { Structure } from "../crystal/structure.js";
import {
  type Mat3,
  type Vec3,
  add,
  cross,
  dot,
  inverse3,
  norm,
  scale,
  sub,
  vecMat3,
} from "../crystal/vector.js";
import type { ConventionalCell } from "../match/cell.js";
import type { MatchRecord } from "../match/match.js";
import { InputError } from "../units/errors.js";

/** ASSUMPTION (display choice, overridable): thickness of each slab shown, Å. */
export const DEFAULT_SLAB_THICKNESS_A = 6;
/** ASSUMPTION (display choice): film–substrate gap at the interface, Å (a typical metal–O bond length). */
export const INTERFACE_GAP_A = 2;
/** ASSUMPTION (overridable): vacuum above the film in the exported cell, Å (common DFT slab choice). */
export const DEFAULT_VACUUM_A = 15;
/** Largest slab thickness accepted, Å. */
export const MAX_SLAB_THICKNESS_A = 30;
/** Largest number of atoms in a scene (keeps the page and the export bounded). */
export const MAX_SCENE_ATOMS = 5000;

export interface SceneAtom {
  element: string;
  label: string;
  slab: "film" | "substrate";
  /** Cartesian position in the scene frame, Å. */
  position: Vec3;
}

export interface SceneBox {
  origin: Vec3;
  vectors: [Vec3, Vec3, Vec3];
}

export interface InterfaceScene {
  film: string;
  substrate: string;
  filmMiller: number[];
  substrateMiller: number[];
  frame: string;
  atoms: SceneAtom[];
  /** The coincidence supercell: in-plane vectors and the slab height. */
  supercell: SceneBox & { label: string };
  /** The substrate's conventional unit cell (the cell the match used), with axis labels. */
  unitCell: SceneBox & {
    kind: "conventional";
    of: string;
    label: string;
    axisLabels: { text: "a" | "b" | "c"; position: Vec3 }[];
  };
  /** Primitive surface cells of each side in the supercell (the match counts these). */
  primitiveSurfaceCells: { film: number; substrate: number; note: string };
  slabThickness_A: number;
  gap_A: number;
  vacuum_A: number;
}

interface SideInput {
  id: string;
  cell: ConventionalCell;
}

const unit = (v: Vec3): Vec3 => scale(v, 1 / norm(v));

/** Atoms of a periodic structure whose fractional coordinates in `box` (rows = box vectors) lie in [0,1)³. */
function atomsInBox(structure: Structure, box: Mat3): { frac: Vec3; element: string; label: string }[] {
  const L = structure.lattice.matrix;
  const Linv = inverse3(L);
  const Binv = inverse3(box);
  // Bounds of the lattice translations: the box corners in the crystal's fractional coordinates.
  const lo: Vec3 = [Infinity, Infinity, Infinity];
  const hi: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < 8; i++) {
    const corner = vecMat3([i & 1, (i >> 1) & 1, (i >> 2) & 1], box);
    const f = vecMat3(corner, Linv);
    for (let k = 0; k < 3; k++) {
      lo[k] = Math.min(lo[k], Math.floor(f[k]) - 1);
      hi[k] = Math.max(hi[k], Math.ceil(f[k]) + 1);
    }
  }
  const cells = (hi[0] - lo[0] + 1) * (hi[1] - lo[1] + 1) * (hi[2] - lo[2] + 1);
  if (cells * structure.sites.length > 50 * MAX_SCENE_ATOMS)
    throw new InputError("slabThickness_A", "the scene would be too large; lower the thickness or maxArea");
  const out: { frac: Vec3; element: string; label: string }[] = [];
  const eps = 1e-6;
  for (let i = lo[0]; i <= hi[0]; i++)
    for (let j = lo[1]; j <= hi[1]; j++)
      for (let k = lo[2]; k <= hi[2]; k++)
        for (const s of structure.sites) {
          const r = vecMat3(add(s.frac, [i, j, k]), L);
          const f = vecMat3(r, Binv);
          if (f.every((x) => x >= -eps && x < 1 - eps))
            out.push({ frac: f.map((x) => Math.max(0, x)) as Vec3, element: s.species, label: s.label });
        }
  if (out.length > MAX_SCENE_ATOMS)
    throw new InputError(
      "slabThickness_A",
      `the scene would hold ${out.length} atoms (limit ${MAX_SCENE_ATOMS}); lower the thickness or maxArea`,
    );
  return out;
}

export function buildInterfaceScene(input: {
  film: SideInput;
  substrate: SideInput;
  record: MatchRecord;
  slabThickness_A?: number;
  vacuum_A?: number;
}): InterfaceScene {
  const t = input.slabThickness_A ?? DEFAULT_SLAB_THICKNESS_A;
  if (!(t > 0 && t <= MAX_SLAB_THICKNESS_A))
    throw new InputError("slabThickness_A", `a thickness in Å, 0 < t ≤ ${MAX_SLAB_THICKNESS_A}`);
  const vacuum = input.vacuum_A ?? DEFAULT_VACUUM_A;
  if (!(vacuum >= 0 && vacuum <= 100)) throw new InputError("vacuum_A", "a vacuum in Å, 0 ≤ v ≤ 100");
  const r = input.record;
  const [s1, s2] = r.substrateVectors;
  const [f1, f2] = r.filmVectors;
  const ns = unit(cross(s1, s2));
  const nf = unit(cross(f1, f2));
  // Scene frame: e1 ∥ s1, e3 ∥ substrate normal.
  const e1 = unit(s1);
  const e3 = ns;
  const e2 = cross(e3, e1);
  const toScene = (v: Vec3): Vec3 => [dot(v, e1), dot(v, e2), dot(v, e3)];

  const subBox: Mat3 = [s1, s2, scale(ns, t)];
  const filmBox: Mat3 = [f1, f2, scale(nf, t)];
  const sub = atomsInBox(input.substrate.cell.structure, subBox);
  const film = atomsInBox(input.film.cell.structure, filmBox);
  const S1 = toScene(s1);
  const S2 = toScene(s2);
  const atoms: SceneAtom[] = [];
  for (const a of sub)
    atoms.push({
      element: a.element,
      label: a.label,
      slab: "substrate",
      position: add(add(scale(S1, a.frac[0]), scale(S2, a.frac[1])), [0, 0, (a.frac[2] - 1) * t]),
    });
  for (const a of film)
    atoms.push({
      element: a.element,
      label: a.label,
      slab: "film",
      position: add(add(scale(S1, a.frac[0]), scale(S2, a.frac[1])), [0, 0, INTERFACE_GAP_A + a.frac[2] * t]),
    });
  if (atoms.length > MAX_SCENE_ATOMS)
    throw new InputError(
      "slabThickness_A",
      `the scene would hold ${atoms.length} atoms; lower the thickness`,
    );

  const L = input.substrate.cell.structure.lattice.matrix.map(toScene) as [Vec3, Vec3, Vec3];
  const origin: Vec3 = [0, 0, -t];
  const axisLabels = (["a", "b", "c"] as const).map((text, i) => ({
    text,
    position: add(origin, scale(L[i], 1.08)),
  }));
  const hkl = (m: readonly number[]) => `(${m.join(" ")})`;
  const substrateArea = norm(cross(s1, s2));
  return {
    film: input.film.id,
    substrate: input.substrate.id,
    filmMiller: [...r.filmMiller],
    substrateMiller: [...r.substrateMiller],
    frame: "x ∥ first substrate coincidence vector, z ∥ substrate plane normal, Å; interface plane at z = 0",
    atoms,
    supercell: {
      origin,
      vectors: [S1, S2, [0, 0, 2 * t + INTERFACE_GAP_A]],
      label: `coincidence supercell ${input.film.id}${hkl(r.filmMiller)} ∥ ${input.substrate.id}${hkl(r.substrateMiller)}, ${substrateArea.toFixed(1)} Å² (film cell strained onto the support)`,
    },
    unitCell: {
      kind: "conventional",
      of: input.substrate.id,
      origin,
      vectors: L,
      label: `conventional cell of ${input.substrate.id} (${input.substrate.cell.spaceGroup.symbol}, ${input.substrate.cell.asGiven ? "as bundled" : "standardised by moyo"}); the match counts primitive surface cells`,
      axisLabels,
    },
    primitiveSurfaceCells: {
      film: r.areaInFilmCells,
      substrate: r.areaInSubstrateCells,
      note: "areas in primitive surface cells of each plane (the conventional cell may be centred)",
    },
    slabThickness_A: t,
    gap_A: INTERFACE_GAP_A,
    vacuum_A: vacuum,
  };
}

/** The scene as a periodic structure: supercell in-plane, slabs + vacuum along z. */
export function sceneStructure(scene: InterfaceScene): Structure {
  const [a, b] = scene.supercell.vectors;
  const height = 2 * scene.slabThickness_A + scene.gap_A + scene.vacuum_A;
  const lattice = latticeFromVectors([a, b, [0, 0, height]]);
  const inv = inverse3(lattice.matrix);
  return {
    lattice,
    sites: scene.atoms.map((x) => {
      const f = vecMat3(sub(x.position, scene.supercell.origin), inv).map((v) => v - Math.floor(v)) as Vec3;
      return { species: x.element, frac: f, occupancy: 1, label: `${x.label}_${x.slab}` };
    }),
  };
}

export function sceneToCif(scene: InterfaceScene): string {
  return writeCif(sceneStructure(scene), {
    blockName: `${scene.film}_on_${scene.substrate}`,
    meta: { _smsi_note: scene.supercell.label },
  });
}

/** VASP POSCAR (VASP 5 format: element line, counts, Direct coordinates). */
export function sceneToPoscar(scene: InterfaceScene): string {
  const s = sceneStructure(scene);
  const elements = [...new Set(s.sites.map((x) => x.species))];
  const f = (x: number) => x.toFixed(10).padStart(16);
  const lines = [
    scene.supercell.label,
    "1.0",
    ...s.lattice.matrix.map((v) => v.map(f).join(" ")),
    elements.join(" "),
    elements.map((e) => s.sites.filter((x) => x.species === e).length).join(" "),
    "Direct",
  ];
  for (const e of elements)
    for (const site of s.sites.filter((x) => x.species === e))
      lines.push(`${site.frac.map(f).join(" ")} ${e}`);
  return `${lines.join("\n")}\n`;
}

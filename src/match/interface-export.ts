/**
 * The matched interface as a periodic slab model for DFT: the substrate slab (the support's facet)
 * with the film slab (metal or its oxide) on top in the gate's chosen orientation relationship,
 * the film strained onto the substrate's coincidence cell, then vacuum. Written as CIF (P1),
 * POSCAR (VASP 5, with the species line) or extended XYZ.
 *
 * Each slab is `layers` whole repeat units of the oriented cell (in-plane coincidence vectors A, B
 * and the shortest lattice vector C with h·C = 1 of the conventional cell), so each slab keeps the
 * bulk stoichiometry exactly; terminations and surface dipoles are not optimised. The film is
 * strained in plane only (no Poisson relaxation along the normal): a starting geometry to relax.
 */
import type { SlabSummary } from "./interface-types.js";
import { writeCif } from "../crystal/cif/index.js";
import { type Lattice, cellVolume } from "../crystal/lattice.js";
import type { MillerIndex } from "../crystal/miller.js";
import type { Structure } from "../crystal/structure.js";
import { type Mat3, type Vec3, cross, dot, inverse3, norm } from "../crystal/vector.js";
import { InputError } from "../units/errors.js";
import type { ConventionalCell } from "./cell.js";
import { type InterfaceGateOptions, type OrientationRelationship, interfaceGateDetails } from "./gate.js";
import type { Basis2 } from "./zsl.js";

/**
 * ASSUMPTION: film–substrate distance between the top substrate atom and the bottom film atom,
 * 2.0 Å — the order of a metal–oxygen bond (Ru–O in RuO2 1.94–1.99 Å: Bolzan et al., Acta Cryst.
 * B 53, 373 (1997)). A starting value for relaxation; override with `gap_A` / `--gap`.
 */
export const INTERFACE_GAP_A = 2.0;
/** Default vacuum above the film, Å (a common DFT slab choice; an ASSUMPTION, override with --vacuum). */
export const DEFAULT_VACUUM_A = 15;
/** Default number of repeat units of each slab (ASSUMPTION, override with --layers). */
export const DEFAULT_LAYERS = 3;
export const MAX_LAYERS = 30;
/** Vacuum and gap accepted, Å: below 1 Å images overlap; above 100 Å is not a slab model. */
export const MIN_SPACING_A = 1;
export const MAX_SPACING_A = 100;
/** Largest model written; beyond it DFT is out of reach anyway (and memory stays bounded). */
export const MAX_EXPORT_ATOMS = 5000;

export type ExportFormat = "cif" | "vasp" | "xyz";

export interface InterfaceExportOptions extends InterfaceGateOptions {
  layers?: number;
  vacuum_A?: number;
  gap_A?: number;
  /** Which film: the metal (default) or its oxide. */
  film?: "metal" | "oxide";
}

export interface ExportAtom {
  species: string;
  /** Site label of the bulk structure the atom comes from (e.g. "O1"); not written to the files. */
  label: string;
  /** Cartesian Å in the model frame (a ∥ x, b in xy, c ∥ z). */
  cart: Vec3;
  frac: Vec3;
  part: "substrate" | "film";
}

export type { SlabSummary } from "./interface-types.js";

/**
 * Where one slab sits in the model frame, for drawing its cells (the web scene): the bulk cell, the
 * oriented repeat unit and the linear map from the crystal's Cartesian frame to the model frame.
 */
export interface SlabFrame {
  /** The conventional cell the slab was cut from (the gate's cell). */
  cell: ConventionalCell;
  /** Atoms in one repeat unit (the slab holds `layers` of them). */
  atomsPerRepeat: number;
  /** Repeat unit in the model frame (Å, rows): the two coincidence vectors and the stacking vector. */
  repeat: Mat3;
  /** Model position of the crystal's origin (before the in-plane wrap into the supercell), Å. */
  origin: Vec3;
  /**
   * Crystal Cartesian → model frame (row vectors: model = r · toModel + origin): a rotation for the
   * substrate, rotation plus the in-plane strain onto the substrate cell for the film.
   */
  toModel: Mat3;
}

export interface InterfaceModel {
  /** Rows a, b, c (Å). */
  lattice: Lattice;
  atoms: ExportAtom[];
  substrate: SlabSummary;
  film: SlabSummary;
  relationship: OrientationRelationship;
  /** Which film was built: the metal or its oxide. */
  filmKind: "metal" | "oxide";
  /** Cells of each slab in the model frame (not written to the files). */
  frames: { substrate: SlabFrame; film: SlabFrame };
  gap_A: number;
  vacuum_A: number;
  notes: string[];
}

function checkNumber(
  x: number | undefined,
  dflt: number,
  lo: number,
  hi: number,
  field: string,
  integer = false,
) {
  const v = x ?? dflt;
  if (typeof v !== "number" || !Number.isFinite(v) || v < lo || v > hi || (integer && !Number.isInteger(v)))
    throw new InputError(
      field,
      `must be ${integer ? "an integer" : "a number"} from ${lo} to ${hi} (got ${v})`,
    );
  return v;
}

/** The shortest conventional lattice vector u with h·u = 1 (the stacking period of (hkl)), Cartesian. */
function stackingVector(cell: ConventionalCell, hkl: MillerIndex): Vec3 {
  const m = cell.structure.lattice.matrix;
  let best: Vec3 | undefined;
  let bestLen = Number.POSITIVE_INFINITY;
  const R = 6;
  for (let a = -R; a <= R; a++)
    for (let b = -R; b <= R; b++)
      for (let c = -R; c <= R; c++) {
        if (hkl[0] * a + hkl[1] * b + hkl[2] * c !== 1) continue;
        const v: Vec3 = [0, 1, 2].map((k) => a * m[0][k] + b * m[1][k] + c * m[2][k]) as Vec3;
        const l = norm(v);
        if (l < bestLen - 1e-9) {
          best = v;
          bestLen = l;
        }
      }
  if (!best) throw new InputError("plane", `no stacking vector found for (${hkl.join(",")})`);
  return best;
}

const rowTimes = (v: Vec3, m: Mat3): Vec3 => [
  v[0] * m[0][0] + v[1] * m[1][0] + v[2] * m[2][0],
  v[0] * m[0][1] + v[1] * m[1][1] + v[2] * m[2][1],
  v[0] * m[0][2] + v[1] * m[1][2] + v[2] * m[2][2],
];

/**
 * Atoms of one slab in its own frame (x ∥ A, z ∥ A × B): `layers` copies of the oriented cell
 * (A, B, C), positions as in-plane fractions (u, v) of A, B and height z (Å).
 */
function slabAtoms(
  cell: ConventionalCell,
  hkl: MillerIndex,
  inPlane: Basis2,
  layers: number,
): {
  atoms: { species: string; label: string; u: number; v: number; z: number }[];
  perLayer: number;
  /** The oriented cell (rows A, B, C up) and C's in-plane coefficients and height. */
  oriented: Mat3;
  stacking: { ca: number; cb: number; d: number };
} {
  const s = cell.structure;
  if (s.sites.some((x) => x.occupancy < 1 - 1e-6))
    throw new InputError(
      "--export",
      "the structure has partly occupied sites; a DFT model needs full occupancy",
    );
  const [A, B] = inPlane;
  const C = stackingVector(cell, hkl);
  const n = cross(A, B);
  // Orient C upwards along A × B (flip the stacking direction, not the crystal).
  const Cup: Vec3 = dot(C, n) < 0 ? [-C[0], -C[1], -C[2]] : C;
  const M: Mat3 = [A, B, Cup];
  const Minv = inverse3(M);
  const L = s.lattice.matrix;
  const Linv = inverse3(L);
  const volRatio = Math.abs(dot(cross(A, B), Cup)) / cellVolume(s.lattice);
  const expected = Math.round(s.sites.length * volRatio);
  if (expected * layers > MAX_EXPORT_ATOMS)
    throw new InputError(
      "--layers",
      `the model would hold more than ${MAX_EXPORT_ATOMS} atoms; lower --layers`,
    );
  // Bounds of the oriented cell in conventional fractional coordinates.
  const lo = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  const hi = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const x of [0, 1])
    for (const y of [0, 1])
      for (const z of [0, 1]) {
        const corner = rowTimes([x, y, z], M);
        const f = rowTimes(corner, Linv);
        for (let k = 0; k < 3; k++) {
          lo[k] = Math.min(lo[k], f[k]);
          hi[k] = Math.max(hi[k], f[k]);
        }
      }
  const eps = 1e-7;
  const wrap = (x: number) => {
    const w = x - Math.floor(x + eps);
    return Math.abs(w) < eps ? 0 : w;
  };
  const cellAtoms: { species: string; label: string; s: Vec3 }[] = [];
  for (const site of s.sites)
    for (let i = Math.floor(lo[0]) - 1; i <= Math.ceil(hi[0]) + 1; i++)
      for (let j = Math.floor(lo[1]) - 1; j <= Math.ceil(hi[1]) + 1; j++)
        for (let k = Math.floor(lo[2]) - 1; k <= Math.ceil(hi[2]) + 1; k++) {
          const r = rowTimes([site.frac[0] + i, site.frac[1] + j, site.frac[2] + k], L);
          const f = rowTimes(r, Minv);
          if (f.every((x) => x >= -eps && x < 1 - eps))
            cellAtoms.push({
              species: site.species,
              label: site.label,
              s: [wrap(f[0]), wrap(f[1]), wrap(f[2])],
            });
        }
  if (cellAtoms.length !== expected)
    throw new Error(
      `oriented cell holds ${cellAtoms.length} atoms, expected ${expected} (lattice-vector enumeration failed)`,
    );
  const d = dot(Cup, n) / norm(n);
  // In-plane part of C, in units of A and B (the sheared stacking of each layer).
  const [ca, cb] = inPlaneCoefficients(Cup, A, B);
  const atoms: { species: string; label: string; u: number; v: number; z: number }[] = [];
  for (let layer = 0; layer < layers; layer++)
    for (const a of cellAtoms) {
      const w = a.s[2] + layer;
      atoms.push({
        species: a.species,
        label: a.label,
        u: a.s[0] + w * ca,
        v: a.s[1] + w * cb,
        z: w * d,
      });
    }
  return { atoms, perLayer: cellAtoms.length, oriented: M, stacking: { ca, cb, d } };
}

/** In-plane part of C as coefficients of A and B (least squares in the plane). */
function inPlaneCoefficients(C: Vec3, A: Vec3, B: Vec3): [number, number] {
  const aa = dot(A, A);
  const bb = dot(B, B);
  const ab = dot(A, B);
  const ca = dot(C, A);
  const cb = dot(C, B);
  const det = aa * bb - ab * ab;
  return [(ca * bb - cb * ab) / det, (cb * aa - ca * ab) / det];
}

/** Reduced formula of a list of species, e.g. "RuO2". */
function formulaOf(species: string[]): string {
  const counts = new Map<string, number>();
  for (const s of species) counts.set(s, (counts.get(s) ?? 0) + 1);
  const g = [...counts.values()].reduce((a, b) => {
    let x = a;
    let y = b;
    while (y) [x, y] = [y, x % y];
    return x;
  });
  return [...counts.entries()].map(([s, c]) => `${s}${c / g === 1 ? "" : c / g}`).join("");
}

/** Build the film-on-substrate slab model of the gate's chosen relationship. */
export function buildInterface(
  metal: string,
  support: string,
  options: InterfaceExportOptions = {},
): InterfaceModel {
  const layers = checkNumber(options.layers, DEFAULT_LAYERS, 1, MAX_LAYERS, "--layers", true);
  const vacuum = checkNumber(options.vacuum_A, DEFAULT_VACUUM_A, MIN_SPACING_A, MAX_SPACING_A, "--vacuum");
  const gap = checkNumber(options.gap_A, INTERFACE_GAP_A, MIN_SPACING_A, MAX_SPACING_A, "--gap");
  const g = interfaceGateDetails(metal, support, {
    supportFacet: options.supportFacet,
    thresholds: options.thresholds,
  });
  const which = options.film ?? "metal";
  const side = which === "oxide" ? g.oxide : g.metal;
  if (!side)
    throw new InputError(
      "--export-film",
      `${g.result.metal} has no oxide here (${g.result.oxideNote}); export the metal`,
    );
  const rel = which === "oxide" ? g.result.oxide!.chosen : g.result.chosen;
  const c = side.chosen.cell;
  const sub = slabAtoms(g.support.cell, side.chosen.pair.substrateHkl, c.substrateVectors, layers);
  const film = slabAtoms(side.phase.cell, side.chosen.pair.filmHkl, c.filmVectors, layers);

  // Model frame: a = substrate A along x, b in the xy plane, c along z.
  const [SA, SB] = c.substrateVectors;
  const la = norm(SA);
  const bx = dot(SA, SB) / la;
  const by = norm(cross(SA, SB)) / la;
  const zSubMin = Math.min(...sub.atoms.map((a) => a.z));
  const zSubMax = Math.max(...sub.atoms.map((a) => a.z));
  const zFilmMin = Math.min(...film.atoms.map((a) => a.z));
  const zFilmMax = Math.max(...film.atoms.map((a) => a.z));
  const filmShift = zSubMax - zSubMin + gap - zFilmMin;
  const top = zFilmMax + filmShift;
  const cz = top + vacuum;
  const lattice: Lattice = {
    matrix: [
      [la, 0, 0],
      [bx, by, 0],
      [0, 0, cz],
    ],
  };
  const wrap = (x: number) => {
    const w = x - Math.floor(x);
    return w >= 1 - 1e-9 ? 0 : w;
  };
  const atoms: ExportAtom[] = [];
  const place = (
    a: { species: string; label: string; u: number; v: number; z: number },
    z: number,
    part: ExportAtom["part"],
  ) => {
    const u = wrap(a.u);
    const v = wrap(a.v);
    atoms.push({
      species: a.species,
      label: a.label,
      frac: [u, v, z / cz],
      cart: [u * la + v * bx, v * by, z],
      part,
    });
  };
  for (const a of sub.atoms) place(a, a.z - zSubMin, "substrate");
  // Film strained onto the substrate cell: its (u, v) fractions of its own A, B are kept.
  for (const a of film.atoms) place(a, a.z + filmShift, "film");

  const summary = (id: string, plane: string, s: typeof sub, thickness: number): SlabSummary => ({
    id,
    formula: formulaOf(s.atoms.map((a) => a.species)),
    plane,
    layers,
    atoms: s.atoms.length,
    thickness_A: thickness,
  });
  return {
    lattice,
    atoms,
    substrate: summary(g.support.id, rel.substratePlane, sub, zSubMax - zSubMin),
    film: summary(side.phase.id, rel.filmPlane, film, zFilmMax - zFilmMin),
    relationship: rel,
    filmKind: which,
    frames: {
      substrate: slabFrame(g.support.cell, sub, [la, bx, by], -zSubMin),
      film: slabFrame(side.phase.cell, film, [la, bx, by], filmShift),
    },
    gap_A: gap,
    vacuum_A: vacuum,
    notes: [
      `film strained in plane onto the substrate coincidence cell (misfit ${(100 * rel.misfit).toFixed(1)} %), no Poisson relaxation along the normal`,
      `each slab is ${layers} whole repeat unit(s) of its oriented cell: bulk stoichiometry, terminations not optimised`,
      `film–substrate gap ${gap} Å (ASSUMPTION, --gap), vacuum ${vacuum} Å`,
    ],
  };
}

/** The frame of one slab: its oriented cell mapped onto the substrate's in-plane cell (la, bx, by). */
function slabFrame(
  cell: ConventionalCell,
  slab: { perLayer: number; oriented: Mat3; stacking: { ca: number; cb: number; d: number } },
  [la, bx, by]: [number, number, number],
  zShift: number,
): SlabFrame {
  const { ca, cb, d } = slab.stacking;
  const A: Vec3 = [la, 0, 0];
  const B: Vec3 = [bx, by, 0];
  const C: Vec3 = [ca * la + cb * bx, cb * by, d];
  const repeat: Mat3 = [A, B, C];
  // r = (s0, s1, w) · oriented  →  model = (s0, s1, w) · repeat + origin
  const inv = inverse3(slab.oriented);
  const toModel = [0, 1, 2].map((i) => rowTimes(inv[i] as Vec3, repeat)) as Mat3;
  return { cell, atomsPerRepeat: slab.perLayer, repeat, origin: [0, 0, zShift], toModel };
}

/** Group atoms by species in order of first appearance (POSCAR needs contiguous blocks). */
function bySpecies(atoms: ExportAtom[]): { order: string[]; sorted: ExportAtom[] } {
  const order: string[] = [];
  for (const a of atoms) if (!order.includes(a.species)) order.push(a.species);
  return { order, sorted: order.flatMap((s) => atoms.filter((a) => a.species === s)) };
}

const f8 = (x: number) => x.toFixed(8);

export function formatFromPath(path: string): ExportFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith(".cif")) return "cif";
  if (lower.endsWith(".vasp") || /(^|\/)(poscar|contcar)[^/]*$/i.test(path)) return "vasp";
  if (lower.endsWith(".xyz") || lower.endsWith(".extxyz")) return "xyz";
  throw new InputError(
    "--export",
    `the file must end in .cif, .vasp (or be named POSCAR) or .xyz (got "${path}")`,
  );
}

/** The model as text in one of the three formats. */
export function writeInterface(model: InterfaceModel, format: ExportFormat): string {
  const title = `${model.film.id}${model.film.plane} on ${model.substrate.id}${model.substrate.plane} (smsi interface)`;
  const m = model.lattice.matrix;
  if (format === "cif") {
    const structure: Structure = {
      lattice: model.lattice,
      sites: model.atoms.map((a, k) => ({
        species: a.species,
        frac: a.frac,
        occupancy: 1,
        label: `${a.species}${k + 1}`,
      })),
    };
    // Space group P 1 stated with the classic tags (ASE's reader requires one).
    return writeCif(structure, {
      blockName: `smsi_${model.film.id}_on_${model.substrate.id}`,
      meta: { "_symmetry_space_group_name_H-M": "P 1", _symmetry_Int_Tables_number: "1" },
    });
  }
  if (format === "vasp") {
    const { order, sorted } = bySpecies(model.atoms);
    const lines = [
      title,
      "1.0",
      ...m.map((r) => r.map(f8).join(" ")),
      order.join(" "),
      order.map((s) => sorted.filter((a) => a.species === s).length).join(" "),
      "Direct",
      ...sorted.map((a) => a.frac.map(f8).join(" ")),
    ];
    return `${lines.join("\n")}\n`;
  }
  const lattice = m.flatMap((r) => r.map(f8)).join(" ");
  const lines = [
    String(model.atoms.length),
    `Lattice="${lattice}" Properties=species:S:1:pos:R:3 pbc="T T T"`,
    ...model.atoms.map((a) => `${a.species} ${a.cart.map(f8).join(" ")}`),
  ];
  return `${lines.join("\n")}\n`;
}

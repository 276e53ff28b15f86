/** Fuzz targets: the CIF reader (arbitrary, mutated, generated text) and write → read round trips. */
import fc from "fast-check";
import { readCif, writeCif } from "../../../src/crystal/cif/index.js";
import { CIF_FORBIDDEN_CHARACTER } from "../../../src/crystal/cif/parse.js";
import { density_g_per_cm3, formulaFromStructure } from "../../../src/crystal/density.js";
import { latticeFromParameters } from "../../../src/crystal/lattice.js";
import type { Site, Structure } from "../../../src/crystal/structure.js";
import { analyzeSymmetry } from "../../../src/crystal/symmetry.js";
import { InputError } from "../../../src/units/errors.js";
import { RUTILE } from "../../helpers/cif-samples.js";
import { type FuzzTarget, outcomeOf, preview, seedFiles } from "./common.js";

const BUNDLED_CIFS = seedFiles("data/materials/cif/", ".cif", 12);
const SEED_CIFS = [RUTILE, ...BUNDLED_CIFS];

/** Tokens that have broken CIF readers: extreme numbers, CIF keywords, quotes, odd symbols. */
const NASTY_TOKENS = [
  "1e300",
  "-1e300",
  "1e-300",
  "0",
  "-0",
  "0.001",
  "NaN",
  "Infinity",
  "0x10",
  "?",
  ".",
  "'",
  '"',
  ";",
  "data_",
  "data_x",
  "loop_",
  "save_x",
  "global_",
  "stop_",
  "_tag",
  "#",
  "Og",
  "Nn",
  "Uuo",
  "x,y,z",
  "-x+1/2,y,z",
  "x,y",
  "179.9999",
  "1000000",
  "'a' b'",
  '"q\' "',
  "\n;\n",
  "\n;x\n",
  "F m -3 m",
  "'P 1'",
  "'I 41/a m d :1'",
];

type CifMutation =
  | { op: "replace"; at: number; token: string }
  | { op: "delete-line" | "truncate"; at: number }
  | { op: "repeat-line"; at: number; times: number };

const cifMutation: fc.Arbitrary<CifMutation> = fc.oneof(
  fc.record({ op: fc.constant("replace" as const), at: fc.nat(), token: fc.constantFrom(...NASTY_TOKENS) }),
  fc.record({ op: fc.constant("replace" as const), at: fc.nat(), token: fc.string({ maxLength: 12 }) }),
  fc.record({ op: fc.constantFrom("delete-line" as const, "truncate" as const), at: fc.nat() }),
  fc.record({
    op: fc.constant("repeat-line" as const),
    at: fc.nat(),
    times: fc.integer({ min: 2, max: 400 }),
  }),
);

/** Replace the at-th word (whitespace kept), or delete, repeat or cut at the at-th line. */
function mutate(text: string, mutations: CifMutation[]): string {
  let t = text;
  for (const m of mutations) {
    if (m.op === "replace") {
      const words = t.split(/(\s+)/);
      words[2 * (m.at % Math.ceil(words.length / 2))] = m.token;
      t = words.join("");
      continue;
    }
    const lines = t.split("\n");
    const i = m.at % lines.length;
    if (m.op === "delete-line") lines.splice(i, 1);
    else if (m.op === "repeat-line") lines.splice(i, 0, ...Array<string>(m.times).fill(lines[i]));
    else lines.length = i;
    t = lines.join("\n");
  }
  return t;
}

const ELEMENTS_AND_GARBAGE = [
  "Ti",
  "O",
  "Ru",
  "Pt",
  "Ce",
  "H",
  "Og",
  "Nn",
  "Uuo",
  "Xx",
  "Ti4+",
  "O2-",
  "C",
  "ti",
  "?",
];
const HM_SYMBOLS = [
  "P 1",
  "P -1",
  "F m -3 m",
  "P 42/m n m",
  "I 41/a m d :1",
  "R -3 c",
  "P 63/m m c",
  "Q 9",
  "?",
];
const cellNumber = fc.oneof(
  fc.double({ min: 0.5, max: 50, noNaN: true }),
  fc.constantFrom(0, -1, 0.001, 1e300, 1e-300, Number.NaN, 90, 180, 1000),
);
const angle = fc.oneof(
  fc.double({ min: 30, max: 150, noNaN: true }),
  fc.constantFrom(0, 90, 120, 180, 0.001, 1e300),
);
const coordinate = fc.oneof(
  fc.double({ min: -1, max: 2, noNaN: true }),
  fc.constantFrom(0, 0.5, 1e300, -1e300, 1e-300, 11),
);

const generatedCif = fc
  .record({
    a: cellNumber,
    b: cellNumber,
    c: cellNumber,
    alpha: angle,
    beta: angle,
    gamma: angle,
    hm: fc.constantFrom(...HM_SYMBOLS),
    sites: fc.array(
      fc.record({
        type: fc.constantFrom(...ELEMENTS_AND_GARBAGE),
        x: coordinate,
        y: coordinate,
        z: coordinate,
        occ: fc.oneof(fc.double({ min: 0, max: 1.2, noNaN: true }), fc.constantFrom(1e-300, 1, 0.5)),
      }),
      { minLength: 0, maxLength: 24 },
    ),
  })
  .map(
    (g) =>
      `data_gen\n_cell_length_a ${g.a}\n_cell_length_b ${g.b}\n_cell_length_c ${g.c}\n_cell_angle_alpha ${g.alpha}\n_cell_angle_beta ${g.beta}\n_cell_angle_gamma ${g.gamma}\n_symmetry_space_group_name_H-M '${g.hm}'\nloop_\n_atom_site_label\n_atom_site_type_symbol\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\n_atom_site_occupancy\n${g.sites.map((s, i) => `A${i} ${s.type} ${s.x} ${s.y} ${s.z} ${s.occ}`).join("\n")}\n`,
  );

export const cifReadTarget: FuzzTarget<string> = {
  name: "cif-read",
  arbitrary: fc.oneof(
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...NASTY_TOKENS, " ", "\n"), maxLength: 40 }) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...SEED_CIFS), fc.array(cifMutation, { minLength: 1, maxLength: 4 }))
        .map(([t, ms]) => mutate(t, ms)),
    },
    { weight: 4, arbitrary: generatedCif },
  ),
  /** Read; if accepted, analyse symmetry (the import path) and write → read back the same atoms. */
  run(text) {
    return outcomeOf(() => {
      const cif = readCif(text, "fuzz.cif");
      const s = cif.structure;
      analyzeSymmetry(s);
      formulaFromStructure(s);
      density_g_per_cm3(s);
      let back: Structure;
      try {
        back = readCif(writeCif(s, { blockName: "back" })).structure;
      } catch (e) {
        return { kind: "unreadable-write", detail: e instanceof Error ? e.message : String(e) };
      }
      if (back.sites.length !== s.sites.length)
        return {
          kind: "unreadable-write",
          detail: `${s.sites.length} atoms written, ${back.sites.length} read`,
        };
      return undefined;
    });
  },
  show: preview,
};

const hostileText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.string({
    unit: fc.constantFrom(
      ";",
      "'",
      '"',
      " ",
      "\t",
      "\n",
      "#",
      "_",
      "data_",
      "loop_",
      "\\",
      ">",
      "?",
      ".",
      "a",
      "Ti",
      "$",
      "[",
      "]",
      "\u00a0",
      "é",
    ),
    maxLength: 24,
  }),
);
/** Elements for round-trip sites: heavy enough and few enough that the density stays plausible. */
const ROUND_TRIP_SPECIES = ["Pt", "Ru", "Ce", "Zr"];

export interface RoundTripInput {
  cell: { a: number; b: number; c: number; alpha: number; beta: number; gamma: number };
  sites: { cell: number; species: string; label: string; occupancy: number }[];
  blockName: string;
  meta: Record<string, string>;
}

export const cifRoundTripTarget: FuzzTarget<RoundTripInput> = {
  name: "cif-roundtrip",
  arbitrary: fc.record({
    cell: fc.record({
      a: fc.double({ min: 5, max: 8, noNaN: true }),
      b: fc.double({ min: 5, max: 8, noNaN: true }),
      c: fc.double({ min: 5, max: 8, noNaN: true }),
      alpha: fc.double({ min: 75, max: 105, noNaN: true }),
      beta: fc.double({ min: 75, max: 105, noNaN: true }),
      gamma: fc.double({ min: 75, max: 105, noNaN: true }),
    }),
    // distinct points of a 3×3×3 grid: ≥ 1.5 Å apart in these cells, never overlapping
    sites: fc.uniqueArray(
      fc.record({
        cell: fc.integer({ min: 0, max: 26 }),
        species: fc.constantFrom(...ROUND_TRIP_SPECIES),
        label: hostileText,
        occupancy: fc.double({ min: 0.5, max: 1, noNaN: true }),
      }),
      { minLength: 1, maxLength: 6, selector: (s) => s.cell },
    ),
    blockName: fc.string({ minLength: 1, maxLength: 16 }),
    meta: fc.dictionary(
      fc.constantFrom("_journal_name_full", "_chemical_name_common", "_publ_section_title", "_x"),
      hostileText,
    ),
  }),
  run(input) {
    const sites: Site[] = input.sites.map((s) => ({
      species: s.species,
      frac: [Math.floor(s.cell / 9) / 3, (Math.floor(s.cell / 3) % 3) / 3, (s.cell % 3) / 3],
      occupancy: s.occupancy,
      label: s.label,
    }));
    const structure = { lattice: latticeFromParameters(input.cell), sites };
    let text: string;
    try {
      text = writeCif(structure, { blockName: input.blockName, meta: input.meta });
    } catch (e) {
      if (!(e instanceof InputError))
        return outcomeOf(() => {
          throw e;
        });
      // only values a CIF cannot hold may be refused
      const all = [input.blockName, ...Object.values(input.meta), ...sites.map((s) => s.label)];
      return all.some((v) => CIF_FORBIDDEN_CHARACTER.test(v) || v.includes("\r"))
        ? { kind: "refused", detail: e.field }
        : { kind: "unreadable-write", detail: `refused a writable value: ${e.message}` };
    }
    let back: ReturnType<typeof readCif>;
    try {
      back = readCif(text, "roundtrip.cif");
    } catch (e) {
      return { kind: "unreadable-write", detail: `${e instanceof Error ? e.message : String(e)}\n${text}` };
    }
    const diff: string[] = [];
    if (back.blockName !== input.blockName.replace(/\s+/g, "_"))
      diff.push(`block ${JSON.stringify(input.blockName)} → ${JSON.stringify(back.blockName)}`);
    for (const [k, v] of Object.entries(input.meta))
      if (back.meta[k] !== v) diff.push(`${k} ${JSON.stringify(v)} → ${JSON.stringify(back.meta[k])}`);
    if (back.structure.sites.length !== sites.length) diff.push("atom count");
    else
      sites.forEach((s, i) => {
        const b = back.structure.sites[i];
        if (b.label !== s.label) diff.push(`label ${JSON.stringify(s.label)} → ${JSON.stringify(b.label)}`);
        if (b.species !== s.species || b.occupancy !== s.occupancy) diff.push(`site ${i} species/occupancy`);
        for (let k = 0; k < 3; k++) {
          const d = Math.abs(b.frac[k] - s.frac[k]);
          if (Math.min(d, 1 - d) > 1e-6) diff.push(`site ${i} coordinate ${k}`);
        }
      });
    return diff.length ? { kind: "unreadable-write", detail: diff.join("; ") } : { kind: "accepted" };
  },
  show: (input) => JSON.stringify(input).slice(0, 400),
};

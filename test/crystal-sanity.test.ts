import { describe, expect, it } from "vitest";
import { CifError, readCif, writeCif } from "../src/crystal/cif/index.js";
import { atomicMass, elementFromTypeSymbol } from "../src/crystal/elements.js";
import {
  MAX_ABS_FRACTIONAL,
  MAX_SYMMETRY_OPERATIONS,
  MIN_CELL_LENGTH_A,
  MIN_INTERATOMIC_DISTANCE_A,
  MIN_OCCUPANCY,
} from "../src/crystal/sanity.js";
import { structureFromPhaseInput } from "../src/match/input-structure.js";
import { inputErrorOf } from "./helpers/errors.js";

/** A cubic cell with the given atom rows (label type x y z occ) and optional symmetry operations. */
function cif(rows: string[], opts: { a?: number; ops?: string[]; hm?: string; name?: string } = {}): string {
  const a = opts.a ?? 4;
  const sym = opts.ops
    ? `loop_\n_symmetry_equiv_pos_as_xyz\n${opts.ops.join("\n")}\n`
    : opts.hm
      ? `_symmetry_space_group_name_H-M '${opts.hm}'\n`
      : "";
  return `data_${opts.name ?? "t"}\n_cell_length_a ${a}\n_cell_length_b ${a}\n_cell_length_c ${a}\n_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 90\n${sym}loop_\n_atom_site_label\n_atom_site_type_symbol\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\n_atom_site_occupancy\n${rows.join("\n")}\n`;
}

function cifError(text: string, options?: Parameters<typeof readCif>[2]): CifError {
  const e = inputErrorOf(() => readCif(text, "t.cif", options));
  expect(e).toBeInstanceOf(CifError);
  return e as CifError;
}

describe("element symbols are read whole, against the periodic table", () => {
  it("Og is oganesson (Z = 118), never O", () => {
    expect(elementFromTypeSymbol("Og")).toBe("Og");
    const s = readCif(cif(["Og1 Og 0 0 0 1"], { a: 5 })).structure;
    expect(s.sites[0].species).toBe("Og");
    expect(atomicMass("Og")).toBe(294); // IUPAC periodic table: [294]
  });
  it.each(["Nn", "Uuo", "Xx", "Oq"])("%s is refused, not read by its first letter", (sym) => {
    expect(elementFromTypeSymbol(sym)).toBeUndefined();
    const e = cifError(cif([`A1 ${sym} 0 0 0 1`]));
    expect(e.field).toBe("_atom_site_type_symbol");
    expect(e.message).toMatch(/unknown element/);
  });
  it("charges, digits and labels after the symbol are still read", () => {
    expect(["Ti4+", "O2-", "Ru1", "OW", "Fe"].map(elementFromTypeSymbol)).toEqual([
      "Ti",
      "O",
      "Ru",
      "O",
      "Fe",
    ]);
  });
});

describe("nonsense structures are refused", () => {
  it("overlapping atoms (closer than the minimum interatomic distance)", () => {
    const e = cifError(cif(["Ti1 Ti 0 0 0 1", "Ti2 Ti 0.01 0 0 1"]));
    expect(e.message).toMatch(/overlapping atoms/);
    expect(e.message).toContain(`${MIN_INTERATOMIC_DISTANCE_A} Å`);
  });
  it("a disordered site (partial occupancies summing to 1 on one position) is not an overlap", () => {
    const s = readCif(cif(["Ti1 Ti 0 0 0 0.5", "Zr1 Zr 0 0 0 0.5"])).structure;
    expect(s.sites).toHaveLength(2);
  });
  it("a coordinate of 1e300 is refused, not wrapped to 0", () => {
    const e = cifError(cif(["Ti1 Ti 1e300 0 0 1"]));
    expect(e.field).toBe("_atom_site_fract_x");
    expect(e.message).toMatch(`|x| ≤ ${MAX_ABS_FRACTIONAL}`);
  });
  it("an occupancy of 1e-300 is refused", () => {
    const e = cifError(cif(["Ti1 Ti 0 0 0 1e-300"]));
    expect(e.field).toBe("_atom_site_occupancy");
    expect(e.message).toMatch(`below the smallest accepted ${MIN_OCCUPANCY}`);
  });
  it("a degenerate cell (a = 0.001 Å) and a cell flattened by its angles are refused", () => {
    const e = cifError(cif(["Ti1 Ti 0 0 0 1"], { a: 0.001 }));
    expect(e.field).toBe("_cell_length_a");
    expect(e.message).toMatch(`outside the accepted ${MIN_CELL_LENGTH_A}–`);
    const flat = cif(["Ti1 Ti 0 0 0 1"], { a: 10 }).replace(
      "_cell_angle_gamma 90",
      "_cell_angle_gamma 0.001",
    );
    expect(cifError(flat).message).toMatch(/lattice translation of only|zero/);
  });
  it("an implausible density is refused (one H atom in a 400 Å cube)", () => {
    expect(cifError(cif(["H1 H 0 0 0 1"], { a: 400 })).message).toMatch(/density .* outside the plausible/);
  });
  it("more symmetry operations than the largest space group has are refused before any is parsed", () => {
    const ops = Array.from({ length: 30_000 }, () => "q,q,q");
    const e = cifError(cif(["Ti1 Ti 0 0 0 1"], { ops }));
    // the operations are nonsense: had any been parsed, the error would be "cannot parse symmetry operation"
    expect(e.message).toMatch(`30000 symmetry operations exceed the ${MAX_SYMMETRY_OPERATIONS}`);
    expect(e.message).toMatch(/refused without expanding/);
  });
});

describe("symmetry operations must be crystallographic", () => {
  it.each(["0.5x,y,z", "x,x,z", "2x,y,z", "x+y,y,z+1/2"])("%s is refused", (op) => {
    const e = cifError(cif(["Ti1 Ti 0 0 0 1"], { ops: ["x,y,z", op] }));
    expect(e.field).toBe("_symmetry_equiv_pos_as_xyz");
    expect(e.message).toMatch(/is not a symmetry operation of this cell/);
  });
});

describe("several structures in one CIF: chosen explicitly or refused with the list", () => {
  const two = `${cif(["Ti1 Ti 0 0 0 1"], { name: "first" })}${cif(["Ru1 Ru 0 0 0 1"], { name: "second", a: 3 })}`;
  it("without a choice the error lists both blocks", () => {
    const e = cifError(two, { blockField: "--block" });
    expect(e.field).toBe("--block");
    expect(e.message).toMatch(/2 structures \(data_first, data_second\)/);
  });
  it("the named block is read", () => {
    expect(readCif(two, "t.cif", { block: "second" }).structure.sites[0].species).toBe("Ru");
    expect(cifError(two, { block: "third" }).message).toMatch(/no block data_third/);
  });
});

describe("phase input (match reference inputs) gets the same checks", () => {
  const base = {
    space_group: "Fm-3m",
    lattice_abc: [3.9, 3.9, 3.9],
    lattice_angles: [90, 90, 90],
    species: ["Pt"],
    coords: [[0, 0, 0]],
  };
  const fieldOf = (p: typeof base) => inputErrorOf(() => structureFromPhaseInput(p, "film")).field;

  it("fcc Pt is built with 4 atoms", () => {
    expect(structureFromPhaseInput(base).sites).toHaveLength(4);
  });
  it("degenerate cell, unknown element, 1e300 coordinate and overlapping atoms name their field", () => {
    expect(fieldOf({ ...base, lattice_abc: [0.001, 3.9, 3.9] })).toBe("film.lattice_abc[0]");
    expect(fieldOf({ ...base, species: ["Nn"] })).toBe("film.species[0]");
    expect(fieldOf({ ...base, coords: [[1e300, 0, 0]] })).toBe("film.coords[0][0]");
    expect(
      fieldOf({
        ...base,
        species: ["Pt", "Pt"],
        coords: [
          [0, 0, 0],
          [0.01, 0, 0],
        ],
      }),
    ).toBe("film");
  });
});

describe("CIF writer: what it cannot store it refuses, everything else reads back", () => {
  it("a label with a control character is refused naming the label", () => {
    const s = readCif(cif(["Ti1 Ti 0 0 0 1"])).structure;
    s.sites[0].label = "bad\u0007label";
    expect(() => writeCif(s)).toThrow(/sites\[0\]\.label/);
  });
});

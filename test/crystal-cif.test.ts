import { describe, expect, it } from "vitest";
import { CifError, readCif, writeCif } from "../src/crystal/cif/index.js";
import { parseSymmetryOperation } from "../src/crystal/cif/symop.js";
import { density_g_per_cm3, formulaFromStructure } from "../src/crystal/density.js";
import { analyzeSymmetry } from "../src/crystal/symmetry.js";
import { resolveSpaceGroup } from "../src/crystal/spacegroup-symbol.js";
import { AVOGADRO_PER_MOL } from "../src/units/constants.js";
import { atomicMass } from "../src/crystal/elements.js";
import { RUTILE } from "./helpers/cif-samples.js";

const ANATASE_OPS = `data_anatase
_cell_length_a 3.7845
_cell_length_b 3.7845
_cell_length_c 9.5143
_cell_angle_alpha 90
_cell_angle_beta 90
_cell_angle_gamma 90
_symmetry_space_group_name_H-M 'I 41/a m d :1'
_symmetry_Int_Tables_number 141
loop_
_atom_site_label
_atom_site_fract_x
_atom_site_fract_y
_atom_site_fract_z
Ti1 0 0 0
O1 0 0 0.20806
`;

function withOps(ops: string[], body: string): string {
  return body.replace(
    "loop_\n_atom_site_label",
    `loop_\n_space_group_symop_operation_xyz\n${ops.map((o) => `'${o}'`).join("\n")}\nloop_\n_atom_site_label`,
  );
}

describe("CIF reader", () => {
  it("expands rutile from its symbol: 6 atoms, moyo finds P4_2/mnm (136)", () => {
    const c = readCif(RUTILE);
    expect(c.structure.sites).toHaveLength(6);
    expect(analyzeSymmetry(c.structure).number).toBe(136);
    expect(c.meta._journal_name_full).toBe("Acta Crystallographica B");
    expect(formulaFromStructure(c.structure)).toMatchObject({ reduced: "TiO2", unitsPerCell: 2 });
  });
  it("anatase origin choice 1 gives 12 atoms and 141", () => {
    const c = readCif(ANATASE_OPS);
    expect(c.structure.sites).toHaveLength(12);
    expect(analyzeSymmetry(c.structure).number).toBe(141);
  });
  it("uses explicit symmetry operations when present (P1 operation list keeps the asymmetric unit)", () => {
    const c = readCif(withOps(["x,y,z"], RUTILE));
    expect(c.structure.sites).toHaveLength(2);
    const c2 = readCif(withOps(["x,y,z", "-x,-y,z", "1/2+x, 1/2-y, 1/2-z", "-x+1/2,y+1/2,-z+1/2"], RUTILE));
    // Ti at origin: 2 images; O (x,x,0): 4 images
    expect(c2.structure.sites).toHaveLength(6);
  });
  it("parses symmetry operations with fractions, decimals and reversed order", () => {
    const op = parseSymmetryOperation("1/2+x, y-x, -z+0.25")!;
    expect(op.rotation).toEqual([
      [1, 0, 0],
      [-1, 1, 0],
      [0, 0, -1],
    ]);
    expect(op.translation).toEqual([0.5, 0, 0.25]);
    expect(parseSymmetryOperation("x,y")).toBeUndefined();
    expect(parseSymmetryOperation("x,y,q")).toBeUndefined();
  });
  it("fcc Cu: density equals 4·M/(N_A a³)", () => {
    const cif = `data_Cu\n_cell_length_a 3.6149\n_cell_length_b 3.6149\n_cell_length_c 3.6149\n_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 90\n_symmetry_space_group_name_H-M 'F m -3 m'\nloop_\n_atom_site_label\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\nCu1 0 0 0\n`;
    const s = readCif(cif).structure;
    expect(s.sites).toHaveLength(4);
    const expected = (4 * atomicMass("Cu")) / (AVOGADRO_PER_MOL * 3.6149 ** 3 * 1e-24);
    expect(density_g_per_cm3(s)).toBeCloseTo(expected, 10);
    expect(density_g_per_cm3(s)).toBeGreaterThan(8.9); // Cu is 8.96 g/cm³ (CRC Handbook)
  });
  it("partial occupancy scales mass", () => {
    const cif = RUTILE.replace("O1 O2- 0.30478(6) 0.30478(6) 0 1.0", "O1 O2- 0.30478(6) 0.30478(6) 0 0.5");
    const full = density_g_per_cm3(readCif(RUTILE).structure);
    const half = density_g_per_cm3(readCif(cif).structure);
    const dO = (4 * 0.5 * atomicMass("O")) / (AVOGADRO_PER_MOL * 4.5937 ** 2 * 2.9587 * 1e-24);
    expect(full - half).toBeCloseTo(dO, 10);
  });
  it("write → read round-trips positions within 1e-6", () => {
    const s = readCif(RUTILE).structure;
    const back = readCif(writeCif(s, { blockName: "rt", meta: { _journal_name_full: "Acta Cryst. B" } }));
    expect(back.structure.sites).toHaveLength(s.sites.length);
    s.sites.forEach((site, i) => {
      for (let k = 0; k < 3; k++)
        expect(Math.abs(back.structure.sites[i].frac[k] - site.frac[k])).toBeLessThan(1e-6);
      expect(back.structure.sites[i].species).toBe(site.species);
    });
    expect(back.meta._journal_name_full).toBe("Acta Cryst. B");
  });
  it("resolves symbols with settings", () => {
    expect(resolveSpaceGroup("P4_2/mnm").number).toBe(136);
    expect(resolveSpaceGroup("Fd-3m:2").setting).toBe("2");
    expect(resolveSpaceGroup("R-3c").setting).toBe("H");
    expect(resolveSpaceGroup("P b n m").number).toBe(62);
    expect(() => resolveSpaceGroup("Q9")).toThrow(/unknown space-group symbol/);
  });
});

describe("malformed CIF: every error names the field and the line", () => {
  const expectCifError = (text: string, field: RegExp, message: RegExp) => {
    let caught: unknown;
    try {
      readCif(text, "bad.cif");
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CifError);
    const e = caught as CifError;
    expect(e.field).toMatch(field);
    expect(e.message).toMatch(message);
    expect(e.message).toMatch(/line \d+/);
  };
  it("truncated file: unterminated text field", () => {
    expectCifError(RUTILE.split(";\nloop_")[0], /text field/, /unterminated/);
  });
  it("truncated file: incomplete last row of the atom loop", () => {
    expectCifError(RUTILE.replace(/ 0 1\.0\n$/, "\n"), /_atom_site_label/, /not a multiple/);
  });
  it("truncated file: tag without value", () => {
    expectCifError("data_x\n_cell_length_a 4.0\n_cell_length_b\n", /_cell_length_b/, /no value/);
  });
  it("missing cell parameter", () => {
    expectCifError(
      RUTILE.replace("_cell_length_c 2.9587(1)\n", ""),
      /_cell_length_c/,
      /missing cell parameter/,
    );
  });
  it("unparsable symmetry operation", () => {
    expectCifError(
      withOps(["x,y,z", "x+y+,q,z"], RUTILE),
      /_space_group_symop_operation_xyz/,
      /cannot parse symmetry operation/,
    );
  });
  it("unknown element", () => {
    expectCifError(RUTILE.replace("Ti1 Ti4+", "Xx1 Xx"), /_atom_site_type_symbol/, /unknown element/);
  });
  it("occupancy above 1", () => {
    expectCifError(RUTILE.replace("0 0 0 1.0", "0 0 0 1.5"), /_atom_site_occupancy/, /exceeds 1/);
  });
  it("empty atom loop", () => {
    const empty = RUTILE.split("Ti1 Ti4+")[0];
    expectCifError(empty, /_atom_site_label/, /no values/);
  });
  it("unknown space-group symbol without operations", () => {
    expectCifError(
      RUTILE.replace("'P 42/m n m'", "'P 9/q'"),
      /_symmetry_space_group_name_h-m/,
      /unknown space-group symbol/,
    );
  });
});

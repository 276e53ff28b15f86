/**
 * Limits are checked before the work they limit: spies on the symmetry library (moyo) and on the
 * expansion of the asymmetric unit show that a refused input never reached them (no timing involved).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@spglib/moyo-wasm", async (importOriginal) => {
  const moyo = await importOriginal<typeof import("@spglib/moyo-wasm")>();
  return {
    ...moyo,
    initSync: vi.fn(moyo.initSync),
    analyze_cell: vi.fn(moyo.analyze_cell),
    operations_from_number: vi.fn(moyo.operations_from_number),
  };
});
vi.mock("../src/crystal/expand.js", async (importOriginal) => {
  const expand = await importOriginal<typeof import("../src/crystal/expand.js")>();
  return { ...expand, expandAsymmetricUnit: vi.fn(expand.expandAsymmetricUnit) };
});

const moyo = await import("@spglib/moyo-wasm");
const { expandAsymmetricUnit } = await import("../src/crystal/expand.js");
const { readCif } = await import("../src/crystal/cif/index.js");
const { importMaterial } = await import("../src/materials/import.js");
const { resolveStructure } = await import("../src/materials/library.js");
const { MAX_ATOMS_PER_CELL, MAX_SYMMETRY_IMAGES } = await import("../src/crystal/sanity.js");
const { InputError } = await import("../src/units/errors.js");

const dir = mkdtempSync(join(tmpdir(), "smsi-limits-"));

function cubicCif(a: number, rows: string[], hm?: string): string {
  return `data_t\n_cell_length_a ${a}\n_cell_length_b ${a}\n_cell_length_c ${a}\n_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 90\n${hm ? `_symmetry_space_group_name_H-M '${hm}'\n` : ""}loop_\n_atom_site_label\n_atom_site_type_symbol\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\n${rows.join("\n")}\n`;
}

function caught(f: () => unknown): InstanceType<typeof InputError> {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InstanceType<typeof InputError>;
  }
  throw new Error("expected an InputError");
}

const moyoCalls = () =>
  vi.mocked(moyo.analyze_cell).mock.calls.length + vi.mocked(moyo.operations_from_number).mock.calls.length;

beforeEach(() => vi.clearAllMocks());

describe("degenerate cell: refused before moyo is called", () => {
  const file = join(dir, "tiny.cif");
  writeFileSync(file, cubicCif(0.001, ["Ti1 Ti 0 0 0"], "P m -3 m"));
  it("control: a sane cell in Fm-3m does reach moyo", () => {
    const cu = join(dir, "cu.cif");
    writeFileSync(cu, cubicCif(3.6149, ["Cu1 Cu 0 0 0"], "F m -3 m"));
    resolveStructure(cu);
    expect(moyoCalls()).toBeGreaterThan(0);
  });
  it("materials import", () => {
    const e = caught(() => importMaterial({ file, dataDir: join(dir, "data") }));
    expect(e.field).toBe("_cell_length_a");
    expect(moyoCalls()).toBe(0);
  });
  it("match with a CIF path", () => {
    const e = caught(() => resolveStructure(file, "FILM"));
    expect(e.field).toBe("_cell_length_a");
    expect(moyoCalls()).toBe(0);
  });
});

describe("symmetry expansion: counts checked first, refused without expanding", () => {
  it("control: a small structure is expanded once", () => {
    expect(readCif(cubicCif(3.6149, ["Cu1 Cu 0 0 0"], "F m -3 m")).structure.sites).toHaveLength(4);
    expect(vi.mocked(expandAsymmetricUnit)).toHaveBeenCalledTimes(1);
  });
  it(`${MAX_ATOMS_PER_CELL} sites in Fm-3m (192 operations) exceed the image limit and are never expanded`, () => {
    const rows = Array.from(
      { length: MAX_ATOMS_PER_CELL },
      (_, i) => `Cu${i} Cu ${(i % 40) / 40} ${Math.floor(i / 40) / 50} 0.1`,
    );
    const e = caught(() => readCif(cubicCif(200, rows, "F m -3 m")));
    expect(e.message).toMatch(`exceed the limit of ${MAX_SYMMETRY_IMAGES} (refused without expanding)`);
    expect(vi.mocked(expandAsymmetricUnit)).not.toHaveBeenCalled();
  });
  it("more sites than atoms allowed per cell are refused before the space group is even looked up", () => {
    const rows = Array.from({ length: MAX_ATOMS_PER_CELL + 1 }, (_, i) => `Cu${i} Cu 0 0 ${i / 3000}`);
    const e = caught(() => readCif(cubicCif(200, rows, "F m -3 m")));
    expect(e.message).toMatch(/atom sites exceed the limit .* \(refused without expanding\)/);
    expect(vi.mocked(expandAsymmetricUnit)).not.toHaveBeenCalled();
    expect(moyoCalls()).toBe(0);
  });
  it("an expansion that grows beyond the atom limit is stopped there", () => {
    // 12 sites at general positions of Fm-3m: 12 × 192 = 2304 atoms > 2000 (within the image limit)
    const rows = Array.from({ length: 12 }, (_, i) => `Cu${i} Cu ${0.01 + i * 0.003} 0.13 0.29`);
    const e = caught(() => readCif(cubicCif(40, rows, "F m -3 m")));
    expect(e.message).toMatch(`more than ${MAX_ATOMS_PER_CELL} atoms`);
  });
});

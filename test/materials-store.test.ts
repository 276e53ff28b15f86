import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCif, writeCif } from "../src/crystal/cif/index.js";
import { MAX_CIF_BYTES } from "../src/crystal/cif/parse.js";
import { importMaterial } from "../src/materials/import.js";
import { getMaterial, listMaterials, resolveStructure } from "../src/materials/library.js";
import { INDEX_FILE, readUserIndex } from "../src/materials/store.js";
import { runCli } from "./helpers/cli.js";
import { inputErrorOf } from "./helpers/errors.js";

const root = mkdtempSync(join(tmpdir(), "smsi-store-"));
const rutileCif = join(root, "rutile.cif");
writeFileSync(rutileCif, writeCif(getMaterial("TiO2-rutile").structure, { blockName: "rutile_mine" }));

describe("CLI runs against a fresh data folder", () => {
  const dataDir = join(root, "cli-data");
  const saved = process.env.SMSI_DATA_DIR;
  beforeAll(() => {
    process.env.SMSI_DATA_DIR = dataDir;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.SMSI_DATA_DIR;
    else process.env.SMSI_DATA_DIR = saved;
  });

  it("the same id imported twice asks for --force; with --force it is replaced", async () => {
    expect((await runCli("materials", "import", rutileCif, "--id", "R1")).code).toBe(0);
    const again = await runCli("materials", "import", rutileCif, "--id", "R1");
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^error: --id: "R1" is already imported .*add --force to replace it/);
    const forced = await runCli("materials", "import", rutileCif, "--id", "R1", "--force", "--json");
    expect(forced.code, forced.err).toBe(0);
    expect(readUserIndex(dataDir).filter((e) => e.id === "R1")).toHaveLength(1);
  });

  it("a directory, a device, a FIFO and an oversize file are refused by kind or size (import and match)", async () => {
    const fifo = join(root, "pipe.cif");
    spawnSync("mkfifo", [fifo]);
    const big = join(root, "big.cif");
    writeFileSync(big, `data_big\n#${"x".repeat(MAX_CIF_BYTES)}\n`);
    const dirCif = join(root, "folder.cif");
    mkdirSync(dirCif, { recursive: true });
    const cases: [string, RegExp][] = [
      [dirCif, /is a directory/],
      ["/dev/zero", /is a device/],
      [big, /larger than the .* accepted/],
      ...(existsSync(fifo) ? ([[fifo, /is a FIFO/]] as [string, RegExp][]) : []),
    ];
    expect(cases.length).toBe(4);
    for (const [path, why] of cases) {
      const r = await runCli("materials", "import", path);
      expect(r.code, path).toBe(1);
      expect(r.err).toMatch(/^error: FILE: /);
      expect(r.err).toMatch(why);
      const m = inputErrorOf(() => resolveStructure(path, "FILM"));
      expect(m.field).toBe("FILM");
      expect(m.message).toMatch(why);
    }
  });

  it("a multi-block CIF is refused with the list, and --block chooses one", async () => {
    const two = join(root, "two.cif");
    const text = readFileSync(rutileCif, "utf8");
    writeFileSync(two, `${text}${text.replace("data_rutile_mine", "data_rutile_two")}`);
    const r = await runCli("materials", "import", two);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--block: the file holds 2 structures \(data_rutile_mine, data_rutile_two\)/);
    const ok = await runCli("materials", "import", two, "--block", "rutile_two", "--json");
    expect(ok.code, ok.err).toBe(0);
    expect(JSON.parse(ok.out).imported.id).toBe("rutile_two");
    expect(inputErrorOf(() => resolveStructure(two, "SUBSTRATE")).message).toMatch(/--block NAME --id ID/);
  });

  it("an entry whose CIF is missing is reported with the path, not as an internal error", async () => {
    expect((await runCli("materials", "import", rutileCif, "--id", "Gone")).code).toBe(0);
    rmSync(join(dataDir, "cif", "Gone.cif"));
    const r = await runCli("materials", "show", "Gone");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Gone\.cif: no such file/);
    expect(r.err).toMatch(/re-import it/);
    expect(r.err).not.toMatch(/internal/);
  });
});

describe("a damaged user index is reported with its path and never replaced", () => {
  const damaged: [string, string][] = [
    ["id is a number", '{"phases":[{"id":5}]}'],
    ["a list of null", "[null]"],
    ["null entry", '{"phases":[null]}'],
    ["not JSON", '{"phases": ['],
    ["duplicate ids", JSON.stringify({ phases: [0, 1].map(() => ({ ...validEntry("X") })) })],
  ];
  it.each(damaged)("%s", async (_, text) => {
    const dataDir = mkdtempSync(join(root, "damaged-"));
    const index = join(dataDir, INDEX_FILE);
    writeFileSync(index, text);
    const e = inputErrorOf(() => listMaterials(dataDir));
    expect(e.field).toBe(index);
    expect(e.message).toMatch(/damaged .* smsi does not overwrite it/);
    // an import into this folder fails the same way and leaves the file as it was
    const imp = inputErrorOf(() => importMaterial({ file: rutileCif, id: "New", dataDir }));
    expect(imp.field).toBe(index);
    expect(readFileSync(index, "utf8")).toBe(text);
    // bundled phases stay usable
    expect(getMaterial("TiO2-rutile", dataDir).entry.origin).toBe("bundled");
  });
});

function validEntry(id: string) {
  return {
    id,
    formula: "TiO2",
    name: "TiO2",
    phase: "user structure",
    role: "support",
    spaceGroup: { number: 136, symbol: "P4_2/mnm" },
    structureSource: { citation: "test" },
    referenceDensity: null,
    note: null,
    thermo: null,
    file: `cif/${id}.cif`,
  };
}

describe("an unwritable data folder is an input error naming the folder", () => {
  it("a data folder below a regular file (ENOTDIR)", () => {
    const dataDir = join(rutileCif, "data");
    const e = inputErrorOf(() => importMaterial({ file: rutileCif, id: "X1", dataDir }));
    expect(e.field).toBe(dataDir);
    expect(e.message).toMatch(/cannot write the user data folder \(ENOTDIR\); set SMSI_DATA_DIR/);
  });
});

describe("concurrent imports lose nothing", () => {
  it("4 processes × 20 imports into one folder: all 80 entries present, every CIF readable", async () => {
    const dataDir = join(root, "concurrent");
    const helper = fileURLToPath(new URL("./helpers/import-many.ts", import.meta.url));
    const PROCESSES = 4;
    const EACH = 20;
    const runs = Array.from(
      { length: PROCESSES },
      (_, p) =>
        new Promise<{ code: number | null; err: string }>((resolve) => {
          const child = spawn(
            process.execPath,
            ["--import", "tsx", helper, dataDir, rutileCif, `P${p}`, String(EACH)],
            {
              stdio: ["ignore", "ignore", "pipe"],
            },
          );
          let err = "";
          child.stderr.on("data", (d) => (err += d));
          child.on("close", (code) => resolve({ code, err }));
        }),
    );
    for (const r of await Promise.all(runs)) expect(r.code, r.err).toBe(0);
    const entries = readUserIndex(dataDir);
    expect(entries).toHaveLength(PROCESSES * EACH);
    expect(new Set(entries.map((e) => e.id)).size).toBe(PROCESSES * EACH);
    for (const e of entries)
      expect(readCif(readFileSync(join(dataDir, e.file), "utf8")).structure.sites).toHaveLength(6);
    expect(existsSync(join(dataDir, `${INDEX_FILE}.lock`))).toBe(false);
  }, 120_000);
});

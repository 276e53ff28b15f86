/**
 * The materials library: bundled phases (data/materials) plus the user's imported phases
 * (user data folder, see store.ts). Structures are parsed from CIF on first use and cached.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type CifStructure, readCif } from "../crystal/cif/index.js";
import { MAX_CIF_BYTES } from "../crystal/cif/parse.js";
import type { Structure } from "../crystal/structure.js";
import { InputError } from "../units/errors.js";
import { readInputText } from "../units/read-input.js";
import { readUserIndex, userDataDir } from "./store.js";
import type { MaterialEntry } from "./types.js";

export const BUNDLED_DIR = fileURLToPath(new URL("../../data/materials/", import.meta.url));

let bundled: MaterialEntry[] | undefined;
export function bundledMaterials(): MaterialEntry[] {
  if (!bundled) {
    const doc = JSON.parse(readFileSync(join(BUNDLED_DIR, "index.json"), "utf8")) as {
      phases: MaterialEntry[];
    };
    bundled = doc.phases.map((p) => ({ ...p, origin: "bundled" as const }));
  }
  return bundled;
}

/** All phases: bundled first, then the user's imports. */
export function listMaterials(dataDir = userDataDir()): MaterialEntry[] {
  return [...bundledMaterials(), ...readUserIndex(dataDir).map((p) => ({ ...p, origin: "user" as const }))];
}

export interface Material {
  entry: MaterialEntry;
  structure: Structure;
  cif: CifStructure;
}

const cache = new Map<string, Material>();

function cifPath(entry: MaterialEntry, dataDir: string): string {
  return entry.origin === "user" ? join(dataDir, entry.file) : join(BUNDLED_DIR, entry.file);
}

/** Levenshtein distance, for "did you mean" suggestions. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

export function suggestIds(id: string, entries: MaterialEntry[]): string[] {
  const lower = id.toLowerCase();
  return entries
    .map((e) => ({
      id: e.id,
      d: e.id.toLowerCase().startsWith(lower) ? 0 : editDistance(lower, e.id.toLowerCase()),
    }))
    .sort((x, y) => x.d - y.d)
    .slice(0, 3)
    .map((x) => x.id);
}

/** Entry with this id (exact, else ignoring case) among `entries`. */
function findEntry(entries: MaterialEntry[], id: string): MaterialEntry | undefined {
  return entries.find((e) => e.id === id) ?? entries.find((e) => e.id.toLowerCase() === id.toLowerCase());
}

/**
 * A phase by id: bundled phases first (imports cannot take a bundled id), so that a damaged user index
 * stops only the commands that need it.
 */
export function getMaterial(id: string, dataDir = userDataDir(), field = "id"): Material {
  let entries = bundledMaterials();
  let entry = findEntry(entries, id);
  if (!entry) {
    entries = listMaterials(dataDir);
    entry = findEntry(entries, id);
  }
  if (!entry)
    throw new InputError(
      field,
      `unknown material "${id}"; did you mean ${suggestIds(id, entries).join(", ")}? (smsi materials list shows all)`,
    );
  const key = `${entry.origin}:${entry.id}:${dataDir}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const path = cifPath(entry, dataDir);
  const cif = readCif(
    readInputText(path, {
      field: path,
      maxBytes: MAX_CIF_BYTES,
      what: `the CIF of ${entry.origin === "user" ? "the imported" : "the bundled"} material ${entry.id} (re-import it with smsi materials import FILE --id ${entry.id} --force, or remove its entry)`,
    }),
    path,
  );
  const material = { entry, structure: cif.structure, cif };
  cache.set(key, material);
  return material;
}

/**
 * A material id or a path to a CIF file (ending in .cif or holding a / or \) → its structure and a display name. A CIF path is read bounded
 * and goes through the same checks as `materials import` (cell before symmetry, counts before expansion,
 * overlapping atoms, density); a file with several structures is refused with the list of its blocks.
 */
export function resolveStructure(
  idOrPath: string,
  field = "structure",
  dataDir = userDataDir(),
): { id: string; structure: Structure } {
  // ids never hold a path separator (USER_ID_PATTERN), so anything with one is a path
  if (/\.cif$/i.test(idOrPath) || /[/\\]/.test(idOrPath)) {
    const text = readInputText(idOrPath, { field, maxBytes: MAX_CIF_BYTES, what: "a CIF file" });
    const cif = readCif(text, idOrPath, {
      blockField: field,
      blockHint: `import the one you want with smsi materials import ${idOrPath} --block NAME --id ID, then give its id`,
    });
    return { id: cif.blockName || idOrPath, structure: cif.structure };
  }
  const m = getMaterial(idOrPath, dataDir, field);
  return { id: m.entry.id, structure: m.structure };
}

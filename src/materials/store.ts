/**
 * The user's data folder: imported CIF files and their index. $SMSI_DATA_DIR, else $XDG_DATA_HOME/smsi,
 * else ~/.local/share/smsi. Writes are atomic (temporary file + rename) so an interrupted import loses nothing.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { InputError } from "../units/errors.js";
import type { MaterialEntry } from "./types.js";

export function userDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SMSI_DATA_DIR) return env.SMSI_DATA_DIR;
  if (env.XDG_DATA_HOME) return join(env.XDG_DATA_HOME, "smsi");
  return join(homedir(), ".local", "share", "smsi");
}

const INDEX_FILE = "materials-index.json";

export function readUserIndex(dataDir: string): MaterialEntry[] {
  const path = join(dataDir, INDEX_FILE);
  if (!existsSync(path)) return [];
  try {
    const doc = JSON.parse(readFileSync(path, "utf8")) as { phases: MaterialEntry[] };
    return Array.isArray(doc.phases) ? doc.phases : [];
  } catch (e) {
    throw new InputError(
      path,
      `the user materials index is not valid JSON (${String(e)}); fix or remove the file`,
    );
  }
}

export function atomicWrite(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Store a validated CIF and its entry; the CIF is written before the index so the index never points nowhere. */
export function saveUserMaterial(dataDir: string, entry: MaterialEntry, cifText: string): void {
  mkdirSync(join(dataDir, "cif"), { recursive: true });
  atomicWrite(join(dataDir, entry.file), cifText);
  const entries = readUserIndex(dataDir).filter((e) => e.id !== entry.id);
  entries.push({ ...entry, origin: undefined });
  atomicWrite(join(dataDir, INDEX_FILE), `${JSON.stringify({ phases: entries }, null, 1)}\n`);
}

/**
 * The user's data folder: imported CIF files and their index. $SMSI_DATA_DIR, else $XDG_DATA_HOME/smsi,
 * else ~/.local/share/smsi.
 * - Writes are atomic (temporary file in the same folder, fsync, rename): a reader sees the old or the new
 *   file, never half of one, and an interrupted import loses nothing.
 * - Changes to the index happen under an exclusive lock file (created with O_EXCL), so concurrent imports
 *   each see the others' entries and none is lost.
 * - A malformed or hand-damaged index is reported with its path and never replaced.
 * - Every read is bounded.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { InputError } from "../units/errors.js";
import { readInputText } from "../units/read-input.js";
import { MATERIAL_ROLES, type MaterialEntry } from "./types.js";

export function userDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SMSI_DATA_DIR) return env.SMSI_DATA_DIR;
  if (env.XDG_DATA_HOME) return join(env.XDG_DATA_HOME, "smsi");
  return join(homedir(), ".local", "share", "smsi");
}

export const INDEX_FILE = "materials-index.json";
const LOCK_FILE = `${INDEX_FILE}.lock`;
/** Largest user index read, bytes. ASSUMPTION: an entry is < 1 KB; 10 MB holds ten thousand imports. */
export const MAX_INDEX_BYTES = 10_000_000;
/** How long an import waits for another one to release the lock before it gives up, ms. */
export const LOCK_WAIT_MS = 30_000;
/** A lock older than this is left over from a crashed process and is broken, ms (an import takes < 1 s). */
export const STALE_LOCK_MS = 120_000;

/** A user id: letters, digits and - _ . ( ), at most 64 characters (it is also a file name). */
export const USER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9()_.-]{0,63}$/;

const IndexEntry = z.object({
  id: z.string().regex(USER_ID_PATTERN, "not a usable id"),
  formula: z.string().min(1),
  name: z.string(),
  phase: z.string(),
  role: z.enum(MATERIAL_ROLES as [string, ...string[]]),
  spaceGroup: z.object({ number: z.number().int().min(1).max(230), symbol: z.string() }).loose(),
  structureSource: z.object({ citation: z.string() }).loose(),
  referenceDensity: z.unknown().nullable().default(null),
  note: z.string().nullable().default(null),
  thermo: z.object({ formula: z.string(), phase: z.string() }).nullable().default(null),
  file: z.string().regex(/^cif\/[A-Za-z0-9()_.-]+\.cif$/, "must be cif/<id>.cif"),
});
const IndexDocument = z.object({ phases: z.array(IndexEntry) }).loose();

/** Entries of the user index ([] when there is none); a damaged index is an InputError naming its path. */
export function readUserIndex(dataDir: string): MaterialEntry[] {
  const path = join(dataDir, INDEX_FILE);
  if (!existsSync(path)) return [];
  const text = readInputText(path, {
    field: path,
    maxBytes: MAX_INDEX_BYTES,
    what: "the user materials index",
  });
  const damaged = (why: string) =>
    new InputError(
      path,
      `the user materials index is damaged (${why}); fix or remove the file — smsi does not overwrite it`,
    );
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw damaged(`not valid JSON: ${(e as Error).message}`);
  }
  const r = IndexDocument.safeParse(doc);
  if (!r.success) {
    const i = r.error.issues[0];
    throw damaged(`${["phases", ...i.path.slice(1).map(String)].join(".")}: ${i.message}`);
  }
  const ids = new Set<string>();
  for (const e of r.data.phases) {
    if (ids.has(e.id)) throw damaged(`id ${e.id} appears twice`);
    ids.add(e.id);
  }
  return r.data.phases as MaterialEntry[];
}

/** Write `text` to `path` atomically: a temporary file in the same folder, flushed, then renamed over. */
export function atomicWrite(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const fd = openSync(tmp, "wx");
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function lockIsStale(lockPath: string): boolean {
  let holder: { pid?: number; time?: number };
  try {
    holder = JSON.parse(readFileSync(lockPath, "utf8"));
  } catch {
    return false; // being written or just removed: wait
  }
  if (typeof holder.time === "number" && Date.now() - holder.time > STALE_LOCK_MS) return true;
  if (typeof holder.pid === "number" && holder.pid !== process.pid) {
    try {
      process.kill(holder.pid, 0);
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === "ESRCH";
    }
  }
  return false;
}

/** Run `f` holding the exclusive lock of the user index in `dataDir`. */
export function withIndexLock<T>(dataDir: string, f: () => T): T {
  const lockPath = join(dataDir, LOCK_FILE);
  const deadline = Date.now() + LOCK_WAIT_MS;
  let fd: number | undefined;
  let wait = 5;
  while (fd === undefined) {
    try {
      fd = openSync(lockPath, "wx");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      if (lockIsStale(lockPath)) {
        rmSync(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new InputError(
          lockPath,
          `another smsi process has held the user-data lock for over ${LOCK_WAIT_MS / 1000} s; if none is running, remove this file`,
        );
      sleepMs(wait);
      wait = Math.min(wait * 2, 100);
    }
  }
  try {
    writeSync(fd, JSON.stringify({ pid: process.pid, time: Date.now() }));
    closeSync(fd);
    return f();
  } finally {
    rmSync(lockPath, { force: true });
  }
}

/**
 * Store a validated CIF and its entry under the index lock; the CIF is written before the index so the
 * index never points nowhere. An id already imported is refused unless `force` (then it is replaced).
 */
export function saveUserMaterial(
  dataDir: string,
  entry: MaterialEntry,
  cifText: string,
  options: { force?: boolean } = {},
): void {
  try {
    mkdirSync(join(dataDir, "cif"), { recursive: true });
    withIndexLock(dataDir, () => {
      const entries = readUserIndex(dataDir);
      const existing = entries.find((e) => e.id.toLowerCase() === entry.id.toLowerCase());
      if (existing && !options.force)
        throw new InputError(
          "--id",
          `"${existing.id}" is already imported (${join(dataDir, existing.file)}); add --force to replace it, or choose another id with --id`,
        );
      atomicWrite(join(dataDir, entry.file), cifText);
      const kept = entries.filter((e) => e !== existing);
      kept.push({ ...entry, origin: undefined });
      atomicWrite(join(dataDir, INDEX_FILE), `${JSON.stringify({ phases: kept }, null, 1)}\n`);
      if (existing && existing.file !== entry.file) rmSync(join(dataDir, existing.file), { force: true });
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (e instanceof InputError || !code) throw e;
    throw new InputError(
      dataDir,
      `cannot write the user data folder (${code}); set SMSI_DATA_DIR to a writable folder`,
    );
  }
}

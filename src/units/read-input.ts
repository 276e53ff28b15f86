/**
 * Reading a user's input file, bounded: the kind is checked first (directories, devices, FIFOs and
 * sockets are refused by kind), then the bytes are read in chunks and the read stops as soon as the
 * limit is passed, so an endless file (/dev/zero) or a huge one costs at most `maxBytes` of memory.
 * Every problem is an InputError naming the flag or field the user typed.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { InputError } from "./errors.js";

/** Bytes read per system call. */
const CHUNK_BYTES = 64 * 1024;

export interface ReadInputOptions {
  /** The flag or field the path came from, as the user typed it (`--thermo-data`, `evidence file`). */
  field: string;
  /** Largest accepted file, in bytes. */
  maxBytes: number;
  /** What the file should be, for messages ("an evidence document (YAML or JSON)"). */
  what?: string;
}

function describeKind(mode: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string | null {
  if (mode.isDirectory()) return "a directory";
  if (mode.isFIFO()) return "a FIFO (named pipe)";
  if (mode.isSocket()) return "a socket";
  if (mode.isCharacterDevice() || mode.isBlockDevice()) return "a device";
  return null;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(n % 1024 === 0 ? 0 : 1)} KiB`;
  return `${n} bytes`;
}

/** The file's bytes, at most `maxBytes` of them; refuses non-regular files and larger ones. */
export function readInputBytes(path: string, opts: ReadInputOptions): Buffer {
  const what = opts.what ?? "a regular file";
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer (a hang); for regular
    // files it changes nothing. The kind is checked right after, before any byte is read.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied"
          : code === "EISDIR"
            ? "is a directory"
            : `cannot be opened (${code ?? String(e)})`;
    throw new InputError(opts.field, `${path}: ${why}; give the path of ${what}`);
  }
  try {
    const kind = describeKind(fstatSync(fd));
    if (kind) throw new InputError(opts.field, `${path} is ${kind}; give the path of ${what}`);
    const chunks: Buffer[] = [];
    let total = 0;
    const buf = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK_BYTES, null);
      if (n === 0) break;
      total += n;
      if (total > opts.maxBytes)
        throw new InputError(
          opts.field,
          `${path} is larger than the ${formatBytes(opts.maxBytes)} accepted; give ${what} of at most that size`,
        );
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** The file as UTF-8 text (see readInputBytes); refuses empty files and text with NUL bytes. */
export function readInputText(path: string, opts: ReadInputOptions & { allowEmpty?: boolean }): string {
  const bytes = readInputBytes(path, opts);
  const what = opts.what ?? "a text file";
  if (bytes.length === 0 && !opts.allowEmpty)
    throw new InputError(opts.field, `${path} is empty; give ${what}`);
  if (bytes.includes(0))
    throw new InputError(opts.field, `${path} is binary (contains NUL bytes); give ${what}`);
  return bytes.toString("utf8");
}

/** The file parsed as JSON (see readInputText): a parse error names the field, the file and the fix. */
export function readInputJson(path: string, opts: ReadInputOptions): unknown {
  const text = readInputText(path, opts);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(
      opts.field,
      `"${path}" is not valid JSON (${e instanceof Error ? e.message : String(e)}); give ${opts.what ?? "a JSON file"}`,
    );
  }
}

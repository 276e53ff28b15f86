import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../src/units/errors.js";
import { readInputBytes, readInputText } from "../src/units/read-input.js";

const dir = mkdtempSync(join(tmpdir(), "smsi-read-"));
const opts = { field: "--file", maxBytes: 1024 };

function errorOf(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("no error thrown");
}

describe("bounded input reading", () => {
  it("reads a small file whole", () => {
    const p = join(dir, "a.txt");
    writeFileSync(p, "hello");
    expect(readInputText(p, opts)).toBe("hello");
  });
  it("refuses a directory by kind, naming the field", () => {
    const d = join(dir, "sub");
    mkdirSync(d);
    const e = errorOf(() => readInputBytes(d, opts));
    expect(e.field).toBe("--file");
    expect(e.message).toMatch(/directory/);
  });
  it("refuses a device without reading it (/dev/zero is endless)", () => {
    const e = errorOf(() => readInputBytes("/dev/zero", opts));
    expect(e.message).toMatch(/device/);
  });
  it("stops reading once the limit is passed", () => {
    const p = join(dir, "big.txt");
    writeFileSync(p, "x".repeat(5000));
    expect(errorOf(() => readInputBytes(p, opts)).message).toMatch(/larger than the 1 KiB/);
  });
  it("reports a missing file, an empty one and a binary one", () => {
    expect(errorOf(() => readInputText(join(dir, "nope"), opts)).message).toMatch(/no such file/);
    const empty = join(dir, "empty.txt");
    writeFileSync(empty, "");
    expect(errorOf(() => readInputText(empty, opts)).message).toMatch(/empty/);
    const bin = join(dir, "bin.dat");
    writeFileSync(bin, Buffer.from([1, 0, 2]));
    expect(errorOf(() => readInputText(bin, opts)).message).toMatch(/binary/);
  });
});

describe("a FIFO (named pipe) is refused by kind without waiting for a writer", () => {
  it("refused at once", async () => {
    const { spawnSync } = await import("node:child_process");
    const fifo = join(dir, "pipe");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    expect(errorOf(() => readInputText(fifo, opts)).message).toMatch(/FIFO/);
  });
});

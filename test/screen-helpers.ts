/**
 * Shared by the screen tests: the piscina pool and `smsi worker` run compiled JS from dist/, so the
 * tests rebuild dist/ when any source file is newer than the compiled worker (npm ci builds it once).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..");

function newestSource(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newestSource(p));
    else if (e.name.endsWith(".ts")) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

export function ensureBuilt(): void {
  const worker = join(ROOT, "dist", "screen", "worker.js");
  let built = 0;
  try {
    built = statSync(worker).mtimeMs;
  } catch {}
  if (built < newestSource(join(ROOT, "src")))
    execFileSync("npm", ["run", "-s", "build"], { cwd: ROOT, stdio: "inherit" });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `smsi-${prefix}-`));
}

export function writeSpec(dir: string, name: string, doc: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify(doc));
  return p;
}

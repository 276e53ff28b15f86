/**
 * `npm start` refuses a Node older than package.json's `engines.node` (web/check-node.mjs), and that
 * range is no wider than what the web app's toolchain itself declares (Vite 8, rolldown).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript module without type declarations (it must run on any old Node)
import { declaredNodeRange, satisfies } from "../web/check-node.mjs";

const enginesOf = (pkg: string): string =>
  JSON.parse(readFileSync(new URL(`../node_modules/${pkg}/package.json`, import.meta.url), "utf8")).engines
    .node;

/** Versions around every boundary that matters: before/after 20.19, 21, 22.12, and later majors. */
const VERSIONS = [
  "16.20.2",
  "18.20.4",
  "20.0.0",
  "20.18.3",
  "20.19.0",
  "20.20.2",
  "21.7.3",
  "22.0.0",
  "22.11.0",
  "22.12.0",
  "23.1.0",
  "24.4.1",
  "26.0.0",
];

describe("Node version check of npm start", () => {
  it("reads ^ and >= ranges as npm does", () => {
    expect(satisfies("20.19.0", "^20.19.0")).toBe(true);
    expect(satisfies("20.18.9", "^20.19.0")).toBe(false);
    expect(satisfies("21.0.0", "^20.19.0")).toBe(false);
    expect(satisfies("v22.12.0", ">=22.12.0")).toBe(true);
    expect(satisfies("22.11.9", "^20.19.0 || >=22.12.0")).toBe(false);
    expect(() => satisfies("20.0.0", "~20.1")).toThrow(/unsupported/);
  });

  it("declares no Node the toolchain refuses, and this Node satisfies it", () => {
    const ours = declaredNodeRange();
    for (const pkg of ["vite", "rolldown"]) {
      const theirs = enginesOf(pkg);
      for (const v of VERSIONS)
        if (satisfies(v, ours)) expect(satisfies(v, theirs), `${v} vs ${pkg} ${theirs}`).toBe(true);
    }
    // better-sqlite3 12 is built for these majors
    expect(enginesOf("better-sqlite3")).toMatch(/20\.x/);
    expect(satisfies(process.versions.node, ours)).toBe(true);
  });

  it("the script passes on this Node and is what npm start runs first", () => {
    const r = spawnSync(process.execPath, ["web/check-node.mjs"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    const scripts = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).scripts;
    expect(scripts.start).toMatch(/^node web\/check-node\.mjs && /);
    expect(scripts["build:web"]).toMatch(/^node web\/check-node\.mjs && /);
  });
});

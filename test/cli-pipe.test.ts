import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../bin/smsi.js", import.meta.url));

describe("bin/smsi.js", () => {
  it("is built (npm ci runs the build through `prepare`)", () => {
    expect(existsSync(new URL("../dist/cli/main.js", import.meta.url))).toBe(true);
  });
  it("a closed pipe (`smsi … | true`) ends quietly with status 0, no EPIPE trace", () => {
    // `true` exits at once, long before node has started, so smsi writes into a pipe nobody reads
    const r = spawnSync(
      "bash",
      [
        "-c",
        `"${process.execPath}" "${BIN}" materials list --json | true; echo "status=\${PIPESTATUS[0]}" >&2`,
      ],
      { encoding: "utf8" },
    );
    expect(r.stderr).toMatch(/status=0/);
    expect(r.stderr).not.toMatch(/EPIPE|Error|internal/);
  });
});

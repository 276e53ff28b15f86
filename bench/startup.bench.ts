/**
 * `npm run bench:startup`: start-up cost of the compiled CLI, as ratios to a bare `node -e 0` timed in
 * the same run (median of REPEATS runs each), and the peak resident memory of each command (Linux
 * /usr/bin/time -f %M where it exists, else the child's maxRSS from getrusage). Target (issue 9):
 * ≤ 4× bare Node and < 100 MB. Prints, never asserts.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../bin/smsi.js", import.meta.url));
const REPEATS = Number(process.env.BENCH_REPEATS ?? 10);

const commands: { name: string; args: string[] }[] = [
  { name: "node -e 0", args: ["-e", "0"] },
  { name: "smsi --help", args: [BIN, "--help"] },
  {
    name: "smsi thermo mu-o --temperature 500K --p-o2 1bar",
    args: [BIN, "thermo", "mu-o", "--temperature", "500K", "--p-o2", "1bar"],
  },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Wall time (s) and peak RSS (MB) of one run of `node ARGS`. */
function runOnce(args: string[]): { seconds: number; peakMB: number } {
  const useTime = existsSync("/usr/bin/time");
  const t0 = process.hrtime.bigint();
  const r = useTime
    ? spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, ...args], { encoding: "utf8" })
    : spawnSync(process.execPath, args, { encoding: "utf8" });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  const kb = useTime ? Number(r.stderr.trim().split("\n").pop()) : process.resourceUsage().maxRSS;
  return { seconds, peakMB: kb / 1024 };
}

export function runStartupBench(): void {
  if (!existsSync(new URL("../dist/cli/main.js", import.meta.url)))
    throw new Error("dist/ missing: run `npm run build` first (npm run bench:startup does)");
  const results = commands.map((c) => {
    const runs = Array.from({ length: REPEATS }, () => runOnce(c.args));
    return {
      name: c.name,
      medianSeconds: median(runs.map((r) => r.seconds)),
      peakMB: Math.max(...runs.map((r) => r.peakMB)),
    };
  });
  const base = results[0].medianSeconds;
  for (const r of results)
    console.log(
      `${r.name.padEnd(52)} median ${(r.medianSeconds * 1000).toFixed(0).padStart(5)} ms  ` +
        `ratio ${(r.medianSeconds / base).toFixed(2).padStart(5)}×  peak ${r.peakMB.toFixed(0)} MB`,
    );
  console.log(
    JSON.stringify({
      repeats: REPEATS,
      ratios: Object.fromEntries(results.slice(1).map((r) => [r.name, +(r.medianSeconds / base).toFixed(2)])),
      peakMB: Object.fromEntries(results.map((r) => [r.name, +r.peakMB.toFixed(1)])),
    }),
  );
}

const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"));
if (isEntry) runStartupBench();

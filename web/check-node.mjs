/**
 * `npm start` and `npm run build:web` run this first: the web app needs the Node versions package.json
 * declares in `engines.node` (Vite 8 and its bundler rolldown need ^20.19.0 || >=22.12.0; fastify's
 * light-my-request loads the ESM-only `cookie` 2 with require(), which Node has without a flag from
 * 20.19 and 22.12). On an older Node this stops with a clear message instead of a bundler stack trace.
 * Plain JavaScript with no dependencies, so that it runs on any old Node.
 */
import { readFileSync } from "node:fs";

/** [major, minor, patch] of "v20.19.1", "20.19.1" or "20.19" (missing parts are 0). */
function parse(version) {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(String(version).trim());
  if (!m) throw new Error(`not a version: "${version}"`);
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

function compare(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

/**
 * Whether `version` satisfies `range`, a union (`||`) of `^X.Y.Z` (same major, not older) and
 * `>=X.Y.Z` terms — the forms package.json uses here; any other form throws.
 */
export function satisfies(version, range) {
  const v = parse(version);
  return range.split("||").some((term) => {
    const t = term.trim();
    if (t.startsWith(">=")) return compare(v, parse(t.slice(2))) >= 0;
    if (t.startsWith("^")) {
      const low = parse(t.slice(1));
      return v[0] === low[0] && compare(v, low) >= 0;
    }
    throw new Error(`unsupported version range term "${t}" (use ^X.Y.Z or >=X.Y.Z)`);
  });
}

/** The `engines.node` range of smsi's package.json. */
export function declaredNodeRange() {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  return pkg.engines.node;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const range = declaredNodeRange();
  if (!satisfies(process.versions.node, range)) {
    process.stderr.write(
      `error: node: the smsi web app needs Node ${range} (package.json "engines"; Vite 8 requires it), this is Node ${process.versions.node}. Install a newer Node (e.g. \`nvm install 22\`) and run npm start again.\n`,
    );
    process.exit(1);
  }
}

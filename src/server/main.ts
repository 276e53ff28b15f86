/**
 * Start the web app: `node dist/server/main.js [--port N] [--host H] [--data-dir DIR]` (npm start does
 * this after building). PORT and SMSI_DATA_DIR are read from the environment; the server listens on
 * 127.0.0.1 unless --host says otherwise.
 */
import { parseArgs } from "node:util";
import { userDataDir } from "../materials/store.js";
import { Store } from "../store/store.js";
import { InputError, isInputError } from "../units/errors.js";
import { buildApp } from "./app.js";

/** Default port of the web app. */
export const DEFAULT_PORT = 8080;
/** Default listening address: loopback only (the app has no authentication). */
export const DEFAULT_HOST = "127.0.0.1";

export interface ServeOptions {
  port: number;
  host: string;
  dataDir: string;
  /** Requests per minute per client; false = no limit (the load bench only). */
  rateLimitPerMinute?: number | false;
}

export function serveOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): ServeOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "data-dir": { type: "string" },
      "rate-limit": { type: "string" },
    },
    strict: true,
  });
  const portText = values.port ?? env.PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InputError(values.port ? "--port" : "PORT", `a port number 0–65535 (got "${portText}")`);
  let rateLimitPerMinute: number | false | undefined;
  if (values["rate-limit"] !== undefined) {
    const n = Number(values["rate-limit"]);
    if (!Number.isInteger(n) || n < 0)
      throw new InputError("--rate-limit", "requests per minute per client, an integer ≥ 0 (0 = no limit)");
    rateLimitPerMinute = n === 0 ? false : n;
  }
  return {
    port,
    host: values.host ?? DEFAULT_HOST,
    dataDir: values["data-dir"] ?? userDataDir(env),
    rateLimitPerMinute,
  };
}

export async function serve(options: ServeOptions) {
  if (options.dataDir) process.env.SMSI_DATA_DIR = options.dataDir;
  const store = Store.open(options.dataDir);
  const app = await buildApp({ store, rateLimitPerMinute: options.rateLimitPerMinute });
  app.addHook("onClose", async () => store.close());
  await app.listen({ port: options.port, host: options.host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const shown = options.host === "127.0.0.1" || options.host === "::1" ? "localhost" : options.host;
  return { app, store, url: `http://${shown}:${port}`, port };
}

/** Parse the arguments, serve, print the URL; stops cleanly on SIGINT/SIGTERM. Returns the exit code on failure. */
export async function runServer(argv: string[]): Promise<number | undefined> {
  try {
    const { app, url, store } = await serve(serveOptions(argv));
    process.stdout.write(`smsi web app: ${url}  (API docs ${url}/api/docs; data ${store.path})\n`);
    for (const signal of ["SIGINT", "SIGTERM"] as const)
      process.once(signal, () => {
        void app.close().then(() => process.exit(0));
      });
    return undefined;
  } catch (e) {
    if (isInputError(e)) {
      process.stderr.write(`error: ${e.message}\n`);
      return 1;
    }
    if ((e as NodeJS.ErrnoException).code === "EADDRINUSE") {
      process.stderr.write("error: --port: the port is in use; give another with --port or PORT\n");
      return 1;
    }
    if (
      (e as Error).name === "TypeError" &&
      (e as NodeJS.ErrnoException).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
    ) {
      process.stderr.write(`error: ${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
}

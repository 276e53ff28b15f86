/**
 * `npm start`: serve the smsi web app (API + browser UI) on http://localhost:8080 (PORT or --port to change
 * it, --data-dir or SMSI_DATA_DIR for the data folder). npm start builds dist/ (tsc) and web/dist (vite) first.
 */
import { runServer } from "../dist/server/main.js";

const code = await runServer(process.argv.slice(2));
if (code !== undefined) process.exit(code);

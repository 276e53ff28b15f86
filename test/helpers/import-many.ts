/** Child process of the concurrent-import test: imports FILE N times as PREFIX-0 … PREFIX-(N−1). */
import { importMaterial } from "../../src/materials/import.js";

const [dataDir, file, prefix, n] = process.argv.slice(2);
for (let i = 0; i < Number(n); i++) importMaterial({ file, id: `${prefix}-${i}`, dataDir });

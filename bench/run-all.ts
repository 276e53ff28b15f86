/** `npm run bench`: every benchmark in turn (for now: smsi match). Prints, never asserts, times. */
import { runMatchBench } from "./match.bench.js";

console.log("== bench: match ==");
await runMatchBench();

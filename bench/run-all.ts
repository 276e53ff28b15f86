/** `npm run bench`: every benchmark in turn. Prints, never asserts, times. */
import { runKmcBench } from "./kmc.bench.js";
import { runMatchBench } from "./match.bench.js";

console.log("== bench: match ==");
await runMatchBench();
console.log("\n== bench: kmc ==");
await runKmcBench();

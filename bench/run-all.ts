/** `npm run bench`: every benchmark in turn. Prints, never asserts, times. */
import { runKmcBench } from "./kmc.bench.js";
import { runMatchBench } from "./match.bench.js";
import { runStartupBench } from "./startup.bench.js";

console.log("== bench: match ==");
await runMatchBench();
console.log("\n== bench: kmc ==");
await runKmcBench();
console.log("\n== bench: start-up ==");
runStartupBench();

/** Every fuzz target, for `npm run fuzz` (scripts/fuzz.ts). */
import { cifReadTarget, cifRoundTripTarget } from "./cif.js";
import type { FuzzTarget } from "./common.js";
import { evidenceTarget } from "./evidence.js";
import { quantityTarget } from "./quantities.js";
import { thermoDataTarget } from "./thermo-data.js";

export * from "./common.js";

export const TARGETS = [
  cifReadTarget,
  cifRoundTripTarget,
  quantityTarget,
  thermoDataTarget,
  evidenceTarget,
] as FuzzTarget[];

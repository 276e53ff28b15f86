/**
 * BP chain, descriptor 2: the dominant route of O into the metal (contract B routes model): bulk
 * penetration needs the interface route (support lattice O → vacancy transport → interface → metal)
 * to outrun the top-down route (dissociation at the metal surface), and the particle to oxidise
 * within the treatment time.
 */
import type { RoutesResult } from "./physics-inputs.js";
import type { RationaleRow } from "./types.js";
import { MARGIN_WIDTH, weightOf } from "./weight.js";

export function routeDescriptor(routes: RoutesResult): RationaleRow {
  const i = routes.routes.interface.flux_per_s;
  const s = routes.routes.surface.flux_per_s;
  const ratio =
    i > 0 && s > 0 ? Math.log10(i / s) : i > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  const met = routes.dominantRoute === "interface" && routes.bottomUp;
  return {
    descriptor: "dominant O route (interface vs metal surface), log10(flux_interface / flux_surface)",
    value: Number.isFinite(ratio) ? ratio : routes.dominantRoute,
    unit: "decades",
    threshold: `> 0: interface route dominant and bottom-up (got ${routes.dominantRoute}; interface limited by ${routes.routes.interface.limitingStep}, surface by ${routes.routes.surface.limitingStep})`,
    source:
      "routes model (contract B): series resistance of gas exchange, vacancy transport, interface crossing vs surface dissociation",
    verdict: met ? "met" : "not-met",
    chain: "BP",
    weight:
      routes.dominantRoute === "none"
        ? 0.02
        : weightOf(met ? Math.max(ratio, 0.5) : Math.min(ratio, -0.5), MARGIN_WIDTH.decades),
  };
}

/** The particle oxidises within the treatment (routes.timeToOxidise_s ≤ duration). */
export function timeDescriptor(routes: RoutesResult, duration_s: number): RationaleRow {
  const t = routes.timeToOxidise_s;
  if (t === null)
    return {
      descriptor: "time to oxidise the particle by the dominant route",
      value: null,
      unit: "s",
      threshold: `≤ treatment time ${duration_s.toFixed(0)} s`,
      source: "routes model (contract B): nothing oxidises",
      verdict: "not-met",
      chain: "BP",
      weight: 0.02,
    };
  const margin = Math.log10(duration_s / Math.max(t, 1e-300));
  return {
    descriptor: "time to oxidise the particle by the dominant route",
    value: t,
    unit: "s",
    threshold: `≤ treatment time ${duration_s.toFixed(0)} s`,
    source: "routes model (contract B) timeToOxidise_s",
    verdict: margin >= 0 ? "met" : "not-met",
    chain: "BP",
    weight: weightOf(margin, MARGIN_WIDTH.decades),
  };
}

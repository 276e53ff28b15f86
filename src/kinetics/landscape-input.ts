/**
 * The oxygen landscape the KMC models consume: the types of src/thermo/landscape.ts (per-region O
 * energies and barriers with their sources), and `resolveLandscape`, the one place that reads region
 * names.
 */
import { InputError } from "../units/errors.js";
import type { Assumption, LandscapeRegion, OxygenLandscape } from "../thermo/landscape.js";

export type {
  Assumption,
  GateVerdictInput,
  LandscapeRegion,
  OxygenLandscape,
} from "../thermo/landscape.js";

/**
 * A recorder of named parameters: `named(key, unit, source, given)` returns the given value or the
 * default, and lists it (an assumption unless given).
 */
export function assumptionRecorder<D extends Record<string, number>>(defaults: D, list: Assumption[]) {
  return (key: keyof D & string, unit: string, source: string, given?: number): number => {
    const value = given ?? defaults[key];
    list.push({
      name: key,
      value,
      unit,
      source: given === undefined ? source : "given",
      isAssumption: given === undefined,
    });
    return value;
  };
}

/** What a region is for the models, read from its name (case-insensitive). */
export type RegionRole = "support" | "interface" | "metal-surface" | "metal-oxide" | "metal";

/**
 * Role of a region from its name: a name containing "interface" is the interface, one containing
 * "support" is the support; "metal" together
 * with "surface" (or "adsorbed") is the metal's gas-exposed surface (top-down route); an "oxide"
 * name is O in the metal's (interfacial) oxide; any other "metal"/"interstitial" name is isolated O
 * inside the metal; everything else ("support", "surface", "subsurface layer 3", "bulk", …) is the
 * support. src/thermo/landscape.ts names them "support bulk", "subsurface layer k", "support surface",
 * "interface", "interfacial oxide", "metal interstitial", "metal surface".
 * depth_nm: support regions lie at |depth_nm| below the support's free surface (thermo gives them
 * negative depths); metal regions at depth_nm above the interface.
 */
export function regionRole(region: LandscapeRegion): RegionRole {
  const name = region.region.toLowerCase();
  if (name.includes("interface")) return "interface";
  if (name.includes("support")) return "support";
  const metalish = /metal|interstitial|oxide/.test(name);
  if (metalish && /surface|adsorb/.test(name)) return "metal-surface";
  if (name.includes("oxide")) return "metal-oxide";
  if (metalish) return "metal";
  return "support";
}

/** The landscape sorted into the regions the models use. */
export interface ResolvedLandscape {
  /** Support regions by increasing depth below the free surface (depth_nm made ≥ 0; the first is the surface). */
  support: LandscapeRegion[];
  interface: LandscapeRegion;
  /** Regions of isolated O inside the metal by increasing height above the interface. */
  metal: LandscapeRegion[];
  /** O in the metal's oxide (sets the O–O attraction when given). */
  metalOxide: LandscapeRegion | null;
  metalSurface: LandscapeRegion | null;
}

export function resolveLandscape(landscape: OxygenLandscape, field = "landscape"): ResolvedLandscape {
  const support: LandscapeRegion[] = [];
  const metal: LandscapeRegion[] = [];
  let iface: LandscapeRegion | null = null;
  let metalSurface: LandscapeRegion | null = null;
  let metalOxide: LandscapeRegion | null = null;
  landscape.regions.forEach((r, i) => {
    for (const [key, v] of [
      ["depth_nm", r.depth_nm],
      ["oxygenEnergy_eV", r.oxygenEnergy_eV],
      ["migrationBarrier_eV", r.migrationBarrier_eV],
    ] as const)
      if (!Number.isFinite(v))
        throw new InputError(`${field}.regions[${i}].${key}`, `must be a finite number (got ${v})`);
    if (r.migrationBarrier_eV < 0)
      throw new InputError(
        `${field}.regions[${i}].migrationBarrier_eV`,
        `must be ≥ 0 (got ${r.migrationBarrier_eV})`,
      );
    const role = regionRole(r);
    if (role === "support") support.push({ ...r, depth_nm: Math.abs(r.depth_nm) });
    else if (role === "metal-oxide") metalOxide = metalOxide ?? r;
    else if (role === "metal") metal.push(r);
    else if (role === "interface") iface = iface ?? r;
    else metalSurface = metalSurface ?? r;
  });
  if (support.length === 0)
    throw new InputError(`${field}.regions`, "no support region (a name without 'interface' or 'metal')");
  if (!iface) throw new InputError(`${field}.regions`, "no interface region (a name containing 'interface')");
  if (metal.length === 0)
    throw new InputError(
      `${field}.regions`,
      "no metal region (a name containing 'metal', 'interstitial' or 'oxide')",
    );
  support.sort((a, b) => a.depth_nm - b.depth_nm);
  metal.sort((a, b) => a.depth_nm - b.depth_nm);
  return { support, interface: iface, metal, metalOxide, metalSurface };
}

/** The region of a sorted list that applies at a depth: the deepest one starting at or above it. */
export function regionAtDepth(regions: readonly LandscapeRegion[], depth_nm: number): LandscapeRegion {
  let chosen = regions[0];
  for (const r of regions) if (r.depth_nm <= depth_nm + 1e-9) chosen = r;
  return chosen;
}

/**
 * Interfacial redox: a metal whose oxide is more stable than the support's first reduction step takes
 * lattice O from the support and oxidises at the interface, whatever the gas (Al, Ti, Cr, … on TiO2;
 * Fu & Wagner, Surf. Sci. Rep. 62, 431 (2007), who order metals on oxide surfaces by the formation
 * energy of their oxides per O; Hu, Noda & Komiyama, Surf. Sci. (2002) for TiO2(110)).
 *
 * The comparison is of equilibrium oxygen potentials at the treatment temperature: the metal's most
 * stable oxide, Δμ_O,eq(M/MOx), against the support's first step down its convex hull,
 * Δμ_O,eq(support/lower phase) — the support only has to give up O down to its next lower oxide, not to
 * its metal. When Δμ_O,eq(M/MOx) lies below, the interface reaction MOx ← support is downhill: lattice
 * O²⁻ of the support migrates into the metal, which oxidises from the interface — the migrating species
 * and direction of BP-SMSI (review Table 1), here driven by thermodynamics rather than gated by epitaxy.
 */
import { equilibriumDeltaMuO, reductionReaction } from "../thermo/equilibria.js";
import { InputError } from "../units/errors.js";
import type { ResolvedSupport } from "./materials.js";
import { metalOxideEquilibrium } from "./physics-inputs.js";
import type { RationaleRow } from "./types.js";
import { MARGIN_WIDTH, weightOf } from "./weight.js";

export const REDOX_SOURCE =
  "Fu & Wagner, Surf. Sci. Rep. 62, 431 (2007): interface reactions of metals on oxide surfaces ordered by the metals' oxide formation energies per O; equilibrium Δμ_O from data/thermo (src/thermo/equilibria.ts)";

/**
 * The interfacial-redox descriptor of a metal on an oxide support at T (K), or null when the support
 * has no thermochemistry, the metal has no oxide with data, or the metal is the support's own cation.
 */
export function interfacialRedoxDescriptor(
  metal: string,
  s: ResolvedSupport,
  T_K: number,
): RationaleRow | null {
  if (!s.formula || s.cation === metal) return null;
  const key = `${metal}|${s.formula}|${s.thermoPhase ?? ""}|${T_K}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const row = evaluate(metal, s.formula, s.thermoPhase, T_K);
  cache.set(key, row);
  return row;
}

/** Rows per (metal, support, phase, T): maps and campaigns repeat them; bounded, cleared when full. */
const CACHE_LIMIT = 4096;
const cache = new Map<string, RationaleRow | null>();

function evaluate(
  metal: string,
  formula: string,
  thermoPhase: string | null,
  T_K: number,
): RationaleRow | null {
  const metalEq = metalOxideEquilibrium(metal, T_K);
  if (!metalEq) return null;
  let supportEq: number;
  let lower: string;
  try {
    const rx = reductionReaction(formula, thermoPhase ?? undefined, "support", T_K);
    supportEq = equilibriumDeltaMuO(rx, T_K);
    lower = rx.lower.formula;
  } catch (e) {
    if (e instanceof InputError) return null;
    throw e;
  }
  const margin = supportEq - metalEq.deltaMuO_eV;
  return {
    descriptor: `interfacial redox: Δμ_O,eq(${formula}/${lower}) − Δμ_O,eq(${metal}/${metalEq.oxide})`,
    value: margin,
    unit: "eV per O",
    threshold: `> 0: ${metal} takes lattice O from ${formula} at the interface (${metalEq.oxide} more stable than ${formula}'s first reduction step to ${lower})`,
    source: REDOX_SOURCE,
    verdict: margin > 0 ? "met" : "not-met",
    chain: "BP",
    weight: weightOf(margin, MARGIN_WIDTH.energy_eV),
  };
}

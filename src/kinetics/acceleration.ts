/**
 * Acceleration of fast, quasi-equilibrated hop pairs by rate rescaling (Dybeck, Plaisance & Neurock,
 * J. Chem. Theory Comput. 13, 1525 (2017), "Generalized temporal acceleration scheme for kinetic Monte
 * Carlo simulations of surface catalytic processes by scaling the rates of fast reactions").
 *
 * A channel is a pair of hop kinds, forward and backward (O across the interface and back). The run is
 * cut into windows of `windowEvents` events. At the end of a window a channel is quasi-equilibrated
 * when it ran at least `minExecutions` times and its forward and backward counts agree within
 * `balanceTolerance` of their sum (|n_f − n_b| ≤ δ (n_f + n_b)): most of its events undo each other.
 * Both its rates are then multiplied by the same factor s < 1 so that it runs about `targetExecutions`
 * times per window (at most `maxStepDown` smaller per window, never below `minScale`). A channel that
 * is rescaled but no longer balanced, or that ran fewer than `minExecutions` times, has its scale raised
 * by `stepUp` (at most back to 1).
 *
 * Why the slow observable is kept: forward and backward rates change by the same factor, so their
 * ratio — and with it every equilibrium occupancy and detailed balance — is unchanged
 * (k_f s / k_b s = exp(−ΔE/k_B T)). Within a window where the pair stays quasi-equilibrated, the
 * occupancies it sets are the equilibrium ones whatever its speed, and the slow processes that drain
 * or feed them see the same occupancies: their rates, and the net transfer through the channel, stay
 * as they were. When the rescaled pair stops being much faster than what drains it, its counts become
 * unbalanced and the scale is raised again. Executed hop counts minus their reverse remain the exact
 * net transfer; `hopCounts` weights each executed hop by 1/s to estimate the unaccelerated gross count.
 * Tests: test/kinetics-acceleration.test.ts (flux and oxidation rate against unaccelerated runs,
 * detailed balance); figures of the speed-up in docs/kinetics.md.
 */
import { InputError } from "../units/errors.js";

export interface RescalingChannel {
  name: string;
  forwardKind: number;
  backwardKind: number;
}

export interface RateRescalingOptions {
  channels: RescalingChannel[];
  windowEvents?: number;
  minExecutions?: number;
  targetExecutions?: number;
  balanceTolerance?: number;
  maxStepDown?: number;
  stepUp?: number;
  minScale?: number;
  separation?: number;
}

export type ResolvedRescaling = Required<RateRescalingOptions>;

/**
 * Defaults of the rescaling controller. ASSUMPTIONS of this implementation, in the ranges Dybeck et al.
 * (2017) use (N_e of order 10²; δ of order 0.1–0.3); the acceleration test checks the slow observable at
 * these values.
 */
export const RATE_RESCALING_DEFAULTS = {
  windowEvents: 20_000,
  minExecutions: 100,
  targetExecutions: 400,
  balanceTolerance: 0.2,
  maxStepDown: 100,
  stepUp: 10,
  minScale: 1e-12,
  /**
   * The rescaled pair stays this many times faster than every other move of the particles on its sites
   * (time-scale separation, as in the superbasin criterion of Chatterjee & Voter, J. Chem. Phys. 132,
   * 194101 (2010)); the escape from the pair before it re-equilibrates is then ≲ 1/separation.
   */
  separation: 100,
} as const;

/** Where the current window started: the event count and the executed counts per kind then. */
export interface WindowState {
  startEvents: number;
  startExecuted: number[];
}

export function resolveRescaling(o: RateRescalingOptions): ResolvedRescaling {
  const r: ResolvedRescaling = { ...RATE_RESCALING_DEFAULTS, ...o };
  const check = (name: string, ok: boolean, what: string) => {
    if (!ok) throw new InputError(`acceleration.${name}`, what);
  };
  check("windowEvents", Number.isInteger(r.windowEvents) && r.windowEvents >= 100, "an integer ≥ 100");
  check("minExecutions", r.minExecutions >= 10, "≥ 10");
  check("targetExecutions", r.targetExecutions >= r.minExecutions, "≥ minExecutions");
  check("balanceTolerance", r.balanceTolerance > 0 && r.balanceTolerance < 1, "in (0, 1)");
  check("maxStepDown", r.maxStepDown > 1, "> 1");
  check("stepUp", r.stepUp > 1, "> 1");
  check("minScale", r.minScale > 0 && r.minScale <= 1, "in (0, 1]");
  check("separation", r.separation >= 1, "≥ 1");
  for (const c of r.channels)
    check(
      "channels",
      c.forwardKind !== c.backwardKind && c.forwardKind > 0 && c.backwardKind > 0,
      "a channel pairs two different, counted hop kinds",
    );
  return r;
}

/** Decide the new scales at the end of a window; returns the kinds whose scale changed. */
export function adaptScales(
  r: ResolvedRescaling,
  kindScale: Float64Array,
  executed: Float64Array,
  window: WindowState,
  floors: readonly number[],
): number[] {
  const changed: number[] = [];
  r.channels.forEach((c, index) => {
    const floor = Math.max(r.minScale, floors[index] ?? 1);
    const nf = executed[c.forwardKind] - window.startExecuted[c.forwardKind];
    const nb = executed[c.backwardKind] - window.startExecuted[c.backwardKind];
    const n = nf + nb;
    const s = kindScale[c.forwardKind];
    const balanced = n >= r.minExecutions && Math.abs(nf - nb) <= r.balanceTolerance * n;
    let next = s;
    if (balanced && n > r.targetExecutions) next = s * Math.max(1 / r.maxStepDown, r.targetExecutions / n);
    else if (!balanced && s < 1) next = s * r.stepUp;
    next = Math.min(1, Math.max(floor, next));
    if (next !== s) {
      kindScale[c.forwardKind] = next;
      kindScale[c.backwardKind] = next;
      changed.push(c.forwardKind, c.backwardKind);
    }
  });
  return changed;
}

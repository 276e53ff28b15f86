/**
 * Seeded pseudo-random numbers for kinetic Monte Carlo: xoshiro128** (Blackman & Vigna, "Scrambled
 * linear pseudorandom number generators", ACM TOMS 47, 36 (2021)), 32-bit arithmetic so that V8 keeps
 * it in integer registers; state seeded by splitmix32. `unit()` draws 53-bit doubles in the open
 * interval (0, 1), so −ln(u) is always finite.
 */
export class Xoshiro128 {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;

  constructor(seed: number) {
    let x = seed >>> 0;
    const splitmix32 = (): number => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = splitmix32();
    this.s1 = splitmix32();
    this.s2 = splitmix32();
    this.s3 = splitmix32();
  }

  /** The generator's four state words (a checkpoint): `setState` continues the identical stream. */
  getState(): [number, number, number, number] {
    return [this.s0, this.s1, this.s2, this.s3];
  }

  setState(state: readonly number[]): void {
    if (state.length !== 4 || state.every((w) => w === 0) || !state.every((w) => Number.isInteger(w)))
      throw new RangeError("random state must be four integers, not all zero");
    [this.s0, this.s1, this.s2, this.s3] = state.map((w) => w | 0);
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    const s1 = this.s1;
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return r;
  }

  /** Uniform double in (0, 1) with 53 random bits. */
  unit(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo + 0.5) / 9007199254740992;
  }

  /** Uniform double in [0, 1) with 32 random bits: enough to choose among events, one draw. */
  unit32(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform double in (0, 1) with 32 random bits, one draw: for −ln(u) waiting times (tail cut at 2⁻³²). */
  unitOpen32(): number {
    return (this.nextUint32() + 0.5) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.unit() * n);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

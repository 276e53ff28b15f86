/**
 * Sum tree over non-negative rates (the n-fold-way / BKL event catalogue, Bortz, Kalos & Lebowitz,
 * J. Comput. Phys. 17, 10 (1975)): O(log n) update of one rate, O(log n) selection of an entry with
 * probability rate/total, O(1) total.
 *
 * Eight children per node (`FANOUT`): the eight partial sums a selection compares sit in one 64-byte
 * cache line, so a tree over 10⁵ rates is 6 lines deep instead of 17 — fewer cache misses and fewer
 * mispredicted branches than a binary tree. A parent is recomputed from its eight children on every
 * update (never incremented), so round-off cannot accumulate.
 */
const FANOUT = 8;
const SHIFT = 3;

export class SumTree {
  readonly size: number;
  /** Levels from the root's children (level 0, FANOUT entries) down to the leaves (level depth − 1). */
  private readonly depth: number;
  /** Start of each level in `node`. */
  private readonly offset: Int32Array;
  private readonly node: Float64Array;
  private sum = 0;
  /** See `pick`. */
  remainder = 0;
  /** Scratch: partial sums before each child of the node being descended. */
  private readonly prefix = new Float64Array(FANOUT);

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`SumTree size must be a positive integer (got ${size})`);
    this.size = size;
    let depth = 1;
    while (FANOUT ** depth < size) depth++;
    this.depth = depth;
    this.offset = new Int32Array(depth);
    let total = 0;
    for (let l = 0; l < depth; l++) {
      this.offset[l] = total;
      total += FANOUT ** (l + 1);
    }
    this.node = new Float64Array(total);
  }

  get total(): number {
    return this.sum;
  }

  get(i: number): number {
    return this.node[this.offset[this.depth - 1] + i];
  }

  set(i: number, rate: number): void {
    const node = this.node;
    const offset = this.offset;
    let l = this.depth - 1;
    let k = offset[l] + i;
    if (node[k] === rate) return;
    node[k] = rate;
    let idx = i;
    for (; l > 0; l--) {
      const b = offset[l] + ((idx >> SHIFT) << SHIFT);
      idx >>= SHIFT;
      k = offset[l - 1] + idx;
      node[k] =
        node[b] +
        node[b + 1] +
        node[b + 2] +
        node[b + 3] +
        node[b + 4] +
        node[b + 5] +
        node[b + 6] +
        node[b + 7];
    }
    this.sum = node[0] + node[1] + node[2] + node[3] + node[4] + node[5] + node[6] + node[7];
  }

  /** Fill every leaf at once and rebuild the inner nodes in O(n). */
  setAll(rates: ArrayLike<number>): void {
    const node = this.node;
    const offset = this.offset;
    node.fill(0);
    const leaves = offset[this.depth - 1];
    for (let i = 0; i < this.size; i++) node[leaves + i] = rates[i];
    for (let l = this.depth - 1; l > 0; l--) {
      const n = FANOUT ** l;
      for (let p = 0; p < n; p++) {
        let s = 0;
        for (let j = 0; j < FANOUT; j++) s += node[offset[l] + p * FANOUT + j];
        node[offset[l - 1] + p] = s;
      }
    }
    let s = 0;
    for (let j = 0; j < FANOUT; j++) s += node[j];
    this.sum = s;
  }

  /**
   * Index i with Σ_{j<i} r_j ≤ target < Σ_{j≤i} r_j, for 0 ≤ target < total. Afterwards `remainder`
   * holds target − Σ_{j<i} r_j, uniform in [0, r_i) when target is uniform: a second, independent
   * choice inside entry i (e.g. which of its hops) can use it instead of a new random number.
   */
  pick(target: number): number {
    const node = this.node;
    const offset = this.offset;
    const depth = this.depth;
    let u = target;
    let idx = 0;
    for (let l = 0; l < depth; l++) {
      const b = offset[l] + idx * FANOUT;
      // branch-free: the child is the number of prefix sums ≤ u (prefix sums never decrease)
      const p0 = node[b];
      const p1 = p0 + node[b + 1];
      const p2 = p1 + node[b + 2];
      const p3 = p2 + node[b + 3];
      const p4 = p3 + node[b + 4];
      const p5 = p4 + node[b + 5];
      const p6 = p5 + node[b + 6];
      let j =
        (u >= p0 ? 1 : 0) +
        (u >= p1 ? 1 : 0) +
        (u >= p2 ? 1 : 0) +
        (u >= p3 ? 1 : 0) +
        (u >= p4 ? 1 : 0) +
        (u >= p5 ? 1 : 0) +
        (u >= p6 ? 1 : 0);
      // round-off can run past the last non-empty child: step back to it
      while (j > 0 && node[b + j] === 0) j--;
      const before = this.prefix;
      before[1] = p0;
      before[2] = p1;
      before[3] = p2;
      before[4] = p3;
      before[5] = p4;
      before[6] = p5;
      before[7] = p6;
      u -= before[j];
      idx = idx * FANOUT + j;
    }
    this.remainder = u;
    return idx;
  }
}

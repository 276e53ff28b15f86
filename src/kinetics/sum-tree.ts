/**
 * Binary sum tree over non-negative rates (the n-fold-way / BKL event catalogue, Bortz, Kalos &
 * Lebowitz, J. Comput. Phys. 17, 10 (1975)): O(log n) update of one rate, O(log n) selection of an
 * entry with probability rate/total, O(1) total.
 */
export class SumTree {
  readonly size: number;
  private readonly leaves: number;
  private readonly node: Float64Array;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`SumTree size must be a positive integer (got ${size})`);
    this.size = size;
    let leaves = 1;
    while (leaves < size) leaves <<= 1;
    this.leaves = leaves;
    this.node = new Float64Array(2 * leaves);
  }

  get total(): number {
    return this.node[1];
  }

  get(i: number): number {
    return this.node[this.leaves + i];
  }

  set(i: number, rate: number): void {
    const node = this.node;
    let k = this.leaves + i;
    if (node[k] === rate) return;
    node[k] = rate;
    for (k >>= 1; k >= 1; k >>= 1) node[k] = node[2 * k] + node[2 * k + 1];
  }

  /** Fill every leaf at once and rebuild the inner nodes in O(n). */
  setAll(rates: ArrayLike<number>): void {
    const node = this.node;
    const leaves = this.leaves;
    node.fill(0);
    for (let i = 0; i < this.size; i++) node[leaves + i] = rates[i];
    for (let k = leaves - 1; k >= 1; k--) node[k] = node[2 * k] + node[2 * k + 1];
  }

  /** Index i with Σ_{j<i} r_j ≤ target < Σ_{j≤i} r_j, for 0 ≤ target < total. */
  pick(target: number): number {
    const node = this.node;
    const leaves = this.leaves;
    let k = 1;
    let u = target;
    while (k < leaves) {
      k <<= 1;
      if (u >= node[k]) {
        u -= node[k];
        k++;
      }
    }
    // round-off can land on an empty trailing leaf: step back to the last non-empty one
    let i = k - leaves;
    while (i > 0 && (i >= this.size || node[leaves + i] === 0)) i--;
    return i;
  }
}

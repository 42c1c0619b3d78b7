/**
 * FIFO space accounting for a ring buffer: regions are reserved at the head and freed from the
 * tail in the order they were reserved (the SM3 worker acknowledges updates in order). A region
 * never wraps: when it does not fit before the end, the end is skipped as padding and charged to
 * the region, so it is freed with it.
 */
export class RingSpace {
  readonly capacity: number;
  #head = 0;
  #used = 0;
  readonly #charges: number[] = [];

  constructor(capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity <= 0) {
      throw new RangeError('ring capacity must be positive');
    }
    this.capacity = capacity;
  }

  /** Bytes reserved and not yet freed, padding included. */
  get used(): number {
    return this.#used;
  }

  /** Reserves `length` contiguous bytes; returns their offset, or `undefined` when full for now. */
  reserve(length: number): number | undefined {
    if (!Number.isSafeInteger(length) || length <= 0 || length > this.capacity) {
      throw new RangeError(`a ring region is 1..${this.capacity} bytes`);
    }
    if (this.#used === 0) this.#head = 0;
    if (length > this.capacity - this.#used) return undefined;
    const tail = (((this.#head - this.#used) % this.capacity) + this.capacity) % this.capacity;
    let offset: number;
    let charge = length;
    if (this.#head < tail) {
      if (length > tail - this.#head) return undefined;
      offset = this.#head;
    } else if (length <= this.capacity - this.#head) {
      offset = this.#head;
    } else {
      if (length > tail) return undefined;
      charge += this.capacity - this.#head;
      offset = 0;
    }
    this.#head = (offset + length) % this.capacity;
    this.#used += charge;
    this.#charges.push(charge);
    return offset;
  }

  /** Frees the oldest reserved region. */
  release(): void {
    const charge = this.#charges.shift();
    if (charge === undefined) throw new Error('ring: nothing to release');
    this.#used -= charge;
  }
}

/**
 * A map with a bound on its size, for the in-memory limits (docs/SECURITY.md, "Sign-in"): when
 * full it first forgets stale values, then its oldest keys (re-set keys move to the end).
 */
export class BoundedMap<V> {
  private readonly map = new Map<string, V>();

  /** `stale(v)` says which values may be dropped first when the map is full. */
  constructor(
    private readonly max: number,
    private readonly stale: (v: V) => boolean,
  ) {}

  get(k: string): V | undefined {
    return this.map.get(k);
  }

  set(k: string, v: V): void {
    this.map.delete(k);
    if (this.map.size >= this.max) {
      for (const [key, value] of this.map) if (this.stale(value)) this.map.delete(key);
      for (const key of this.map.keys()) {
        if (this.map.size < this.max) break;
        this.map.delete(key);
      }
    }
    this.map.set(k, v);
  }

  delete(k: string): void {
    this.map.delete(k);
  }

  get size(): number {
    return this.map.size;
  }
}

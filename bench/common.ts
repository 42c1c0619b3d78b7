/** Shared helpers of the benchmarks (docs/BENCHMARKS.md). */
import { cpus } from 'node:os';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function machine(): string {
  const c = cpus();
  return `${c[0]?.model.trim() ?? 'unknown cpu'}, ${c.length} cores`;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Bytes of all files under `dir`. */
export function diskBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    total += s.isDirectory() ? diskBytes(p) : s.size;
  }
  return total;
}

export function table(rows: readonly (readonly [string, string | number, string?])[]): string {
  const w = Math.max(...rows.map((r) => r[0].length));
  return rows
    .map(([k, v, note]) => `${k.padEnd(w)}  ${String(v).padStart(12)}${note ? `  ${note}` : ''}`)
    .join('\n');
}

export function printResult(
  bench: string,
  rows: readonly (readonly [string, string | number, string?])[],
  metrics: Record<string, number>,
): void {
  console.log(table(rows));
  console.log(JSON.stringify({ bench, machine: machine(), metrics }));
}

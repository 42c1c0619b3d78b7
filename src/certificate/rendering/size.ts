/**
 * File sizes as the certificates print them, in binary units with IEC labels: `1.18 MiB`. Pure
 * (no imports), so the web app formats sizes with this very function and the two never disagree
 * (web/src/format.ts; docs/web.md).
 * @module
 */

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/**
 * `n` bytes in the largest binary unit below it, 3 significant digits (`1.18 MiB`, `50.0 MiB`,
 * `512 B`).
 * @example humanSize(1_234_567) // '1.18 MiB'
 */
export function humanSize(n: number): string {
  let v = n;
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${v.toFixed(v < 10 ? 2 : 1)} ${UNITS[u]}`;
}

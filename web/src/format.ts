/** Formatting of numbers, sizes, times and deposit numbers for display. */
import { humanSize } from '../../src/certificate/rendering/size.js';
import { lang } from './i18n.js';

/** `HC00000123458` → `HC 00000 12345 8` (docs/formats.md); anything else unchanged. */
export function groupDepositNumber(id: string): string {
  const m = /^HC(\d{5})(\d{5})([0-9X])$/.exec(id);
  return m ? `HC ${m[1]} ${m[2]} ${m[3]}` : id;
}

/** A deposit number as typed (spaces, hyphens, any case) → `HC…` form, or undefined. */
export function normalizeDepositNumber(raw: string): string | undefined {
  const s = raw.replace(/[\s-]/g, '').toUpperCase();
  return /^HC\d{10}[0-9X]$/.test(s) ? s : undefined;
}

/**
 * `1234567` → `1.18 MiB`: binary units with the labels the certificates print (one formatter for
 * both, src/certificate/rendering/size.ts); `—` for a number that is not finite.
 */
export function formatBytes(n: number): string {
  return Number.isFinite(n) ? humanSize(n) : '—';
}

/** A wait of `seconds` for a person: `32 秒`, `2 分 5 秒` / `32 s`, `2 min 5 s`. */
export function formatWait(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  const m = Math.floor(s / 60);
  const rest = s % 60;
  if (lang() === 'zh') return m === 0 ? `${s} 秒` : `${m} 分${rest > 0 ? ` ${rest} 秒` : '钟'}`;
  return m === 0 ? `${s} s` : `${m} min${rest > 0 ? ` ${rest} s` : ''}`;
}

/** The exact byte count with thousands separators. */
export function formatByteCount(n: number): string {
  return `${n.toLocaleString('en-US')} ${lang() === 'zh' ? '字节' : 'bytes'}`;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/**
 * An RFC 3339 time in Beijing time, as the certificates print it:
 * `2026-11-26 14:30:00 (UTC+08:00)`. Computed without the host's time zone.
 */
export function formatTime(iso: string | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const d = new Date(ms + 8 * 3600_000);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} (UTC+08:00)`
  );
}

/** The date part only, Beijing time: `2026-11-26`. */
export function formatDate(iso: string | undefined): string {
  return formatTime(iso).slice(0, 10);
}

/** Percent with no decimals, clamped to 0…100. */
export function percent(done: number, total: number): number {
  if (total <= 0) return 100;
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)));
}

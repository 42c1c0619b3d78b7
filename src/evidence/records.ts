/**
 * Deposit records in the store (written in the same batch as the deposit's log entry):
 *
 * | key | value |
 * | --- | --- |
 * | `rec/deposit/<index:16>` | JSON {@link DepositRecord} |
 * | `rec/deposit-owner/<account>/<index:16>` | '' (own deposits, newest last) |
 * | `rec/digest/sha256/<hex>/<index:16>` | '' (private digest index) |
 * | `rec/digest/sm3/<hex>/<index:16>` | '' |
 */
import type { RecordWrite } from '../sequencer/index.js';
import type { DepositOpening } from './opening.js';

export interface DepositRecord {
  readonly v: 1;
  readonly number: string;
  readonly index: number;
  /** Account that owns the deposit (absent for an unclaimed counter deposit). */
  readonly owner?: string;
  /** The entry's time (RFC 3339 UTC). */
  readonly time: string;
  readonly opening: DepositOpening;
}

const pad = (n: number): string => String(n).padStart(16, '0');

export const DEPOSIT_PREFIX = 'rec/deposit/';
export const depositKey = (index: number): string => `${DEPOSIT_PREFIX}${pad(index)}`;
export const ownerPrefix = (account: string): string => `rec/deposit-owner/${account}/`;
export const ownerKey = (account: string, index: number): string =>
  `${ownerPrefix(account)}${pad(index)}`;
export const digestPrefix = (alg: 'sha256' | 'sm3', hex: string): string =>
  `rec/digest/${alg}/${hex}/`;

/** Index of a key ending in `/<index:16>`. */
export const indexOfKey = (key: string): number => Number(key.slice(key.lastIndexOf('/') + 1));

/** The records a new deposit writes with its entry. */
export function depositWrites(record: DepositRecord): RecordWrite[] {
  const writes: RecordWrite[] = [
    { type: 'put', key: depositKey(record.index), value: JSON.stringify(record) },
  ];
  if (record.owner)
    writes.push({ type: 'put', key: ownerKey(record.owner, record.index), value: '' });
  const seen = new Set<string>();
  for (const f of record.opening.files) {
    for (const [alg, hex] of [
      ['sha256', f.sha256],
      ['sm3', f.sm3],
    ] as const) {
      if (!hex || seen.has(`${alg}/${hex}`)) continue;
      seen.add(`${alg}/${hex}`);
      writes.push({ type: 'put', key: `${digestPrefix(alg, hex)}${pad(record.index)}`, value: '' });
    }
  }
  return writes;
}

export function parseDepositRecord(bytes: Uint8Array): DepositRecord {
  return JSON.parse(new TextDecoder().decode(bytes)) as DepositRecord;
}

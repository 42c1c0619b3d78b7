/** The committed golden receipts (test/vectors/receipts), read for tests. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOLDEN_DIR } from '../vectors/receipts/generate.js';

export { GOLDEN_DIR };

export interface GoldenDeposit {
  readonly number: string;
  readonly index: number;
  readonly size: number;
  readonly file: string;
  readonly receipt: string;
  readonly tlogProof: string;
}

export interface GoldenManifest {
  readonly origin: string;
  readonly vkey: string;
  readonly deposits: readonly GoldenDeposit[];
}

export const golden = (path: string): string => join(GOLDEN_DIR, path);
export const goldenText = (path: string): string => readFileSync(golden(path), 'utf8');
export const manifest = JSON.parse(goldenText('manifest.json')) as GoldenManifest;
export const LOG_VKEY = goldenText('log.vkey').trim();
export const OTHER_VKEY = goldenText('other.vkey').trim();

/** A fresh, mutable copy of a golden receipt. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests mutate fields freely
export function receiptOf(d: GoldenDeposit): any {
  return JSON.parse(goldenText(d.receipt));
}

/** SHA-256 and SM3 (hex) of a golden evidence file, by node:crypto. */
export function digestsOf(d: GoldenDeposit): { sha256: string; sm3: string } {
  const bytes = readFileSync(golden(d.file));
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    sm3: createHash('sm3').update(bytes).digest('hex'),
  };
}

/** The deposit of the manifest at `index`. */
export function deposit(index: number): GoldenDeposit {
  const d = manifest.deposits.find((x) => x.index === index);
  if (!d) throw new Error(`no golden deposit ${index}`);
  return d;
}

/** Shared test helpers for test/log (not a test file itself). */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { LogError, treeHasher, type LogErrorCode, type TreeHasher } from '../../src/log/index.js';

/** test/vectors/external (vendored; see its README), resolved from this file. */
export const VECTORS_DIR = fileURLToPath(new URL('../vectors/external/', import.meta.url));

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
export const b64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));
export const hex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'));
export const toB64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');
export const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** A node:crypto tree hasher, as the server uses: fast, and a second SHA-256 to compare with. */
export const nodeHasher: TreeHasher = treeHasher(
  (d) => new Uint8Array(createHash('sha256').update(d).digest()),
);

export function readVector(...parts: string[]): string {
  return readFileSync(join(VECTORS_DIR, ...parts), 'utf8');
}

/** All files under `dir` (recursive), relative to it, sorted. */
export function listFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(dir, rel)).sort()) {
    const r = rel === '' ? name : `${rel}/${name}`;
    if (statSync(join(dir, r)).isDirectory()) out.push(...listFiles(dir, r));
    else out.push(r);
  }
  return out;
}

function checkError(err: unknown, codes: LogErrorCode | readonly LogErrorCode[]): LogError {
  const allowed = typeof codes === 'string' ? [codes] : codes;
  expect(err, 'error class').to.be.instanceOf(LogError);
  const e = err as LogError;
  expect(allowed, `error code (message: ${e.message})`).to.include(e.code);
  return e;
}

/** Asserts that `fn` throws a LogError with (one of) the given code(s); returns it. */
export function expectLogError(
  fn: () => unknown,
  codes: LogErrorCode | readonly LogErrorCode[],
): LogError {
  try {
    fn();
  } catch (err) {
    return checkError(err, codes);
  }
  expect.fail(`expected LogError ${String(codes)}, nothing was thrown`);
}

/** Async variant of {@link expectLogError}. */
export async function expectLogErrorAsync(
  fn: () => Promise<unknown>,
  codes: LogErrorCode | readonly LogErrorCode[],
): Promise<LogError> {
  try {
    await fn();
  } catch (err) {
    return checkError(err, codes);
  }
  expect.fail(`expected LogError ${String(codes)}, nothing was thrown`);
}

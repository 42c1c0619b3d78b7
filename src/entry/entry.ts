/**
 * Log entries and their openings (docs/formats.md). An entry is the UTF-8 bytes of the RFC 8785
 * canonical JSON of `{commitment, id, time, type, v}`; `commitment` is the hex SHA-256 of the
 * canonical JSON of the opening, which the service keeps and hands to those entitled to it.
 * Pure (noble SHA-256): the verifier in the browser uses the same code.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { encodeHex } from '../log/index.js';
import { canonicalBytes, canonicalize } from './jcs.js';

export const ENTRY_VERSION = 1;
export type EntryType = 'deposit' | 'custody' | 'admin';

/** The public entry. */
export interface Entry {
  readonly commitment: string;
  readonly id: string;
  readonly time: string;
  readonly type: EntryType;
  readonly v: number;
}

/** Hex SHA-256 of the canonical JSON of `opening`. */
export function openingCommitment(opening: unknown): string {
  return encodeHex(sha256(canonicalBytes(opening)));
}

/** The entry committing to `opening`, and its bytes. */
export function makeEntry(
  type: EntryType,
  id: string,
  time: string,
  opening: unknown,
): { entry: Entry; bytes: Uint8Array } {
  const entry: Entry = { commitment: openingCommitment(opening), id, time, type, v: ENTRY_VERSION };
  return { entry, bytes: new TextEncoder().encode(canonicalize(entry)) };
}

/**
 * Reads entry bytes: they must be UTF-8 canonical JSON of an entry of a known type and version.
 * Returns undefined (with no exception) when they are not, so a verifier can report the check.
 */
export function parseEntry(bytes: Uint8Array): Entry | undefined {
  let text: string;
  let value: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const e = value as Record<string, unknown>;
  const keys = Object.keys(e).sort().join(',');
  if (keys !== 'commitment,id,time,type,v') return undefined;
  if (typeof e.commitment !== 'string' || !/^[0-9a-f]{64}$/.test(e.commitment)) return undefined;
  if (typeof e.id !== 'string' || typeof e.time !== 'string') return undefined;
  if (e.type !== 'deposit' && e.type !== 'custody' && e.type !== 'admin') return undefined;
  if (e.v !== ENTRY_VERSION) return undefined;
  let canonical: string;
  try {
    canonical = canonicalize(value);
  } catch {
    return undefined;
  }
  return canonical === text ? (value as Entry) : undefined;
}

/** A random 32-byte salt as 64 hex characters, from the platform's CSPRNG. */
export function newSalt(): string {
  const b = new Uint8Array(32);
  globalThis.crypto.getRandomValues(b);
  return encodeHex(b);
}

/**
 * Claim codes of counter deposits as stored (written in the deposit's batch, then in the batch
 * of the `claim-code-reissued` and `claimed` custody events; a failed attempt is written
 * plainly, it changes no custody):
 *
 * | key | value |
 * | --- | --- |
 * | `rec/claim/<depositIndex:16>` | JSON {@link ClaimRecord} |
 *
 * The code itself is never stored, only its SHA-256; nor is the client's ID number, only its
 * matching HMAC (the accounts domain's key), compared with the claimant's registered one.
 */
import type { ClaimState } from '../api/index.js';
import type { CustodyActor } from '../custody/index.js';
import type { RecordWrite } from '../sequencer/index.js';

export const CLAIM_PREFIX = 'rec/claim/';
/** A claim code expires 90 days after the counter deposit (docs/access.md). */
export const CLAIM_TTL_MS = 90 * 24 * 60 * 60 * 1000;
/** Attempts whose ID number does not match before the code locks (docs/access.md). */
export const CLAIM_MAX_FAILURES = 5;

export interface ClaimRecord {
  readonly v: 1;
  readonly depositIndex: number;
  readonly depositId: string;
  /** hex SHA-256 of the canonical code. */
  readonly codeHash: string;
  /** hex HMAC of the client's ID number (accounts' matching key). */
  readonly clientIdHmac: string;
  /** The notary who made the deposit at the counter. */
  readonly agent: CustodyActor;
  readonly createdAt: string;
  /** When the current code expires (90 days after the deposit, or after the last reissue). */
  readonly expiresAt: string;
  /** Failed attempts of the current code (a reissued code starts at 0). */
  readonly failures: number;
  /** When the current code replaced an earlier one (the last reissue). */
  readonly reissuedAt?: string;
  readonly claimedBy?: string;
  readonly claimedAt?: string;
}

export type { ClaimState } from '../api/index.js';

/** The state of `c` at `now` (ms). */
export function claimState(c: ClaimRecord, now: number): ClaimState {
  if (c.claimedBy !== undefined) return 'claimed';
  if (c.failures >= CLAIM_MAX_FAILURES) return 'locked';
  if (now >= Date.parse(c.expiresAt)) return 'expired';
  return 'open';
}

const pad = (n: number): string => String(n).padStart(16, '0');

/** The key of a counter deposit's claim record. */
export const claimKey = (depositIndex: number): string => CLAIM_PREFIX + pad(depositIndex);

/** The record write of a claim. */
export function claimWrite(c: ClaimRecord): RecordWrite {
  return { type: 'put', key: claimKey(c.depositIndex), value: JSON.stringify(c) };
}

export function parseClaimRecord(bytes: Uint8Array): ClaimRecord {
  return JSON.parse(new TextDecoder().decode(bytes)) as ClaimRecord;
}

/**
 * Court shares as stored (written in the batch of the custody event that creates, redeems or
 * revokes them; all loaded into memory at start):
 *
 * | key | value |
 * | --- | --- |
 * | `rec/share/<shareId>` | JSON {@link ShareRecord} |
 *
 * The share code itself is never stored, only its SHA-256.
 */
import type { CustodyActor } from '../custody/events.js';
import { randomBytes } from '../crypto/index.js';
import { encodeHex } from '../log/index.js';
import type { RecordWrite } from '../sequencer/index.js';

export const SHARE_PREFIX = 'rec/share/';
export const SHARE_ID_PATTERN = /^sh_[0-9a-f]{16}$/;

/** A judge's redemption: binds that judge to the share. */
export interface Redemption {
  readonly judge: CustodyActor & { readonly court: string };
  readonly at: string;
  readonly eventId: string;
}

export interface ShareRecord {
  readonly v: 1;
  readonly id: string;
  readonly depositIndex: number;
  readonly depositId: string;
  /** The depositor who shared. */
  readonly owner: string;
  readonly court: string;
  readonly caseNumber: string;
  readonly expiresAt: string;
  readonly createdAt: string;
  /** hex SHA-256 of the canonical share code. */
  readonly codeHash: string;
  readonly revokedAt?: string;
  readonly redemptions: readonly Redemption[];
}

/** Where a share stands at a time. */
export type ShareState = 'active' | 'expired' | 'revoked';

/** The state of `s` at `now` (ms). */
export function shareState(s: ShareRecord, now: number): ShareState {
  if (s.revokedAt !== undefined) return 'revoked';
  return now >= Date.parse(s.expiresAt) ? 'expired' : 'active';
}

/** The form in which courts are compared (DESIGN §8): NFKC, trimmed. */
export function courtKey(court: string): string {
  return court.normalize('NFKC').trim();
}

/** A new share id: `sh_` + 16 hex (64 random bits; the code, not the id, grants access). */
export function newShareId(): string {
  return `sh_${encodeHex(randomBytes(8))}`;
}

/** The record write of a share. */
export function shareWrite(s: ShareRecord): RecordWrite {
  return { type: 'put', key: SHARE_PREFIX + s.id, value: JSON.stringify(s) };
}

export function parseShareRecord(bytes: Uint8Array): ShareRecord {
  return JSON.parse(new TextDecoder().decode(bytes)) as ShareRecord;
}

/** What a share looks like to its depositor (DESIGN §9: list → `{items}` with redemptions). */
export interface ShareView {
  readonly id: string;
  readonly depositId: string;
  readonly court: string;
  readonly caseNumber: string;
  readonly expiresAt: string;
  readonly createdAt: string;
  readonly state: ShareState;
  readonly revokedAt?: string;
  readonly redemptions: readonly {
    readonly judge: { readonly displayName: string; readonly court: string };
    readonly at: string;
  }[];
}

/** The API view of a share at `now` (ms). */
export function shareView(s: ShareRecord, now: number): ShareView {
  return {
    id: s.id,
    depositId: s.depositId,
    court: s.court,
    caseNumber: s.caseNumber,
    expiresAt: s.expiresAt,
    createdAt: s.createdAt,
    state: shareState(s, now),
    ...(s.revokedAt !== undefined ? { revokedAt: s.revokedAt } : {}),
    redemptions: s.redemptions.map((r) => ({
      judge: { displayName: r.judge.displayName, court: r.judge.court },
      at: r.at,
    })),
  };
}

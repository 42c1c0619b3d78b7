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
import type { ShareState, ShareView } from '../api/index.js';
import type { CustodyActor } from '../custody/index.js';
import { randomBytes } from '../crypto/index.js';
import { encodeHex } from '../log/index.js';
import type { RecordWrite } from '../sequencer/index.js';

export type { ShareState, ShareView } from '../api/index.js';

export const SHARE_PREFIX = 'rec/share/';
export const SHARE_ID_PATTERN = /^sh_[0-9a-f]{16}$/;

/** A judge's redemption: binds that judge to the share. */
export interface Redemption {
  readonly judge: CustodyActor & { readonly court: string; readonly courtId?: string };
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
  /** The court's name when shared (the listed court's canonical name, or a free text before the list). */
  readonly court: string;
  /** The listed court (docs/courts.md); absent on shares made before the list. */
  readonly courtId?: string;
  readonly caseNumber: string;
  readonly expiresAt: string;
  readonly createdAt: string;
  /** hex SHA-256 of the canonical share code. */
  readonly codeHash: string;
  readonly revokedAt?: string;
  readonly redemptions: readonly Redemption[];
}

/** The state of `s` at `now` (ms). */
export function shareState(s: ShareRecord, now: number): ShareState {
  if (s.revokedAt !== undefined) return 'revoked';
  return now >= Date.parse(s.expiresAt) ? 'expired' : 'active';
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

/**
 * The API view of a share at `now` (ms); `courtName` gives a listed court's current name, so the
 * depositor sees the court as the list names it today.
 */
export function shareView(
  s: ShareRecord,
  now: number,
  courtName: (id: string) => string | undefined = () => undefined,
): ShareView {
  const listed = s.courtId === undefined ? undefined : courtName(s.courtId);
  return {
    id: s.id,
    depositId: s.depositId,
    court: listed ?? s.court,
    ...(s.courtId !== undefined ? { courtId: s.courtId } : {}),
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

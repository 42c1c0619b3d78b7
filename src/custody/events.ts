/**
 * Custody events (docs/formats.md, docs/access.md): the names, the opening a custody entry commits to, and how an
 * event is stored. A custody entry is `{"commitment","id":"<tag>","time","type":"custody","v":1}`;
 * its opening is `{salt, eventId, deposit, depositIndex, event, actor, time, detail?}`.
 *
 * | key | value |
 * | --- | --- |
 * | `rec/custody/<depositIndex:16>/<logIndex:16>` | JSON {@link CustodyRecord} (a deposit's trail in log order) |
 */
import type { JsonValue } from '../entry/index.js';

/** Every custody event name (docs/access.md, and `claim-code-reissued` of counter deposits). */
export const CUSTODY_EVENTS = [
  'viewed',
  'downloaded',
  'shared',
  'share-redeemed',
  'share-revoked',
  'claim-code-reissued',
  'claimed',
  'notarisation-submitted',
  'notarisation-claimed',
  'notarisation-approved',
  'notarisation-rejected',
  'notarisation-withdrawn',
  'notarisation-issued',
  'certificate-issued',
] as const;

export type CustodyEvent = (typeof CUSTODY_EVENTS)[number];

/** Who acted: the account, its role at the time, and the name shown in the trail. */
export interface CustodyActor {
  readonly account: string;
  readonly role: string;
  readonly displayName: string;
}

/** Event-specific facts (plain JSON; RFC 8785 canonicalises it into the commitment). */
export type CustodyDetail = { readonly [key: string]: JsonValue };

/** What a custody entry's commitment commits to. */
export interface CustodyOpening {
  /** 64 hex characters, random per event (hides the commitment). */
  readonly salt: string;
  readonly eventId: string;
  /** The deposit number. */
  readonly deposit: string;
  readonly depositIndex: number;
  readonly event: CustodyEvent;
  readonly actor: CustodyActor;
  /** The entry's time (RFC 3339 UTC, ms). */
  readonly time: string;
  readonly detail?: CustodyDetail;
}

/** A custody event as stored: the entry's log index, its public tag and its opening. */
export interface CustodyRecord {
  readonly v: 1;
  readonly index: number;
  readonly tag: string;
  readonly opening: CustodyOpening;
}

const pad = (n: number): string => String(n).padStart(16, '0');

/** Key prefix of every custody trail. */
export const CUSTODY_PREFIX = 'rec/custody/';
/** Key prefix of a deposit's custody trail. */
export const custodyPrefix = (depositIndex: number): string =>
  `${CUSTODY_PREFIX}${pad(depositIndex)}/`;
/** Key of one custody event. */
export const custodyKey = (depositIndex: number, index: number): string =>
  `${custodyPrefix(depositIndex)}${pad(index)}`;

/** Reads a stored custody record. */
export function parseCustodyRecord(bytes: Uint8Array): CustodyRecord {
  return JSON.parse(new TextDecoder().decode(bytes)) as CustodyRecord;
}

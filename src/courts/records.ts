/**
 * Listed courts as stored (docs/courts.md), all loaded into memory at start:
 *
 * | key | value |
 * | --- | --- |
 * | `rec/court/<courtId>` | JSON {@link CourtRecord} |
 *
 * A court is written in the batch of the `admin` entry that creates or changes it.
 */
import { randomBytes } from '../crypto/index.js';
import { encodeHex } from '../log/index.js';
import type { AdminCourt } from '../accounts/index.js';
import type { AdminCourtView, CourtView } from '../api/index.js';
import type { RecordWrite } from '../sequencer/index.js';
import { CourtError } from './errors.js';

export type { AdminCourtView, CourtView } from '../api/index.js';

export const COURT_PREFIX = 'rec/court/';
export const COURT_ID_PATTERN = /^ct_[0-9a-f]{16}$/;

/** A listed court. */
export interface CourtRecord {
  readonly v: 1;
  readonly id: string;
  /** The canonical name (NFC, trimmed), unique after {@link courtNameKey}. */
  readonly name: string;
  readonly nameEn?: string;
  /** Where it sits, e.g. 上海市. */
  readonly region?: string;
  /** Disabled courts take no new shares or judges; existing ones keep working. */
  readonly disabled: boolean;
  readonly createdAt: string;
  readonly updatedAt?: string;
}

/**
 * The form in which court names are compared, for uniqueness and for resolving a typed name:
 * NFKC (full-width digits and letters fold to ASCII), trimmed, inner white space collapsed,
 * lower case. A free-text court of a judge or share made before the list matches a listed
 * court when their keys are equal.
 * @example courtNameKey(' 上海市第１中级人民法院 ') === courtNameKey('上海市第1中级人民法院')
 */
export function courtNameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/**
 * Whether a judge sits at the court a share names (docs/courts.md): by listed court id when both
 * are bound to one; by name (NFKC) only when either was made before the list and is not bound.
 */
export function sameCourt(
  share: { readonly court: string; readonly courtId?: string | undefined },
  judge: { readonly court?: string | undefined; readonly courtId?: string | undefined },
): boolean {
  if (share.courtId !== undefined && judge.courtId !== undefined)
    return share.courtId === judge.courtId;
  return judge.court !== undefined && courtNameKey(share.court) === courtNameKey(judge.court);
}

/** A new court id: `ct_` + 16 hex (64 random bits). */
export function newCourtId(): string {
  return `ct_${encodeHex(randomBytes(8))}`;
}

/** The record write of a court. */
export function courtWrite(c: CourtRecord): RecordWrite {
  return { type: 'put', key: COURT_PREFIX + c.id, value: JSON.stringify(c) };
}

/** The public view of a court. */
export function courtView(c: CourtRecord): CourtView {
  return {
    id: c.id,
    name: c.name,
    ...(c.nameEn !== undefined ? { nameEn: c.nameEn } : {}),
    ...(c.region !== undefined ? { region: c.region } : {}),
  };
}

/** The administrator's view of a court. */
export function adminCourtView(c: CourtRecord): AdminCourtView {
  return {
    ...courtView(c),
    disabled: c.disabled,
    createdAt: c.createdAt,
    ...(c.updatedAt !== undefined ? { updatedAt: c.updatedAt } : {}),
  };
}

/** The court as its admin entry records it (strings only). */
export function adminCourt(c: CourtRecord): AdminCourt {
  return { ...courtView(c), state: c.disabled ? 'disabled' : 'active' };
}

const text = new TextDecoder('utf-8', { fatal: true });
const optionalString = (v: unknown): boolean => v === undefined || typeof v === 'string';

/**
 * Parses a stored court.
 * @throws CourtError COURT_STORE_CORRUPT for an unreadable or malformed record.
 */
export function parseCourtRecord(key: string, value: Uint8Array): CourtRecord {
  let c: CourtRecord;
  try {
    c = JSON.parse(text.decode(value)) as CourtRecord;
  } catch (cause) {
    throw new CourtError('COURT_STORE_CORRUPT', `court record ${key} is not JSON`, { cause });
  }
  const ok =
    typeof c === 'object' &&
    c !== null &&
    c.v === 1 &&
    key === COURT_PREFIX + c.id &&
    COURT_ID_PATTERN.test(c.id) &&
    typeof c.name === 'string' &&
    c.name !== '' &&
    optionalString(c.nameEn) &&
    optionalString(c.region) &&
    typeof c.disabled === 'boolean' &&
    typeof c.createdAt === 'string' &&
    optionalString(c.updatedAt);
  if (!ok) throw new CourtError('COURT_STORE_CORRUPT', `court record ${key} is malformed`);
  return c;
}

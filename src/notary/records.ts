/**
 * Notarisation applications as stored (written in the batch of the custody event of each
 * transition), and the numbers the workflow assigns inside the sequencer's build:
 *
 * | key | value |
 * | --- | --- |
 * | `rec/notarisation/<applicationId>` | JSON {@link ApplicationRecord} |
 *
 * Application ids are `NA` and certificate numbers `NC`, each followed by the log index of the
 * event that created it as 10 digits and an ISO/IEC 7064 MOD 11-2 check character (as deposit
 * numbers), so they are unique and a mistyped one is refused before any lookup.
 */
import type { ApplicationDecision } from '../api/index.js';
import type { CustodyActor } from '../custody/index.js';
import { mod11_2 } from '../entry/index.js';
import type { RecordWrite } from '../sequencer/index.js';
import type { ApplicationState } from './state.js';

export const APPLICATION_PREFIX = 'rec/notarisation/';

/** One step of an application's history (each is a custody event of its deposit). */
export interface ApplicationStep {
  readonly state: ApplicationState;
  readonly eventId: string;
  /** Log index of the custody entry. */
  readonly index: number;
  readonly time: string;
  readonly actor: CustodyActor;
  readonly reason?: string;
}

export interface ApplicationRecord {
  readonly v: 1;
  /** `NA` + 10 digits + check character. */
  readonly id: string;
  readonly depositId: string;
  readonly depositIndex: number;
  readonly applicant: CustodyActor;
  readonly purpose: string;
  readonly contact: string;
  readonly note?: string;
  readonly state: ApplicationState;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The notary who claimed it (keeps access after the decision). */
  readonly claimedBy?: CustodyActor;
  readonly decision?: ApplicationDecision;
  /** `NC` + 10 digits + check character, assigned at issue. */
  readonly certificateNumber?: string;
  readonly issuedAt?: string;
  readonly history: readonly ApplicationStep[];
}

/** `prefix` + `index` as 10 digits + MOD 11-2 check character. */
export function serialNumber(prefix: 'NA' | 'NC', index: number): string {
  if (!Number.isSafeInteger(index) || index < 0 || index >= 1e10) {
    throw new RangeError('a serial number holds an index of at most 10 digits');
  }
  const digits = String(index).padStart(10, '0');
  return `${prefix}${digits}${mod11_2(digits)}`;
}

/** The canonical form of a typed application id (any case, spaces or hyphens), or undefined. */
export function parseApplicationId(text: string): string | undefined {
  if (typeof text !== 'string' || text.length > 40) return undefined;
  const compact = text.replace(/[\s-]/g, '').toUpperCase();
  const m = /^NA(\d{10})([0-9X])$/.exec(compact);
  return m && mod11_2(m[1]!) === m[2] ? compact : undefined;
}

/** The record write of an application. */
export function applicationWrite(app: ApplicationRecord): RecordWrite {
  return { type: 'put', key: APPLICATION_PREFIX + app.id, value: JSON.stringify(app) };
}

export function parseApplicationRecord(bytes: Uint8Array): ApplicationRecord {
  return JSON.parse(new TextDecoder().decode(bytes)) as ApplicationRecord;
}

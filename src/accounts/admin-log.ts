/**
 * Admin actions on the record (docs/formats.md, 《人民法院在线诉讼规则》Art. 17): each account the
 * platform creates, disables (with the admin's reason) or enables, each password an admin resets,
 * each court it lists or changes and each judge it binds to
 * a court (docs/courts.md) is a log entry of type `admin` holding only a commitment,
 * `{"commitment","id","time","type":"admin","v":1}` (RFC 8785), with the opening kept at
 * `rec/admin/<id>`. The account records go in the same durable batch as the entry.
 */
import { randomBytes, sha256 } from '../crypto/index.js';
import { canonicalBytes } from '../entry/index.js';
import { encodeHex } from '../log/index.js';
import type { AppendResult, BuildEntry, RecordWrite } from '../sequencer/index.js';
import type { Persist } from './store.js';

export const ADMIN_PREFIX = 'rec/admin/';
export type AdminAction =
  | 'account-created'
  | 'account-disabled'
  | 'account-enabled'
  /** An admin set a new password for an account (docs/SECURITY.md, "Sign-in"). */
  | 'account-password-reset'
  /** A judge bound to a listed court, or moved to another (docs/courts.md). */
  | 'account-court-changed'
  /** A court added to the list the admin maintains (docs/courts.md). */
  | 'court-created'
  /** A listed court renamed, disabled or enabled (docs/courts.md). */
  | 'court-updated'
  /** `huicun restore --new-log`: the first entry of a restored log continued under a new origin. */
  | 'log-continued';

/** What a `log-continued` entry records (docs/backup.md). */
export interface LogContinuation {
  /** The restored log: its origin, the head it was restored at (root base64), its key. */
  readonly from: {
    readonly origin: string;
    readonly size: number;
    readonly root: string;
    readonly vkey: string;
  };
  /** The new origin and key that sign every checkpoint from this entry on. */
  readonly to: { readonly origin: string; readonly vkey: string };
}

/** Who acted: an admin account, or the operator (`system` at bootstrap, `cli` for `huicun user`). */
export interface AdminActor {
  readonly account: string;
  readonly role: string;
}

/** A listed court as an admin entry records it (strings only: the state after the action). */
export interface AdminCourt {
  readonly id: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly region?: string;
  readonly state: 'active' | 'disabled';
}

/** What an admin action is about: an account (a judge with the court it is bound to), a court, a log. */
export type AdminSubject =
  | {
      readonly account: string;
      readonly court?: { readonly id: string; readonly name: string };
    }
  | { readonly court: AdminCourt }
  | { readonly log: LogContinuation };

/** The opening of an admin entry's commitment. */
export interface AdminOpening {
  readonly salt: string;
  readonly action: AdminAction;
  readonly actor: AdminActor;
  readonly subject: AdminSubject;
  /** Why the admin acted, in their words (required to disable an account). */
  readonly reason?: string;
  readonly time: string;
}

/** What is stored at `rec/admin/<id>`. */
export interface AdminRecord {
  readonly index: number;
  readonly opening: AdminOpening;
}

/** What admin actions need from the log (the Sequencer has it). */
export interface AdminAppender {
  append(build: BuildEntry): Promise<AppendResult>;
}

/** hex SHA-256 of JCS(opening). */
export function adminCommitment(opening: AdminOpening): string {
  return encodeHex(sha256(canonicalBytes(opening)));
}

/** The entry bytes: JCS of `{commitment, id, time, type: "admin", v: 1}`. */
export function adminEntry(id: string, opening: AdminOpening): Uint8Array {
  return canonicalBytes({
    commitment: adminCommitment(opening),
    id,
    time: opening.time,
    type: 'admin',
    v: 1,
  });
}

/** A new action id: `adm_` + 32 hex (128 random bits). */
export function newAdminActionId(): string {
  return `adm_${encodeHex(randomBytes(16))}`;
}

/**
 * A `Persist` that writes the change in the batch of a new admin entry. `subject` is an account
 * id, or the whole subject (a court, a judge with their court). `onAppended` receives the append
 * result (index, proof, checkpoint) and the action id; `reason` goes in the opening.
 */
export function persistWithAdminEntry(
  log: AdminAppender,
  action: AdminAction,
  actor: AdminActor,
  subject: string | AdminSubject,
  onAppended?: (result: AppendResult, id: string) => void,
  reason?: string,
): Persist {
  return async (writesAt) => {
    const id = newAdminActionId();
    const result = await log.append(({ index, time }) => {
      const opening: AdminOpening = {
        salt: encodeHex(randomBytes(32)),
        action,
        actor: { account: actor.account, role: actor.role },
        subject: typeof subject === 'string' ? { account: subject } : subject,
        ...(reason !== undefined ? { reason } : {}),
        time,
      };
      const record: AdminRecord = { index, opening };
      const writes: RecordWrite[] = [
        ...writesAt(time),
        { type: 'put', key: ADMIN_PREFIX + id, value: JSON.stringify(record) },
      ];
      return { entry: adminEntry(id, opening), writes };
    });
    onAppended?.(result, id);
    return result.time;
  };
}

/**
 * The access policy for deposits (docs/access.md). A depositor reads their own deposits; everyone
 * else reads a deposit only through a grant that a domain holds for them — a notarisation
 * application (any notary while `submitted`, then only the claiming notary), an unclaimed counter
 * deposit (the notary who made it), a redeemed court share (the bound judge until expiry or
 * revocation). Anything else is 404: existence does not leak. A non-owner's read is a custody
 * event appended durably before the body is sent.
 */
import type { AuthUser } from '../accounts/index.js';
import { DepositError, type DepositRecord } from '../evidence/index.js';
import type { CustodyActor } from './events.js';
import type { CustodyLog, DepositRead } from './service.js';

/** The caller as the policy sees them. */
export type Reader = Pick<AuthUser, 'id' | 'role' | 'displayName' | 'court' | 'courtId'>;

/** Why a reader may read a deposit. */
export type Grant =
  | { readonly via: 'owner' }
  | { readonly via: 'notarisation'; readonly applicationId: string }
  | { readonly via: 'agent' }
  | { readonly via: 'share'; readonly shareId: string };

/** A domain that grants reads to non-owners (notarisation, counter deposits, shares). */
export interface GrantSource {
  /** The grant `reader` holds on `record` now, if any. */
  grant(reader: Reader, record: DepositRecord): Grant | undefined;
  /** Indices of the deposits `reader` may hold a grant on (lists); a superset is fine. */
  candidates(reader: Reader): Iterable<number>;
}

/** What the policy needs from the evidence domain (DepositService has it). */
export interface DepositFinder {
  find(id: string): Promise<DepositRecord | undefined>;
  findByIndices(indices: readonly number[]): Promise<DepositRecord[]>;
}

/** A deposit the reader may read, and why. */
export interface ReadableDeposit {
  readonly record: DepositRecord;
  readonly grant: Grant;
}

/** The actor of a custody event, from the caller. */
export function actorOf(reader: Reader): CustodyActor {
  return { account: reader.id, role: reader.role, displayName: reader.displayName };
}

export class DepositAccess {
  constructor(
    private readonly deps: {
      readonly deposits: DepositFinder;
      readonly custody: CustodyLog;
      readonly sources: readonly GrantSource[];
    },
  ) {}

  /** The grant `reader` holds on `record` now, or undefined. */
  grantFor(reader: Reader, record: DepositRecord): Grant | undefined {
    if (record.owner !== undefined && record.owner === reader.id) return { via: 'owner' };
    for (const source of this.deps.sources) {
      const grant = source.grant(reader, record);
      if (grant) return grant;
    }
    return undefined;
  }

  /** Whether `reader` may read deposit `id` now (any accepted spelling of the number). */
  async mayRead(reader: Reader, id: string): Promise<boolean> {
    const record = await this.deps.deposits.find(id);
    return record !== undefined && this.grantFor(reader, record) !== undefined;
  }

  /**
   * The deposit `id` if `reader` may read it; records nothing (lists, HEAD, the trail, checks).
   * @throws DepositError DEPOSIT_NOT_FOUND when there is no such deposit or no grant.
   */
  async resolve(reader: Reader, id: string): Promise<ReadableDeposit> {
    const record = await this.deps.deposits.find(id);
    const grant = record ? this.grantFor(reader, record) : undefined;
    if (!record || !grant) throw new DepositError('DEPOSIT_NOT_FOUND', 'no such deposit');
    return { record, grant };
  }

  /**
   * Records `read` as a custody event when the reader is not the owner (once per window), and
   * resolves when it is durable; the owner's reads record nothing.
   * @throws CustodyError CUSTODY_UNAVAILABLE (503) when the event cannot be appended.
   */
  async noteRead(reader: Reader, readable: ReadableDeposit, read: DepositRead): Promise<void> {
    if (readable.grant.via === 'owner') return;
    await this.deps.custody.noteRead(readable.record, actorOf(reader), read, {
      access: { ...readable.grant },
    });
  }

  /**
   * `resolve` then `noteRead`: the one call a read route makes before sending a body.
   * @throws DepositError DEPOSIT_NOT_FOUND; CustodyError CUSTODY_UNAVAILABLE
   * @example const { record } = await access.read(user, id, { kind: 'viewed', resource: 'details' });
   */
  async read(reader: Reader, id: string, read: DepositRead): Promise<ReadableDeposit> {
    const readable = await this.resolve(reader, id);
    await this.noteRead(reader, readable, read);
    return readable;
  }

  /**
   * The deposits a non-owner may read now with their grants, newest first, `limit` at a time
   * after `cursor` (an index from `nextCursor`). Lists are not custody events, so what a list
   * shows of them must be what `listedDeposit` (src/evidence/list-item.ts) keeps.
   */
  async listReadable(
    reader: Reader,
    limit: number,
    cursor?: number,
  ): Promise<{ items: ReadableDeposit[]; nextCursor: string | null }> {
    const indices = new Set<number>();
    for (const source of this.deps.sources)
      for (const i of source.candidates(reader)) indices.add(i);
    const sorted = [...indices]
      .filter((i) => cursor === undefined || i < cursor)
      .sort((a, b) => b - a);
    const items: ReadableDeposit[] = [];
    for (let at = 0; at < sorted.length && items.length <= limit; at += limit + 1) {
      const records = await this.deps.deposits.findByIndices(sorted.slice(at, at + limit + 1));
      for (const record of records) {
        const grant = this.grantFor(reader, record);
        if (grant) items.push({ record, grant });
      }
    }
    const page = items.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page,
      nextCursor: items.length > limit && last ? String(last.record.index) : null,
    };
  }
}

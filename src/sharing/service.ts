/**
 * Court sharing: a depositor shares a deposit with a listed court (docs/courts.md) for a case
 * until a time; the code, shown once, is redeemed by judges bound to that court (matched by
 * court id), each redemption binding that judge; the
 * depositor lists and revokes shares. Every step is a custody event of the deposit, written in
 * one batch with the share's new state. Shares live in memory (loaded at start).
 */
import {
  actorOf,
  codeHash,
  type CustodyLog,
  type EventRequest,
  type Grant,
  type GrantSource,
  newCode,
  parseCode,
  type Reader,
} from '../custody/index.js';
import type { DepositRecord } from '../evidence/index.js';
import { sameCourt, type CourtRef } from '../courts/index.js';
import { KeyedLock, type RecordStore } from '../storage/index.js';
import { ShareError } from './errors.js';
import {
  newShareId,
  parseShareRecord,
  SHARE_ID_PATTERN,
  SHARE_PREFIX,
  shareState,
  shareView,
  shareWrite,
  type ShareRecord,
  type ShareView,
} from './records.js';

/** What sharing needs of the court list (the courts domain's CourtService has it). */
export interface ShareCourts {
  /**
   * The listed, enabled court a new share names.
   * @throws CourtError COURT_UNKNOWN, COURT_DISABLED
   */
  resolve(ref: CourtRef): { readonly id: string; readonly name: string };
  /** A listed court's current name. */
  nameOf(id: string): string | undefined;
}

export interface ShareServiceDeps {
  readonly deposits: {
    ownedBy(account: string, id: string): Promise<DepositRecord>;
    findByIndices(indices: readonly number[]): Promise<DepositRecord[]>;
  };
  readonly custody: CustodyLog;
  /** The court list: shares name a listed court. */
  readonly courts: ShareCourts;
  readonly records: Pick<RecordStore, 'scan' | 'get'>;
  /** Milliseconds since the epoch (expiry); tests inject a clock. */
  readonly now?: () => number;
}

export class ShareService implements GrantSource {
  private readonly byId = new Map<string, ShareRecord>();
  private readonly byHash = new Map<string, string>();
  private readonly byDeposit = new Map<number, Set<string>>();
  private readonly lock = new KeyedLock();
  readonly now: () => number;

  private constructor(private readonly deps: ShareServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Loads every share into memory. */
  static async open(deps: ShareServiceDeps): Promise<ShareService> {
    const s = new ShareService(deps);
    for await (const [, v] of deps.records.scan(SHARE_PREFIX)) s.remember(parseShareRecord(v));
    return s;
  }

  /**
   * The owner shares a deposit with a listed court (`shared`); the code is in the answer only.
   * An unknown or disabled court writes nothing.
   * @throws DepositError DEPOSIT_NOT_FOUND; CourtError COURT_UNKNOWN, COURT_DISABLED; SequencerError
   */
  async create(
    owner: Reader,
    depositId: string,
    input: { court: CourtRef; caseNumber: string; expiresAt: string },
  ): Promise<{ share: ShareRecord; code: string }> {
    const deposit = await this.deps.deposits.ownedBy(owner.id, depositId);
    const court = this.deps.courts.resolve(input.court);
    const facts = {
      court: court.name,
      courtId: court.id,
      caseNumber: input.caseNumber,
      expiresAt: input.expiresAt,
    };
    const issued = newCode();
    const id = newShareId();
    let share: ShareRecord | undefined;
    await this.deps.custody.record({
      deposit,
      event: 'shared',
      actor: actorOf(owner),
      detail: { shareId: id, ...facts },
      prepare: ({ time }) => {
        share = {
          v: 1,
          id,
          depositIndex: deposit.index,
          depositId: deposit.number,
          owner: owner.id,
          ...facts,
          createdAt: time,
          codeHash: issued.hash,
          redemptions: [],
        };
        return { writes: [shareWrite(share)] };
      },
    });
    this.remember(share!);
    return { share: share!, code: issued.code };
  }

  /** The depositor's view of a share now, the court named as the list names it today. */
  view(s: ShareRecord): ShareView {
    return shareView(s, this.now(), (id) => this.deps.courts.nameOf(id));
  }

  /** The shares of the owner's deposit, newest first. @throws DepositError DEPOSIT_NOT_FOUND */
  async list(owner: Reader, depositId: string): Promise<ShareRecord[]> {
    const deposit = await this.deps.deposits.ownedBy(owner.id, depositId);
    return this.ofDeposit(deposit.index).sort(
      (a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
    );
  }

  /**
   * The owner revokes a share (`share-revoked`); revoking it again changes nothing.
   * @throws DepositError DEPOSIT_NOT_FOUND; ShareError SHARE_NOT_FOUND; SequencerError
   */
  async revoke(owner: Reader, depositId: string, shareId: string): Promise<void> {
    const deposit = await this.deps.deposits.ownedBy(owner.id, depositId);
    const found = SHARE_ID_PATTERN.test(shareId) ? this.byId.get(shareId) : undefined;
    if (!found || found.depositIndex !== deposit.index) throw notFound();
    await this.lock.run(`share:${found.id}`, async () => {
      const s = this.byId.get(found.id)!;
      if (s.revokedAt !== undefined) return;
      let next: ShareRecord | undefined;
      await this.refreshOnFailure(s.id, {
        deposit,
        event: 'share-revoked',
        actor: actorOf(owner),
        detail: { shareId: s.id, ...this.courtFacts(s), caseNumber: s.caseNumber },
        prepare: ({ time }) => {
          next = { ...this.byId.get(s.id)!, revokedAt: time };
          return { writes: [shareWrite(next)] };
        },
      });
      this.remember(next!);
    });
  }

  /**
   * A judge redeems a share code (`share-redeemed`, binding them); redeeming again is a no-op.
   * @throws CustodyError CODE_INVALID; ShareError SHARE_NOT_FOUND (also another court's share),
   *   SHARE_EXPIRED, SHARE_REVOKED; SequencerError
   */
  async redeem(judge: Reader, code: unknown): Promise<DepositRecord> {
    const id = this.byHash.get(codeHash(parseCode(code)));
    const found = id === undefined ? undefined : this.byId.get(id);
    if (!found || judge.role !== 'judge' || !sameCourt(found, judge)) throw notFound();
    return this.lock.run(`share:${found.id}`, async () => {
      const s = this.byId.get(found.id)!;
      const state = shareState(s, this.now());
      if (state === 'revoked') throw new ShareError('SHARE_REVOKED', 'this share was revoked');
      if (state === 'expired') throw new ShareError('SHARE_EXPIRED', 'this share has expired');
      const [deposit] = await this.deps.deposits.findByIndices([s.depositIndex]);
      if (!deposit) throw notFound();
      if (s.redemptions.some((r) => r.judge.account === judge.id)) return deposit;
      let next: ShareRecord | undefined;
      await this.refreshOnFailure(s.id, {
        deposit,
        event: 'share-redeemed',
        actor: actorOf(judge),
        detail: { shareId: s.id, ...this.courtFacts(s), caseNumber: s.caseNumber },
        prepare: ({ time, eventId }) => {
          const current = this.byId.get(s.id)!;
          const judgeActor = {
            ...actorOf(judge),
            court: judge.court ?? s.court,
            ...(judge.courtId !== undefined ? { courtId: judge.courtId } : {}),
          };
          next = {
            ...current,
            redemptions: [...current.redemptions, { judge: judgeActor, at: time, eventId }],
          };
          return { writes: [shareWrite(next)] };
        },
      });
      this.remember(next!);
      return deposit;
    });
  }

  /** A judge bound to an active share of the deposit, at that share's court, may read it. */
  grant(reader: Reader, record: DepositRecord): Grant | undefined {
    const share = this.activeShareOf(reader, record.index);
    return share ? { via: 'share', shareId: share.id } : undefined;
  }

  /** The court a share names (list items show it to the judges it lets read), if it exists. */
  courtOf(shareId: string): string | undefined {
    return this.byId.get(shareId)?.court;
  }

  candidates(reader: Reader): number[] {
    if (reader.role !== 'judge') return [];
    return [...this.byId.values()]
      .filter((s) => s.redemptions.some((r) => r.judge.account === reader.id))
      .map((s) => s.depositIndex);
  }

  private activeShareOf(reader: Reader, depositIndex: number): ShareRecord | undefined {
    if (reader.role !== 'judge') return undefined;
    const now = this.now();
    for (const s of this.ofDeposit(depositIndex)) {
      if (
        shareState(s, now) === 'active' &&
        sameCourt(s, reader) &&
        s.redemptions.some((r) => r.judge.account === reader.id)
      )
        return s;
    }
    return undefined;
  }

  /** The court of a share as custody events name it: as the list names it today. */
  private courtFacts(s: ShareRecord): { court: string; courtId?: string } {
    if (s.courtId === undefined) return { court: s.court };
    return { court: this.deps.courts.nameOf(s.courtId) ?? s.court, courtId: s.courtId };
  }

  /** Records the event; on failure reloads the share (a batch in doubt may be on disk). */
  private async refreshOnFailure(id: string, req: EventRequest): Promise<void> {
    try {
      await this.deps.custody.record(req);
    } catch (err) {
      const raw = await this.deps.records.get(SHARE_PREFIX + id).catch(() => undefined);
      if (raw) this.remember(parseShareRecord(raw));
      throw err;
    }
  }

  private ofDeposit(depositIndex: number): ShareRecord[] {
    return [...(this.byDeposit.get(depositIndex) ?? [])].map((id) => this.byId.get(id)!);
  }

  private remember(s: ShareRecord): void {
    this.byId.set(s.id, s);
    this.byHash.set(s.codeHash, s.id);
    const ids = this.byDeposit.get(s.depositIndex) ?? new Set<string>();
    ids.add(s.id);
    this.byDeposit.set(s.depositIndex, ids);
  }
}

function notFound(): ShareError {
  return new ShareError('SHARE_NOT_FOUND', 'no share has this code');
}

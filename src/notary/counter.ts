/**
 * Counter deposits (窗口办理): a notary deposits on behalf of a walk-in client whose ID card they
 * saw. The opening names the client (masked ID, `verification: "in-person"`) and the notary as
 * `agent`; the deposit has no owner until the client claims it with the one-time code the notary
 * hands over with the receipt. The claim needs the claimant's registered ID number to be the
 * client's (compared by HMAC); 5 mismatches lock the code; it expires after 90 days. Until the
 * client claims it, the notary who made the deposit may reissue the code (a lost, locked or
 * expired one): the new code is shown once, the old one stops working, the attempts start again
 * (a `claim-code-reissued` custody event).
 */
import { AccountError, maskIdNumber } from '../accounts/index.js';
import {
  actorOf,
  codeHash,
  type CustodyLog,
  type Grant,
  type GrantSource,
  newCode,
  parseCode,
  type Reader,
} from '../custody/index.js';
import { KeyedLock, type RecordStore } from '../storage/index.js';
import { equalSecret } from '../crypto/index.js';
import { parseDepositNumber } from '../entry/index.js';
import {
  DepositError,
  type DepositFields,
  type DepositMethod,
  type FileItem,
  type Receipt,
  type DepositRecord,
  type NewDeposit,
} from '../evidence/index.js';
import type { RecordWrite } from '../sequencer/index.js';
import {
  CLAIM_MAX_FAILURES,
  CLAIM_PREFIX,
  CLAIM_TTL_MS,
  claimKey,
  claimState,
  claimWrite,
  parseClaimRecord,
  type ClaimRecord,
} from './claims.js';
import { NotaryError } from './errors.js';

/** Matching of ID numbers by HMAC (the accounts domain holds the key). */
export interface ClientIdentity {
  /** HMAC of a valid, normalised ID number. */
  hmacOfIdNumber(idNumber: string): string;
  /** HMAC of the ID number registered for an account, if it has one. */
  hmacOfAccount(account: string): string | undefined;
}

export interface CounterDepositsDeps {
  readonly deposits: {
    create(input: NewDeposit): Promise<{ record: DepositRecord; receipt: Receipt }>;
    findByIndices(indices: readonly number[]): Promise<DepositRecord[]>;
    ownerWrites(
      record: DepositRecord,
      owner: string,
    ): { record: DepositRecord; writes: RecordWrite[] };
  };
  readonly custody: CustodyLog;
  readonly records: Pick<RecordStore, 'scan' | 'get' | 'writeRecords'>;
  readonly identity: ClientIdentity;
  readonly now?: () => number;
}

/** A checked counter deposit: the deposit's fields plus the client's. */
export interface NewCounterDeposit extends DepositFields {
  readonly method: DepositMethod;
  readonly files: readonly FileItem[];
  readonly clientName: string;
  /** Valid and normalised (GB 11643). */
  readonly clientIdNumber: string;
}

/** The notary making the deposit (their office goes into the opening). */
export type Agent = Reader & { readonly office?: string | undefined };

export class CounterDeposits implements GrantSource {
  private readonly byIndex = new Map<number, ClaimRecord>();
  private readonly byHash = new Map<string, number>();
  private readonly lock = new KeyedLock();
  private readonly now: () => number;

  private constructor(private readonly deps: CounterDepositsDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Loads every claim record into memory. */
  static async open(deps: CounterDepositsDeps): Promise<CounterDeposits> {
    const s = new CounterDeposits(deps);
    for await (const [, v] of deps.records.scan(CLAIM_PREFIX)) s.remember(parseClaimRecord(v));
    return s;
  }

  /**
   * Deposits on behalf of a walk-in client; the claim code is in the answer only.
   * @throws SequencerError when the log cannot append.
   */
  async create(
    agent: Agent,
    input: NewCounterDeposit,
  ): Promise<{
    record: DepositRecord;
    receipt: Receipt;
    claimCode: string;
    claimExpiresAt: string;
  }> {
    const issued = newCode();
    const clientIdHmac = this.deps.identity.hmacOfIdNumber(input.clientIdNumber);
    const expiresAt = new Date(this.now() + CLAIM_TTL_MS).toISOString();
    let claim: ClaimRecord | undefined;
    const { record, receipt } = await this.deps.deposits.create({
      title: input.title,
      description: input.description,
      method: input.method,
      files: input.files,
      depositor: {
        name: input.clientName,
        idMasked: maskIdNumber(input.clientIdNumber),
        verification: 'in-person',
      },
      agent: {
        account: agent.id,
        name: agent.displayName,
        role: 'notary',
        office: agent.office ?? '',
      },
      extraWrites: ({ index, time, number }) => {
        claim = {
          v: 1,
          depositIndex: index,
          depositId: number,
          codeHash: issued.hash,
          clientIdHmac,
          agent: actorOf(agent),
          createdAt: time,
          expiresAt,
          failures: 0,
        };
        return [claimWrite(claim)];
      },
    });
    this.remember(claim!);
    return { record, receipt, claimCode: issued.code, claimExpiresAt: expiresAt };
  }

  /**
   * A depositor claims a counter deposit with its code (`claimed`); it becomes theirs.
   * @throws CustodyError CODE_INVALID; NotaryError CLAIM_NOT_FOUND, CLAIM_USED, CLAIM_EXPIRED,
   *   CLAIM_LOCKED, CLAIM_IDENTITY_MISMATCH; SequencerError
   */
  async claim(user: Reader, code: unknown): Promise<DepositRecord> {
    if (user.role !== 'depositor')
      throw new AccountError('ROLE_FORBIDDEN', 'your role may not use this route');
    const hash = codeHash(parseCode(code));
    const index = this.byHash.get(hash);
    if (index === undefined) throw notFound();
    return this.lock.run(`claim:${index}`, async () => {
      const c = this.byIndex.get(index)!;
      if (c.codeHash !== hash) throw notFound(); // reissued while this attempt waited
      const state = claimState(c, this.now());
      if (state === 'claimed') throw new NotaryError('CLAIM_USED', 'this claim code was used');
      if (state === 'expired')
        throw new NotaryError('CLAIM_EXPIRED', 'this claim code expired; ask the notary office');
      if (state === 'locked') throw locked();
      const mine = this.deps.identity.hmacOfAccount(user.id);
      const utf8 = new TextEncoder();
      if (mine === undefined || !equalSecret(utf8.encode(mine), utf8.encode(c.clientIdHmac))) {
        const failed: ClaimRecord = { ...c, failures: c.failures + 1 };
        await this.deps.records.writeRecords([claimWrite(failed)]);
        this.remember(failed);
        if (failed.failures >= CLAIM_MAX_FAILURES) throw locked();
        throw new NotaryError(
          'CLAIM_IDENTITY_MISMATCH',
          "the ID number registered for your account is not the client's",
          { details: { attemptsLeft: CLAIM_MAX_FAILURES - failed.failures } },
        );
      }
      const [deposit] = await this.deps.deposits.findByIndices([index]);
      if (!deposit) throw notFound();
      let owned: DepositRecord | undefined;
      let done: ClaimRecord | undefined;
      await this.refreshOnFailure(
        index,
        this.deps.custody.record({
          deposit,
          event: 'claimed',
          actor: actorOf(user),
          detail: { agent: { role: c.agent.role, displayName: c.agent.displayName } },
          prepare: ({ time }) => {
            const handed = this.deps.deposits.ownerWrites(deposit, user.id);
            owned = handed.record;
            done = { ...c, claimedBy: user.id, claimedAt: time };
            return { writes: [...handed.writes, claimWrite(done)] };
          },
        }),
      );
      this.remember(done!);
      return owned!;
    });
  }

  /**
   * The notary who made counter deposit `depositId` gives it a new claim code, while the client
   * has not claimed it (`claim-code-reissued`): the old code no longer matches, the failed
   * attempts are forgotten and the new code expires 90 days from now. The code is in the
   * answer only.
   * @throws AccountError ROLE_FORBIDDEN; DepositError DEPOSIT_NOT_FOUND (no counter deposit of
   *   this notary has that number: existence does not leak); NotaryError CLAIM_USED;
   *   SequencerError when the log cannot append (the old code then still holds).
   */
  async reissue(
    agent: Reader,
    depositId: string,
  ): Promise<{ record: DepositRecord; claimCode: string; claimExpiresAt: string }> {
    if (agent.role !== 'notary')
      throw new AccountError('ROLE_FORBIDDEN', 'your role may not use this route');
    const parsed = parseDepositNumber(depositId);
    const found = parsed && this.byIndex.get(parsed.index);
    if (!parsed || !found || found.depositId !== parsed.number || found.agent.account !== agent.id)
      throw new DepositError('DEPOSIT_NOT_FOUND', 'you made no counter deposit with this number');
    const index = parsed.index;
    return this.lock.run(`claim:${index}`, async () => {
      const c = this.byIndex.get(index)!;
      const state = claimState(c, this.now());
      if (state === 'claimed')
        throw new NotaryError('CLAIM_USED', 'the client has claimed this deposit; it is theirs');
      const [deposit] = await this.deps.deposits.findByIndices([index]);
      if (!deposit) throw new DepositError('DEPOSIT_NOT_FOUND', 'no such deposit');
      const issued = newCode();
      const expiresAt = new Date(this.now() + CLAIM_TTL_MS).toISOString();
      let next: ClaimRecord | undefined;
      await this.refreshOnFailure(
        index,
        this.deps.custody.record({
          deposit,
          event: 'claim-code-reissued',
          actor: actorOf(agent),
          detail: { previousState: state, expiresAt },
          prepare: ({ time }) => {
            next = { ...c, codeHash: issued.hash, failures: 0, expiresAt, reissuedAt: time };
            return { writes: [claimWrite(next)] };
          },
        }),
      );
      this.byHash.delete(c.codeHash);
      this.remember(next!);
      return { record: deposit, claimCode: issued.code, claimExpiresAt: expiresAt };
    });
  }

  /** The counter deposits `agent` made, newest first, with where their claim codes stand. */
  listFor(agent: Reader): { claim: ClaimRecord; state: ReturnType<typeof claimState> }[] {
    const now = this.now();
    return [...this.byIndex.values()]
      .filter((c) => c.agent.account === agent.id)
      .sort((a, b) => b.depositIndex - a.depositIndex)
      .map((claim) => ({ claim, state: claimState(claim, now) }));
  }

  /** The notary who made an unclaimed counter deposit may read it. */
  grant(reader: Reader, record: DepositRecord): Grant | undefined {
    const c = this.byIndex.get(record.index);
    return reader.role === 'notary' &&
      c !== undefined &&
      c.claimedBy === undefined &&
      record.owner === undefined &&
      c.agent.account === reader.id
      ? { via: 'agent' }
      : undefined;
  }

  candidates(reader: Reader): number[] {
    if (reader.role !== 'notary') return [];
    return this.listFor(reader)
      .filter((x) => x.claim.claimedBy === undefined)
      .map((x) => x.claim.depositIndex);
  }

  /** Passes `work` through; on failure reloads the claim (a batch in doubt may be on disk). */
  private async refreshOnFailure<T>(index: number, work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (err) {
      const raw = await this.deps.records.get(claimKey(index)).catch(() => undefined);
      if (raw) this.remember(parseClaimRecord(raw));
      throw err;
    }
  }

  private remember(c: ClaimRecord): void {
    const before = this.byIndex.get(c.depositIndex);
    if (before && before.codeHash !== c.codeHash) this.byHash.delete(before.codeHash);
    this.byIndex.set(c.depositIndex, c);
    this.byHash.set(c.codeHash, c.depositIndex);
  }
}

function notFound(): NotaryError {
  return new NotaryError('CLAIM_NOT_FOUND', 'no counter deposit has this claim code');
}

function locked(): NotaryError {
  return new NotaryError(
    'CLAIM_LOCKED',
    'this claim code is locked after 5 attempts that did not match; ask the notary office',
  );
}

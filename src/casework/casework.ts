/**
 * The custody workflows opened together: the custody log, notarisation, counter deposits, court
 * shares, and the access policy that draws its grants from them. `openCasework` is what the
 * server calls at start (after the deposits); `Casework` is the one handle the HTTP layer and
 * later domains (certificates, verification) use.
 */
import type { AccountService } from '../accounts/index.js';
import { CustodyLog, DepositAccess, type ReadableDeposit, type Reader } from '../custody/index.js';
import { listedDeposit, type ListedDeposit, type DepositService } from '../evidence/index.js';
import {
  type ApplicationRecord,
  type ClientIdentity,
  CounterDeposits,
  type Examiner,
  NotarisationService,
  NotaryError,
} from '../notary/index.js';
import type { Sequencer } from '../sequencer/index.js';
import { type ShareCourts, ShareService } from '../sharing/index.js';
import type { RecordStore } from '../storage/index.js';

export interface CaseworkDeps {
  readonly sequencer: Sequencer;
  /** The record store (LevelStore). */
  readonly store: Pick<RecordStore, 'get' | 'scan' | 'writeRecords'>;
  readonly vkey: string;
  readonly deposits: DepositService;
  /** ID-number matching for claim codes. */
  readonly identity: ClientIdentity;
  /** The court list shares name (docs/courts.md). */
  readonly courts: ShareCourts;
  /** The system checks of a notarisation decision (src/notary/system-checks.ts). */
  readonly examine: Examiner;
  /** Milliseconds since the epoch: share and claim expiry, read windows (tests inject). */
  readonly now?: () => number;
}

/** ID-number matching through the accounts domain (HMAC under its key; numbers never stored). */
export function accountIdentity(accounts: AccountService): ClientIdentity {
  return {
    hmacOfIdNumber: (idNumber) => accounts.idNumberHmac(idNumber),
    hmacOfAccount: (account) => accounts.store.byId(account)?.idHmac,
  };
}

export class Casework {
  private constructor(
    readonly custody: CustodyLog,
    readonly access: DepositAccess,
    readonly notary: NotarisationService,
    readonly counter: CounterDeposits,
    readonly shares: ShareService,
    readonly now: () => number,
  ) {}

  /** Opens the workflows and loads their state (applications, shares, claim codes). */
  static async open(deps: CaseworkDeps): Promise<Casework> {
    const now = deps.now ?? Date.now;
    const { sequencer, store, vkey, deposits } = deps;
    const custody = new CustodyLog({ sequencer, records: store, vkey, now });
    const notary = await NotarisationService.open({
      deposits,
      custody,
      records: store,
      examine: deps.examine,
    });
    const counter = await CounterDeposits.open({
      deposits,
      custody,
      records: store,
      identity: deps.identity,
      now,
    });
    const shares = await ShareService.open({
      deposits,
      custody,
      courts: deps.courts,
      records: store,
      now,
    });
    const access = new DepositAccess({ deposits, custody, sources: [notary, counter, shares] });
    return new Casework(custody, access, notary, counter, shares, now);
  }

  /**
   * What a non-owner's list shows of a deposit they may read (src/evidence/list-item.ts): the
   * number, time, notarisation state and, through a share, the share's court.
   */
  listed(readable: ReadableDeposit): ListedDeposit {
    const { record, grant } = readable;
    const court = grant.via === 'share' ? this.shares.courtOf(grant.shareId) : undefined;
    return listedDeposit(
      record,
      this.notary.summaryOf(record.index),
      court === undefined ? undefined : { court },
    );
  }

  /**
   * The application and its deposit if `reader` may read both: the applicant, a notary the
   * workflow lets see it (any while `submitted`, then the claiming one), or a judge bound to an
   * active share of its deposit. Records nothing; a certificate download then calls
   * `access.noteRead(reader, deposit, {kind: 'viewed', resource: 'certificate', certificate: 'notarial'})`.
   * @throws NotaryError APPLICATION_NOT_FOUND otherwise.
   */
  async applicationFor(
    reader: Reader,
    applicationId: string,
  ): Promise<{ application: ApplicationRecord; deposit: ReadableDeposit }> {
    let application: ApplicationRecord | undefined;
    if (reader.role === 'judge') {
      application = this.notary.find(applicationId);
    } else {
      try {
        application = this.notary.readable(reader, applicationId);
      } catch {
        application = undefined;
      }
    }
    const deposit = application
      ? await this.access.resolve(reader, application.depositId).catch(() => undefined)
      : undefined;
    if (!application || !deposit)
      throw new NotaryError('APPLICATION_NOT_FOUND', 'no such application');
    return { application, deposit };
  }
}

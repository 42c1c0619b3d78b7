/**
 * Notarisation applications (出证申请): a depositor applies for their deposit; notaries see the
 * queue, claim, decide and issue; the depositor may withdraw before a decision. Each transition
 * is a custody event of the deposit, written in one batch with the application's new state.
 * All applications are held in memory (loaded at start); memory changes after the batch is
 * durable, and transitions of one deposit are serialised.
 */
import { AccountError } from '../accounts/index.js';
import {
  actorOf,
  type CustodyLog,
  type Grant,
  type GrantSource,
  type Reader,
} from '../custody/index.js';
import type { DepositRecord, NotarisationSummary } from '../evidence/index.js';
import { KeyedLock, type RecordStore } from '../storage/index.js';
import { NotaryError } from './errors.js';
import {
  failedChecks,
  NO_ATTESTATIONS,
  type Attestations,
  type Examination,
  type SystemChecks,
} from './examination.js';
import {
  APPLICATION_PREFIX,
  applicationWrite,
  parseApplicationId,
  parseApplicationRecord,
  type ApplicationRecord,
} from './records.js';
import {
  nextState,
  OPEN_STATES,
  TRANSITIONS,
  type ApplicationAction,
  type ApplicationState,
} from './state.js';
import { applicationAfter, submittedApplication } from './transition.js';

/** States in which the claiming notary may read the deposit (kept after the decision). */
const CLAIMED_ACCESS: readonly ApplicationState[] = ['in_review', 'approved', 'rejected', 'issued'];

export interface NotarisationDeps {
  readonly deposits: {
    ownedBy(account: string, id: string): Promise<DepositRecord>;
    findByIndices(indices: readonly number[]): Promise<DepositRecord[]>;
  };
  readonly custody: CustodyLog;
  readonly records: Pick<RecordStore, 'scan' | 'get'>;
  /** The system checks of a decision (src/notary/system-checks.ts). */
  readonly examine: (deposit: DepositRecord) => Promise<SystemChecks>;
}

/** What a notary adds to a decision: its reason, the review opinion, the attestations. */
export interface DecisionExtras {
  readonly reason?: string;
  readonly opinion?: string;
  readonly attestations?: Attestations;
}

export class NotarisationService implements GrantSource {
  private readonly byId = new Map<string, ApplicationRecord>();
  /** Application ids of each deposit, oldest first. */
  private readonly byDeposit = new Map<number, string[]>();
  private readonly lock = new KeyedLock();

  private constructor(private readonly deps: NotarisationDeps) {}

  /** Loads every application into memory. */
  static async open(deps: NotarisationDeps): Promise<NotarisationService> {
    const s = new NotarisationService(deps);
    const all: ApplicationRecord[] = [];
    for await (const [, v] of deps.records.scan(APPLICATION_PREFIX))
      all.push(parseApplicationRecord(v));
    all.sort((a, b) => a.history[0]!.index - b.history[0]!.index);
    for (const a of all) s.remember(a);
    return s;
  }

  /** `deposit.notarisation` for the deposit at `depositIndex`: its latest application. */
  summaryOf(depositIndex: number): NotarisationSummary {
    const ids = this.byDeposit.get(depositIndex);
    const app = ids ? this.byId.get(ids[ids.length - 1]!) : undefined;
    if (!app) return null;
    return {
      applicationId: app.id,
      state: app.state,
      ...(app.certificateNumber ? { certificateNumber: app.certificateNumber } : {}),
    };
  }

  /**
   * The depositor applies for notarisation of their deposit (`notarisation-submitted`).
   * @throws DepositError DEPOSIT_NOT_FOUND; NotaryError APPLICATION_EXISTS; SequencerError
   */
  async apply(
    user: Reader,
    depositId: string,
    input: { purpose: string; contact: string; note?: string },
  ): Promise<ApplicationRecord> {
    const deposit = await this.deps.deposits.ownedBy(user.id, depositId);
    return this.lock.run(`deposit:${deposit.index}`, async () => {
      const open = (this.byDeposit.get(deposit.index) ?? [])
        .map((id) => this.byId.get(id)!)
        .find((a) => OPEN_STATES.includes(a.state));
      if (open) {
        throw new NotaryError(
          'APPLICATION_EXISTS',
          `the deposit already has an application in progress (${open.state})`,
          { details: { applicationId: open.id } },
        );
      }
      const actor = actorOf(user);
      let app: ApplicationRecord | undefined;
      await this.deps.custody.record({
        deposit,
        event: 'notarisation-submitted',
        actor,
        prepare: ({ index, time, eventId }) => {
          const made = submittedApplication(deposit, input, { index, time, eventId, actor });
          app = made.application;
          return { detail: made.detail, writes: [applicationWrite(app)] };
        },
      });
      this.remember(app!);
      return app!;
    });
  }

  /**
   * Moves an application on: `claim`, `approve`, `reject`, `issue` (notaries), `withdraw` (the
   * applicant). Issuing assigns the notarial certificate number. A decision runs the system
   * checks first and stores them with the notary's attestations and opinion (the examination
   * the certificate prints); an approval needs the opinion and every system check passed.
   * @throws NotaryError APPLICATION_NOT_FOUND, ILLEGAL_TRANSITION, OPINION_REQUIRED,
   *   EXAMINATION_FAILED (`details.failed`); AccountError ROLE_FORBIDDEN; SequencerError when
   *   the log cannot append (nothing changes).
   */
  async act(
    user: Reader,
    applicationId: string,
    action: ApplicationAction,
    input: DecisionExtras = {},
  ): Promise<ApplicationRecord> {
    const t = TRANSITIONS[action];
    if (user.role !== t.by)
      throw new AccountError('ROLE_FORBIDDEN', 'your role may not use this route');
    if (action === 'approve' && input.opinion === undefined)
      throw new NotaryError('OPINION_REQUIRED', 'an approval needs the review opinion (审查意见)');
    const found = this.readable(user, applicationId);
    return this.lock.run(`deposit:${found.depositIndex}`, async () => {
      const app = this.readable(user, found.id); // as it is now, after earlier transitions
      nextState(app.state, action); // refuse before touching the log
      const [deposit] = await this.deps.deposits.findByIndices([app.depositIndex]);
      if (!deposit) throw notFound();
      const examination = await this.examination(deposit, action, input);
      const actor = actorOf(user);
      let next: ApplicationRecord | undefined;
      try {
        await this.deps.custody.record({
          deposit,
          event: t.event,
          actor,
          prepare: ({ index, time, eventId }) => {
            const step = {
              index,
              time,
              eventId,
              actor,
              ...(input.reason !== undefined ? { reason: input.reason } : {}),
              ...(examination ? { examination } : {}),
            };
            const made = applicationAfter(app, action, step);
            next = made.application;
            return { detail: made.detail, writes: [applicationWrite(next)] };
          },
        });
      } catch (err) {
        await this.refresh(app.id); // a batch in doubt may still have been written
        throw err;
      }
      this.remember(next!);
      return next!;
    });
  }

  /**
   * The system checks of the deposit of an application `user` is deciding, run now (the review
   * page's checklist); they run again at the decision, which stores them. Records nothing.
   * @throws NotaryError APPLICATION_NOT_FOUND; ILLEGAL_TRANSITION unless it is `in_review`;
   *   AccountError ROLE_FORBIDDEN
   */
  async systemChecks(user: Reader, applicationId: string): Promise<SystemChecks> {
    if (user.role !== 'notary')
      throw new AccountError('ROLE_FORBIDDEN', 'your role may not use this route');
    const app = this.readable(user, applicationId);
    nextState(app.state, 'approve');
    const [deposit] = await this.deps.deposits.findByIndices([app.depositIndex]);
    if (!deposit) throw notFound();
    return this.deps.examine(deposit);
  }

  /** The examination of a decision (none for other actions). */
  private async examination(
    deposit: DepositRecord,
    action: ApplicationAction,
    input: DecisionExtras,
  ): Promise<Examination | undefined> {
    if (action !== 'approve' && action !== 'reject') return undefined;
    const system = await this.deps.examine(deposit);
    const failed = failedChecks(system);
    if (action === 'approve' && failed.length > 0) {
      throw new NotaryError(
        'EXAMINATION_FAILED',
        `the system checks failed (${failed.join(', ')}): the deposit does not verify; reject the application instead`,
        { details: { failed } },
      );
    }
    return {
      system,
      attestations: input.attestations ?? NO_ATTESTATIONS,
      ...(input.opinion !== undefined ? { opinion: input.opinion } : {}),
    };
  }

  /**
   * The application if `user` may see it: its applicant; any notary while it is `submitted`;
   * afterwards the notary who claimed it.
   * @throws NotaryError APPLICATION_NOT_FOUND otherwise (existence does not leak).
   */
  readable(user: Reader, applicationId: string): ApplicationRecord {
    const id = parseApplicationId(applicationId);
    const app = id === undefined ? undefined : this.byId.get(id);
    if (!app || !this.canSee(user, app)) throw notFound();
    return app;
  }

  /** An application by id, whoever asks (for policies built on top, e.g. judges with a share). */
  find(applicationId: string): ApplicationRecord | undefined {
    const id = parseApplicationId(applicationId);
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** The applications `user` sees, oldest first, optionally in one state. */
  list(user: Reader, state?: ApplicationState): ApplicationRecord[] {
    const out: ApplicationRecord[] = [];
    for (const app of this.byId.values()) {
      if ((state === undefined || app.state === state) && this.canSee(user, app)) out.push(app);
    }
    return out.sort((a, b) => a.history[0]!.index - b.history[0]!.index);
  }

  /** The applications of one deposit, oldest first. */
  ofDeposit(depositIndex: number): ApplicationRecord[] {
    return (this.byDeposit.get(depositIndex) ?? []).map((id) => this.byId.get(id)!);
  }

  grant(reader: Reader, record: DepositRecord): Grant | undefined {
    if (reader.role !== 'notary') return undefined;
    for (const app of this.ofDeposit(record.index).reverse()) {
      if (this.notaryReads(reader, app)) return { via: 'notarisation', applicationId: app.id };
    }
    return undefined;
  }

  candidates(reader: Reader): number[] {
    if (reader.role !== 'notary') return [];
    const out: number[] = [];
    for (const app of this.byId.values())
      if (this.notaryReads(reader, app)) out.push(app.depositIndex);
    return out;
  }

  private notaryReads(reader: Reader, app: ApplicationRecord): boolean {
    return (
      app.state === 'submitted' ||
      (app.claimedBy?.account === reader.id && CLAIMED_ACCESS.includes(app.state))
    );
  }

  private canSee(user: Reader, app: ApplicationRecord): boolean {
    if (user.role === 'depositor') return app.applicant.account === user.id;
    if (user.role === 'notary')
      return app.state === 'submitted' || app.claimedBy?.account === user.id;
    return false;
  }

  private remember(app: ApplicationRecord): void {
    if (!this.byId.has(app.id)) {
      const ids = this.byDeposit.get(app.depositIndex) ?? [];
      ids.push(app.id);
      this.byDeposit.set(app.depositIndex, ids);
    }
    this.byId.set(app.id, app);
  }

  private async refresh(id: string): Promise<void> {
    const raw = await this.deps.records.get(APPLICATION_PREFIX + id).catch(() => undefined);
    if (raw) this.remember(parseApplicationRecord(raw));
  }
}

function notFound(): NotaryError {
  return new NotaryError('APPLICATION_NOT_FOUND', 'no such application');
}

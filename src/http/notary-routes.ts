/**
 * Notarisation and counter-deposit routes (docs/access.md, docs/api.md): the depositor applies and may
 * withdraw; notaries see the queue, claim, decide and issue; notaries deposit for walk-in
 * clients, who claim the deposit with a one-time code (which the depositing notary may reissue
 * until it is claimed). Every transition is a custody event.
 */
import { currentUser, requireRole } from './auth-middleware.js';
import type { CounterDepositItem } from '../api/index.js';
import { readBody, requireString } from '../input/index.js';
import type { Casework } from '../casework/index.js';
import { type UploadHandler, depositView, type DepositService } from '../evidence/index.js';
import {
  applicationView,
  COUNTER_DEPOSIT_FIELDS,
  isApplicationState,
  parseApplication,
  parseClient,
  parseDecision,
  parseOptionalReason,
  type ApplicationAction,
  type DecisionExtras,
} from '../notary/index.js';
import { receiveDeposit } from './deposit-body.js';
import { HttpError } from './errors.js';
import type { RouteTable } from './routes.js';

export interface NotaryRoutesDeps {
  readonly casework: Casework;
  readonly deposits: DepositService;
  /** The upload handler that also accepts `clientName` and `clientIdNumber`. */
  readonly counterUploads: UploadHandler;
  readonly maxFiles: number;
}

export function addNotaryRoutes(routes: RouteTable, deps: NotaryRoutesDeps): void {
  const { notary, counter } = deps.casework;
  const tag = 'notarisation';
  const depositor = requireRole('depositor');
  const notaryOnly = requireRole('notary');
  const summary = (index: number) => notary.summaryOf(index);

  routes.add(
    {
      method: 'post',
      path: '/api/v1/deposits/:id/notarisation',
      summary: 'Apply for notarisation `{purpose, contact, note?}` → 201 {application}',
      who: ['depositor'],
      tag,
    },
    depositor,
    async (req, res) => {
      const input = parseApplication(req.body);
      const app = await notary.apply(currentUser(req), String(req.params.id), input);
      res.status(201).json({ application: applicationView(app) });
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/v1/notary/applications',
      summary:
        'Applications: a notary’s queue (submitted, and those they claimed); a depositor’s own',
      who: ['depositor', 'notary'],
      tag,
      query: { state: 'only applications in this state' },
    },
    requireRole('depositor', 'notary'),
    (req, res) => {
      const state = req.query.state;
      if (state !== undefined && !isApplicationState(state))
        throw new HttpError('INVALID_QUERY', 'state is not an application state');
      res.json({ items: notary.list(currentUser(req), state).map(applicationView) });
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/v1/notary/applications/:id',
      summary: 'One application with its history',
      who: ['depositor', 'notary'],
      tag,
    },
    requireRole('depositor', 'notary'),
    (req, res) => {
      const app = notary.readable(currentUser(req), String(req.params.id));
      res.json({ application: applicationView(app) });
    },
  );

  const transition = (
    path: string,
    summaryText: string,
    who: 'notary' | 'depositor',
    action: (body: unknown) => { action: ApplicationAction } & DecisionExtras,
  ): void => {
    routes.add(
      { method: 'post', path, summary: summaryText, who: [who], tag },
      who === 'notary' ? notaryOnly : depositor,
      async (req, res) => {
        const { action: a, ...extras } = action(req.body);
        const app = await notary.act(currentUser(req), String(req.params.id), a, extras);
        res.json({ application: applicationView(app) });
      },
    );
  };
  transition(
    '/api/v1/notary/applications/:id/claim',
    'Claim a submitted application → {application} (in_review)',
    'notary',
    (body) => ({ action: 'claim', ...parseOptionalReason(body) }),
  );
  transition(
    '/api/v1/notary/applications/:id/decision',
    'Decide `{decision: "approve"|"reject", reason?, opinion?, identitySeen?: "in-person"|"video"|"not-seen", custodyTrailReviewed?}` (a reason to reject, the opinion 审查意见 to approve): the system checks run again and are stored with the attestations and opinion (decision.examination); an approval needs them all passed (409 EXAMINATION_FAILED) → {application}',
    'notary',
    (body) => {
      const { decision, ...extras } = parseDecision(body);
      return { action: decision, ...extras };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/v1/notary/applications/:id/system-checks',
      summary:
        'The system checks of an application in review, run now (stored files’ SHA-256 and SM3 recomputed, the logged entry’s commitment, its inclusion and the checkpoint signature) → {system: {at, treeSize, logKey?, checks: [{id, result, files?, failed?}]}}',
      who: ['notary'],
      tag,
    },
    notaryOnly,
    async (req, res) => {
      const system = await notary.systemChecks(currentUser(req), String(req.params.id));
      res.setHeader('Cache-Control', 'no-store');
      res.json({ system });
    },
  );
  transition(
    '/api/v1/notary/applications/:id/issue',
    'Issue the notarial certificate → {application} with certificateNumber (issued)',
    'notary',
    (body) => ({ action: 'issue', ...parseOptionalReason(body) }),
  );
  transition(
    '/api/v1/notary/applications/:id/withdraw',
    'Withdraw an application before a decision → {application}',
    'depositor',
    (body) => ({ action: 'withdraw', ...parseOptionalReason(body) }),
  );

  routes.add(
    {
      method: 'post',
      path: '/api/v1/notary/counter-deposits',
      summary:
        'Deposit for a walk-in client: a deposit plus `clientName`, `clientIdNumber` → 201 {deposit, receipt, claimCode, claimExpiresAt}',
      who: ['notary'],
      tag,
    },
    notaryOnly,
    async (req, res) => {
      const user = currentUser(req);
      const made = await receiveDeposit(
        req,
        {
          uploads: deps.counterUploads,
          maxFiles: deps.maxFiles,
          extraFields: COUNTER_DEPOSIT_FIELDS,
        },
        (body) =>
          counter.create(user, {
            title: body.title,
            description: body.description,
            files: body.files,
            method: body.method,
            ...parseClient(body.extra),
          }),
      );
      res.status(201).json({
        deposit: depositView(made.record, summary(made.record.index)),
        receipt: made.receipt,
        claimCode: made.claimCode,
        claimExpiresAt: made.claimExpiresAt,
      });
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/v1/notary/counter-deposits',
      summary:
        'The counter deposits this notary made, newest first: {items: [{depositId, title, client, clientIdMasked, createdAt, claim: {state, expiresAt, reissuedAt?, claimedAt?}}]}',
      who: ['notary'],
      tag,
    },
    notaryOnly,
    async (req, res) => {
      const made = counter.listFor(currentUser(req));
      const records = await deps.deposits.findByIndices(made.map((m) => m.claim.depositIndex));
      const byIndex = new Map(records.map((r) => [r.index, r]));
      res.json({
        items: made.map(({ claim, state }): CounterDepositItem => ({
          depositId: claim.depositId,
          title: byIndex.get(claim.depositIndex)?.opening.title ?? '',
          client: byIndex.get(claim.depositIndex)?.opening.depositor.name ?? '',
          clientIdMasked: byIndex.get(claim.depositIndex)?.opening.depositor.idMasked ?? '',
          createdAt: claim.createdAt,
          claim: {
            state,
            expiresAt: claim.expiresAt,
            ...(claim.reissuedAt !== undefined ? { reissuedAt: claim.reissuedAt } : {}),
            ...(claim.claimedAt !== undefined ? { claimedAt: claim.claimedAt } : {}),
          },
        })),
      });
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/v1/notary/counter-deposits/:id/claim-code',
      summary:
        'The notary who made an unclaimed counter deposit reissues its claim code (lost, locked or expired): the old code stops working → {depositId, claimCode, claimExpiresAt}',
      who: ['notary'],
      tag,
    },
    notaryOnly,
    async (req, res) => {
      readBody(req.body ?? {}, []);
      const made = await counter.reissue(currentUser(req), String(req.params.id));
      res.setHeader('Cache-Control', 'no-store');
      res.json({
        depositId: made.record.number,
        claimCode: made.claimCode,
        claimExpiresAt: made.claimExpiresAt,
      });
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/v1/deposits/claim',
      summary: 'Claim a counter deposit with its code `{code}` → {deposit}',
      who: ['depositor'],
      tag,
    },
    depositor,
    async (req, res) => {
      const code = requireString(readBody(req.body, ['code']), 'code');
      const record = await counter.claim(currentUser(req), code);
      res.json({ deposit: depositView(record, summary(record.index)) });
    },
  );
}

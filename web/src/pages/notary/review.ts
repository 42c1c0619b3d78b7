/**
 * The notary's pages: the application queue by state, and the review page (the deposit's files,
 * digests, custody trail and receipt status; claim, approve, reject with a reason, issue, and the
 * notarial certificate).
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { formatTime, groupDepositNumber } from '../format.js';
import { pick, t } from '../i18n.js';
import type { MessageKey } from '../messages.js';
import type { Page } from '../router.js';
import type { Application, ApplicationState, Deposit } from '../types.js';
import { busy, card, errorText, facts, field, loading, notice, pageTitle } from '../ui/common.js';
import {
  custodyTrail,
  depositLink,
  depositSubline,
  manifest,
  notarialDownload,
  stateBadge,
  table,
} from '../ui/deposit-bits.js';

const QUEUE_TABS: readonly (ApplicationState | 'all')[] = [
  'submitted',
  'in_review',
  'approved',
  'issued',
  'rejected',
  'all',
];

export const notaryQueuePage: Page = {
  name: 'notary-queue',
  title: 'queue.title',
  roles: ['notary'],
  async render({ main, query, alive }) {
    const raw = query.get('state') ?? 'submitted';
    const state = (QUEUE_TABS as readonly string[]).includes(raw)
      ? (raw as ApplicationState | 'all')
      : 'submitted';
    const tabs = h(
      'nav',
      { class: 'tabs', 'aria-label': t('queue.filter') },
      h(
        'ul',
        null,
        QUEUE_TABS.map((s) =>
          h(
            'li',
            null,
            h(
              'a',
              {
                href: `/notary?state=${s}`,
                'aria-current': s === state ? 'page' : undefined,
                'data-tab': s,
              },
              s === 'all' ? t('queue.all') : t(`state.${s}` as MessageKey),
            ),
          ),
        ),
      ),
    );
    const list = h('div', null, loading());
    main.append(
      pageTitle(t('queue.title'), t('queue.lead')),
      tabs,
      h('div', { class: 'card' }, list),
    );
    let items: Application[];
    try {
      const q = state === 'all' ? '' : `?state=${state}`;
      items = (await api<{ items: Application[] }>('GET', `/api/v1/notary/applications${q}`)).items;
    } catch (err) {
      if (alive()) replace(list, notice('error', errorText(err)));
      return;
    }
    if (!alive()) return;
    if (items.length === 0) {
      replace(list, h('p', { class: 'empty' }, t('queue.empty')));
      return;
    }
    replace(
      list,
      table(
        t('queue.title'),
        [
          t('queue.col.application'),
          t('queue.col.deposit'),
          t('field.purpose'),
          t('queue.col.applicant'),
          t('queue.col.time'),
          t('queue.col.state'),
          '',
        ],
        items.map((a) => [
          h('span', { class: 'mono' }, a.id),
          h('span', { class: 'mono nowrap' }, groupDepositNumber(a.depositId)),
          a.purpose,
          a.applicant.displayName,
          h('span', { class: 'nowrap' }, formatTime(a.createdAt)),
          stateBadge(a.state),
          h(
            'a',
            {
              href: `/notary/applications/${a.id}`,
              class: 'btn btn-small',
              'data-review': a.depositId,
            },
            t('queue.review'),
          ),
        ]),
        'queue-table',
      ),
    );
  },
};

async function receiptStatus(depositId: string): Promise<HTMLElement> {
  const receipt = await api<unknown>('GET', `/api/v1/deposits/${depositId}/receipt?at=latest`);
  const { verifyFetchedReceipt } = await import('../verifier.js');
  const report = await verifyFetchedReceipt(receipt);
  const ok = report.verdict === 'verified';
  const failed = report.checks.filter((c) => c.status === 'fail');
  return h(
    'div',
    { 'data-receipt-status': report.verdict },
    ok
      ? notice('ok', t('review.receiptOk', { size: report.checkpoint?.size ?? '—' }))
      : notice('error', t('review.receiptBad')),
    failed.length > 0
      ? h(
          'ul',
          null,
          failed.map((c) => h('li', null, `${c.id}: ${pick(c.message)}`)),
        )
      : null,
  );
}

export const notaryReviewPage: Page = {
  name: 'notary-review',
  title: 'review.title',
  roles: ['notary'],
  async render(view) {
    const { main, params, alive } = view;
    const slot = h('div', null, loading());
    main.append(slot);
    let app: Application;
    try {
      app = (
        await api<{ application: Application }>(
          'GET',
          `/api/v1/notary/applications/${encodeURIComponent(params[0] ?? '')}`,
        )
      ).application;
    } catch (err) {
      if (alive()) replace(slot, pageTitle(t('review.title')), notice('error', errorText(err)));
      return;
    }
    let deposit: Deposit | undefined;
    let depositError: unknown;
    try {
      deposit = (await api<{ deposit: Deposit }>('GET', `/api/v1/deposits/${app.depositId}`))
        .deposit;
    } catch (err) {
      depositError = err;
    }
    if (!alive()) return;
    const reload = (): void => {
      if (!alive()) return;
      main.replaceChildren();
      void notaryReviewPage.render(view);
    };
    const errors = h('div', { class: 'form-errors', 'data-errors': 'decision' });
    const actions = h('div', { class: 'decision', 'data-actions': app.state });
    const act = (
      label: string,
      cls: string,
      path: string,
      body: () => unknown,
      tag: string,
    ): HTMLButtonElement => {
      const b = h('button', { type: 'button', class: `btn ${cls}`, 'data-action': tag }, label);
      b.addEventListener(
        'click',
        () =>
          void busy(b, errors, async () => {
            await api('POST', `/api/v1/notary/applications/${app.id}/${path}`, body());
            reload();
          }),
      );
      return b;
    };
    if (app.state === 'submitted') {
      actions.append(
        h('p', null, t('review.claimLead')),
        act(t('review.claim'), 'btn-primary', 'claim', () => ({}), 'claim'),
      );
    } else if (app.state === 'in_review') {
      const reason = field({
        label: t('review.reason'),
        name: 'reason',
        multiline: true,
        maxlength: 1000,
        hint: t('review.reasonHint'),
      });
      const reject = h(
        'button',
        { type: 'button', class: 'btn btn-danger', 'data-action': 'reject' },
        t('review.reject'),
      );
      reject.addEventListener('click', () => {
        if (reason.input.value.trim() === '') {
          errors.replaceChildren(notice('error', t('review.reasonRequired')));
          reason.input.focus();
          return;
        }
        void busy(reject, errors, async () => {
          await api('POST', `/api/v1/notary/applications/${app.id}/decision`, {
            decision: 'reject',
            reason: reason.input.value.trim(),
          });
          reload();
        });
      });
      actions.append(
        h('p', null, t('review.decideLead')),
        h(
          'div',
          { class: 'actions' },
          act(
            t('review.approve'),
            'btn-primary',
            'decision',
            () => ({ decision: 'approve' }),
            'approve',
          ),
        ),
        h('p', { class: 'divider' }, h('span', null, t('review.or'))),
        reason.wrap,
        h('div', { class: 'actions' }, reject),
      );
    } else if (app.state === 'approved') {
      actions.append(
        h('p', null, t('review.issueLead')),
        act(t('review.issue'), 'btn-primary', 'issue', () => ({}), 'issue'),
      );
    } else if (app.state === 'issued') {
      const get = notarialDownload(app.id, app.certificateNumber, errors);
      actions.append(
        notice('ok', t('review.issuedAs', { number: app.certificateNumber ?? '—' })),
        get,
      );
    } else {
      actions.append(h('p', { class: 'muted' }, t('review.closed')));
    }
    const fileErrors = h('div', { class: 'form-errors' });
    const receiptSlot = h('div', null, loading());
    const custodySlot = h('div', null, loading());
    replace(
      slot,
      h('p', { class: 'crumbs' }, h('a', { href: '/notary' }, t('queue.title')), ' › ', app.id),
      h(
        'div',
        { class: 'page-head page-head-actions' },
        pageTitle(
          t('review.heading', { title: deposit?.title ?? app.depositId }),
          deposit ? depositSubline(deposit) : undefined,
        ),
        h('div', { class: 'head-badges', 'data-state': app.state }, stateBadge(app.state)),
      ),
      h(
        'div',
        { class: 'columns' },
        h(
          'div',
          { class: 'col-main' },
          card(
            t('review.application'),
            facts([
              [t('notarisation.application'), h('span', { class: 'mono' }, app.id)],
              [t('review.deposit'), depositLink(app.depositId)],
              [t('queue.col.applicant'), app.applicant.displayName],
              [t('field.purpose'), app.purpose],
              [t('field.contact'), app.contact],
              app.note ? [t('field.note'), h('span', { class: 'pre' }, app.note)] : null,
              [t('queue.col.time'), formatTime(app.createdAt)],
              app.claimedBy ? [t('notarisation.notary'), app.claimedBy.displayName] : null,
              app.certificateNumber
                ? [
                    t('notarisation.certificateNumber'),
                    h('span', { class: 'mono' }, app.certificateNumber),
                  ]
                : null,
            ]),
          ),
          deposit
            ? card(
                t('deposit.files'),
                deposit.method === 'hash-only' ? notice('info', t('deposit.hashOnlyScope')) : null,
                manifest(deposit, fileErrors),
                fileErrors,
              )
            : card(t('deposit.files'), notice('warn', errorText(depositError))),
          card(t('custody.title'), custodySlot),
        ),
        h(
          'div',
          { class: 'col-side' },
          card(t('review.decision'), actions, errors),
          card(t('review.receipt'), receiptSlot),
          card(
            t('review.history'),
            h(
              'ol',
              { class: 'timeline timeline-compact' },
              app.history.map((x) =>
                h(
                  'li',
                  null,
                  h('span', { class: 'tl-dot', 'aria-hidden': 'true' }),
                  h(
                    'div',
                    { class: 'tl-body' },
                    h('strong', null, t(`state.${x.state}` as MessageKey)),
                    h(
                      'span',
                      { class: 'tl-meta' },
                      `${x.actor.displayName} · ${formatTime(x.time)}`,
                    ),
                    x.reason ? h('span', { class: 'tl-log' }, x.reason) : null,
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    );
    if (!deposit) {
      replace(receiptSlot, h('p', { class: 'muted' }, '—'));
      replace(custodySlot, h('p', { class: 'muted' }, '—'));
      return;
    }
    await Promise.all([
      receiptStatus(deposit.id).then(
        (el) => replace(receiptSlot, el),
        (err: unknown) => replace(receiptSlot, notice('error', errorText(err))),
      ),
      custodyTrail(deposit.id).then(
        (el) => replace(custodySlot, el),
        (err: unknown) => replace(custodySlot, notice('error', errorText(err))),
      ),
    ]);
  },
};

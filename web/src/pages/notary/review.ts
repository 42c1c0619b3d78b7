/**
 * The notary's review page: the deposit's files, digests, custody trail and receipt status;
 * claim; the review checklist and the decision (./decision.ts); issue, and the notarial
 * certificate; a decided application's examination record.
 */
import { api } from '../../api.js';
import { h, replace } from '../../dom.js';
import { formatTime } from '../../format.js';
import { pick, t } from '../../i18n.js';
import type { TextKey } from '../../texts.js';
import type { Page } from '../../router.js';
import type { Application, Deposit } from '../../types.js';
import { busy, card, errorText, facts, loading, notice, pageTitle } from '../../ui/common.js';
import {
  custodyTrail,
  depositLink,
  depositSubline,
  manifest,
  notarialDownload,
  stateBadge,
} from '../../ui/deposit-bits.js';
import { decisionForm } from './decision.js';
import { examinationRecord } from './examination.js';

async function receiptStatus(depositId: string): Promise<HTMLElement> {
  const receipt = await api<unknown>('GET', `/api/v1/deposits/${depositId}/receipt?at=latest`);
  const { verifyFetchedReceipt } = await import('../../verifier.js');
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
    const errors = h('div', { class: 'form-errors', 'data-errors': 'actions' });
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
      // a button, not a #fragment link: a fragment navigation would render the page again
      const toList = h('button', { type: 'button', class: 'btn' }, t('exam.toChecklist'));
      toList.addEventListener('click', () => {
        const list = document.getElementById('checklist');
        list?.scrollIntoView({ block: 'start' });
        list?.querySelector<HTMLElement>('button, input')?.focus();
      });
      actions.append(h('p', null, t('exam.decideLead')), toList);
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
          app.state === 'in_review'
            ? card(t('exam.title'), decisionForm(app, reload))
            : app.decision
              ? card(t('exam.record'), examinationRecord(app.decision.examination))
              : null,
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
                    h('strong', null, t(`state.${x.state}` as TextKey)),
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

/**
 * One deposit: facts, the file manifest with digests (copy buttons, previews of images and
 * PDFs), the documents (certificate; the log's technical details folded away), the custody
 * trail; for the owner also notarisation (./deposit/notarisation.ts) and court shares
 * (./deposit/shares.ts). docs/web.md describes the page.
 */
import { api, ApiError, currentRole } from '../api.js';
import { h, replace } from '../dom.js';
import { formatTime, groupDepositNumber } from '../format.js';
import { t } from '../i18n.js';
import type { Page } from '../router.js';
import type { Deposit } from '../types.js';
import { card, copyButton, errorText, facts, loading, notice, pageTitle } from '../ui/common.js';
import { custodyTrail, depositSubline, manifest, stateBadge } from '../ui/deposit-bits.js';
import { documentsCard } from './deposit/documents.js';
import { notarisationCard } from './deposit/notarisation.js';
import { sharesCard } from './deposit/shares.js';

export const depositPage: Page = {
  name: 'deposit',
  title: 'deposit.title',
  roles: ['depositor', 'notary', 'judge'],
  async render(view) {
    const { main, params, query, alive } = view;
    const id = params[0] ?? '';
    const slot = h('div', null, loading());
    main.append(slot);
    let d: Deposit;
    try {
      d = (await api<{ deposit: Deposit }>('GET', `/api/v1/deposits/${encodeURIComponent(id)}`))
        .deposit;
    } catch (err) {
      if (!alive()) return;
      replace(
        slot,
        pageTitle(t('deposit.title')),
        notice(
          'error',
          err instanceof ApiError && err.status === 404 ? t('deposit.notFound') : errorText(err),
        ),
      );
      return;
    }
    if (!alive()) return;
    document.title = `${d.title} · ${groupDepositNumber(d.id)} · ${t('brand.name')}`;
    const owner = currentRole() === 'depositor';
    const reload = (): void => {
      if (!alive()) return;
      main.replaceChildren();
      void depositPage.render({ ...view, query: new URLSearchParams() });
    };
    const fileErrors = h('div', { class: 'form-errors' });
    const depositor = d.depositor;
    const head = h(
      'div',
      { class: 'page-head page-head-actions' },
      pageTitle(d.title, depositSubline(d)),
      h('div', { class: 'head-badges' }, d.notarisation ? stateBadge(d.notarisation.state) : null),
    );
    const info = card(
      t('deposit.facts'),
      facts([
        [
          t('deposit.number'),
          h(
            'span',
            null,
            h('span', { class: 'mono' }, groupDepositNumber(d.id)),
            ' ',
            copyButton(d.id),
          ),
        ],
        [t('deposit.time'), formatTime(d.createdAt)],
        [
          t('deposit.method'),
          d.method === 'hash-only' ? t('deposit.methodHashOnly') : t('deposit.methodUpload'),
        ],
        depositor
          ? [
              t('deposit.depositor'),
              `${depositor.name}（${depositor.idMasked || '—'}，${t(depositor.verification === 'in-person' ? 'deposit.inPerson' : 'deposit.selfDeclared')}）`,
            ]
          : null,
        d.agent
          ? [t('deposit.agent'), `${d.agent.name}${d.agent.office ? `（${d.agent.office}）` : ''}`]
          : null,
        d.description ? [t('field.description'), h('span', { class: 'pre' }, d.description)] : null,
      ]),
      h('p', { class: 'muted small', 'data-recorded': '' }, t('depositPage.recorded')),
      d.method === 'hash-only' ? notice('info', t('deposit.hashOnlyScope')) : null,
    );
    const files = card(t('deposit.files'), manifest(d, fileErrors), fileErrors);
    const custodySlot = h('div', null, loading());
    const custody = card(
      t('custody.title'),
      h('p', { class: 'muted' }, t('custody.lead')),
      custodySlot,
    );
    replace(
      slot,
      query.get('created') ? notice('ok', t('deposit.created')) : null,
      query.get('redeemed') ? notice('ok', t('deposit.redeemed')) : null,
      head,
      h(
        'div',
        { class: 'columns' },
        h('div', { class: 'col-main' }, info, files, custody),
        h(
          'div',
          { class: 'col-side' },
          documentsCard(d),
          owner ? h('div', { 'data-slot': 'notarisation' }, loading()) : null,
        ),
      ),
      owner ? h('div', { 'data-slot': 'shares' }, loading()) : null,
    );
    const work: Promise<void>[] = [
      custodyTrail(d.id).then(
        (el) => replace(custodySlot, el),
        (err: unknown) => replace(custodySlot, notice('error', errorText(err))),
      ),
    ];
    if (owner) {
      const nSlot = slot.querySelector<HTMLElement>('[data-slot="notarisation"]')!;
      const sSlot = slot.querySelector<HTMLElement>('[data-slot="shares"]')!;
      work.push(
        notarisationCard(d, reload).then((el) => nSlot.replaceWith(el)),
        sharesCard(d).then((el) => sSlot.replaceWith(el)),
      );
    }
    await Promise.all(work);
  },
};

/**
 * The claim slip (取件单) of a counter deposit: the office, the deposit number, the client (masked
 * ID), the one-time claim code in large monospace, its expiry and how to claim. Shown once, right
 * after the deposit or a reissue; the code lives only in this element (never in storage, a URL
 * or the clipboard), and 完成 removes it. The print style sheet prints the slip alone
 * (notary.css).
 * @module
 */
import { h, uid } from '../../dom.js';
import { formatTime, groupDepositNumber } from '../../format.js';
import { t } from '../../i18n.js';
import { facts } from '../../ui/common.js';

/** What a slip shows. */
export interface SlipFacts {
  readonly office: string;
  readonly depositId: string;
  readonly title: string;
  readonly client: string;
  readonly clientIdMasked: string;
  readonly code: string;
  readonly expiresAt: string;
  /** A reissued code (the earlier one no longer works). */
  readonly reissued?: boolean;
}

/** The slip, with its print and done buttons; `done` runs after it removed itself. */
export function claimSlip(f: SlipFacts, done: () => void = () => undefined): HTMLElement {
  const titleId = uid('slip');
  const print = h(
    'button',
    { type: 'button', class: 'btn btn-primary', 'data-action': 'print-slip' },
    t('slip.print'),
  );
  const finish = h(
    'button',
    { type: 'button', class: 'btn', 'data-action': 'slip-done' },
    t('slip.done'),
  );
  const claimUrl = `${location.origin}/claim`;
  const slip = h(
    'section',
    {
      class: 'card claim-slip',
      'aria-labelledby': titleId,
      'data-claim-slip': f.depositId,
      tabindex: '-1',
    },
    h('p', { class: 'slip-office' }, f.office || '—'),
    h('h2', { id: titleId }, t('slip.title')),
    f.reissued ? h('p', { class: 'slip-note' }, t('slip.reissued')) : null,
    facts([
      [t('deposit.number'), h('span', { class: 'mono' }, groupDepositNumber(f.depositId))],
      [t('field.title'), f.title],
      [t('slip.client'), `${f.client}（${f.clientIdMasked || '—'}）`],
    ]),
    h('p', { class: 'slip-label' }, t('slip.code')),
    h('p', { class: 'slip-code mono', 'data-claim-code': '' }, f.code),
    h('p', { class: 'slip-expiry' }, t('slip.expires', { time: formatTime(f.expiresAt) })),
    h('h3', null, t('slip.howTitle')),
    h(
      'ol',
      { class: 'slip-steps' },
      h('li', null, t('slip.how1', { url: `${location.origin}/register` })),
      h('li', null, t('slip.how2', { url: claimUrl })),
      h('li', null, t('slip.how3')),
    ),
    h('p', { class: 'slip-warning' }, t('slip.once')),
    h('div', { class: 'actions no-print' }, print, finish),
  );
  print.addEventListener('click', () => window.print());
  finish.addEventListener('click', () => {
    slip.remove();
    done();
  });
  return slip;
}

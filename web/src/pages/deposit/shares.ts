/**
 * The owner's court shares on the deposit page: create one for a court from the court list (the
 * code is shown once, with a copy button), list them with their redemptions, revoke.
 */
import { api } from '../../api.js';
import { h, replace } from '../../dom.js';
import { formatDate, formatTime } from '../../format.js';
import { t } from '../../i18n.js';
import type { Deposit, Share } from '../../types.js';
import {
  badge,
  busy,
  card,
  copyButton,
  errorText,
  field,
  loading,
  notice,
} from '../../ui/common.js';
import { courtPicker } from '../../ui/court-picker.js';
import { table } from '../../ui/deposit-bits.js';

function shareStateBadge(s: Share): HTMLElement {
  return s.state === 'active'
    ? badge(t('share.active'), 'ok')
    : s.state === 'revoked'
      ? badge(t('share.revoked'), 'bad')
      : badge(t('share.expired'), 'muted');
}

/** The owner's court shares: create (the code is shown once), list, revoke. */
export async function sharesCard(d: Deposit): Promise<HTMLElement> {
  const box = card(t('share.title'), h('p', { class: 'muted' }, t('share.lead')));
  const listSlot = h('div', { 'data-shares': '' }, loading());
  const codeSlot = h('div', { 'aria-live': 'polite' });
  const errors = h('div', { class: 'form-errors' });

  const refresh = async (): Promise<void> => {
    let items: Share[];
    try {
      items = (await api<{ items: Share[] }>('GET', `/api/v1/deposits/${d.id}/shares`)).items;
    } catch (err) {
      replace(listSlot, notice('error', errorText(err)));
      return;
    }
    if (items.length === 0) {
      replace(listSlot, h('p', { class: 'muted' }, t('share.none')));
      return;
    }
    replace(
      listSlot,
      table(
        t('share.title'),
        [
          t('field.court'),
          t('field.caseNumber'),
          t('share.expires'),
          t('share.state'),
          t('share.redeemed'),
          '',
        ],
        items.map((s) => {
          let action: HTMLElement | string = '';
          if (s.state === 'active') {
            const revoke = h(
              'button',
              { type: 'button', class: 'btn btn-small btn-danger-quiet', 'data-revoke': s.id },
              t('share.revoke'),
            );
            revoke.addEventListener('click', () => {
              if (revoke.dataset.confirm !== '1') {
                revoke.dataset.confirm = '1';
                revoke.textContent = t('share.revokeConfirm');
                return;
              }
              void busy(revoke, errors, async () => {
                await api('DELETE', `/api/v1/deposits/${d.id}/shares/${s.id}`);
                await refresh();
              });
            });
            action = revoke;
          }
          return [
            s.courtId ? s.court : `${s.court}${t('court.notListed')}`,
            s.caseNumber,
            h('span', { class: 'nowrap' }, formatDate(s.expiresAt)),
            shareStateBadge(s),
            s.redemptions.length === 0
              ? h('span', { class: 'muted' }, '—')
              : h(
                  'span',
                  null,
                  s.redemptions
                    .map((r) => `${r.judge.displayName}（${formatTime(r.at)}）`)
                    .join('；'),
                ),
            action,
          ];
        }),
      ),
    );
  };

  // a court from the court list, searchable (docs/courts.md)
  const court = courtPicker({ label: t('field.court'), required: true });
  const caseNumber = field({
    label: t('field.caseNumber'),
    name: 'caseNumber',
    required: true,
    maxlength: 64,
  });
  const defaultExpiry = new Date(Date.now() + 90 * 86400_000 + 8 * 3600_000)
    .toISOString()
    .slice(0, 10);
  const tomorrow = new Date(Date.now() + 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);
  const expires = field({
    label: t('share.expires'),
    name: 'expiresAt',
    type: 'date',
    required: true,
    value: defaultExpiry,
    min: tomorrow,
  });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('share.create'));
  const form = h(
    'form',
    { class: 'form grid-3', 'data-form': 'share' },
    court.wrap,
    caseNumber.wrap,
    expires.wrap,
    h('div', { class: 'actions span-3' }, submit),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(submit, errors, async () => {
      const { code, share } = await api<{ code: string; share: Share }>(
        'POST',
        `/api/v1/deposits/${d.id}/shares`,
        {
          ...court.choice(),
          caseNumber: caseNumber.input.value.trim(),
          expiresAt: `${expires.input.value}T23:59:59+08:00`,
        },
      );
      replace(
        codeSlot,
        h(
          'div',
          { class: 'code-box', 'data-share-code': code },
          h('p', { class: 'code-title' }, t('share.codeFor', { court: share.court })),
          h('p', { class: 'code' }, h('code', null, code), ' ', copyButton(code)),
          h('p', { class: 'small' }, t('share.codeOnce')),
        ),
      );
      form.reset();
      court.reset();
      expires.input.value = defaultExpiry;
      await refresh();
    });
  });
  box.append(form, errors, codeSlot, h('h3', null, t('share.existing')), listSlot);
  void refresh();
  return box;
}

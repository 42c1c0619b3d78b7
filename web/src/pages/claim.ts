/**
 * The depositor claims a counter deposit (窗口办理) with the one-time code on the slip the notary
 * office handed over: the account's registered ID number must be the client's. Once claimed, the
 * deposit is the depositor's like any other.
 * @module
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { groupDepositNumber } from '../format.js';
import { t } from '../i18n.js';
import type { Page } from '../router.js';
import type { Deposit } from '../types.js';
import { announce, busy, card, field, notice, pageTitle } from '../ui/common.js';

export const claimPage: Page = {
  name: 'claim',
  title: 'claim.title',
  roles: ['depositor'],
  render({ main, alive }) {
    const code = field({
      label: t('claim.code'),
      name: 'code',
      required: true,
      autocomplete: 'off',
      spellcheck: false,
      hint: t('claim.codeHint'),
      placeholder: 'XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX',
    });
    const errors = h('div', { class: 'form-errors' });
    const done = h('div', { 'aria-live': 'polite' });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('claim.submit'));
    const form = h(
      'form',
      { class: 'form', 'data-form': 'claim' },
      code.wrap,
      errors,
      h('div', { class: 'actions' }, submit),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      done.replaceChildren();
      if (code.input.value.trim() === '') {
        errors.replaceChildren(notice('error', t('claim.needCode')));
        code.input.focus();
        return;
      }
      void busy(submit, errors, async () => {
        const { deposit } = await api<{ deposit: Deposit }>('POST', '/api/v1/deposits/claim', {
          code: code.input.value.trim(),
        });
        if (!alive()) return;
        code.input.value = '';
        replace(
          done,
          notice(
            'ok',
            h('span', { 'data-claimed': deposit.id }, t('claim.done', { title: deposit.title })),
            ' ',
            h(
              'a',
              { href: `/deposits/${deposit.id}`, class: 'mono' },
              groupDepositNumber(deposit.id),
            ),
          ),
        );
        announce(t('claim.done', { title: deposit.title }));
      });
    });
    main.append(
      h(
        'div',
        { class: 'narrow' },
        pageTitle(t('claim.title'), t('claim.lead')),
        card(null, form),
        done,
        h('p', { class: 'muted small' }, t('claim.help')),
      ),
    );
  },
};

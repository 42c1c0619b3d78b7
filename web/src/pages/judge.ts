/** The judge's page: redeem a share code; the deposits shared with this judge's court. */
import { api, currentSession } from '../api.js';
import { h, replace } from '../dom.js';
import { formatTime } from '../format.js';
import { t } from '../i18n.js';
import { navigate, type Page } from '../router.js';
import type { Deposit } from '../types.js';
import { busy, card, errorText, field, loading, notice, pageTitle } from '../ui/common.js';
import { depositLink, listDeposits, methodBadge, table } from '../ui/deposit-bits.js';

export const judgePage: Page = {
  name: 'judge',
  title: 'judge.title',
  roles: ['judge'],
  async render({ main, alive }) {
    const court = currentSession()?.user.court;
    const code = field({
      label: t('judge.code'),
      name: 'code',
      required: true,
      autocomplete: 'off',
      spellcheck: false,
      hint: t('judge.codeHint'),
      placeholder: 'XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX',
    });
    const errors = h('div', { class: 'form-errors' });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('judge.redeem'));
    const form = h(
      'form',
      { class: 'form', 'data-form': 'redeem' },
      code.wrap,
      errors,
      h('div', { class: 'actions' }, submit),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void busy(submit, errors, async () => {
        const { deposit } = await api<{ deposit: Deposit }>('POST', '/api/v1/shares/redeem', {
          code: code.input.value.trim(),
        });
        navigate(`/deposits/${deposit.id}?redeemed=1`);
      });
    });
    const list = h('div', null, loading());
    main.append(
      pageTitle(t('judge.title'), court ? t('judge.lead', { court }) : undefined),
      h(
        'div',
        { class: 'columns' },
        h('div', { class: 'col-main' }, card(t('judge.shared'), list)),
        h(
          'div',
          { class: 'col-side' },
          card(t('judge.redeemTitle'), form),
          card(
            t('judge.verifyTitle'),
            h('p', { class: 'muted' }, t('judge.verifyLead')),
            h('a', { href: '/verify/certificate', class: 'btn' }, t('nav.checkCertificate')),
          ),
        ),
      ),
    );
    let items: Deposit[];
    try {
      items = await listDeposits();
    } catch (err) {
      if (alive()) replace(list, notice('error', errorText(err)));
      return;
    }
    if (!alive()) return;
    replace(
      list,
      items.length === 0
        ? h('p', { class: 'empty' }, t('judge.none'))
        : table(
            t('judge.shared'),
            [
              t('deposits.col.number'),
              t('deposits.col.title'),
              t('deposits.col.method'),
              t('deposits.col.time'),
              '',
            ],
            items.map((d) => [
              depositLink(d.id),
              d.title,
              methodBadge(d.method),
              h('span', { class: 'nowrap' }, formatTime(d.createdAt)),
              h(
                'a',
                { href: `/verify/certificate?id=${d.id}`, class: 'btn btn-small' },
                t('judge.verify'),
              ),
            ]),
          ),
    );
  },
};

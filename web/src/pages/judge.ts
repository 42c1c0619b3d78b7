/**
 * The judge's page: redeem a share code; the deposits shared with this judge's court, listed by
 * number, court, notarisation state and time — the list is not a custody event, so titles and
 * files appear only on the deposit's own page, whose read is recorded (docs/SECURITY.md).
 */
import { api, currentSession } from '../api.js';
import { h, replace } from '../dom.js';
import { formatTime } from '../format.js';
import { t } from '../i18n.js';
import { navigate, type Page } from '../router.js';
import type { ListedDeposit } from '../types.js';
import { busy, card, errorText, field, loading, notice, pageTitle } from '../ui/common.js';
import { depositLink, listDeposits, stateBadge, table } from '../ui/deposit-bits.js';

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
        const { deposit } = await api<{ deposit: ListedDeposit }>('POST', '/api/v1/shares/redeem', {
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
    let items: ListedDeposit[];
    try {
      items = await listDeposits<ListedDeposit>();
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
              t('field.court'),
              t('deposits.col.notary'),
              t('deposits.col.time'),
              '',
            ],
            items.map((d) => [
              depositLink(d.id),
              d.share?.court ?? '—',
              d.notarisation ? stateBadge(d.notarisation.state) : '—',
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

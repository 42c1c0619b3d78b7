/** The depositor's own deposits, searchable by number, title and digest. */
import { h, replace } from '../dom.js';
import { formatTime } from '../format.js';
import { t } from '../i18n.js';
import type { Page } from '../router.js';
import type { Deposit } from '../types.js';
import { errorText, loading, notice, pageTitle } from '../ui/common.js';
import { depositLink, listDeposits, methodBadge, stateBadge, table } from '../ui/deposit-bits.js';

/** Whether `d` matches the search text (number with or without spaces, title, any digest). */
export function matchesSearch(d: Deposit, raw: string): boolean {
  const q = raw.trim().toLowerCase();
  if (q === '') return true;
  const compact = q.replace(/[\s-]/g, '');
  if (d.id.toLowerCase().includes(compact)) return true;
  if (d.title.toLowerCase().includes(q)) return true;
  if (/^[0-9a-f]{6,64}$/.test(compact)) {
    return d.files.some((f) => f.sha256.includes(compact) || (f.sm3 ?? '').includes(compact));
  }
  return d.files.some((f) => f.name.toLowerCase().includes(q));
}

function rows(items: readonly Deposit[]): HTMLElement {
  return table(
    t('deposits.title'),
    [
      t('deposits.col.number'),
      t('deposits.col.title'),
      t('deposits.col.files'),
      t('deposits.col.method'),
      t('deposits.col.time'),
      t('deposits.col.notary'),
    ],
    items.map((d) => [
      depositLink(d.id),
      h('a', { href: `/deposits/${d.id}`, class: 'strong' }, d.title),
      t('deposits.fileCount', { n: d.files.length }),
      methodBadge(d.method),
      h('span', { class: 'nowrap' }, formatTime(d.createdAt)),
      d.notarisation ? stateBadge(d.notarisation.state) : h('span', { class: 'muted' }, '—'),
    ]),
    'deposits-table',
  );
}

export const depositsPage: Page = {
  name: 'deposits',
  title: 'deposits.title',
  roles: ['depositor'],
  async render({ main, alive, query }) {
    const search = h('input', {
      id: 'deposit-search',
      name: 'search',
      type: 'search',
      autocomplete: 'off',
      spellcheck: 'false',
      value: query.get('q') ?? undefined,
      'aria-describedby': 'deposit-search-hint',
    });
    const count = h('p', { class: 'muted small', role: 'status', 'data-count': '' });
    const list = h('div', { class: 'list' }, loading());
    main.append(
      h(
        'div',
        { class: 'page-head page-head-actions' },
        pageTitle(t('deposits.title'), t('deposits.lead')),
        h('a', { href: '/deposits/new', class: 'btn btn-primary' }, t('deposits.new')),
      ),
      h(
        'div',
        { class: 'card' },
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'deposit-search' }, t('deposits.search')),
          search,
          h('p', { class: 'hint', id: 'deposit-search-hint' }, t('deposits.searchHint')),
        ),
        count,
        list,
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
    const show = (): void => {
      const shown = items.filter((d) => matchesSearch(d, search.value));
      count.textContent =
        search.value.trim() === ''
          ? t('deposits.count', { n: items.length })
          : t('deposits.countFiltered', { n: shown.length, total: items.length });
      if (items.length === 0) {
        replace(
          list,
          h(
            'div',
            { class: 'empty' },
            h('p', null, t('deposits.empty')),
            h('a', { href: '/deposits/new', class: 'btn btn-primary' }, t('deposits.new')),
          ),
        );
      } else if (shown.length === 0) {
        replace(list, h('p', { class: 'empty' }, t('deposits.noMatch')));
      } else {
        replace(list, rows(shown));
      }
    };
    search.addEventListener('input', show);
    show();
  },
};

/** The notary's queue: applications by state (submitted to every notary, then their own). */
import { api } from '../../api.js';
import { h, replace } from '../../dom.js';
import { formatTime, groupDepositNumber } from '../../format.js';
import { t } from '../../i18n.js';
import type { TextKey } from '../../texts.js';
import type { Page } from '../../router.js';
import type { Application, ApplicationState } from '../../types.js';
import { errorText, loading, notice, pageTitle } from '../../ui/common.js';
import { stateBadge, table } from '../../ui/deposit-bits.js';

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
              s === 'all' ? t('queue.all') : t(`state.${s}` as TextKey),
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

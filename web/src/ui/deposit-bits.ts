/** Pieces about deposits used by several pages: lists, states, the file manifest, the custody trail. */
import { api, ApiError, download } from '../api.js';
import { h, type Child } from '../dom.js';
import { formatByteCount, formatBytes, formatTime, groupDepositNumber } from '../format.js';
import { t, tOr } from '../i18n.js';
import type { MessageKey } from '../messages.js';
import type { ApplicationState, CustodyItem, Deposit } from '../types.js';
import { badge, busy, digest } from './common.js';

/**
 * Pages of `GET /api/v1/deposits`, fetched until the end or `max` items: a depositor's own as
 * {@link Deposit}, a notary's or judge's as `ListedDeposit` (details are opened one by one).
 */
export async function listDeposits<T extends { id: string } = Deposit>(max = 1000): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null | undefined;
  do {
    const q = cursor ? `?limit=100&cursor=${encodeURIComponent(cursor)}` : '?limit=100';
    const page = await api<{ items: T[]; nextCursor: string | null }>(
      'GET',
      `/api/v1/deposits${q}`,
    );
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && out.length < max);
  return out;
}

const STATE_TONE: Readonly<Record<ApplicationState, 'ok' | 'warn' | 'bad' | 'info' | 'muted'>> = {
  submitted: 'info',
  in_review: 'warn',
  approved: 'ok',
  issued: 'ok',
  rejected: 'bad',
  withdrawn: 'muted',
};

/** The badge of a notarisation state. */
export function stateBadge(state: ApplicationState): HTMLElement {
  return badge(t(`state.${state}` as MessageKey), STATE_TONE[state]);
}

/** The badge of a deposit method. */
export function methodBadge(method: string | undefined): HTMLElement {
  return method === 'hash-only'
    ? badge(t('method.hash-only'), 'info')
    : badge(t('method.upload'), 'muted');
}

/** A deposit number as a link, grouped for reading. */
export function depositLink(id: string): HTMLElement {
  return h('a', { href: `/deposits/${id}`, class: 'mono nowrap' }, groupDepositNumber(id));
}

/** A table that becomes stacked cards on narrow screens (labels come from `data-label`). */
export function table(
  caption: string,
  head: readonly string[],
  rows: readonly (readonly Child[])[],
  className = '',
): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: `table stack ${className}` },
      h('caption', { class: 'visually-hidden' }, caption),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          head.map((x) => h('th', { scope: 'col' }, x)),
        ),
      ),
      h(
        'tbody',
        null,
        rows.map((r) =>
          h(
            'tr',
            null,
            r.map((cell, i) => h('td', { 'data-label': head[i] }, cell)),
          ),
        ),
      ),
    ),
  );
}

/** The file manifest with sizes, digests and (for uploads) download buttons. */
export function manifest(deposit: Deposit, errors: HTMLElement): HTMLElement {
  const uploaded = deposit.method !== 'hash-only';
  return h(
    'ol',
    { class: 'manifest' },
    deposit.files.map((f, n) => {
      const get = h(
        'button',
        { type: 'button', class: 'btn btn-small', 'data-download-file': String(n) },
        t('deposit.downloadFile'),
      );
      get.addEventListener('click', () => {
        void busy(get, errors, () => download(`/api/v1/deposits/${deposit.id}/files/${n}`, f.name));
      });
      return h(
        'li',
        { class: 'file', 'data-file': f.name },
        h(
          'div',
          { class: 'file-head' },
          h('span', { class: 'file-name' }, f.name),
          h('span', { class: 'file-meta' }, formatBytes(f.size), ' · ', f.mediaType),
          uploaded ? get : null,
        ),
        h(
          'dl',
          { class: 'digests' },
          h('dt', null, 'SHA-256'),
          h('dd', { 'data-digest': 'sha256' }, digest(f.sha256, `SHA-256 ${f.name}`)),
          h('dt', null, 'SM3'),
          h('dd', { 'data-digest': 'sm3' }, digest(f.sm3, `SM3 ${f.name}`)),
          h('dt', null, t('deposit.size')),
          h('dd', null, formatByteCount(f.size)),
        ),
      );
    }),
  );
}

/** The custody trail: each event, who, when, and where it is in the log. */
export async function custodyTrail(depositId: string): Promise<HTMLElement> {
  let items: CustodyItem[];
  try {
    items = (await api<{ items: CustodyItem[] }>('GET', `/api/v1/deposits/${depositId}/custody`))
      .items;
  } catch (err) {
    if (err instanceof ApiError && err.code === 'ROUTE_NOT_FOUND')
      return h('p', { class: 'muted' }, t('custody.unavailable'));
    throw err;
  }
  if (items.length === 0) return h('p', { class: 'muted', 'data-custody': '' }, t('custody.empty'));
  return h(
    'ol',
    { class: 'timeline', 'data-custody': '' },
    items.map((e) =>
      h(
        'li',
        { 'data-event': e.event },
        h('span', { class: 'tl-dot', 'aria-hidden': 'true' }),
        h(
          'div',
          { class: 'tl-body' },
          h('strong', null, eventName(e.event)),
          h(
            'span',
            { class: 'tl-meta' },
            `${t(`role.${e.actor.role}` as MessageKey)} ${e.actor.displayName} · ${formatTime(e.time)}`,
          ),
          h('span', { class: 'tl-log' }, t('custody.logIndex', { index: e.receipt.index })),
        ),
      ),
    ),
  );
}

/** The localized name of a custody event. */
export function eventName(event: string): string {
  return tOr(`event.${event}`, event);
}

/** The number and time line under a deposit's title. */
export function depositSubline(d: Deposit): Child {
  return [
    h('span', { class: 'mono', 'data-deposit-id': d.id }, groupDepositNumber(d.id)),
    ' · ',
    formatTime(d.createdAt),
    ' · ',
    methodBadge(d.method),
  ];
}

/** The button that downloads the notarial certificate of an issued application. */
export function notarialDownload(
  applicationId: string,
  certificateNumber: string | undefined,
  errors: HTMLElement,
): HTMLElement {
  const get = h(
    'button',
    { type: 'button', class: 'btn btn-primary', 'data-download': 'notarial' },
    t('notarisation.download'),
  );
  get.addEventListener(
    'click',
    () =>
      void busy(get, errors, () =>
        download(
          `/api/v1/notary/applications/${applicationId}/certificate.pdf`,
          `${certificateNumber ?? applicationId}.pdf`,
        ),
      ),
  );
  return get;
}

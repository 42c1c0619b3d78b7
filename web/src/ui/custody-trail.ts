/**
 * The custody trail (docs/web.md "The custody trail"): each event in plain words — who, what,
 * when — 20 at a time with 加载更多, an event-type filter, and the log index of each event
 * behind 技术详情. Reading the trail is not a custody event (docs/SECURITY.md), so paging and
 * filtering record nothing.
 */
import { api, ApiError } from '../api.js';
import { h, replace, uid } from '../dom.js';
import { formatTime } from '../format.js';
import { t, tOr } from '../i18n.js';
import type { CustodyItem } from '../types.js';
import { errorText, notice } from './common.js';
import { TRAIL_FILTERS, trailLabel } from './trail-messages.js';

/** Events shown per page. */
export const TRAIL_PAGE = 20;

interface TrailPage {
  readonly items: readonly CustodyItem[];
  readonly nextCursor?: string | null;
  readonly total?: number;
}

/** The localized name of a custody event (no detail: the event alone). */
export function eventName(event: string): string {
  return tOr(`event.${event}`, event);
}

/** The localized label of one trail item: what was read or done (./trail-messages.ts). */
export function eventLabel(item: Pick<CustodyItem, 'event' | 'detail'>): string {
  const { key, vars } = trailLabel(item.event, item.detail);
  return tOr(key, eventName(item.event), vars);
}

function itemOf(e: CustodyItem): HTMLLIElement {
  return h(
    'li',
    { 'data-event': e.event, 'data-label': trailLabel(e.event, e.detail).key },
    h('span', { class: 'tl-dot', 'aria-hidden': 'true' }),
    h(
      'div',
      { class: 'tl-body' },
      h('strong', null, eventLabel(e)),
      h(
        'span',
        { class: 'tl-meta' },
        `${tOr(`role.${e.actor.role}`, e.actor.role)} ${e.actor.displayName} · ${formatTime(e.time)}`,
      ),
      h('span', { class: 'tl-log' }, t('custody.logIndex', { index: e.receipt.index })),
    ),
  );
}

/**
 * The trail of deposit `depositId`, its first page loaded.
 * @throws ApiError when the first page cannot be read (the caller shows it).
 */
export async function custodyTrail(depositId: string): Promise<HTMLElement> {
  const path = `/api/v1/deposits/${encodeURIComponent(depositId)}/custody`;
  let events: readonly string[] = [];
  let cursor: string | null = null;
  let shown = 0;
  let total = 0;
  let generation = 0;

  const fetchPage = (): Promise<TrailPage> => {
    const q = new URLSearchParams({ limit: String(TRAIL_PAGE) });
    if (cursor !== null) q.set('cursor', cursor);
    if (events.length > 0) q.set('event', events.join(','));
    return api<TrailPage>('GET', `${path}?${q.toString()}`);
  };

  let first: TrailPage;
  try {
    first = await fetchPage();
  } catch (err) {
    if (err instanceof ApiError && err.code === 'ROUTE_NOT_FOUND')
      return h('p', { class: 'muted' }, t('custody.unavailable'));
    throw err;
  }
  if (first.items.length === 0)
    return h('p', { class: 'muted', 'data-custody': '' }, t('custody.empty'));

  const root = h('div', { class: 'trail', 'data-custody-trail': '' });
  const filterId = uid('trail-filter');
  const select = h(
    'select',
    { id: filterId, 'data-trail-filter': '' },
    TRAIL_FILTERS.map(([key], i) => h('option', { value: String(i) }, t(key))),
  );
  const count = h('p', { class: 'trail-count', 'aria-live': 'polite', 'data-trail-count': '' });
  const list = h('ol', { class: 'timeline', 'data-custody': '' });
  const none = h('p', { class: 'muted', hidden: true }, t('trail.none'));
  const more = h('button', { type: 'button', class: 'btn btn-small', 'data-trail-more': '' });
  const errors = h('div', { class: 'form-errors' });
  const tech = h(
    'details',
    { class: 'tech', 'data-tech': 'trail' },
    h('summary', null, t('trail.tech')),
    h('p', { class: 'small' }, t('trail.techLead')),
  );
  tech.addEventListener('toggle', () => root.classList.toggle('show-tech', tech.open));

  const show = (page: TrailPage): HTMLLIElement[] => {
    const added = page.items.map(itemOf);
    list.append(...added);
    shown += added.length;
    total = page.total ?? shown;
    cursor = page.nextCursor ?? null;
    count.textContent = t('trail.count', { total, shown });
    none.hidden = shown > 0;
    more.hidden = cursor === null;
    more.textContent = t('trail.more', { left: Math.max(total - shown, 0) });
    return added;
  };

  more.addEventListener('click', () => {
    const mine = generation;
    more.disabled = true;
    errors.replaceChildren();
    fetchPage()
      .then((page) => {
        if (mine !== generation) return;
        const added = show(page);
        // the first new event takes the focus, so the reader goes on where the list grew
        const head = added[0]?.querySelector('strong');
        if (head) {
          head.setAttribute('tabindex', '-1');
          head.focus();
        }
      })
      .catch((err: unknown) => replace(errors, notice('error', errorText(err))))
      .finally(() => (more.disabled = false));
  });

  select.addEventListener('change', () => {
    const mine = ++generation;
    events = TRAIL_FILTERS[Number(select.value)]?.[1] ?? [];
    cursor = null;
    shown = 0;
    errors.replaceChildren();
    list.setAttribute('aria-busy', 'true');
    fetchPage()
      .then((page) => {
        if (mine !== generation) return;
        list.replaceChildren();
        show(page);
      })
      .catch((err: unknown) => {
        if (mine === generation) replace(errors, notice('error', errorText(err)));
      })
      .finally(() => {
        if (mine === generation) list.removeAttribute('aria-busy');
      });
  });

  show(first);
  root.append(
    h(
      'div',
      { class: 'trail-tools' },
      h('label', { for: filterId }, t('trail.filter')),
      select,
      count,
    ),
    list,
    none,
    h('div', { class: 'trail-more' }, more),
    errors,
    tech,
  );
  return root;
}

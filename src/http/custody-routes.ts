/**
 * The custody trail route (docs/access.md, docs/api.md): the custody events of a deposit in log order, each
 * with a receipt under the current checkpoint, a page at a time and filtered by event when
 * asked (docs/SECURITY.md "The custody trail"). Readable by whoever may read the deposit;
 * reading the trail is not itself an event, so a non-owner sees share details only of their own
 * court's shares and no file names or digests (src/custody/disclosure.ts).
 */
import { currentUser, requireRole } from './auth-middleware.js';
import type { Casework } from '../casework/index.js';
import {
  CUSTODY_EVENTS,
  type CustodyEvent,
  TRAIL_PAGE_MAX,
  type TrailQuery,
} from '../custody/index.js';
import { isOneOf } from '../input/index.js';
import { DEPOSIT_READERS } from './deposit-routes.js';
import { HttpError } from './errors.js';
import { parseIndex } from './params.js';
import type { RouteTable } from './routes.js';

/** Longest `event` filter read (every event name once, with commas, fits). */
const MAX_EVENT_FILTER = 400;

/**
 * The trail query of `?limit=&cursor=&event=`: no `limit` is the whole trail (what a client
 * without paging asked for before); `event` is one event name or several joined by commas.
 * @throws HttpError INVALID_QUERY for a bad limit, cursor or event name.
 */
export function trailQuery(query: Record<string, unknown>): TrailQuery {
  const out: { limit?: number; after?: number; events?: CustodyEvent[] } = {};
  if (query.limit !== undefined) {
    const limit = parseIndex(query.limit, 'limit');
    if (limit < 1 || limit > TRAIL_PAGE_MAX)
      throw new HttpError('INVALID_QUERY', `limit must be 1…${TRAIL_PAGE_MAX}`);
    out.limit = limit;
  }
  if (query.cursor !== undefined) out.after = parseIndex(query.cursor, 'cursor');
  if (query.event !== undefined) {
    const raw = query.event;
    if (typeof raw !== 'string' || raw.length > MAX_EVENT_FILTER)
      throw new HttpError('INVALID_QUERY', 'event must be event names joined by commas');
    const names = raw.split(',').map((n) => n.trim());
    const unknown = names.find((n) => !isOneOf(CUSTODY_EVENTS, n));
    if (unknown !== undefined)
      throw new HttpError('INVALID_QUERY', `event: ${JSON.stringify(unknown)} is no custody event`);
    out.events = names as CustodyEvent[];
  }
  return out;
}

export function addCustodyRoutes(routes: RouteTable, deps: { casework: Casework }): void {
  const { access, custody } = deps.casework;
  routes.add(
    {
      method: 'get',
      path: '/api/v1/deposits/:id/custody',
      summary:
        'Custody trail in log order, each event with its receipt → {items, nextCursor, total}; without `limit` the whole trail; for a non-owner another court’s share details and file names are `withheld`, with no opening in their receipts',
      who: [...DEPOSIT_READERS],
      tag: 'custody',
      query: {
        limit: `items per page (1…${TRAIL_PAGE_MAX}); absent: the whole trail`,
        cursor: 'nextCursor of the previous page',
        event: 'only these events: names joined by commas, e.g. `viewed,downloaded`',
      },
    },
    requireRole(...DEPOSIT_READERS),
    async (req, res) => {
      const user = currentUser(req);
      const query = trailQuery(req.query as Record<string, unknown>);
      const { record, grant } = await access.resolve(user, String(req.params.id));
      const reader = {
        owner: grant.via === 'owner',
        role: user.role,
        ...(user.court !== undefined ? { court: user.court } : {}),
        ...(user.courtId !== undefined ? { courtId: user.courtId } : {}),
      };
      res.json(await custody.trailPage(record.index, reader, query));
    },
  );
}

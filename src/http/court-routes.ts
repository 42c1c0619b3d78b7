/**
 * The court list routes (docs/courts.md): anyone reads the list of enabled courts, with search;
 * the administrator lists every court, adds, renames, disables and enables them (each an admin
 * entry). After a change, judges follow it: a free-text judge whose court now matches a listed
 * name is bound to it, a bound judge's court name follows a rename.
 */
import type { AccountService } from '../accounts/index.js';
import { currentUser, requireRole } from './auth-middleware.js';
import {
  adminCourtView,
  COURT_QUERY_MAX,
  courtView,
  parseCourtChange,
  parseCourtCreate,
  syncJudgeCourts,
  type CourtService,
} from '../courts/index.js';
import { HttpError } from './errors.js';
import type { RouteTable } from './routes.js';

export interface CourtRoutesDeps {
  readonly courts: CourtService;
  readonly accounts: AccountService;
  /** Receives a failure of the judges' follow-up (the court change itself stands). */
  readonly report: (err: unknown) => void;
}

/** `?q=`: absent, or one string of at most {@link COURT_QUERY_MAX} characters. */
function searchText(raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || [...raw].length > COURT_QUERY_MAX)
    throw new HttpError(
      'INVALID_QUERY',
      `q must be one text of at most ${COURT_QUERY_MAX} characters`,
    );
  return raw;
}

/** Declares the court list routes on `routes`. */
export function addCourtRoutes(routes: RouteTable, deps: CourtRoutesDeps): void {
  const { courts, accounts } = deps;
  const tag = 'courts';
  const query = { q: 'search: contained in the name, English name or region (NFKC, any case)' };
  const admin = requireRole('admin');
  const follow = async (actor: { account: string; role: string }): Promise<void> => {
    await syncJudgeCourts(accounts, courts, actor).catch(deps.report);
  };

  routes.add(
    {
      method: 'get',
      path: '/api/v1/courts',
      summary:
        'The listed courts a share or a judge can name → {items: [{id, name, nameEn?, region?}]}',
      who: ['any'],
      query,
      tag,
    },
    (req, res) => {
      const q = searchText(req.query.q);
      res.json({ items: courts.list(q !== undefined ? { q } : {}).map(courtView) });
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/v1/admin/courts',
      summary: 'Every listed court, disabled ones too → {items}',
      who: ['admin'],
      query,
      tag,
    },
    admin,
    (req, res) => {
      const q = searchText(req.query.q);
      const items = courts.list({ includeDisabled: true, ...(q !== undefined ? { q } : {}) });
      res.json({ items: items.map(adminCourtView) });
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/v1/admin/courts',
      summary: 'List a court `{name, nameEn?, region?}` (admin entry) → 201 {court}',
      who: ['admin'],
      tag,
    },
    admin,
    async (req, res) => {
      const input = parseCourtCreate(req.body);
      const me = currentUser(req);
      const actor = { account: me.id, role: me.role };
      const court = await courts.create(actor, input);
      await follow(actor);
      res.status(201).json({ court: adminCourtView(court) });
    },
  );

  routes.add(
    {
      method: 'patch',
      path: '/api/v1/admin/courts/:id',
      summary:
        'Rename, disable or enable a court `{name?, nameEn?, region?, disabled?}` (admin entry) → {court}',
      who: ['admin'],
      tag,
    },
    admin,
    async (req, res) => {
      const change = parseCourtChange(req.body);
      const me = currentUser(req);
      const actor = { account: me.id, role: me.role };
      const court = await courts.update(actor, String(req.params.id), change);
      await follow(actor);
      res.json({ court: adminCourtView(court) });
    },
  );
}

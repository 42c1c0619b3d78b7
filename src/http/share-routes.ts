/**
 * Court sharing routes (docs/access.md, docs/api.md): the depositor creates, lists and revokes shares of their
 * deposit; a judge redeems a code. Each change is a custody event; the code is shown once. The
 * redemption answers with the deposit as a judge's list shows it (src/evidence/list-item.ts):
 * its details are a recorded read of their own (docs/SECURITY.md).
 */
import { currentUser, requireRole } from './auth-middleware.js';
import type { Casework } from '../casework/index.js';
import { parseRedeem, parseShareCreate } from '../sharing/index.js';
import type { RouteTable } from './routes.js';

export function addShareRoutes(routes: RouteTable, deps: { casework: Casework }): void {
  const { shares, access } = deps.casework;
  const tag = 'sharing';
  const depositor = requireRole('depositor');

  routes.add(
    {
      method: 'post',
      path: '/api/v1/deposits/:id/shares',
      summary:
        'Share with a listed court `{courtId, caseNumber, expiresAt}` (or `court`: a listed name) → 201 {share, code} (code shown once)',
      who: ['depositor'],
      tag,
    },
    depositor,
    async (req, res) => {
      const input = parseShareCreate(req.body, shares.now());
      const { share, code } = await shares.create(currentUser(req), String(req.params.id), input);
      res.status(201).json({ share: shares.view(share), code });
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/v1/deposits/:id/shares',
      summary: 'The deposit’s shares with their redemptions → {items}',
      who: ['depositor'],
      tag,
    },
    depositor,
    async (req, res) => {
      const items = await shares.list(currentUser(req), String(req.params.id));
      res.json({ items: items.map((s) => shares.view(s)) });
    },
  );

  routes.add(
    {
      method: 'delete',
      path: '/api/v1/deposits/:id/shares/:shareId',
      summary: 'Revoke a share → 204',
      who: ['depositor'],
      tag,
    },
    depositor,
    async (req, res) => {
      await shares.revoke(currentUser(req), String(req.params.id), String(req.params.shareId));
      res.status(204).end();
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/v1/shares/redeem',
      summary:
        'A judge redeems a share code `{code}` → {deposit: {id, index, createdAt, notarisation, share: {court}}}',
      who: ['judge'],
      tag,
    },
    requireRole('judge'),
    async (req, res) => {
      const { code } = parseRedeem(req.body);
      const user = currentUser(req);
      const record = await shares.redeem(user, code);
      const readable = await access.resolve(user, record.number);
      res.json({ deposit: deps.casework.listed(readable) });
    },
  );
}

/**
 * The custody trail route (DESIGN §8, §9): every custody event of a deposit in log order, each
 * with a receipt under the current checkpoint. Readable by whoever may read the deposit; reading
 * the trail is not itself an event.
 */
import { currentUser, requireRole } from '../accounts/index.js';
import type { Casework } from '../custody/casework.js';
import { DEPOSIT_READERS } from './deposit-routes.js';
import type { RouteTable } from './routes.js';

export function addCustodyRoutes(routes: RouteTable, deps: { casework: Casework }): void {
  const { access, custody } = deps.casework;
  routes.add(
    {
      method: 'get',
      path: '/api/v1/deposits/:id/custody',
      summary: 'Custody trail in log order, each event with its receipt → {items}',
      who: [...DEPOSIT_READERS],
      tag: 'custody',
    },
    requireRole(...DEPOSIT_READERS),
    async (req, res) => {
      const { record } = await access.resolve(currentUser(req), String(req.params.id));
      res.json({ items: await custody.trail(record.index) });
    },
  );
}

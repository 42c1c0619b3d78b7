/**
 * The custody trail route (DESIGN §8, §9): every custody event of a deposit in log order, each
 * with a receipt under the current checkpoint. Readable by whoever may read the deposit; reading
 * the trail is not itself an event, so a non-owner sees share details only of their own court's
 * shares and no file names or digests (src/custody/disclosure.ts, docs/SECURITY.md).
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
      summary:
        'Custody trail in log order, each event with its receipt → {items}; for a non-owner another court’s share details and file names are `withheld`, with no opening in their receipts',
      who: [...DEPOSIT_READERS],
      tag: 'custody',
    },
    requireRole(...DEPOSIT_READERS),
    async (req, res) => {
      const user = currentUser(req);
      const { record, grant } = await access.resolve(user, String(req.params.id));
      const reader = {
        owner: grant.via === 'owner',
        role: user.role,
        ...(user.court !== undefined ? { court: user.court } : {}),
        ...(user.courtId !== undefined ? { courtId: user.courtId } : {}),
      };
      res.json({ items: await custody.trail(record.index, reader) });
    },
  );
}

/** The routes of the custody workflows: custody trail, court sharing, notarisation, counter deposits. */
import type { Casework } from '../casework/index.js';
import type { UploadHandler, DepositService } from '../evidence/index.js';
import { addCustodyRoutes } from './custody-routes.js';
import { addNotaryRoutes } from './notary-routes.js';
import type { RouteTable } from './routes.js';
import { addShareRoutes } from './share-routes.js';

export interface CaseworkRoutesDeps {
  readonly casework: Casework;
  readonly deposits: DepositService;
  /** The upload handler that also accepts `clientName` and `clientIdNumber` (counter deposits). */
  readonly counterUploads: UploadHandler;
  readonly maxFiles: number;
}

/** Declares the custody, sharing and notarisation routes on `routes`. */
export function addCaseworkRoutes(routes: RouteTable, deps: CaseworkRoutesDeps): void {
  addCustodyRoutes(routes, deps);
  addShareRoutes(routes, deps);
  addNotaryRoutes(routes, deps);
}

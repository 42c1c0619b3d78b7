/**
 * The express application: routes from the route table, the OpenAPI document, one error mapper.
 */
import express, { type Express } from 'express';
import type { AccountService } from '../accounts/index.js';
import { addAccountRoutes } from './account-routes.js';
import { authenticate } from './auth-middleware.js';
import type { UploadHandler, DepositService } from '../evidence/index.js';
import type { Sequencer } from '../sequencer/index.js';
import type { BlobStore } from '../storage/index.js';
import type { Casework } from '../casework/index.js';
import type { CertificateService } from '../certificate/index.js';
import { expressTrustProxy, type TrustProxy } from '../config/index.js';
import { addCaseworkRoutes } from './casework-routes.js';
import { addCertificateRoutes } from './certificate-routes.js';
import { addCourtRoutes } from './court-routes.js';
import type { CourtService } from '../courts/index.js';
import { addDepositRoutes } from './deposit-routes.js';
import type { Logger } from 'pino';
import { requestLogger, type Metrics } from '../ops/index.js';
import { errorHandler, HttpError } from './errors.js';
import { addMetricsRoutes, countResponses } from './metrics-routes.js';
import { addDownloadLinkRoutes, DownloadLinks, resolveDownloadLinks } from './download-links.js';
import { noCors, securityHeaders } from './security.js';
import { addLogRoutes, type TimestampRouteDeps } from './log-routes.js';
import { addOpsRoutes, type OpsRoutesDeps } from './ops-routes.js';
import { addVerifyRoutes, type VerifyRouteOptions } from './verify-routes.js';
import { openApiDocument, RouteTable } from './routes.js';
import { webApplication } from './web-static.js';

export interface AppDeps {
  readonly sequencer: Sequencer;
  readonly vkey: string;
  readonly previousVkeys: readonly string[];
  /** Stored checkpoint time-stamps (`/api/v1/log/timestamps`; absent: none). */
  readonly timestamps?: TimestampRouteDeps;
  readonly version: string;
  /** HUICUN_TRUST_PROXY: `req.ip` (rate limits, login back-off) honours only these proxies. */
  readonly trustProxy: TrustProxy;
  /** Receives unexpected (5xx) errors. */
  readonly report: (err: unknown) => void;
  readonly accounts: AccountService;
  readonly deposits: DepositService;
  readonly uploads: UploadHandler;
  readonly blobs: BlobStore;
  readonly maxFiles: number;
  /** Custody, notarisation, counter deposits, court shares and the access policy. */
  readonly casework: Casework;
  /** The court list (docs/courts.md). */
  readonly courts: CourtService;
  /** The upload handler of counter deposits (accepts `clientName`, `clientIdNumber`). */
  readonly counterUploads: UploadHandler;
  readonly certificates: CertificateService;
  /** POST /api/v1/verify (absent: the route is not served). */
  readonly verify?: VerifyRouteOptions;
  /** POST /api/v1/admin/backup and /audit (absent: not served). */
  readonly ops?: OpsRoutesDeps;
  readonly metrics: Metrics;
  readonly logger: Logger;
  /** HUICUN_RATE_LIMITS (deposits per account). */
  readonly rateLimits: boolean;
}

export interface App {
  readonly express: Express;
  readonly routes: RouteTable;
}

export function createApp(deps: AppDeps): App {
  const app = express();
  app.disable('x-powered-by');
  // A hop count or a list, never `true`: the client address is read from the right of
  // X-Forwarded-For, past our own proxies only (src/config/trust-proxy.ts).
  app.set('trust proxy', expressTrustProxy(deps.trustProxy));
  app.set('query parser', 'simple');
  const router = express.Router({ strict: true });
  const routes = new RouteTable(router);

  addLogRoutes(routes, deps);
  addAccountRoutes(routes, { accounts: deps.accounts });
  addCourtRoutes(routes, { courts: deps.courts, accounts: deps.accounts, report: deps.report });
  addDepositRoutes(routes, deps);
  if (deps.verify) addVerifyRoutes(routes, deps, deps.verify);
  addCaseworkRoutes(routes, deps);
  if (deps.ops) addOpsRoutes(routes, deps.ops);
  addCertificateRoutes(routes, deps);
  addMetricsRoutes(routes, deps.metrics);
  const links = new DownloadLinks();
  addDownloadLinkRoutes(routes, { links, access: deps.casework.access });
  routes.add(
    {
      method: 'get',
      path: '/api/v1/openapi.json',
      summary: 'This OpenAPI 3.1 document',
      who: ['any'],
      tag: 'meta',
    },
    (_req, res) => {
      res.json(openApiDocument(routes.routes(), deps.version));
    },
  );

  app.use(requestLogger(deps.logger));
  app.use(countResponses(deps.metrics));
  app.use(securityHeaders());
  app.use(noCors);
  // JSON bodies only where the content type says so; multipart is streamed by the upload handler.
  app.use(express.json({ limit: '256kb', strict: true }));
  app.use(authenticate(deps.accounts));
  app.use(resolveDownloadLinks(links, deps.accounts));
  app.use(router);
  // The web application (dist/web, built by web/build.ts) for GETs outside /api, /tlog, /dl.
  app.use(webApplication());
  app.use((req, _res, next) => {
    next(new HttpError('ROUTE_NOT_FOUND', `no route ${req.method} ${req.path}`));
  });
  app.use(
    errorHandler(deps.report, (code, status) =>
      deps.metrics.errors.inc({ code, status: String(status) }),
    ),
  );
  return { express: app, routes };
}

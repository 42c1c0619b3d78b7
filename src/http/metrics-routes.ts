/**
 * `GET /metrics` (Prometheus text): for admins, and for scrapers on the loopback interface
 * (the usual deployment runs the scraper beside the server) that connect directly: a request
 * a proxy forwarded is refused (src/ops/loopback.ts). Counts every response too.
 */
import type { RequestHandler } from 'express';
import { optionalUser } from './auth-middleware.js';
import { type Metrics, OpsError, loopbackPeer } from '../ops/index.js';
import { AccountError } from '../accounts/index.js';
import type { RouteTable } from './routes.js';

/** Counts responses by method and status. */
export function countResponses(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    res.on('finish', () =>
      metrics.requests.inc({ method: req.method, status: String(res.statusCode) }),
    );
    next();
  };
}

export function addMetricsRoutes(routes: RouteTable, metrics: Metrics): void {
  routes.add(
    {
      method: 'get',
      path: '/metrics',
      summary: 'Prometheus metrics (admin, or a scraper on loopback)',
      who: ['admin', 'loopback'],
      tag: 'ops',
      produces: 'text/plain',
    },
    async (req, res) => {
      const user = optionalUser(req);
      const peer = loopbackPeer(req); // the socket's peer, never X-Forwarded-For
      if (peer !== 'direct' && user?.role !== 'admin') {
        if (user) throw new AccountError('ROLE_FORBIDDEN', 'metrics are for administrators');
        if (peer === 'forwarded')
          throw new OpsError(
            'FORWARDED_REQUEST_REFUSED',
            'metrics without signing in are for scrapers on the server itself, not through a proxy',
          );
        throw new AccountError('AUTH_REQUIRED', 'sign in as an administrator');
      }
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    },
  );
}

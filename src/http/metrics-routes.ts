/**
 * `GET /metrics` (Prometheus text): for admins, and for scrapers on the loopback interface
 * (the usual deployment runs the scraper beside the server). Counts every response too.
 */
import type { RequestHandler } from 'express';
import { optionalUser } from '../accounts/index.js';
import type { Metrics } from '../ops/metrics.js';
import { AccountError } from '../accounts/errors.js';
import type { RouteTable } from './routes.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** Whether the TCP peer (not X-Forwarded-For) is on this machine. */
export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && LOOPBACK.test(address);
}

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
      if (!isLoopback(req.socket.remoteAddress) && user?.role !== 'admin') {
        throw user
          ? new AccountError('ROLE_FORBIDDEN', 'metrics are for administrators')
          : new AccountError('AUTH_REQUIRED', 'sign in as an administrator');
      }
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    },
  );
}

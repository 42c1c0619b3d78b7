/**
 * Serves the web application that `web/build.ts` builds into `dist/web/` (issue #7): the hashed
 * files under `/assets/` cached for a year, everything else revalidated, and `index.html` for any
 * other page path (`/deposits/HC…`, `/verify?id=…`) so the browser's router takes over. `/api`,
 * `/tlog`, `/dl` and `/metrics` are never touched: their unknown paths stay JSON 404s. Before
 * the application is built (a fresh clone running `npm test`), this passes every request on.
 * @module
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type RequestHandler, type Response } from 'express';

/** `dist/web/` of this checkout (the same from `src/http/` under tsx and `dist/http/` built). */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/** Paths that belong to the API and the log, never to the web application. */
// case-insensitive, as express routes them: `/DL/<token>` is no page either
const NOT_WEB = /^\/+(api|tlog|dl|metrics)(\/|$)/i;
/** A path naming a file (an extension), which gets a 404 rather than the page. */
const FILE_LIKE = /\.[A-Za-z0-9]+$/;
const YEAR_SECONDS = 365 * 24 * 3600;

function commonHeaders(res: Response): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
}

/** The middleware serving the built web application from `dir`. */
export function webApplication(dir: string = DEFAULT_WEB_DIR): RequestHandler {
  const index = join(dir, 'index.html');
  const files = express.static(dir, {
    index: false,
    redirect: false,
    dotfiles: 'ignore',
    etag: true,
    lastModified: false,
    setHeaders(res, path) {
      commonHeaders(res);
      const hashed = path.includes(`${join(dir, 'assets')}`) && !path.endsWith('.map');
      res.setHeader(
        'Cache-Control',
        hashed ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-cache',
      );
    },
  });
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_WEB.test(req.path)) {
      next();
      return;
    }
    if (!existsSync(index)) {
      next();
      return;
    }
    files(req, res, (err?: unknown) => {
      if (err !== undefined) {
        next(err);
        return;
      }
      if (req.path.startsWith('/assets/') || FILE_LIKE.test(req.path)) {
        next();
        return;
      }
      commonHeaders(res);
      res.setHeader('Cache-Control', 'no-cache');
      res.type('html');
      res.sendFile(index, { lastModified: false }, (e?: Error) => {
        if (e && !res.headersSent) next(e);
      });
    });
  };
}

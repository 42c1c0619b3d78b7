/**
 * Structured logs (pino) with request ids. Never logged: passwords, tokens, ID numbers, request
 * bodies. Each request gets an id (a client's `X-Request-Id` when it is a plain token, else a
 * random one), echoed in the response header and attached to every line about that request.
 * Download-link tokens (`/dl/<token>`, src/http/download-links.ts) are cut from logged paths,
 * whatever the answer: a token in a log would be a working link for whoever reads the log.
 */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { pino, type Logger } from 'pino';

/** Paths redacted wherever they appear in a logged object. */
export const REDACT = [
  'password',
  '*.password',
  'token',
  '*.token',
  'idNumber',
  '*.idNumber',
  'clientIdNumber',
  '*.clientIdNumber',
  'code',
  '*.code',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
];

export function createLogger(
  options: { level?: string; destination?: NodeJS.WritableStream } = {},
): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'huicun' },
      redact: { paths: REDACT, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination ?? process.stdout,
  );
}

const CLIENT_ID = /^[A-Za-z0-9._-]{8,64}$/;
/** A download-link path, however it was spelt (`/dl/…`, `//DL/…`). */
const DOWNLOAD_LINK_PATH = /^\/+dl(?:\/|$)/i;

/** `path` as it may be logged: a download link's token is replaced by `[redacted]`. */
export function loggedPath(path: string): string {
  return DOWNLOAD_LINK_PATH.test(path) ? '/dl/[redacted]' : path;
}

/** Request id + one access line per request (method, route path, status, ms, user id). */
export function requestLogger(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && CLIENT_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', id);
    (res.locals as { requestId?: string }).requestId = id;
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const user = (req as { auth?: { user?: { id?: string } } }).auth?.user?.id;
      logger.info(
        {
          reqId: id,
          method: req.method,
          path: loggedPath(req.path),
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
          ...(user ? { user } : {}),
        },
        'request',
      );
    });
    next();
  };
}

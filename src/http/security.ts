/**
 * Security headers (helmet) with a strict Content-Security-Policy for the web application, and
 * CORS closed: no Access-Control-* header is ever sent, so browsers refuse cross-origin reads,
 * and a preflight gets 405 with no CORS headers.
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { writeError } from './errors.js';

/** The page's policy: only our own files; WebAssembly (hash-wasm) and workers from our origin. */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
  workerSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/** CORS is closed: answer preflights with 405 and no Access-Control-* headers. */
export const noCors: RequestHandler = (req, res, next) => {
  if (req.method === 'OPTIONS') {
    writeError(res, 'METHOD_NOT_ALLOWED', 'cross-origin requests are not served');
    return;
  }
  next();
};

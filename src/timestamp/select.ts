/**
 * From the configuration to a TimeStamper (docs/timestamps.md): the RFC 3161 client over
 * HUICUN_TSA_URLS with the anchors of HUICUN_TSA_CA, nothing for `none`, or the development TSA.
 * @module
 */
import { readFileSync } from 'node:fs';
import type { TsaConfig } from '../config/index.js';
import type { X509Certificate } from '../crypto/index.js';
import { anchorsFromPem } from './check.js';
import { tsaClient } from './client.js';
import { developmentTsa } from './development.js';
import { TimestampError } from './errors.js';
import type { TimeStamper } from './types.js';

/**
 * The trust anchors in the PEM file `path` (HUICUN_TSA_CA, or the CLI's `--tsa-ca`).
 * @throws {TimestampError} TSA_CA_INVALID when it cannot be read or holds no certificate.
 */
export function loadTsaAnchors(path: string): X509Certificate[] {
  let anchors: X509Certificate[];
  try {
    anchors = anchorsFromPem(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new TimestampError('TSA_CA_INVALID', `cannot read the TSA trust anchors ${path}`, {
      cause,
    });
  }
  if (anchors.length === 0) {
    throw new TimestampError('TSA_CA_INVALID', `${path} holds no PEM certificate`);
  }
  return anchors;
}

/**
 * The configured TimeStamper, or `undefined` for `HUICUN_TSA_URLS=none`.
 * @throws {TimestampError} TSA_CA_INVALID, and the errors of {@link developmentTsa}.
 */
export function configuredTimeStamper(
  tsa: TsaConfig,
  options: { certsDir: string; production: boolean; now?: () => Date },
): TimeStamper | undefined {
  const now = options.now ? { now: options.now } : {};
  switch (tsa.mode) {
    case 'none':
      return undefined;
    case 'development':
      return developmentTsa(options.certsDir, { production: options.production, ...now });
    case 'rfc3161':
      return tsaClient({
        urls: tsa.urls,
        anchors: loadTsaAnchors(tsa.caPath as string),
        timeoutMs: tsa.timeoutMs,
        ...now,
      });
  }
}

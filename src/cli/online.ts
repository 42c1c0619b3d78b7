/**
 * What `huicun verify --online` and `huicun monitor` read from a running log (docs/api.md): the
 * published key, the latest checkpoint, consistency proofs, and the tlog-tiles read API.
 */

import type { LogClient } from '../verify/index.js';
import { CliError } from './errors.js';

const TIMEOUT_MS = 30_000;

/** `base` without trailing slashes, checked to be an http(s) URL. */
export function baseUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new CliError('UNREACHABLE', `not a URL: ${url}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new CliError('UNREACHABLE', `not an http(s) URL: ${url}`);
  return u.href.replace(/\/+$/, '');
}

async function get(base: string, path: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (cause) {
    throw new CliError('UNREACHABLE', `cannot reach ${base}${path}: ${(cause as Error).message}`, {
      cause,
    });
  }
  if (!res.ok) throw new CliError('UNREACHABLE', `${base}${path} answered ${res.status}`);
  return res;
}

/** GET `path` as text. */
export async function getText(base: string, path: string): Promise<string> {
  return (await get(base, path)).text();
}

/** GET `path` as bytes. */
export async function getBytes(base: string, path: string): Promise<Uint8Array> {
  return new Uint8Array(await (await get(base, path)).arrayBuffer());
}

/** GET `path` as JSON. */
export async function getJson(base: string, path: string): Promise<unknown> {
  const text = await getText(base, path);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CliError('UNREACHABLE', `${base}${path} did not answer JSON`);
  }
}

/** The log's published vkeys: the current one and earlier ones (`/api/v1/log/key`). */
export async function fetchLogKeys(base: string): Promise<string[]> {
  const body = (await getJson(base, '/api/v1/log/key')) as { vkey?: unknown; previous?: unknown };
  const previous = Array.isArray(body.previous) ? body.previous : [];
  const keys = [body.vkey, ...previous].filter((k): k is string => typeof k === 'string');
  if (keys.length === 0) throw new CliError('UNREACHABLE', `${base}/api/v1/log/key has no vkey`);
  return keys;
}

/** The base64 hashes of the consistency proof from `from` to `to` (empty when equal). */
export async function fetchConsistencyProof(
  base: string,
  from: number,
  to: number,
): Promise<string[]> {
  if (from === to) return [];
  const body = (await getJson(base, `/api/v1/log/proof/consistency?from=${from}&to=${to}`)) as {
    proof?: unknown;
  };
  if (!Array.isArray(body.proof) || !body.proof.every((h) => typeof h === 'string'))
    throw new CliError('UNREACHABLE', 'the consistency proof is malformed');
  return body.proof as string[];
}

/** The log at `base` as the verifier's {@link LogClient} (its JSON API). */
export function logClient(base: string): LogClient {
  return {
    checkpoint: () => getText(base, '/api/v1/log/checkpoint'),
    consistencyProof: (from, to) => fetchConsistencyProof(base, from, to),
  };
}

/**
 * Asks the log whether a document (a certificate PDF) with this SHA-256 was issued and anchored
 * by a `certificate-issued` custody event. Undefined when the server cannot tell (the check is
 * then skipped).
 */
export async function fetchDocumentIssued(
  base: string,
  sha256: string,
): Promise<boolean | undefined> {
  let res: Response;
  try {
    res = await fetch(`${base}/api/v1/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ certificateSha256: sha256 }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    throw new CliError(
      'UNREACHABLE',
      `cannot reach ${base}/api/v1/verify: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
  if (!res.ok) return undefined;
  const body = (await res.json().catch(() => undefined)) as
    { checks?: { id?: unknown; status?: unknown }[] } | undefined;
  const c = body?.checks?.find((x) => x.id === 'document.issued');
  return c?.status === 'pass' ? true : c?.status === 'fail' ? false : undefined;
}

/**
 * The CLI's way to a running server (docs/cli.md): `<data>/server.json` names it; the admin
 * routes are called with the local secret and answer an NDJSON stream of progress lines and
 * one result (src/http/ops-routes.ts). Also the terminal I/O the operator commands share.
 */
import { CliError } from './errors.js';
import { LOCAL_SECRET_HEADER, type ServerFile } from '../ops/index.js';

/** Where an operator command reads and writes (tests pass their own). */
export interface OpsIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Redraws one progress line (a TTY only); '' clears it. */
  readonly progress?: ((line: string) => void) | undefined;
}

export const defaultOpsIo: OpsIo = {
  env: process.env,
  out: (l) => console.log(l),
  err: (l) => console.error(l),
  progress: process.stderr.isTTY
    ? (l) => process.stderr.write(l === '' ? '\r\x1b[K' : `\r${l}\x1b[K`)
    : undefined,
};

/** The server's error answer `{error: {code, message}}`; `details.serverCode` is its code. */
function refused(serverCode: string, message: string): CliError {
  return new CliError('REFUSED', message, { details: { serverCode } });
}

/**
 * POSTs `body` to the admin route `path` of `server` with its local secret and follows the
 * NDJSON answer: `onProgress` sees each progress value, the `result` is returned.
 * @throws {CliError} REFUSED when the server answers an error; UNREACHABLE when it cannot be
 *   reached or answers something else.
 */
export async function callAdminRoute(
  server: ServerFile,
  path: string,
  body: unknown,
  onProgress: (p: unknown) => void = () => undefined,
): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/x-ndjson',
        [LOCAL_SECRET_HEADER]: server.secret,
      },
      body: JSON.stringify(body),
    });
  } catch (err) {
    throw new CliError(
      'UNREACHABLE',
      `cannot reach the server at ${server.url}: ${(err as Error).message}`,
    );
  }
  if (!res.ok || !res.body) {
    const text = await res.text().catch(() => '');
    let parsed: { error?: { code?: string; message?: string } } | undefined;
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      parsed = undefined;
    }
    if (parsed?.error?.code)
      throw refused(parsed.error.code, parsed.error.message ?? parsed.error.code);
    throw new CliError('UNREACHABLE', `${server.url}${path} answered ${res.status}`);
  }
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of res.body) {
    buffered += decoder.decode(chunk as Uint8Array, { stream: true });
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      if (line === '') continue;
      const value = JSON.parse(line) as {
        progress?: unknown;
        result?: unknown;
        error?: { code: string; message: string };
      };
      if (value.error) throw refused(value.error.code, value.error.message);
      if ('result' in value) return value.result;
      if (value.progress !== null && value.progress !== undefined) onProgress(value.progress);
    }
  }
  throw new CliError('UNREACHABLE', `${server.url}${path} ended without a result`);
}

/**
 * The operator's local access to the admin routes (docs/cli.md): the CLI on the server's machine
 * reads the secret from `<data>/server.json` (mode 0600) and sends it in `X-Huicun-Local-Secret`.
 * It is honoured only on a direct loopback connection — the socket's peer address, never
 * `X-Forwarded-For` — and never on a request a proxy forwarded (a local reverse proxy would
 * otherwise make every remote caller look local). Compared in constant time.
 */
import { equalSecret, sha256 } from '../crypto/index.js';
import type { OpsErrorCode } from './errors.js';
import { forwardingHeader, isLoopbackAddress, type PeerRequest } from './loopback.js';
import { LOCAL_SECRET_HEADER } from './server-file.js';

export { isLoopbackAddress } from './loopback.js';

/** What the guard looks at: the request's headers and the socket's peer address. */
export type LocalRequest = PeerRequest;

/**
 * `absent`: no secret header (the caller must sign in as admin); `accepted`: the right secret
 * from a direct loopback peer; `refused` with the error code and reason otherwise
 * (FORWARDED_REQUEST_REFUSED when a forwarding header is present, src/ops/loopback.ts).
 */
export function checkLocalSecret(
  req: LocalRequest,
  secret: string,
): { verdict: 'absent' | 'accepted' } | { verdict: 'refused'; code: OpsErrorCode; reason: string } {
  const refused = (reason: string, code: OpsErrorCode = 'LOCAL_SECRET_REFUSED') =>
    ({ verdict: 'refused', code, reason }) as const;
  const given = req.headers[LOCAL_SECRET_HEADER];
  if (given === undefined) return { verdict: 'absent' };
  if (typeof given !== 'string') return refused('one secret header only');
  const forwarded = forwardingHeader(req.headers);
  if (forwarded !== undefined)
    return refused(
      `the local secret is not accepted through a proxy (${forwarded})`,
      'FORWARDED_REQUEST_REFUSED',
    );
  if (!isLoopbackAddress(req.socket.remoteAddress))
    return refused('the local secret is accepted from loopback only');
  // Hash both sides first: equal lengths for the constant-time comparison, whatever was sent.
  const utf8 = new TextEncoder();
  if (!equalSecret(sha256(utf8.encode(given)), sha256(utf8.encode(secret))))
    return refused('wrong local secret');
  return { verdict: 'accepted' };
}

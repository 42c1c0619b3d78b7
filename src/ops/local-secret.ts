/**
 * The operator's local access to the admin routes (DESIGN §10): the CLI on the server's machine
 * reads the secret from `<data>/server.json` (mode 0600) and sends it in `X-Huicun-Local-Secret`.
 * It is honoured only on a direct loopback connection — the socket's peer address, never
 * `X-Forwarded-For` — and never on a request a proxy forwarded (a local reverse proxy would
 * otherwise make every remote caller look local). Compared in constant time.
 */
import { equalSecret, sha256 } from '../crypto/index.js';
import { LOCAL_SECRET_HEADER } from './server-file.js';

/** What the guard looks at: the request's headers and the socket's peer address. */
export interface LocalRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly socket: { readonly remoteAddress?: string | undefined };
}

/** Headers a forwarding proxy adds: their presence means the peer is not the caller. */
const FORWARDED = ['x-forwarded-for', 'forwarded', 'x-real-ip', 'via'];

/** Whether `address` is a loopback address (127.0.0.0/8, ::1, IPv4-mapped 127.x). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4)) return true;
  return address === '::1' || address === '0:0:0:0:0:0:0:1';
}

/**
 * `absent`: no secret header (the caller must sign in as admin); `accepted`: the right secret
 * from a direct loopback peer; `refused` with the reason otherwise.
 */
export function checkLocalSecret(
  req: LocalRequest,
  secret: string,
): { verdict: 'absent' | 'accepted' } | { verdict: 'refused'; reason: string } {
  const given = req.headers[LOCAL_SECRET_HEADER];
  if (given === undefined) return { verdict: 'absent' };
  if (typeof given !== 'string') return { verdict: 'refused', reason: 'one secret header only' };
  if (FORWARDED.some((h) => req.headers[h] !== undefined))
    return { verdict: 'refused', reason: 'the local secret is not accepted through a proxy' };
  if (!isLoopbackAddress(req.socket.remoteAddress))
    return { verdict: 'refused', reason: 'the local secret is accepted from loopback only' };
  // Hash both sides first: equal lengths for the constant-time comparison, whatever was sent.
  const utf8 = new TextEncoder();
  if (!equalSecret(sha256(utf8.encode(given)), sha256(utf8.encode(secret))))
    return { verdict: 'refused', reason: 'wrong local secret' };
  return { verdict: 'accepted' };
}

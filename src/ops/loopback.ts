/**
 * Direct loopback callers (docs/SECURITY.md, "Behind a proxy"). Loopback-only access — `/metrics`
 * without an admin token, the local secret of `huicun backup` and `huicun audit` — is granted on
 * the socket's peer address, never on `X-Forwarded-For`, and never to a request a proxy
 * forwarded: a reverse proxy on the same machine connects from 127.0.0.1 for every remote caller.
 */

/** Headers only a forwarding proxy (or a client pretending) sends. */
const FORWARDING_HEADERS = [
  'forwarded',
  'via',
  'x-real-ip',
  'x-client-ip',
  'true-client-ip',
  'cf-connecting-ip',
  'fastly-client-ip',
  'x-cluster-client-ip',
];

/**
 * The first forwarding header of `headers` (lower-case names, as node:http gives them): any
 * `X-Forwarded-*` (`-For`, `-Host`, `-Proto`…), `Forwarded`, `Via`, `X-Real-IP` and the like.
 * Undefined when there is none.
 */
export function forwardingHeader(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): string | undefined {
  for (const name of Object.keys(headers)) {
    if (headers[name] === undefined) continue;
    const lower = name.toLowerCase();
    if (lower.startsWith('x-forwarded-') || FORWARDING_HEADERS.includes(lower)) return lower;
  }
  return undefined;
}

/** Whether `address` is a loopback address (127.0.0.0/8, ::1, IPv4-mapped 127.x). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4)) return true;
  return address === '::1' || address === '0:0:0:0:0:0:0:1';
}

/** What the loopback checks look at: the request's headers and the socket's peer address. */
export interface PeerRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly socket: { readonly remoteAddress?: string | undefined };
}

/**
 * `direct`: a loopback peer and no forwarding header; `forwarded`: a loopback peer with one
 * (a proxy on this machine, refuse with FORWARDED_REQUEST_REFUSED); `remote` otherwise.
 */
export function loopbackPeer(req: PeerRequest): 'direct' | 'forwarded' | 'remote' {
  if (!isLoopbackAddress(req.socket.remoteAddress)) return 'remote';
  return forwardingHeader(req.headers) === undefined ? 'direct' : 'forwarded';
}

/**
 * `HUICUN_TRUST_PROXY` (docs/SECURITY.md, "Behind a proxy"): which hops in front of the server
 * may name the client in `X-Forwarded-For`. `off` (the default) ignores the header; a hop count
 * `N` trusts the N proxies nearest the server; a comma-separated list trusts only those
 * addresses or subnets. Either way the client address is read from the right of the header
 * (what our proxies appended), never the left-most entry a client can write itself.
 */
import { isIP } from 'node:net';

/** The parsed setting. */
export type TrustProxy =
  | { readonly kind: 'off' }
  | { readonly kind: 'hops'; readonly hops: number }
  | { readonly kind: 'addresses'; readonly addresses: readonly string[] };

/** The most proxies a hop count may name. */
export const MAX_PROXY_HOPS = 16;

/** Names express (proxy-addr) knows for whole ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Why `entry` is not an address, a subnet `address/prefix` or a range name; undefined if it is. */
function entryProblem(entry: string): string | undefined {
  if (RANGE_NAMES.has(entry)) return undefined;
  const slash = entry.indexOf('/');
  const address = slash < 0 ? entry : entry.slice(0, slash);
  const family = isIP(address);
  if (family === 0) return `"${entry}" is not an IP address`;
  if (slash < 0) return undefined;
  const prefix = entry.slice(slash + 1);
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max)
    return `"${entry}" needs a prefix length from 0 to ${max}`;
  return undefined;
}

/**
 * Parses `HUICUN_TRUST_PROXY`: `off` (also empty, `0`, `false`, `no`), a hop count from 1 to
 * {@link MAX_PROXY_HOPS}, or a comma-separated list of IP addresses, `address/prefix` subnets
 * and the names `loopback`, `linklocal`, `uniquelocal`.
 * @returns the setting, or a message naming what is wrong.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy | { readonly error: string } {
  const value = (raw ?? '').trim().toLowerCase();
  if (['', 'off', '0', 'false', 'no'].includes(value)) return { kind: 'off' };
  if (['on', 'true', 'yes'].includes(value))
    return {
      error:
        'give the number of proxies in front of the server (e.g. 1) or their addresses; "on" would trust every hop, and the client writes the left-most one',
    };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_PROXY_HOPS) return { error: `a hop count is at most ${MAX_PROXY_HOPS}` };
    return { kind: 'hops', hops };
  }
  const addresses = value.split(',').map((a) => a.trim());
  for (const a of addresses) {
    const problem = a === '' ? 'an entry of the list is empty' : entryProblem(a);
    if (problem !== undefined) return { error: problem };
  }
  return { kind: 'addresses', addresses };
}

/** The value of express's `trust proxy` setting for `trust`. */
export function expressTrustProxy(trust: TrustProxy): boolean | number | string[] {
  if (trust.kind === 'hops') return trust.hops;
  if (trust.kind === 'addresses') return [...trust.addresses];
  return false;
}

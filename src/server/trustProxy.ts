// DENW_TRUST_PROXY: which reverse proxy (nginx, Apache, a ministry gateway) the server
// believes about the client's address (X-Forwarded-For) and protocol (X-Forwarded-Proto).
// Off by default: a client reaching the server directly could otherwise claim any address
// and dodge the per-address sign-in lock. Behind a proxy that is left off, every request
// has the proxy's address (20 failed sign-ins then lock everybody out) and an HTTPS request
// looks like HTTP (the session cookie is not marked Secure).
//
// The values are Fastify's `trustProxy` option (fastify docs, Reference/Server.md
// "trustProxy", which uses the proxy-addr package):
//   true                     trust every hop (only when nothing but the proxy can reach the server)
//   addresses, comma-separated  trust only those proxies: IPv4/IPv6 addresses, CIDR ranges
//                            (10.0.0.0/8), or proxy-addr's names loopback, linklocal, uniquelocal
// A hop count is refused: Fastify 5.12 trusts nothing for one (lib/request.js getTrustProxyFn,
// "hop-count-only trust cannot validate the immediate peer"), so `1` would silently do nothing.
import { isIP } from 'node:net';
import { DenwError } from '../core/errors.ts';

export type TrustProxy = boolean | string[];

const namedRanges = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, a CIDR range with a prefix its family allows, or a proxy-addr range name. */
function isProxyAddress(entry: string): boolean {
  if (namedRanges.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^[0-9]{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Reads DENW_TRUST_PROXY; TRUST_PROXY_INVALID names the first entry that is none of the above. */
export function parseTrustProxy(text: string | undefined): TrustProxy {
  const value = text?.trim() ?? '';
  if (value === '' || value.toLowerCase() === 'false') return false;
  if (value.toLowerCase() === 'true') return true;
  const entries = value.split(',').map((entry) => entry.trim());
  const invalid = entries.find((entry) => !isProxyAddress(entry));
  if (invalid !== undefined) throw new DenwError('TRUST_PROXY_INVALID', { value: invalid }, 'DENW_TRUST_PROXY');
  return entries;
}

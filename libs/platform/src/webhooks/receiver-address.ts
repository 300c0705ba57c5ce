import { lookup as dnsLookup, LookupAddress, LookupOptions } from 'node:dns';
import { BlockList, isIP, isIPv4 } from 'node:net';

/*
 * Where a webhook may be delivered (issue 16, item 4; ADR 0011). A receiver's URL is checked when
 * it is registered or changed, and the address each delivery's socket connects to is checked again
 * by `guardedLookup` (DNS may change in between), so no endpoint can reach inside the network:
 * loopback, private, link-local, CGNAT, multicast and reserved ranges, and above all the cloud
 * metadata addresses, which hand out credentials. Nothing here sends traffic.
 */

/** The cloud metadata services: refused even when private receivers are allowed. */
const METADATA = new Set([
  '169.254.169.254', // AWS, GCP, Azure, OpenStack, DigitalOcean…
  '169.254.170.2', // AWS ECS task credentials
  '100.100.100.200', // Alibaba Cloud
  '168.63.129.16', // Azure WireServer
  'fd00:ec2:0:0:0:0:0:254', // AWS over IPv6
]);
const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data']);

const V4_RANGES: [string, number, string][] = [
  ['0.0.0.0', 8, 'is in "this network" (0.0.0.0/8)'],
  ['10.0.0.0', 8, 'is private (10.0.0.0/8)'],
  ['100.64.0.0', 10, 'is shared carrier-grade NAT space (100.64.0.0/10)'],
  ['127.0.0.0', 8, 'is loopback (127.0.0.0/8)'],
  ['169.254.0.0', 16, 'is link-local (169.254.0.0/16)'],
  ['172.16.0.0', 12, 'is private (172.16.0.0/12)'],
  ['192.0.0.0', 24, 'is reserved for IETF protocol assignments (192.0.0.0/24)'],
  ['192.0.2.0', 24, 'is reserved for documentation (192.0.2.0/24)'],
  ['192.168.0.0', 16, 'is private (192.168.0.0/16)'],
  ['198.18.0.0', 15, 'is reserved for benchmarking (198.18.0.0/15)'],
  ['198.51.100.0', 24, 'is reserved for documentation (198.51.100.0/24)'],
  ['203.0.113.0', 24, 'is reserved for documentation (203.0.113.0/24)'],
  ['224.0.0.0', 4, 'is multicast (224.0.0.0/4)'],
  ['240.0.0.0', 4, 'is reserved or broadcast (240.0.0.0/4)'],
];
const V6_RANGES: [string, number, string][] = [
  ['::', 128, 'is the unspecified address (::)'],
  ['::1', 128, 'is loopback (::1)'],
  ['fc00::', 7, 'is a unique local address (fc00::/7)'],
  ['fe80::', 10, 'is link-local (fe80::/10)'],
  ['fec0::', 10, 'is site-local (fec0::/10, deprecated)'],
  ['ff00::', 8, 'is multicast (ff00::/8)'],
  ['100::', 64, 'is a discard prefix (100::/64)'],
  ['2001:db8::', 32, 'is reserved for documentation (2001:db8::/32)'],
  ['64:ff9b:1::', 48, 'is a local-use NAT64 prefix (64:ff9b:1::/48)'],
];

/** One BlockList per range, so a refusal names its range. */
const listsOf = (ranges: [string, number, string][], type: 'ipv4' | 'ipv6') =>
  ranges.map(([net, prefix, reason]) => {
    const list = new BlockList();
    list.addSubnet(net, prefix, type);
    return { list, reason };
  });
const V4 = listsOf(V4_RANGES, 'ipv4');
const V6 = listsOf(V6_RANGES, 'ipv6');

/** The eight 16-bit groups of an IPv6 address (a dotted IPv4 tail included); null when it is not one. */
const groupsOf = (ip: string): number[] | null => {
  let text = ip.toLowerCase();
  const tail = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (tail) {
    if (!isIPv4(tail[1]!)) return null;
    const [a, b, c, d] = tail[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -tail[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const part = (s: string) => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const head = part(halves[0]!);
  const rest = halves.length === 2 ? part(halves[1]!) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...rest];
  return groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
};

const canonical6 = (g: number[]) => g.map((x) => x.toString(16)).join(':');
const v4Of = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;

/** The IPv4 address an IPv6 one carries: mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::/96), 6to4 (2002::/16), compatible (::a.b.c.d). */
const embeddedV4 = (g: number[]): { ip: string; how: string } | null => {
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && g[5] === 0xffff) return { ip: v4Of(g[6]!, g[7]!), how: 'IPv4-mapped' };
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return { ip: v4Of(g[6]!, g[7]!), how: 'NAT64 (64:ff9b::/96)' };
  if (g[0] === 0x2002) return { ip: v4Of(g[1]!, g[2]!), how: '6to4 (2002::/16)' };
  // ::a.b.c.d (deprecated IPv4-compatible); :: and ::1 are judged as themselves.
  if (zeros(0, 6) && (g[6]! > 0 || g[7]! > 1)) return { ip: v4Of(g[6]!, g[7]!), how: 'IPv4-compatible' };
  return null;
};

const withoutZone = (ip: string) => ip.replace(/%.*$/, '');

/** Whether an address is a cloud metadata service's (also behind an IPv6 embedding). */
export const isMetadataAddress = (address: string): boolean => {
  const ip = withoutZone(address);
  if (isIPv4(ip)) return METADATA.has(ip);
  const g = groupsOf(ip);
  if (!g) return false;
  if (METADATA.has(canonical6(g))) return true;
  const inner = embeddedV4(g);
  return inner !== null && METADATA.has(inner.ip);
};

/**
 * Why a receiver may not be at this address, or null when it may: the reason names the range
 * (`address 10.1.2.3 is private (10.0.0.0/8)`). Anything not an IP address is refused.
 */
export const forbiddenAddress = (address: string): string | null => {
  const ip = withoutZone(address);
  const kind = isIP(ip);
  if (kind === 0) return `${address} is not an IP address`;
  if (isMetadataAddress(ip)) return `address ${address} is a cloud metadata service`;
  if (kind === 4) {
    const range = V4.find((r) => r.list.check(ip, 'ipv4'));
    return range ? `address ${address} ${range.reason}` : null;
  }
  const g = groupsOf(ip);
  if (!g) return `${address} is not an IP address`;
  const inner = embeddedV4(g);
  if (inner) {
    const why = forbiddenAddress(inner.ip);
    return why === null
      ? null
      : `address ${address} is ${inner.how} of ${inner.ip}, which ${why.replace(/^address \S+ /, '')}`;
  }
  const range = V6.find((r) => r.list.check(ip, 'ipv6'));
  return range ? `address ${address} ${range.reason}` : null;
};

/** The reason an address is refused for a receiver under these settings, or null. */
const refusal = (address: string, allowPrivate: boolean): string | null => {
  if (allowPrivate) return isMetadataAddress(address) ? `address ${address} is a cloud metadata service` : null;
  return forbiddenAddress(address);
};

export interface ReceiverUrlPolicy {
  /** Only https receivers (NODE_ENV=production). */
  production: boolean;
  /** WEBHOOK_ALLOW_PRIVATE: loopback and private receivers, for tests and development (never metadata). */
  allowPrivate: boolean;
}

/**
 * Why a receiver URL is refused before any lookup, or null: an absolute http(s) URL (https only in
 * production), without a user name or password, whose host is not an address or a name that is
 * inside by definition (`localhost`, `*.localhost`, `*.local`, a single label, the metadata names).
 */
export const checkReceiverUrl = (url: string, policy: ReceiverUrlPolicy): string | null => {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'the URL is not an absolute URL';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    return `the URL's scheme is ${u.protocol} (only https or http)`;
  if (policy.production && u.protocol !== 'https:') return 'only https receivers are allowed in production';
  if (u.username || u.password) return 'the URL may not carry a user name or password';
  // WHATWG URL parsing has already turned 0x7f.1, 2130706433 and the like into dotted IPv4.
  const host = u.hostname
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();
  if (host === '') return 'the URL has no host';
  if (isIP(host)) return refusal(host, policy.allowPrivate);
  if (METADATA_HOSTS.has(host)) return `host ${host} is a cloud metadata service`;
  if (policy.allowPrivate) return null;
  if (host === 'localhost' || host.endsWith('.localhost')) return `host ${host} is loopback`;
  if (host.endsWith('.local') || host.endsWith('.internal') || host.endsWith('.home.arpa'))
    return `host ${host} is a name of a local network`;
  if (!host.includes('.')) return `host ${host} is a single-label name, resolved inside the network`;
  return null;
};

/** dns.lookup with `all: true`, as a test replaces it. */
export type LookupFunction = (
  hostname: string,
  options: LookupOptions & { all: true },
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const lookupAll = (lookup: LookupFunction, host: string) =>
  new Promise<LookupAddress[]>((resolve, reject) =>
    lookup(host, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))),
  );

/**
 * Resolves a host to all its addresses and says why a receiver there is refused, or null: one
 * forbidden address is enough (a name answering a public and a private address would otherwise
 * reach inside on some connections). With `allowPrivate` only the metadata addresses are refused.
 */
export const resolveAndCheck = async (
  host: string,
  lookup: LookupFunction = dnsLookup,
  options: { allowPrivate?: boolean } = {},
): Promise<string | null> => {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (isIP(bare)) return refusal(bare, options.allowPrivate ?? false);
  let addresses: LookupAddress[];
  try {
    addresses = await lookupAll(lookup, bare);
  } catch (e) {
    return `host ${bare} does not resolve (${(e as NodeJS.ErrnoException).code ?? String(e)})`;
  }
  if (addresses.length === 0) return `host ${bare} resolves to no address`;
  for (const a of addresses) {
    const why = refusal(a.address, options.allowPrivate ?? false);
    if (why) return `host ${bare} resolves to a refused address: ${why}`;
  }
  return null;
};

/** What a guarded lookup fails a connection with: the socket never opens. */
export class ForbiddenAddressError extends Error {
  readonly code = 'EFORBIDDENADDRESS';
  constructor(
    readonly hostname: string,
    readonly reason: string,
  ) {
    super(`${hostname}: ${reason}`);
    this.name = 'ForbiddenAddressError';
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `dns.lookup` for `http.request({ lookup })` / `https.request({ lookup })`: it resolves every
 * address, fails the connection when any is refused, and otherwise answers as it was asked (one
 * address, or all of them for Node's happy eyeballs), so the address the socket connects to is the
 * one checked. Node does not call `lookup` for a literal IP host: check the URL with
 * `checkReceiverUrl` before each request as well.
 */
export const guardedLookup = (options: { allowPrivate: boolean; lookup?: LookupFunction }) => {
  const lookup = options.lookup ?? dnsLookup;
  return (hostname: string, opts: LookupOptions | number | LookupCallback, callback?: LookupCallback): void => {
    const cb = (typeof opts === 'function' ? opts : callback)!;
    const asked: LookupOptions = typeof opts === 'object' ? opts : typeof opts === 'number' ? { family: opts } : {};
    lookupAll(lookup, hostname).then(
      (all) => {
        const family = asked.family === 'IPv4' ? 4 : asked.family === 'IPv6' ? 6 : asked.family;
        const addresses = family === 4 || family === 6 ? all.filter((a) => a.family === family) : all;
        if (addresses.length === 0)
          return cb(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
        for (const a of all) {
          const why = refusal(a.address, options.allowPrivate);
          if (why) return cb(new ForbiddenAddressError(hostname, why), []);
        }
        if (asked.all) return cb(null, addresses);
        cb(null, addresses[0]!.address, addresses[0]!.family);
      },
      (err: NodeJS.ErrnoException) => cb(err, []),
    );
  };
};

import type { LookupAddress } from 'node:dns';
import type { RequestOptions } from 'node:http';
import {
  checkReceiverUrl,
  forbiddenAddress,
  ForbiddenAddressError,
  guardedLookup,
  isMetadataAddress,
  LookupFunction,
  resolveAndCheck,
} from './receiver-address';

/** A resolver that answers from a table and records what it was asked: no query leaves the process. */
const fakeDns = (table: Record<string, string[]>) => {
  const asked: string[] = [];
  const lookup: LookupFunction = (hostname, _options, callback) => {
    asked.push(hostname);
    const addresses = table[hostname];
    setImmediate(() =>
      addresses
        ? callback(
            null,
            addresses.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 })),
          )
        : callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []),
    );
  };
  return { lookup, asked };
};

const dns = fakeDns({
  'cong-thong-tin.cantho.gov.vn': ['203.113.131.2', '2402:800:6300::2'],
  'rebind.example.vn': ['203.113.131.2', '10.0.0.5'],
  'metadata-alias.example.vn': ['169.254.169.254'],
  'dev.example.vn': ['127.0.0.1'],
  'v6-only.example.vn': ['2402:800:6300::9'],
  'empty.example.vn': [],
});

describe('forbiddenAddress', () => {
  it.each([
    ['0.0.0.0', '0.0.0.0/8'],
    ['0.1.2.3', '0.0.0.0/8'],
    ['10.0.0.1', 'private (10.0.0.0/8)'],
    ['10.255.255.255', '10.0.0.0/8'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.254', '100.64.0.0/10'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['169.254.1.1', 'link-local'],
    ['169.254.169.254', 'metadata'],
    ['172.16.0.1', '172.16.0.0/12'],
    ['172.31.255.255', '172.16.0.0/12'],
    ['192.0.0.8', '192.0.0.0/24'],
    ['192.168.1.1', '192.168.0.0/16'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', '198.18.0.0/15'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['fc00::1', 'unique local'],
    ['fd12:3456::1', 'unique local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['fd00:ec2::254', 'metadata'],
    ['::ffff:127.0.0.1', 'IPv4-mapped of 127.0.0.1, which is loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped of 127.0.0.1'],
    ['::ffff:10.1.2.3', 'IPv4-mapped of 10.1.2.3'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['64:ff9b::10.0.0.1', 'NAT64 (64:ff9b::/96) of 10.0.0.1'],
    ['64:ff9b::a9fe:a9fe', 'metadata'],
    ['64:ff9b::7f00:1', 'NAT64 (64:ff9b::/96) of 127.0.0.1'],
    ['2002:c0a8:101::1', '6to4 (2002::/16) of 192.168.1.1'],
    ['::127.0.0.1', 'IPv4-compatible of 127.0.0.1'],
  ])('refuses %s (%s)', (ip, why) => {
    expect(forbiddenAddress(ip)).toContain(why);
  });

  it.each([
    '203.113.131.2',
    '8.8.8.8',
    '1.1.1.1',
    '100.63.255.255',
    '100.128.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '169.253.255.255',
    '198.20.0.0',
    '223.255.255.255',
    '2402:800:6300::2',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    'fbff:ffff::1',
    'fe00::1',
  ])('lets %s through', (ip) => {
    expect(forbiddenAddress(ip)).toBeNull();
  });

  it('refuses what is not an address', () => {
    expect(forbiddenAddress('cantho.gov.vn')).toContain('not an IP address');
    expect(forbiddenAddress('999.1.1.1')).toContain('not an IP address');
  });

  it('knows the metadata addresses in every spelling', () => {
    for (const ip of [
      '169.254.169.254',
      '::ffff:169.254.169.254',
      '::ffff:a9fe:a9fe',
      'fd00:ec2:0::254',
      '64:ff9b::169.254.169.254',
    ])
      expect(isMetadataAddress(ip)).toBe(true);
    expect(isMetadataAddress('169.254.169.253')).toBe(false);
  });
});

describe('checkReceiverUrl', () => {
  const dev = { production: false, allowPrivate: false };
  const prod = { production: true, allowPrivate: false };
  const test = { production: false, allowPrivate: true };

  it('takes an https URL anywhere, and http outside production only', () => {
    expect(checkReceiverUrl('https://cong-thong-tin.cantho.gov.vn/hooks/gl?x=1', prod)).toBeNull();
    expect(checkReceiverUrl('http://cong-thong-tin.cantho.gov.vn/hooks', dev)).toBeNull();
    expect(checkReceiverUrl('http://cong-thong-tin.cantho.gov.vn/hooks', prod)).toBe(
      'only https receivers are allowed in production',
    );
  });

  it('refuses what is not an absolute http(s) URL', () => {
    expect(checkReceiverUrl('/hooks', dev)).toContain('not an absolute URL');
    expect(checkReceiverUrl('ftp://cantho.gov.vn/x', dev)).toContain('only https or http');
    expect(checkReceiverUrl('file:///etc/passwd', dev)).toContain('only https or http');
    expect(checkReceiverUrl('gopher://cantho.gov.vn/', dev)).toContain('only https or http');
  });

  it('refuses a user name or password in the URL', () => {
    expect(checkReceiverUrl('https://admin:secret@cantho.gov.vn/hooks', dev)).toContain('user name or password');
    expect(checkReceiverUrl('https://admin@cantho.gov.vn/hooks', dev)).toContain('user name or password');
  });

  it('checks a literal address at once, in every spelling URL parsing accepts', () => {
    expect(checkReceiverUrl('https://10.0.0.1/hooks', dev)).toContain('private');
    expect(checkReceiverUrl('https://127.1/hooks', dev)).toContain('loopback');
    expect(checkReceiverUrl('https://2130706433/hooks', dev)).toContain('loopback');
    expect(checkReceiverUrl('https://0x7f.0.0.1/hooks', dev)).toContain('loopback');
    expect(checkReceiverUrl('https://[::1]:8443/hooks', dev)).toContain('loopback');
    expect(checkReceiverUrl('https://[::ffff:127.0.0.1]/hooks', dev)).toContain('127.0.0.1');
    expect(checkReceiverUrl('http://169.254.169.254/latest/meta-data/', dev)).toContain('metadata');
    expect(checkReceiverUrl('https://203.113.131.2/hooks', prod)).toBeNull();
  });

  it('refuses the names that are inside by definition', () => {
    expect(checkReceiverUrl('https://localhost:3000/hooks', dev)).toContain('loopback');
    expect(checkReceiverUrl('https://LOCALHOST./hooks', dev)).toContain('loopback');
    expect(checkReceiverUrl('https://api.localhost/hooks', dev)).toContain('loopback');
    expect(checkReceiverUrl('https://printer.local/hooks', dev)).toContain('local network');
    expect(checkReceiverUrl('https://intranet/hooks', dev)).toContain('single-label');
    expect(checkReceiverUrl('http://metadata.google.internal/computeMetadata/v1/', dev)).toContain('metadata');
  });

  it('with private receivers allowed, takes loopback and private, never the metadata service', () => {
    expect(checkReceiverUrl('http://127.0.0.1:4000/hooks', test)).toBeNull();
    expect(checkReceiverUrl('http://localhost:4000/hooks', test)).toBeNull();
    expect(checkReceiverUrl('http://10.0.0.8/hooks', test)).toBeNull();
    expect(checkReceiverUrl('http://169.254.169.254/latest/', test)).toContain('metadata');
    expect(checkReceiverUrl('http://[fd00:ec2::254]/latest/', test)).toContain('metadata');
    expect(checkReceiverUrl('http://metadata.google.internal/', test)).toContain('metadata');
  });
});

describe('resolveAndCheck (a fake resolver: nothing is sent)', () => {
  it('takes a name whose every address is public', async () => {
    expect(await resolveAndCheck('cong-thong-tin.cantho.gov.vn', dns.lookup)).toBeNull();
  });

  it('refuses a name with one private address among public ones', async () => {
    expect(await resolveAndCheck('rebind.example.vn', dns.lookup)).toBe(
      'host rebind.example.vn resolves to a refused address: address 10.0.0.5 is private (10.0.0.0/8)',
    );
    expect(await resolveAndCheck('rebind.example.vn', dns.lookup, { allowPrivate: true })).toBeNull();
  });

  it('refuses a name for the metadata service even with private receivers allowed', async () => {
    expect(await resolveAndCheck('metadata-alias.example.vn', dns.lookup, { allowPrivate: true })).toContain(
      'cloud metadata',
    );
  });

  it('refuses loopback unless allowed', async () => {
    expect(await resolveAndCheck('dev.example.vn', dns.lookup)).toContain('loopback');
    expect(await resolveAndCheck('dev.example.vn', dns.lookup, { allowPrivate: true })).toBeNull();
  });

  it('says so when a name does not resolve, or to nothing', async () => {
    expect(await resolveAndCheck('khong-co.example.vn', dns.lookup)).toContain('does not resolve (ENOTFOUND)');
    expect(await resolveAndCheck('empty.example.vn', dns.lookup)).toContain('no address');
  });

  it('checks a literal address without asking the resolver', async () => {
    const { lookup, asked } = fakeDns({});
    expect(await resolveAndCheck('10.0.0.1', lookup)).toContain('private');
    expect(await resolveAndCheck('[::1]', lookup)).toContain('loopback');
    expect(await resolveAndCheck('203.113.131.2', lookup)).toBeNull();
    expect(asked).toEqual([]);
  });
});

describe('guardedLookup (what http.request connects to)', () => {
  const call = (
    lookup: ReturnType<typeof guardedLookup>,
    host: string,
    options: Parameters<ReturnType<typeof guardedLookup>>[1],
  ) =>
    new Promise<{ err: NodeJS.ErrnoException | null; address: unknown; family?: number }>((resolve) =>
      lookup(host, options, (err, address, family) => resolve({ err, address, family })),
    );

  it('fits http.request({ lookup })', () => {
    const options: RequestOptions = {
      host: 'cong-thong-tin.cantho.gov.vn',
      lookup: guardedLookup({ allowPrivate: false }),
    };
    expect(typeof options.lookup).toBe('function');
  });

  it('answers one address, or all of them, as dns.lookup does', async () => {
    const lookup = guardedLookup({ allowPrivate: false, lookup: dns.lookup });
    expect(await call(lookup, 'cong-thong-tin.cantho.gov.vn', {})).toEqual({
      err: null,
      address: '203.113.131.2',
      family: 4,
    });
    expect(await call(lookup, 'cong-thong-tin.cantho.gov.vn', { family: 6 })).toEqual({
      err: null,
      address: '2402:800:6300::2',
      family: 6,
    });
    expect((await call(lookup, 'cong-thong-tin.cantho.gov.vn', { all: true })).address).toEqual([
      { address: '203.113.131.2', family: 4 },
      { address: '2402:800:6300::2', family: 6 },
    ]);
  });

  it('fails the connection when the name now points inside (a DNS change after registration)', async () => {
    const lookup = guardedLookup({ allowPrivate: false, lookup: dns.lookup });
    const { err } = await call(lookup, 'rebind.example.vn', { all: true });
    expect(err).toBeInstanceOf(ForbiddenAddressError);
    expect(err).toMatchObject({ code: 'EFORBIDDENADDRESS', hostname: 'rebind.example.vn' });
    expect(err!.message).toContain('10.0.0.5 is private');
    // Asked for IPv4 only, the private address is still weighed: the answer might change on the next call.
    expect((await call(lookup, 'rebind.example.vn', { family: 4 })).err).toBeInstanceOf(ForbiddenAddressError);
  });

  it('lets loopback through for tests, never the metadata service', async () => {
    const lookup = guardedLookup({ allowPrivate: true, lookup: dns.lookup });
    expect(await call(lookup, 'dev.example.vn', {})).toEqual({ err: null, address: '127.0.0.1', family: 4 });
    expect((await call(lookup, 'metadata-alias.example.vn', {})).err).toBeInstanceOf(ForbiddenAddressError);
  });

  it('passes resolver errors on, and a family with no address as ENOTFOUND', async () => {
    const lookup = guardedLookup({ allowPrivate: false, lookup: dns.lookup });
    expect((await call(lookup, 'khong-co.example.vn', {})).err).toMatchObject({ code: 'ENOTFOUND' });
    expect((await call(lookup, 'v6-only.example.vn', { family: 4 })).err).toMatchObject({ code: 'ENOTFOUND' });
  });
});

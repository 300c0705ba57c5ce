import type { LookupAddress } from 'node:dns';
import { loadConfig } from '../config/app-config';
import type { LookupFunction } from './receiver-address';
import { receiverCheckOf } from './webhook-registry.module';

/** Answers from a table, records what it was asked: nothing leaves the process. */
const fakeDns = (table: Record<string, string[]>) => {
  const asked: string[] = [];
  const lookup: LookupFunction = (hostname, _o, callback) => {
    asked.push(hostname);
    const list = table[hostname] ?? [];
    callback(
      null,
      list.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  };
  return { lookup, asked };
};

describe('the receiver check at registration', () => {
  const base = loadConfig({ DATA_DIR: '/tmp/gl-unused', LOG_LEVEL: 'silent' });
  const configured = (nodeEnv: 'production' | 'development', allowPrivate: boolean) => ({
    ...base,
    nodeEnv,
    webhooks: { ...base.webhooks, allowPrivate },
  });
  const dns = fakeDns({
    'cong-thong-tin.cantho.gov.vn': ['203.113.131.2'],
    'noi-bo.cantho.gov.vn': ['10.20.0.7'],
    'dev.cantho.gov.vn': ['127.0.0.1'],
  });

  it('takes a public https receiver in production, and refuses http there', async () => {
    const check = receiverCheckOf(configured('production', false), dns.lookup);
    expect(await check('https://cong-thong-tin.cantho.gov.vn/hooks')).toBeNull();
    expect(await check('http://cong-thong-tin.cantho.gov.vn/hooks')).toBe(
      'only https receivers are allowed in production',
    );
  });

  it('refuses private, loopback and metadata receivers when private ones are not allowed', async () => {
    const check = receiverCheckOf(configured('development', false), dns.lookup);
    expect(await check('https://noi-bo.cantho.gov.vn/hooks')).toContain('10.20.0.7 is private');
    expect(await check('https://dev.cantho.gov.vn/hooks')).toContain('loopback');
    expect(await check('http://127.0.0.1:4000/hooks')).toContain('loopback');
    expect(await check('http://localhost:4000/hooks')).toContain('loopback');
    expect(await check('http://169.254.169.254/latest/meta-data/')).toContain('metadata');
  });

  it('with WEBHOOK_ALLOW_PRIVATE takes loopback and private receivers, never the metadata service', async () => {
    const check = receiverCheckOf(configured('development', true), dns.lookup);
    expect(await check('http://127.0.0.1:4000/hooks')).toBeNull();
    expect(await check('https://noi-bo.cantho.gov.vn/hooks')).toBeNull();
    expect(await check('http://169.254.169.254/latest/meta-data/')).toContain('metadata');
    expect(await check('http://[fd00:ec2::254]/latest/')).toContain('metadata');
  });

  it('asks the resolver only for names, never for literal addresses', async () => {
    const { lookup, asked } = fakeDns({});
    const check = receiverCheckOf(configured('development', false), lookup);
    await check('http://10.0.0.1/hooks');
    await check('http://[::1]/hooks');
    expect(asked).toEqual([]);
    expect(await check('https://khong-co.cantho.gov.vn/hooks')).toContain('resolves to no address');
    expect(asked).toEqual(['khong-co.cantho.gov.vn']);
  });
});

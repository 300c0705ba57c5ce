import type { IncomingMessage, ServerResponse } from 'node:http';
import { correlationIdOf, requestIdOf, requestIds } from './request-id';

const req = (headers: Record<string, string> = {}) =>
  ({ headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) }) as IncomingMessage;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it('keeps a sane X-Request-Id', () => {
    expect(requestIdOf(req({ 'X-Request-Id': 'gw-01:abc.DEF_9-z' }))).toBe('gw-01:abc.DEF_9-z');
    expect(requestIdOf(req({ 'X-Request-Id': 'a'.repeat(128) }))).toBe('a'.repeat(128));
  });

  it.each([['a'.repeat(129)], ['two words'], ['x\u0000'], ['ý'], ['a/b'], ['"quoted"'], ['']])(
    'replaces %j with a new UUID v4',
    (given) => {
      expect(requestIdOf(req({ 'X-Request-Id': given }))).toMatch(UUID_V4);
    },
  );

  it('is one id for the whole request', () => {
    const r = req();
    expect(requestIdOf(r)).toMatch(UUID_V4);
    expect(requestIdOf(r)).toBe(requestIdOf(r));
  });

  it('takes the correlation id given, else the request id', () => {
    expect(correlationIdOf(req({ 'X-Correlation-Id': 'case/42#a' }))).toBe('case/42#a');
    const r = req({ 'X-Request-Id': 'r-1', 'X-Correlation-Id': 'bad value with spaces' });
    expect(correlationIdOf(r)).toBe('r-1');
  });

  it('echoes both before the request goes on', () => {
    const set: Record<string, string> = {};
    const res = {
      setHeader: (k: string, v: string) => {
        set[k] = v;
      },
    } as unknown as ServerResponse;
    const next = jest.fn();
    requestIds(req({ 'X-Request-Id': 'r-2' }), res, next);
    expect(set).toEqual({ 'X-Request-Id': 'r-2', 'X-Correlation-Id': 'r-2' });
    expect(next).toHaveBeenCalled();
  });
});

import type { Request } from 'express';
import { boundIdempotencyKey, describeWrite, parseIdempotencyKey } from './idempotency-request';

const request = (body: unknown, params: Record<string, string> = { id: 'ob-1' }, method = 'POST'): Request =>
  ({
    method,
    route: { path: '/api/v1/obligations/:id/progress' },
    path: `/api/v1/obligations/${params.id}/progress`,
    params,
    body,
  }) as unknown as Request;

describe('parseIdempotencyKey', () => {
  it('reads a bare token and a quoted Structured Field string as the same key', () => {
    expect(parseIdempotencyKey('8e03978e-40d5')).toBe('8e03978e-40d5');
    expect(parseIdempotencyKey('"8e03978e-40d5"')).toBe('8e03978e-40d5');
    expect(parseIdempotencyKey('"a \\"b\\" \\\\c"')).toBe('a "b" \\c');
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
  });

  it.each(['', '""', 'x'.repeat(201), 'has space', 'khóa'])('refuses %j', (raw) => {
    expect(() => parseIdempotencyKey(raw)).toThrow(/Idempotency-Key must be/);
  });
});

describe('describeWrite', () => {
  const nfd = 'Đã tổ chức hội nghị'.normalize('NFD');

  it('gives one fingerprint to bodies that differ only in key order or Unicode normal form', () => {
    const a = describeWrite(request({ percent: 30, note: 'Đã tổ chức hội nghị'.normalize('NFC') }));
    const b = describeWrite(request({ note: nfd, percent: 30 }));
    expect(b).toEqual(a);
    expect(a.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(a.operation).toBe('POST /api/v1/obligations/:id/progress {"id":"ob-1"}');
  });

  it('tells another body, another path parameter and another method apart', () => {
    const base = describeWrite(request({ percent: 30, note: '' }));
    expect(describeWrite(request({ percent: 90, note: '' })).fingerprint).not.toBe(base.fingerprint);
    expect(describeWrite(request({ percent: 30, note: '' }, { id: 'ob-2' })).operation).not.toBe(base.operation);
    expect(describeWrite(request({ percent: 30, note: '' }, { id: 'ob-1' }, 'PUT')).operation).not.toBe(base.operation);
    expect(describeWrite(request(undefined)).fingerprint).not.toBe(describeWrite(request({})).fingerprint);
  });

  it('binds the key the stream runner sees to the request', () => {
    const k = (body: unknown) => boundIdempotencyKey(request(body), 'key-1');
    expect(k({ percent: 30, note: '' })).toBe(k({ note: '', percent: 30 }));
    expect(k({ percent: 30, note: '' })).not.toBe(k({ percent: 90, note: '' }));
    expect(k({ percent: 30, note: '' })).toMatch(/^key-1#[0-9a-f]{32}$/);
  });
});

import { describe, expect, it } from 'vitest';
import type { Payload } from '../model/types';
import { jsonLeaves, payloadDiff } from './payload-diff';

const payload = (over: { reqHeaders?: Record<string, string | string[]>; resHeaders?: Record<string, string>; reqBody?: string; resBody?: string }): Payload => ({
  traceId: 't',
  request: { headers: over.reqHeaders ?? {}, ...(over.reqBody !== undefined ? { body: over.reqBody } : {}) },
  response: { headers: over.resHeaders ?? {}, ...(over.resBody !== undefined ? { body: over.resBody } : {}) },
});

describe('payload differences', () => {
  it('headers by name, whatever their case; ids and dates hidden and named', () => {
    const d = payloadDiff(
      payload({ reqHeaders: { Host: 'api.test', 'User-Agent': 'curl/8', 'X-Request-Id': 'a1' }, resHeaders: { 'x-kong-upstream-latency': '12', Date: 'Mon' } }),
      payload({ reqHeaders: { host: 'api.test', 'user-agent': 'okhttp/4', 'x-request-id': 'b2', accept: 'application/json' }, resHeaders: { 'x-kong-upstream-latency': '480', date: 'Tue' } }),
    )!;
    expect(d.request.headers).toEqual([
      { key: 'user-agent', a: 'curl/8', b: 'okhttp/4', change: 'changed' },
      { key: 'accept', a: null, b: 'application/json', change: 'only-b' },
      { key: 'host', a: 'api.test', b: 'api.test', change: 'same' },
    ]);
    expect(d.request.hiddenHeaders).toEqual(['x-request-id']);
    expect(d.response.headers[0]).toEqual({ key: 'x-kong-upstream-latency', a: '12', b: '480', change: 'changed' });
    expect(d.response.hiddenHeaders).toEqual(['date']);
  });

  it('two JSON bodies member by member: in A\'s order, then what only B has', () => {
    const d = payloadDiff(payload({ resBody: '{"ok":true,"items":[{"sku":"a"}],"n":1}' }), payload({ resBody: '{"ok":false,"items":[{"sku":"a"},{"sku":"b"}],"n":1}' }))!;
    expect(d.response.body).toEqual({
      kind: 'json',
      truncated: false,
      rows: [
        { key: '$.ok', a: 'true', b: 'false', change: 'changed' },
        { key: '$.items[0].sku', a: '"a"', b: '"a"', change: 'same' },
        { key: '$.n', a: '1', b: '1', change: 'same' },
        { key: '$.items[1].sku', a: null, b: '"b"', change: 'only-b' },
      ],
    });
  });

  it('other bodies as whole texts; nothing when neither was captured', () => {
    expect(payloadDiff(payload({ reqBody: 'a=1' }), payload({ reqBody: 'a=2' }))!.request.body).toEqual({ kind: 'text', a: 'a=1', b: 'a=2', same: false });
    expect(payloadDiff(payload({}), payload({}))!.request.body).toEqual({ kind: 'none' });
    expect(payloadDiff(null, null)).toBeNull();
    expect(payloadDiff(null, payload({ reqBody: 'x' }))!.request.body).toEqual({ kind: 'text', a: null, b: 'x', same: false });
  });

  it('a deep or huge body is walked without recursion and cut at the limit', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(jsonLeaves(deep).leaves.size).toBe(1);
    const big = jsonLeaves(Array.from({ length: 5000 }, (_, i) => i));
    expect(big.leaves.size).toBe(2000);
    expect(big.truncated).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { LogRecord, TraceSpans } from '../model/types';
import { Outbox } from './outbox';

const trace = (traceId: string, spans = 1): TraceSpans => ({
  traceId,
  baseNs: '0',
  resources: [],
  scopes: [],
  spans: Array.from({ length: spans }, (_, i) => ({
    spanId: String(i),
    parentSpanId: '',
    name: 'kong',
    kind: 1,
    start: 0,
    duration: 0,
    status: { code: 0 },
    attributes: {},
    events: [],
    resource: 0,
    scope: 0,
  })),
});
const log = { traceId: 'a' } as LogRecord;

describe('capture outbox', () => {
  it('returns what came after the cursor and releases what came before it', () => {
    const o = new Outbox();
    o.push([trace('a')], []);
    o.push([trace('b')], [log]);
    const first = o.read(0);
    expect(first.traces.map((t) => t.traceId)).toEqual(['a', 'b']);
    expect(first.logs).toHaveLength(1);
    expect(o.pendingRecords).toBe(3);
    o.push([trace('c')], []);
    const second = o.read(first.cursor);
    expect(second.traces.map((t) => t.traceId)).toEqual(['c']);
    expect(o.pendingRecords).toBe(1);
  });

  it('gives the same data again to a consumer that reads with its old cursor (a reload before storing)', () => {
    const o = new Outbox();
    o.push([trace('a')], []);
    o.read(0);
    expect(o.read(0).traces.map((t) => t.traceId)).toEqual(['a']);
  });

  it('pages large backlogs and says more waits', () => {
    const o = new Outbox();
    for (const id of ['a', 'b', 'c']) o.push([trace(id, 5)], []);
    const page = o.read(0, 10);
    expect(page.traces.map((t) => t.traceId)).toEqual(['a', 'b']);
    expect(page.more).toBe(true);
    const rest = o.read(page.cursor, 10);
    expect(rest.traces.map((t) => t.traceId)).toEqual(['c']);
    expect(rest.more).toBe(false);
  });

  it('returns one oversized entry rather than nothing', () => {
    const o = new Outbox();
    o.push([trace('big', 50)], []);
    expect(o.read(0, 10).traces).toHaveLength(1);
  });

  it('reads from the start for a cursor it never issued', () => {
    const o = new Outbox();
    o.push([trace('a')], []);
    expect(o.read(99).traces).toHaveLength(1);
  });

  it('ignores empty pushes', () => {
    const o = new Outbox();
    o.push([], []);
    expect(o.head).toBe(0);
  });

  it('counts the bytes waiting, not only the records, and releases them with the records', () => {
    const o = new Outbox();
    const big = trace('a');
    big.spans[0]!.attributes = { blob: 'x'.repeat(1_000_000) };
    o.push([big], []);
    expect(o.pendingRecords).toBe(1);
    expect(o.pendingBytes).toBeGreaterThan(1_000_000);
    o.read(o.read(0).cursor);
    expect(o.pendingBytes).toBe(0);
  });
});

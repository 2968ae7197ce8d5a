import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../../../shared/model/types';
import { EMPTY_LOG_FILTER, applyLogFilter, filterLogs, levelOf, logLineText, logSources, prepareLogs, spanFamily } from './log-filter';

const rec = (over: Partial<LogRecord>): LogRecord => ({
  timeNs: '0',
  timeMs: 1_700_000_000_000,
  severityNumber: 9,
  severityText: 'info',
  body: 'hello',
  traceId: 'ab'.repeat(16),
  spanId: '',
  attributes: {},
  resource: {},
  ...over,
});

const spanNames = new Map([
  ['aaaaaaaaaaaaaaaa', 'kong.access.plugin.rate-limiting'],
  ['bbbbbbbbbbbbbbbb', 'kong.router'],
]);

const records = [
  rec({ timeMs: 1, severityNumber: 5, body: 'loading plugin', spanId: 'aaaaaaaaaaaaaaaa' }),
  rec({ timeMs: 2, severityNumber: 13, body: 'Redis slow', spanId: 'aaaaaaaaaaaaaaaa', attributes: { 'introspection.source': 'kong/plugins/rate-limiting/policies.lua' } }),
  rec({ timeMs: 3, severityNumber: 17, body: 'no route matched', spanId: 'bbbbbbbbbbbbbbbb' }),
  rec({ timeMs: 4, severityNumber: 11, body: { event: 'done', ms: 3 } }),
];

describe('levelOf', () => {
  it("maps Kong's nginx severities to their level names", () => {
    expect([5, 9, 11, 13, 17, 19, 21, 23].map((n) => levelOf(n))).toEqual(['debug', 'info', 'notice', 'warn', 'error', 'crit', 'alert', 'emerg']);
    expect(levelOf(0, 'WARNING')).toBe('warn');
  });
});

describe('filterLogs', () => {
  const prepared = prepareLogs(records, spanNames);

  it('shows newest first by default and oldest first when toggled, lines without a span included', () => {
    expect(filterLogs(prepared, EMPTY_LOG_FILTER).rows.map((r) => r.record.timeMs)).toEqual([1, 2, 3, 4]);
    expect(filterLogs(prepared, { ...EMPTY_LOG_FILTER, newestFirst: true }).rows.map((r) => r.record.timeMs)).toEqual([4, 3, 2, 1]);
  });

  it('filters by level and counts every level regardless of the level filter', () => {
    const r = filterLogs(prepared, { ...EMPTY_LOG_FILTER, levels: ['warn', 'error'], newestFirst: true });
    expect(r.rows.map((x) => x.message)).toEqual(['no route matched', 'Redis slow']);
    expect(r.counts).toMatchObject({ debug: 1, warn: 1, error: 1, notice: 1, info: 0 });
  });

  it('filters by span, by source and by text (case-insensitive, structured bodies as JSON)', () => {
    expect(filterLogs(prepared, { ...EMPTY_LOG_FILTER, spans: new Set(['aaaaaaaaaaaaaaaa']) }).rows.map((x) => x.message)).toEqual(['loading plugin', 'Redis slow']);
    expect(filterLogs(prepared, { ...EMPTY_LOG_FILTER, source: 'rate-limiting' }).rows.map((x) => x.message)).toEqual(['loading plugin']);
    expect(filterLogs(prepared, { ...EMPTY_LOG_FILTER, text: 'REDIS' }).rows.map((x) => x.message)).toEqual(['Redis slow']);
    expect(filterLogs(prepared, { ...EMPTY_LOG_FILTER, text: '"event":"done"' }).rows).toHaveLength(1);
  });

  it('narrows the level counts by the other filters', () => {
    expect(filterLogs(prepared, { ...EMPTY_LOG_FILTER, spans: new Set(['bbbbbbbbbbbbbbbb']) }).counts).toMatchObject({ error: 1, debug: 0, warn: 0 });
  });

  it('names sources by introspection.source, else plugin, else span name', () => {
    expect(logSources(prepared)).toEqual([
      { source: '', count: 1 },
      { source: 'kong.router', count: 1 },
      { source: 'kong/plugins/rate-limiting/policies.lua', count: 1 },
      { source: 'rate-limiting', count: 1 },
    ]);
  });

  it('filters 100,000 lines by level and text', () => {
    const many: LogRecord[] = [];
    for (let i = 0; i < 100_000; i++) many.push(rec({ timeMs: i, severityNumber: i % 7 === 0 ? 17 : 9, body: `request ${i} done` }));
    const r = applyLogFilter(many, spanNames, { ...EMPTY_LOG_FILTER, levels: ['error'], text: 'request 7', newestFirst: true });
    expect(r.rows[0]!.message).toBe('request 79996 done');
    expect(r.rows.every((x) => x.level === 'error' && x.message.includes('request 7'))).toBe(true);
  });

  it('copies a line as text with its time, level and source', () => {
    expect(logLineText(prepared[1]!)).toBe('1970-01-01T00:00:00.002Z [warn] kong/plugins/rate-limiting/policies.lua Redis slow');
  });
});

describe('spanFamily', () => {
  it('is the span and every descendant, however deep, and nothing else', () => {
    const spans = [
      { spanId: 'root', parentSpanId: '' },
      { spanId: 'a', parentSpanId: 'root' },
      { spanId: 'a1', parentSpanId: 'a' },
      { spanId: 'a11', parentSpanId: 'a1' },
      { spanId: 'b', parentSpanId: 'root' },
    ];
    expect([...spanFamily(spans, 'a')].sort()).toEqual(['a', 'a1', 'a11']);
    expect(spanFamily(spans, 'b')).toEqual(new Set(['b']));
    expect(spanFamily(spans, 'root').size).toBe(5);
  });

  it('walks a chain deeper than the call stack allows', () => {
    const spans = Array.from({ length: 50_000 }, (_, i) => ({ spanId: `s${i}`, parentSpanId: i ? `s${i - 1}` : '' }));
    expect(spanFamily(spans, 's0').size).toBe(50_000);
  });
});

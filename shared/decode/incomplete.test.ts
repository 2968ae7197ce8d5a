/** Spans with no start or no end time are kept, marked with what is missing, and never move the trace's time base. */
import { describe, expect, it } from 'vitest';
import { mergeSpan } from '../model/merge';
import type { Span } from '../model/types';
import { decodeText } from './test-helpers';

const T = '0af7651916cd43dd8448eb211c80319c';

function doc(spans: Record<string, unknown>[]): string {
  return JSON.stringify({ resourceSpans: [{ resource: {}, scopeSpans: [{ scope: { name: 's' }, spans: spans.map((s) => ({ traceId: T, name: 'n', ...s })) }] }] });
}

const root = { spanId: 'aaaaaaaaaaaaaaaa', name: 'kong', startTimeUnixNano: '1000000000000000000', endTimeUnixNano: '1000000000010000000' };

describe('incomplete spans', () => {
  it.each([
    ['no start time', { endTimeUnixNano: '1000000000004000000' }, 'start', 4_000_000],
    ['a start time of 0 (not set)', { startTimeUnixNano: '0', endTimeUnixNano: '1000000000004000000' }, 'start', 4_000_000],
    ['no end time', { startTimeUnixNano: '1000000000002000000' }, 'end', 2_000_000],
    ['no time at all', {}, 'both', 0],
  ])('%s: kept as an instant, marked %j', async (_name, times, missing, at) => {
    const { traces, skipped } = await decodeText(doc([root, { spanId: 'bbbbbbbbbbbbbbbb', parentSpanId: root.spanId, name: 'kong.phase.access', ...times }]));
    expect(skipped).toEqual([]);
    const t = traces[0]!;
    expect(t.baseNs).toBe('1000000000000000000');
    const span = t.spans.find((s) => s.spanId === 'bbbbbbbbbbbbbbbb')!;
    expect(span).toMatchObject({ incomplete: missing, start: at, duration: 0 });
    expect(t.spans.find((s) => s.spanId === root.spanId)!.incomplete).toBeUndefined();
  });

  it('a span with no time that comes first does not set the trace base', async () => {
    const { traces } = await decodeText(doc([{ spanId: 'bbbbbbbbbbbbbbbb', parentSpanId: root.spanId }, root]));
    expect(traces[0]!.baseNs).toBe('1000000000000000000');
    expect(traces[0]!.spans.find((s) => s.spanId === 'bbbbbbbbbbbbbbbb')).toMatchObject({ incomplete: 'both', start: 0, duration: 0 });
  });

  it('a time that is not a number is reported and the span kept as incomplete', async () => {
    const { traces, skipped } = await decodeText(doc([root, { spanId: 'bbbbbbbbbbbbbbbb', startTimeUnixNano: 'soon', endTimeUnixNano: '1000000000004000000' }]));
    expect(traces[0]!.spans).toHaveLength(2);
    expect(skipped).toEqual([{ where: '$.resourceSpans[0].scopeSpans[0].spans[1].startTimeUnixNano', reason: expect.stringContaining('"soon" is not a time') }]);
  });

  it('the Kong-edited fixture shape: one copy without a start, another without an end', async () => {
    const { traces } = await decodeText(
      doc([
        root,
        { spanId: 'cccccccccccccccc', parentSpanId: root.spanId, endTimeUnixNano: '1000000000003000000' },
        { spanId: 'dddddddddddddddd', parentSpanId: root.spanId, startTimeUnixNano: '1000000000003000000' },
      ]),
    );
    expect(traces[0]!.spans.map((s) => s.incomplete)).toEqual([undefined, 'start', 'end']);
  });
});

describe('merging copies of an incomplete span', () => {
  const base: Span = { spanId: 's', parentSpanId: '', name: 'n', kind: 1, start: 10, duration: 0, status: { code: 0 }, attributes: {}, events: [], resource: 0, scope: 0 };
  it.each([
    ['no start + whole', { ...base, incomplete: 'start' }, { ...base, start: 5, duration: 5 }, { start: 5, duration: 5, incomplete: undefined }],
    ['no start + no end', { ...base, start: 10, incomplete: 'start' }, { ...base, start: 4, incomplete: 'end' }, { start: 4, duration: 6, incomplete: undefined }],
    ['no times + whole', { ...base, start: 0, incomplete: 'both' }, { ...base, start: 5, duration: 5 }, { start: 5, duration: 5, incomplete: undefined }],
    ['whole + no times', { ...base, start: 5, duration: 5 }, { ...base, start: 0, incomplete: 'both' }, { start: 5, duration: 5, incomplete: undefined }],
    ['no end + no end', { ...base, incomplete: 'end' }, { ...base, incomplete: 'end' }, { start: 10, duration: 0, incomplete: 'end' }],
  ] as [string, Span, Span, Partial<Span>][])('%s', (_name, a, b, expected) => {
    const merged = mergeSpan(a, b);
    expect({ start: merged.start, duration: merged.duration, incomplete: merged.incomplete }).toEqual(expected);
  });
});

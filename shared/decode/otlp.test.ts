import { describe, expect, it } from 'vitest';
import quirks from '../../test/fixtures/formats/otlp-quirks.json';
import konnect from '../sample/gateway-3.10-konnect.json';
import exampleTrace from '../../test/fixtures/otlp/example-trace.json';
import exampleLogs from '../../test/fixtures/otlp/example-logs.json';
import type { Span } from '../model/types';
import { DecodeError } from './api';
import { addNs } from './time';
import { decodeText, rejection } from './test-helpers';

const T = '0af7651916cd43dd8448eb211c80319c';

function oneSpan(span: Record<string, unknown>): string {
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'kong' } }] },
        scopeSpans: [{ scope: { name: 's' }, spans: [{ traceId: T, spanId: '00f067aa0ba902b7', name: 'n', startTimeUnixNano: '1000000000000000000', endTimeUnixNano: '1000000000000000500', ...span }] }],
      },
    ],
  });
}

describe('OTLP/JSON spans: each real-world deviation', () => {
  it.each([
    ['uppercase hex ids', { traceId: T.toUpperCase(), spanId: '00F067AA0BA902B7' }, (s: Span) => expect(s.spanId).toBe('00f067aa0ba902b7')],
    ['base64 ids', { traceId: 'CvdlGRbNQ92ESOshHIAxnA==', spanId: 'APBnqgupArc=' }, (s: Span) => expect(s.spanId).toBe('00f067aa0ba902b7')],
    ['kind as number', { kind: 3 }, (s: Span) => expect(s.kind).toBe(3)],
    ['kind as enum name', { kind: 'SPAN_KIND_CLIENT' }, (s: Span) => expect(s.kind).toBe(3)],
    ['kind as short name', { kind: 'server' }, (s: Span) => expect(s.kind).toBe(2)],
    ['unknown kind', { kind: 'SPAN_KIND_BOGUS' }, (s: Span) => expect(s.kind).toBe(0)],
    ['status name', { status: { code: 'STATUS_CODE_ERROR', message: 'boom' } }, (s: Span) => expect(s.status).toEqual({ code: 2, message: 'boom' })],
    ['status number', { status: { code: 1 } }, (s: Span) => expect(s.status).toEqual({ code: 1 })],
    ['times as numbers', { startTimeUnixNano: 1000000000000000000, endTimeUnixNano: 1000000000000001024 }, (s: Span) => expect(s.duration).toBe(1024)],
    ['empty parent', { parentSpanId: '' }, (s: Span) => expect(s.parentSpanId).toBe('')],
    ['all-zero parent', { parentSpanId: '0000000000000000' }, (s: Span) => expect(s.parentSpanId).toBe('')],
    ['uppercase parent', { parentSpanId: 'B7AD6B7169203331' }, (s: Span) => expect(s.parentSpanId).toBe('b7ad6b7169203331')],
    ['end before start', { endTimeUnixNano: '999999999999999999' }, (s: Span) => expect(s.duration).toBe(0)],
    ['no end time', { endTimeUnixNano: undefined }, (s: Span) => expect(s.duration).toBe(0)],
    ['trace state', { traceState: 'kong=1' }, (s: Span) => expect(s.traceState).toBe('kong=1')],
    [
      'links',
      { links: [{ traceId: T, spanId: 'b7ad6b7169203331', attributes: [{ key: 'k', value: { stringValue: 'v' } }] }] },
      (s: Span) => expect(s.links).toEqual([{ traceId: T, spanId: 'b7ad6b7169203331', attributes: { k: 'v' } }]),
    ],
  ] as [string, Record<string, unknown>, (s: Span) => void][])('%s', async (_name, fields, check) => {
    const { traces, skipped } = await decodeText(oneSpan(fields));
    expect(skipped).toEqual([]);
    expect(traces).toHaveLength(1);
    check(traces[0]!.spans[0]!);
  });

  it('reads the quirks fixture: snake_case keys, base64 ids, enum names, int64 numbers, every AnyValue kind', async () => {
    const { traces, skipped, format } = await decodeText(JSON.stringify(quirks));
    expect(format).toBe('otlp-json');
    expect(skipped).toEqual([]);
    const [trace] = traces;
    expect(trace!.traceId).toBe(T);
    const [root, router] = trace!.spans;
    expect(root).toMatchObject({ spanId: 'b7ad6b7169203331', parentSpanId: '', kind: 2, status: { code: 2 } });
    expect(root!.attributes).toEqual({
      s: 'x',
      i: 42,
      big: '9007199254740993',
      d: 0.5,
      b: true,
      bytes: 'AQID',
      arr: ['a', 1, [false]],
      kv: { k: 1.5, nested: { z: 'deep' } },
      empty: null,
    });
    // the start time was written as a JSON number, so it arrives as the nearest double (…947000064); the
    // event time was a string and stays exact
    expect(trace!.baseNs).toBe('1739932819947000064');
    expect(root!.events).toEqual([{ t: 500000 - 64, name: 'exception', attributes: { 'exception.message': 'boom' } }]);
    expect(router).toMatchObject({ spanId: '00f067aa0ba902b7', parentSpanId: 'b7ad6b7169203331', kind: 3, start: 100000 - 64, duration: 100000 });
    expect(trace!.resources).toEqual([{ 'service.name': 'kong' }]);
  });

  it('keeps 64-bit nanosecond times exact', async () => {
    const { traces } = await decodeText(oneSpan({ startTimeUnixNano: '1739932819947000064', endTimeUnixNano: '1739932820720426241' }));
    const t = traces[0]!;
    expect(t.baseNs).toBe('1739932819947000064');
    expect(addNs(t.baseNs, t.spans[0]!.start + t.spans[0]!.duration)).toBe('1739932820720426241');
  });

  it('skips bad spans with their JSON path and keeps the rest', async () => {
    const doc = JSON.parse(oneSpan({}));
    doc.resourceSpans[0].scopeSpans[0].spans.push(
      { traceId: 'nope', spanId: '00f067aa0ba902b8', startTimeUnixNano: '1' },
      { traceId: T, spanId: '00f067aa0ba902b9' },
      { traceId: T, spanId: '0000000000000000', startTimeUnixNano: '1' },
      'not a span',
    );
    const { traces, skipped } = await decodeText(JSON.stringify(doc));
    // the span with no times is kept, as incomplete (incomplete.test.ts)
    expect(traces[0]!.spans).toHaveLength(2);
    expect(traces[0]!.spans[1]).toMatchObject({ spanId: '00f067aa0ba902b9', incomplete: 'both' });
    expect(skipped).toEqual([
      { where: '$.resourceSpans[0].scopeSpans[0].spans[1]', reason: 'invalid traceId "nope"' },
      { where: '$.resourceSpans[0].scopeSpans[0].spans[3]', reason: 'invalid spanId "0000000000000000"' },
      { where: '$.resourceSpans[0].scopeSpans[0].spans[4]', reason: 'a span must be an object' },
    ]);
  });

  it('fails with the first problem when no span is usable', async () => {
    const e = await rejection(() => decodeText(oneSpan({ traceId: 'bad' })));
    expect(e).toBeInstanceOf(DecodeError);
    expect(e.message).toBe('test-input: $.resourceSpans[0].scopeSpans[0].spans[0]: no spans or logs found: invalid traceId "bad"');
  });

  it.each([
    ['an empty object', '{}'],
    ['empty resourceSpans', '{"resourceSpans":[]}'],
    ['scopeSpans without spans', '{"resourceSpans":[{"scopeSpans":[{"scope":{}}]}]}'],
    ['an unrelated document', '{"hello":"world"}'],
    ['resourceSpans of the wrong type', '{"resourceSpans":{"a":1}}'],
    ['an array of numbers', '[1,2,3]'],
  ])('%s is a DecodeError: no spans or logs found', async (_name, text) => {
    const e = await rejection(() => decodeText(text));
    expect(e).toBeInstanceOf(DecodeError);
    expect(e.message).toContain('no spans or logs found');
  });

  it('reads the specification examples', async () => {
    const trace = await decodeText(JSON.stringify(exampleTrace));
    expect(trace.traces[0]!.spans[0]).toMatchObject({ name: "I'm a server span", parentSpanId: 'eee19b7ec3c1b173', duration: 1e9 });
    expect(trace.traces[0]!.scopes[0]).toEqual({ name: 'my.library', version: '1.0.0', attributes: { 'my.scope.attribute': 'some scope attribute' } });
    const logs = await decodeText(JSON.stringify(exampleLogs));
    expect(logs.logs).toHaveLength(1);
    expect(logs.logs[0]).toMatchObject({
      timeNs: '1544712660300000000',
      severityNumber: 10,
      severityText: 'Information',
      body: 'Example log record',
      traceId: '5b8efff798038103d269b633813fc60c',
      spanId: 'eee19b7ec3c1b174',
      resource: { 'service.name': 'my.service' },
    });
  });
});

describe('OTLP/JSON logs', () => {
  function oneLog(record: Record<string, unknown>): string {
    return JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: '1739932819947000064', ...record }] }] }] });
  }
  it.each([
    ['severity name', { severityNumber: 'SEVERITY_NUMBER_WARN' }, { severityNumber: 13 }],
    ['severity short name', { severityNumber: 'ERROR2' }, { severityNumber: 18 }],
    ['observed time when the event time is zero', { timeUnixNano: '0', observedTimeUnixNano: '1739932819947000999' }, { timeNs: '1739932819947000999' }],
    ['kvlist body', { body: { kvlistValue: { values: [{ key: 'msg', value: { stringValue: 'x' } }] } } }, { body: { msg: 'x' } }],
    ['snake_case', { severity_number: 17, severity_text: 'error', trace_id: T.toUpperCase(), span_id: 'APBnqgupArc=' }, { severityNumber: 17, severityText: 'error', traceId: T, spanId: '00f067aa0ba902b7' }],
    ['no trace', {}, { traceId: '', spanId: '' }],
  ])('%s', async (_name, record, expected) => {
    const { logs } = await decodeText(oneLog(record));
    expect(logs[0]).toMatchObject(expected);
  });

  it('skips a record with a malformed trace id', async () => {
    const { logs, skipped } = await decodeText(
      JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords: [{ traceId: 'xyz' }, { body: { stringValue: 'ok' } }] }] }] }),
    );
    expect(logs.map((l) => l.body)).toEqual(['ok']);
    expect(skipped).toEqual([{ where: '$.resourceLogs[0].scopeLogs[0].logRecords[0]', reason: 'invalid traceId "xyz"' }]);
  });
});

describe('Konnect debugger exports', () => {
  it('reads the real Gateway 3.10 trace with its session', async () => {
    const { traces, sessionOf, format, skipped } = await decodeText(JSON.stringify(konnect));
    expect(format).toBe('konnect');
    expect(skipped).toEqual([]);
    expect(traces).toHaveLength(1);
    const trace = traces[0]!;
    expect(trace.traceId).toBe('7f53c0d47e0f12051956b805a7696363');
    expect(trace.baseNs).toBe('1739932819947000064');
    expect(trace.spans).toHaveLength(22);
    expect(trace.spans.filter((s) => s.parentSpanId === '').map((s) => s.name)).toEqual(['kong']);
    expect(sessionOf).toEqual({ '7f53c0d47e0f12051956b805a7696363': '01951c12-e71c-7267-98e3-973ddcf1df64' });
    const root = trace.spans.find((s) => s.name === 'kong')!;
    expect(root.attributes['http.request.size']).toBe('177');
    expect(root.attributes['http.response.status_code']).toBe(200);
  });

  it('merges repeated spans, uniting attributes and events', async () => {
    type Batch = { scopeSpans: { spans: Record<string, unknown>[] }[] };
    const doc = JSON.parse(JSON.stringify(konnect)) as { batches: Batch[] };
    const copy = JSON.parse(JSON.stringify(doc.batches[0])) as Batch;
    const span = copy.scopeSpans[0]!.spans[0]!;
    span.attributes = [{ key: 'extra', value: { stringValue: 'yes' } }];
    span.events = [{ timeUnixNano: span.startTimeUnixNano, name: 'late' }];
    doc.batches.push(copy);
    const { traces } = await decodeText(JSON.stringify(doc));
    expect(traces[0]!.spans).toHaveLength(22);
    const root = traces[0]!.spans.find((s) => s.name === 'kong')!;
    expect(root.attributes.extra).toBe('yes');
    expect(root.attributes['http.request.method']).toBe('GET');
    expect(root.events.map((e) => e.name)).toContain('late');
  });
});

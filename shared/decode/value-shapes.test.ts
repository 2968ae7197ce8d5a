/** Nothing dropped silently: each value shape a decoder does not understand is kept where it can be and reported with its JSON path. */
import { describe, expect, it } from 'vitest';
import { decodeText } from './test-helpers';

const T = '0af7651916cd43dd8448eb211c80319c';
const S = '00f067aa0ba902b7';

function otlp(span: Record<string, unknown>, resourceAttributes: unknown = [{ key: 'service.name', value: { stringValue: 'kong' } }]): string {
  return JSON.stringify({
    resourceSpans: [{ resource: { attributes: resourceAttributes }, scopeSpans: [{ scope: { name: 's' }, spans: [{ traceId: T, spanId: S, name: 'n', startTimeUnixNano: '1000000000000000000', endTimeUnixNano: '1000000000000000500', ...span }] }] }],
  });
}

const AT = '$.resourceSpans[0].scopeSpans[0].spans[0]';

describe('OTLP/JSON attribute values', () => {
  it.each([
    ['an unknown AnyValue kind', { weird: 1 }, '{"weird":1}', `${AT}.attributes[0].value`, /not an OTLP AnyValue; kept as text/],
    ['an intValue that is no integer', { intValue: 'twelve' }, 'twelve', `${AT}.attributes[0].value`, /intValue "twelve" is not an integer/],
    ['a boolValue that is no boolean', { boolValue: 'yes' }, 'yes', `${AT}.attributes[0].value`, /boolValue "yes" is not a boolean/],
    ['a doubleValue object', { doubleValue: { v: 1 } }, '{"v":1}', `${AT}.attributes[0].value`, /doubleValue .* is not a number/],
    ['bytes that are not text', { bytesValue: [1, 2] }, '[1,2]', `${AT}.attributes[0].value`, /bytesValue/],
    ['an odd value inside an array', { arrayValue: { values: [{ stringValue: 'a' }, { what: true }] } }, ['a', '{"what":true}'], `${AT}.attributes[0].value.arrayValue.values[1]`, /not an OTLP AnyValue/],
    ['a kvlist entry with no key', { kvlistValue: { values: [{ key: 'a', value: { intValue: 1 } }, { value: { intValue: 2 } }] } }, { a: 1 }, `${AT}.attributes[0].value.kvlistValue.values[1]`, /needs a string key; dropped/],
  ])('%s: kept as %j and reported', async (_name, value, kept, where, reason) => {
    const { traces, skipped } = await decodeText(otlp({ attributes: [{ key: 'x', value }] }));
    expect(traces[0]!.spans[0]!.attributes.x).toEqual(kept);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.where).toBe(where);
    expect(skipped[0]!.reason).toMatch(reason);
  });

  it.each([
    ['a plain number', 5, 5],
    ['a plain string', 'GET', 'GET'],
    ['a plain array', [1, 'a'], [1, 'a']],
    ['an empty AnyValue (OTLP null)', {}, null],
  ])('%s where an AnyValue belongs is kept with nothing to report', async (_name, value, kept) => {
    const { traces, skipped } = await decodeText(otlp({ attributes: [{ key: 'x', value }] }));
    expect(skipped).toEqual([]);
    expect(traces[0]!.spans[0]!.attributes.x).toEqual(kept);
  });

  it('reports an attribute with no key, a resource attribute, an event and a link it cannot use, and keeps the span', async () => {
    const { traces, skipped } = await decodeText(
      otlp(
        { attributes: [{ value: { stringValue: 'orphan' } }, { key: 'ok', value: { stringValue: 'v' } }], events: ['not an event'], links: [{ traceId: 'bad', spanId: 'x' }] },
        [{ key: 'service.name', value: { intValue: 'kong' } }],
      ),
    );
    expect(traces[0]!.spans[0]!.attributes).toEqual({ ok: 'v' });
    expect(traces[0]!.resources[0]).toEqual({ 'service.name': 'kong' });
    expect(skipped.map((s) => s.where)).toEqual([
      '$.resourceSpans[0].resource.attributes[0].value',
      `${AT}.events[0]`,
      `${AT}.attributes[0]`,
      `${AT}.links[0]`,
    ]);
    expect(skipped[2]!.reason).toContain('orphan');
  });

  it('keeps a log body written as a plain string and reports an odd log attribute', async () => {
    const doc = {
      resourceLogs: [{ resource: {}, scopeLogs: [{ logRecords: [{ timeUnixNano: '1000000000000000000', body: 'upstream timed out', attributes: [{ key: 'n', value: { intValue: 'x1' } }] }] }] }],
    };
    const { logs, skipped, contents } = await decodeText(JSON.stringify(doc));
    // a log document with no trace of its own says so
    expect(contents).toEqual({ spans: 0, logs: 1, payloads: 0 });
    expect(logs[0]!.body).toBe('upstream timed out');
    expect(logs[0]!.attributes.n).toBe('x1');
    expect(skipped).toEqual([{ where: '$.resourceLogs[0].scopeLogs[0].logRecords[0].attributes[0].value', reason: expect.stringContaining('intValue') }]);
  });

  it('keeps an attribute named __proto__ as an attribute', async () => {
    const { traces } = await decodeText(otlp({ attributes: [{ key: '__proto__', value: { stringValue: 'x' } }] }));
    const attrs = traces[0]!.spans[0]!.attributes;
    expect(Object.keys(attrs)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(attrs)).toBe(Object.prototype);
  });
});

describe('Jaeger and Zipkin', () => {
  it('Jaeger: a tag with an object value is kept as a nested value, a keyless tag and a log with no time are reported', async () => {
    const doc = {
      data: [
        {
          traceID: T,
          processes: { p1: { serviceName: 'kong', tags: [{ key: 'ok', value: 1 }, { value: 'no key' }] } },
          spans: [
            {
              traceID: T,
              spanID: S,
              operationName: 'kong',
              startTime: 1000000,
              duration: 5,
              processID: 'p1',
              tags: [{ key: 'tries', type: 'string', value: { a: 1 } }],
              logs: [{ fields: [{ key: 'event', value: 'x' }] }],
            },
          ],
        },
      ],
    };
    const { traces, skipped } = await decodeText(JSON.stringify(doc));
    expect(traces[0]!.spans[0]!.attributes.tries).toEqual({ a: 1 });
    expect(skipped.map((s) => s.where)).toEqual(['$.data[0].spans[0].tags[0].value', '$.data[0].spans[0].logs[0]', '$.data[0].processes["p1"].tags[1]']);
  });

  it('Zipkin: an object tag is kept as text and reported, an annotation with no time is reported', async () => {
    const doc = [{ traceId: T, id: S, name: 'get', timestamp: 1000000, duration: 5, tags: { 'http.method': 'GET', odd: { a: 1 } }, annotations: [{ value: 'ws' }] }];
    const { traces, skipped } = await decodeText(JSON.stringify(doc));
    expect(traces[0]!.spans[0]!.attributes).toMatchObject({ 'http.method': 'GET', odd: '{"a":1}' });
    expect(skipped.map((s) => s.where)).toEqual(['$[0].tags["odd"]', '$[0].annotations[0]']);
  });
});

import { describe, expect, it } from 'vitest';
import konnect from '../sample/gateway-3.10-konnect.json';
import quirks from '../../test/fixtures/formats/otlp-quirks.json';
import jaeger from '../../test/fixtures/formats/jaeger.json';
import zipkin from '../../test/fixtures/formats/zipkin.json';
import exampleLogs from '../../test/fixtures/otlp/example-logs.json';
import type { DecodedAll } from '../decode';
import { decodeText } from '../decode/test-helpers';
import { addNs } from '../decode/time';
import { encodeOtlpJson } from './otlp-json';

/** Traces in a comparable form: spans by id, with absolute times and their resource and scope resolved. */
function comparable(d: DecodedAll): unknown {
  const traces = [...d.traces]
    .sort((a, b) => a.traceId.localeCompare(b.traceId))
    .map((t) => ({
      traceId: t.traceId,
      spans: [...t.spans]
        .sort((a, b) => a.spanId.localeCompare(b.spanId))
        .map(({ resource, scope, start, events, ...rest }) => ({
          ...rest,
          start: addNs(t.baseNs, start),
          events: events.map((e) => ({ ...e, t: addNs(t.baseNs, e.t) })),
          resource: t.resources[resource],
          scope: t.scopes[scope],
        })),
    }));
  return { traces, logs: d.logs };
}

async function roundTrip(text: string): Promise<[DecodedAll, DecodedAll]> {
  const first = await decodeText(text);
  const encoded = JSON.stringify(encodeOtlpJson(first.traces, first.logs));
  return [first, await decodeText(encoded)];
}

describe('OTLP/JSON encoder', () => {
  it.each([
    ['the Konnect trace', JSON.stringify(konnect)],
    ['the quirks fixture', JSON.stringify(quirks)],
    ['Jaeger', JSON.stringify(jaeger)],
    ['Zipkin', JSON.stringify(zipkin)],
    ['the specification log example', JSON.stringify(exampleLogs)],
  ])('decode -> encode -> decode keeps every span, attribute, event and log of %s', async (_name, text) => {
    const [first, second] = await roundTrip(text);
    expect(first.traces.length + first.logs.length).toBeGreaterThan(0);
    expect(comparable(second)).toEqual(comparable(first));
  });

  it('writes specification-conformant OTLP/JSON', async () => {
    const { traces, logs } = await decodeText(JSON.stringify(quirks));
    interface SpanJson {
      traceId: string;
      spanId: string;
      parentSpanId?: string;
      name: string;
      kind: unknown;
      startTimeUnixNano: string;
      endTimeUnixNano: string;
      status: { code: unknown };
      attributes: { key: string; value: unknown }[];
    }
    const doc = encodeOtlpJson(traces, logs) as unknown as { resourceSpans: { scopeSpans: { spans: SpanJson[] }[] }[] };
    const spans = doc.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
    for (const s of spans) {
      expect(s.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(s.spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(typeof s.kind).toBe('number');
      expect(s.startTimeUnixNano).toMatch(/^\d+$/);
      expect(s.endTimeUnixNano).toMatch(/^\d+$/);
      expect(typeof s.status.code).toBe('number');
    }
    const root = spans.find((s) => s.name === 'kong')!;
    expect(root.parentSpanId).toBeUndefined();
    const attr = (key: string) => root.attributes.find((a) => a.key === key)?.value;
    expect(attr('i')).toEqual({ intValue: '42' });
    expect(attr('d')).toEqual({ doubleValue: 0.5 });
    expect(attr('arr')).toEqual({ arrayValue: { values: [{ stringValue: 'a' }, { intValue: '1' }, { arrayValue: { values: [{ boolValue: false }] } }] } });
    expect(attr('kv')).toEqual({ kvlistValue: { values: [{ key: 'k', value: { doubleValue: 1.5 } }, { key: 'nested', value: { kvlistValue: { values: [{ key: 'z', value: { stringValue: 'deep' } }] } } }] } });
    expect(attr('empty')).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import type { AttrValue } from '../model/types';
import { mergeSpan } from '../model/merge';
import { compile } from '../expr';
import { toAttributes, toAttrValue } from './anyvalue';
import { MAX_VALUE_DEPTH } from './native-value';
import { decodeAll } from './index';
import { utf8Encoder } from './platform';

// shared/ compiles without the DOM and Node libraries: the platform's structured clone, as the worker and IPC use it
const structuredClone = (globalThis as unknown as { structuredClone(v: unknown): unknown }).structuredClone;

/** An array value nested `depth` levels deep around one string. */
function nested(depth: number): unknown {
  let v: unknown = { stringValue: 'x' };
  for (let i = 0; i < depth; i++) v = { arrayValue: { values: [v] } };
  return v;
}

function depthOf(v: AttrValue): number {
  let d = 0;
  while (Array.isArray(v)) {
    d++;
    v = v[0]!;
  }
  return d;
}

describe('attribute values nested too deep', () => {
  it(`keeps ${MAX_VALUE_DEPTH} levels as values`, () => {
    const v = toAttrValue(nested(MAX_VALUE_DEPTH));
    expect(depthOf(v)).toBe(MAX_VALUE_DEPTH);
    expect(JSON.stringify(v)).not.toContain('kept as text');
  });

  it('keeps what is deeper as JSON text with a note, without overflowing anything later', () => {
    const notes: string[] = [];
    const v = toAttrValue(nested(100_000), { skip: (where, reason) => notes.push(`${where}: ${reason}`) }, '.value');
    expect(depthOf(v)).toBe(MAX_VALUE_DEPTH);
    expect(notes).toEqual([expect.stringMatching(/^\.value\.arrayValue\.values\[0\].*: nested deeper than 32 levels; kept as JSON text$/)]);
    let inner: AttrValue = v;
    while (Array.isArray(inner)) inner = inner[0]!;
    // the whole rest, as text: nothing is lost
    expect(typeof inner).toBe('string');
    expect(inner as string).toMatch(/^\{"arrayValue":\{"values":\[/);
    expect(inner as string).toContain('[{"stringValue":"x"}]}}]}}');
    expect((inner as string).length).toBe((100_000 - MAX_VALUE_DEPTH) * '{"arrayValue":{"values":[]}}'.length + '{"stringValue":"x"}'.length);
    // every later step that recurses or clones now works
    expect(() => structuredClone(v)).not.toThrow();
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });

  it('a 100,000-deep span decodes with the others kept', async () => {
    // built as text: JSON.stringify itself cannot go 100,000 levels deep
    const deep = `${'{"arrayValue":{"values":['.repeat(100_000)}{"stringValue":"x"}${']}}'.repeat(100_000)}`;
    const span = (id: string, attributes: string) => `{"traceId":"${'1'.repeat(32)}","spanId":"${id}","name":"kong","startTimeUnixNano":"1","endTimeUnixNano":"2","attributes":[${attributes}]}`;
    const doc = `{"resourceSpans":[{"scopeSpans":[{"spans":[${span('a'.repeat(16), `{"key":"deep","value":${deep}}`)},${span('b'.repeat(16), '{"key":"ok","value":{"intValue":"1"}}')}]}]}]}`;
    const decoded = await decodeAll(utf8Encoder().encode(doc), { fileName: 'deep.json' });
    expect(decoded.traces[0]!.spans).toHaveLength(2);
    expect(() => structuredClone(decoded)).not.toThrow();
  });
});

describe('__proto__, constructor and prototype are ordinary attribute keys', () => {
  const list = [
    { key: '__proto__', value: { kvlistValue: { values: [{ key: 'http.response.status_code', value: { intValue: '500' } }] } } },
    { key: 'constructor', value: { stringValue: 'c' } },
    { key: 'prototype', value: { stringValue: 'p' } },
    { key: 'http.route', value: { stringValue: '/' } },
  ];

  it('in the decoder: own keys, no phantom attributes', () => {
    const attrs = toAttributes(list);
    expect(Object.keys(attrs)).toEqual(['__proto__', 'constructor', 'prototype', 'http.route']);
    expect(Object.getPrototypeOf(attrs)).toBe(Object.prototype);
    expect(attrs['http.response.status_code']).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(attrs, '__proto__')!.value).toEqual({ 'http.response.status_code': 500 });
    // inside key-value lists too
    const kv = toAttrValue({ kvlistValue: { values: [{ key: '__proto__', value: { stringValue: 'x' } }] } }) as Record<string, AttrValue>;
    expect(Object.keys(kv)).toEqual(['__proto__']);
  });

  it('the filter sees what the inspector lists, nothing more', () => {
    const attrs = toAttributes(list);
    const rule = compile('http.response.status_code >= 500');
    if (!rule.ok) throw new Error('did not compile');
    expect(rule.evaluate(attrs)).toBe(false);
  });

  it('merging two copies of a span keeps the keys as keys', () => {
    const attrs = toAttributes(list);
    const span = { spanId: 's', parentSpanId: '', name: 'n', kind: 0, start: 0, duration: 1, status: { code: 0 }, attributes: attrs, events: [], resource: 0, scope: 0 };
    const merged = mergeSpan(span as never, { ...span, attributes: toAttributes([{ key: 'prototype', value: { stringValue: 'p2' } }]) } as never);
    expect(Object.keys(merged.attributes)).toEqual(['__proto__', 'constructor', 'prototype', 'http.route']);
    expect(merged.attributes.prototype).toBe('p2');
    expect(merged.attributes['http.response.status_code']).toBeUndefined();
  });
});

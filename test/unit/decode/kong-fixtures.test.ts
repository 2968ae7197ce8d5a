/**
 * Every real Kong trace in ../shared/fixtures/kong and ../shared/fixtures/konnect, decoded as the app does:
 * span count, the root's request attributes (under whichever names that gateway generation writes), the
 * Konnect session, incomplete spans, and what was skipped. A fixture added there without a row here fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../shared/decode/test-helpers';
import { findRoot, traceBrief } from '../../../shared/decode/trace-brief';
import type { Attributes } from '../../../shared/model/types';

const ROOT = new URL('../../../../shared/fixtures/', import.meta.url);

interface Row {
  format: string;
  spans: number;
  session: string | null;
  root: Attributes;
  incomplete: number;
}

const TABLE: Record<string, Row> = {
  'kong/konnect-trace-v1-gateway-3.10.0.1.json': {
    format: 'otlp-json',
    spans: 16,
    session: '01975423-1b1e-71e8-8786-f1378ef65554',
    root: { 'http.request.method': 'GET', 'url.full': 'http://localhost:8000/mock/anything/123', 'http.response.status_code': 200, 'proxy.kong.latency.total': 236 },
    incomplete: 0,
  },
  'kong/konnect-batches-gateway-3.10-incomplete-spans-edited.json': {
    format: 'konnect',
    spans: 19,
    session: '0193cf2f-943d-793a-819b-04ccf30948f3',
    root: { 'http.request.method': 'POST', 'url.full': 'http://localhost/foo/anything', 'http.response.status_code': 200, 'proxy.kong.latency.total': 927 },
    incomplete: 2,
  },
  'kong/konnect-batches-gateway-3.9.0.0.json': {
    format: 'konnect',
    spans: 11,
    session: '01937749-5e3e-7cc8-92bc-7544bbcd19f5',
    // a 3.9 root carries no status code, and its latencies as *_ms
    root: { 'http.request.method': 'GET', 'url.full': 'http://localhost/req/headers', 'proxy.kong.latency_total_ms': expect.any(Number) },
    incomplete: 0,
  },
  'kong/otel-plugin-gateway-3.14-from-docs.json': {
    format: 'otlp-json',
    spans: 6,
    session: null,
    // the OpenTelemetry plugin's older names
    root: { 'http.method': 'POST', 'http.url': 'http://localhost/anything', 'http.status_code': 200, 'kong.request.id': '319d1e4e7862095f704a7d6c60e63260' },
    incomplete: 0,
  },
  'konnect/trace-batches-gateway-3.10.json': {
    format: 'konnect',
    spans: 22,
    session: '01951c12-e71c-7267-98e3-973ddcf1df64',
    root: { 'http.request.method': 'GET', 'url.full': 'http://localhost:8000/headers', 'http.response.status_code': 200, 'proxy.kong.latency.total': 770 },
    incomplete: 0,
  },
};

const files = ['kong', 'konnect'].flatMap((dir) => readdirSync(new URL(`${dir}/`, ROOT)).filter((f) => f.endsWith('.json')).map((f) => `${dir}/${f}`));

describe('the real Kong fixtures', () => {
  it('every fixture has a row here', () => {
    expect(files.sort()).toEqual(Object.keys(TABLE).sort());
  });

  it.each(files)('%s', async (file) => {
    const row = TABLE[file]!;
    const { traces, skipped, sessionOf, format } = await decodeBytes(readFileSync(new URL(file, ROOT)), 4096, { fileName: file });
    expect(skipped).toEqual([]);
    expect(format).toBe(row.format);
    expect(traces).toHaveLength(1);
    const trace = traces[0]!;
    expect(trace.spans).toHaveLength(row.spans);
    expect(findRoot(trace)!.attributes).toMatchObject(row.root);
    expect(sessionOf[trace.traceId] ?? null).toBe(row.session);
    expect(traceBrief(trace).incompleteSpans).toBe(row.incomplete);
    // nothing decoded as an empty attribute set on the root
    expect(Object.keys(findRoot(trace)!.attributes).length).toBeGreaterThan(5);
  });
});

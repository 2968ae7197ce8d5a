/**
 * The receiver against a hostile sender: compressed data where OTLP/HTTP allows none, values nested far
 * too deep, requests from web pages or rebound host names, slow senders taking every slot, and records
 * too big to hold. After each, a good request still lands.
 */
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureStatus } from '../../../shared/bridge/capture';
import { CaptureService, type CaptureServiceOptions } from './capture-service';
import { hex, json, otlpJson, send } from './test-client';

/** One span whose attribute is an array nested `depth` levels deep, built as text (JSON.stringify would overflow). */
function deepSpanJson(traceNo: number, depth: number): string {
  const value = `${'{"arrayValue":{"values":['.repeat(depth)}{"stringValue":"x"}${']}}'.repeat(depth)}`;
  return otlpJson(traceNo).replace('"attributes":[{"key":"http.response.status_code"', `"attributes":[{"key":"deep","value":${value}},{"key":"http.response.status_code"`);
}

describe('receiver under a hostile sender', () => {
  let service: CaptureService;
  let status: CaptureStatus;
  const start = async (opts: CaptureServiceOptions = {}): Promise<void> => {
    service = new CaptureService({ tickMs: 50, ...opts });
    status = await service.start({ durationSeconds: 60, maxTraces: 1000, port: 0 });
  };
  afterEach(() => service.dispose());

  async function expectHealthy(): Promise<void> {
    const ok = await send(status.url, { headers: json, body: otlpJson(999_999) });
    expect(ok.status).toBe(200);
    expect(service.drain(status.id, 0).traces.map((t) => t.traceId)).toContain(hex(999_999, 32));
  }

  it('refuses gzip inside a gzip-encoded body (one decompression budget per request), and gzip without Content-Encoding', async () => {
    await start();
    // 16 MB of JSON, gzip twice: about 16 KB on the wire, under every wire limit
    const filler = `{"resourceSpans":[{"scopeSpans":[{"spans":[{"name":"${'a'.repeat(16 * 1024 * 1024)}"}]}]}]}`;
    const twice = gzipSync(gzipSync(filler));
    expect(twice.length).toBeLessThan(100_000);
    const nested = await send(status.url, { headers: { ...json, 'Content-Encoding': 'gzip' }, body: twice });
    expect(nested.status).toBe(400);
    expect(nested.body.toString()).toContain('gzip data inside the content is refused');
    const unannounced = await send(status.url, { headers: json, body: gzipSync(otlpJson(1)) });
    expect(unannounced.status).toBe(400);
    expect(unannounced.body.toString()).toContain('only Content-Encoding may compress');
    await expectHealthy();
  });

  it('keeps a span nested 100,000 levels deep, its value as text, and every later drain works', async () => {
    await start();
    const res = await send(status.url, { headers: json, body: deepSpanJson(1, 100_000) });
    expect(res.status).toBe(200);
    // the note: the exporter is told, as partial success, that a value was kept as text
    expect(res.body.toString()).toContain('nested deeper than 32 levels; kept as JSON text');
    const drained = service.drain(status.id, 0);
    let deep = drained.traces[0]!.spans[0]!.attributes.deep;
    for (let i = 0; i < 32; i++) deep = (deep as unknown[])[0] as typeof deep;
    expect(deep).toMatch(/^\{"arrayValue":\{"values":\[/);
    // what the bridge does with a drain: JSON over HTTP, structured clone over IPC
    expect(() => JSON.stringify(drained)).not.toThrow();
    expect(() => structuredClone(drained)).not.toThrow();
    await expectHealthy();
  });

  it('refuses requests from web pages (Origin) and requests addressed to another host name (DNS rebinding)', async () => {
    await start();
    const fromPage = await send(status.url, { headers: { ...json, Origin: 'http://evil.example' }, body: otlpJson(1) });
    expect(fromPage.status).toBe(403);
    const rebound = await send(status.url, { headers: { ...json, Host: `evil.example:${status.port}` }, body: otlpJson(2) });
    expect(rebound.status).toBe(403);
    expect(rebound.body.toString()).toContain('only to its loopback address');
    const byName = await send(status.url, { headers: { ...json, Host: `localhost:${status.port}` }, body: otlpJson(3) });
    expect(byName.status).toBe(200);
    expect(service.drain(status.id, 0).traces.map((t) => t.traceId)).toEqual([hex(3, 32)]);
  });

  it('gives one client only its share of the request slots', async () => {
    await start({ limits: { maxInFlight: 8, maxInFlightPerClient: 2, bodyTimeoutMs: 5000 } });
    // two bodies that have not finished arriving hold this client's two slots
    const held = [0, 1].map(() => {
      const req = request(`${status.url}/v1/traces`, { method: 'POST', headers: { ...json, 'Content-Length': '1000' }, agent: false });
      req.on('error', () => {});
      req.write('{');
      return req;
    });
    await expect.poll(async () => (await send(status.url, { headers: json, body: otlpJson(1) })).status).toBe(503);
    for (const r of held) r.destroy();
    await expect.poll(async () => (await send(status.url, { headers: json, body: otlpJson(2) })).status).toBe(200);
  });

  it('answers 503 once what waits to be drained is too big in bytes, however few the records', async () => {
    await start({ maxPendingBytes: 1_000_000 });
    const big = otlpJson(1).replace('"attributes":[{"key":"http.response.status_code"', `"attributes":[{"key":"big","value":{"stringValue":"${'x'.repeat(2_000_000)}"}},{"key":"http.response.status_code"`);
    expect((await send(status.url, { headers: json, body: big })).status).toBe(200);
    const busy = await send(status.url, { headers: json, body: otlpJson(2) });
    expect(busy.status).toBe(503);
    const first = service.drain(status.id, 0);
    service.drain(status.id, first.cursor);
    expect((await send(status.url, { headers: json, body: otlpJson(2) })).status).toBe(200);
  });
});

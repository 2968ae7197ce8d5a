/**
 * Bad requests get the status the OTLP/HTTP specification asks for, and neither crash the receiver nor
 * leave anything in the session: after each one, a good request still lands, alone.
 */
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureStatus } from '../../../shared/bridge/capture';
import { CaptureService } from './capture-service';
import { json, otlpJson, proto, send } from './test-client';

describe('receiver faults', () => {
  let service: CaptureService;
  let status: CaptureStatus;
  const start = async (limits = {}): Promise<void> => {
    service = new CaptureService({ tickMs: 50, limits });
    status = await service.start({ durationSeconds: 60, maxTraces: 1000, port: 0 });
  };
  afterEach(() => service.dispose());

  /** after a fault: the receiver still answers, and holds only what good requests sent */
  async function expectHealthy(expectedTraces: number): Promise<void> {
    const ok = await send(status.url, { headers: json, body: otlpJson(999_999) });
    expect(ok.status).toBe(200);
    const traces = service.drain(status.id, 0).traces;
    expect(traces.map((t) => t.traceId)).toHaveLength(expectedTraces + 1);
  }

  it('answers 400 with a reason, in protobuf, for a body that is not OTLP protobuf', async () => {
    await start();
    const res = await send(status.url, { headers: proto, body: Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]) });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/x-protobuf');
    // google.rpc.Status: field 1 code (varint), field 2 message (string)
    expect(res.body[0]).toBe(0x08);
    expect(res.body.toString('latin1')).toContain('/v1/traces');
    await expectHealthy(0);
  });

  it('answers 400 with a reason for malformed JSON', async () => {
    await start();
    const res = await send(status.url, { headers: json, body: '{"resourceSpans": [ {"scopeSpans": ' });
    expect(res.status).toBe(400);
    const answer = JSON.parse(res.body.toString()) as { code: number; message: string };
    expect(answer.code).toBe(3);
    expect(answer.message).toMatch(/POST \/v1\/traces/);
    await expectHealthy(0);
  });

  it('answers 400 for a truncated protobuf body and keeps nothing of it', async () => {
    await start();
    const producerBody = await captureProtobufBody();
    const res = await send(status.url, { headers: proto, body: producerBody.subarray(0, Math.floor(producerBody.length / 2)) });
    expect(res.status).toBe(400);
    await expectHealthy(0);
  });

  it('answers 415 for another content type or content encoding', async () => {
    await start();
    expect((await send(status.url, { headers: { 'Content-Type': 'text/plain' }, body: 'hello' })).status).toBe(415);
    expect((await send(status.url, { headers: { ...json, 'Content-Encoding': 'br' }, body: otlpJson(1) })).status).toBe(415);
    await expectHealthy(0);
  });

  it('answers 413 above the size limit, declared or streamed, and for a gzip bomb', async () => {
    await start({ maxBodyBytes: 10_000, maxInflatedBytes: 50_000 });
    const big = Buffer.alloc(20_000, 0x20);
    expect((await send(status.url, { headers: json, body: big })).status).toBe(413);
    const chunked = await send(status.url, { headers: { ...json, 'Transfer-Encoding': 'chunked' }, drip: { pieces: [big.subarray(0, 8000), big.subarray(8000)], pauseMs: 5 } });
    expect(chunked.status).toBe(413);
    const bomb = gzipSync(Buffer.alloc(1_000_000, 0x20));
    expect(bomb.length).toBeLessThan(10_000);
    expect((await send(status.url, { headers: { ...json, 'Content-Encoding': 'gzip' }, body: bomb })).status).toBe(413);
    await expectHealthy(0);
  });

  it('answers 400 for a body that claims gzip but is not', async () => {
    await start();
    expect((await send(status.url, { headers: { ...json, 'Content-Encoding': 'gzip' }, body: otlpJson(1) })).status).toBe(400);
    await expectHealthy(0);
  });

  it('answers 408 to a body that drips in too slowly, and frees its slot', async () => {
    await start({ bodyTimeoutMs: 300, maxInFlight: 1 });
    const body = Buffer.from(otlpJson(1));
    const res = await send(status.url, {
      headers: { ...json, 'Content-Length': String(body.length) },
      drip: { pieces: [body.subarray(0, 10), body.subarray(10, 20), body.subarray(20, 30), body.subarray(30)], pauseMs: 200 },
    });
    expect(res.status).toBe(408);
    await expectHealthy(0);
  });

  it('answers 503 with Retry-After when requests in flight are at the limit, and never keeps a half', async () => {
    await start({ bodyTimeoutMs: 2000, maxInFlight: 1 });
    const body = Buffer.from(otlpJson(1));
    const slow = send(status.url, {
      headers: { ...json, 'Content-Length': String(body.length) },
      drip: { pieces: [body.subarray(0, 10), body.subarray(10)], pauseMs: 300 },
    });
    await new Promise((r) => setTimeout(r, 100));
    const busy = await send(status.url, { headers: json, body: otlpJson(2) });
    expect(busy.status).toBe(503);
    expect(busy.headers['retry-after']).toBe('1');
    expect((await slow).status).toBe(200);
    expect(service.status()?.receiver.busy).toBe(1);
    await expectHealthy(1);
  });

  it('answers 503 while the renderer has not drained what was captured', async () => {
    service = new CaptureService({ tickMs: 50, maxPending: 3 });
    status = await service.start({ durationSeconds: 60, maxTraces: 1000, port: 0 });
    expect((await send(status.url, { headers: json, body: otlpJson(1, 3) })).status).toBe(200);
    expect((await send(status.url, { headers: json, body: otlpJson(2, 1) })).status).toBe(503);
    const first = service.drain(status.id, 0);
    service.drain(status.id, first.cursor);
    expect((await send(status.url, { headers: json, body: otlpJson(2, 1) })).status).toBe(200);
  });

  it('answers 200 with partial success counts when some spans cannot be used', async () => {
    await start();
    const doc = JSON.parse(otlpJson(1, 2)) as { resourceSpans: [{ scopeSpans: [{ spans: Array<{ traceId: string }> }] }] };
    doc.resourceSpans[0].scopeSpans[0].spans[1]!.traceId = 'not-an-id';
    const res = await send(status.url, { headers: json, body: JSON.stringify(doc) });
    expect(res.status).toBe(200);
    const answer = JSON.parse(res.body.toString()) as { partialSuccess: { rejectedSpans: string; errorMessage: string } };
    expect(answer.partialSuccess.rejectedSpans).toBe('1');
    expect(answer.partialSuccess.errorMessage).not.toBe('');
    await expectHealthy(1);
  });

  it('answers 404 and 405 for other paths and methods', async () => {
    await start();
    expect((await send(status.url, { path: '/v1/metrics', headers: json, body: '{}' })).status).toBe(404);
    const get = await send(status.url, { method: 'GET' });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
  });

  it('accepts an empty protobuf export request', async () => {
    await start();
    const res = await send(status.url, { headers: proto, body: Buffer.alloc(0) });
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(0);
  });
});

describe('receiver address', () => {
  it('refuses to listen beyond loopback without the explicit opt-in, and warns with it', async () => {
    const service = new CaptureService();
    await expect(service.start({ durationSeconds: 10, maxTraces: 1, port: 0, host: '0.0.0.0' })).rejects.toThrow(/needs an explicit opt-in/);
    const warnings: string[] = [];
    const open = new CaptureService({ warn: (m) => warnings.push(m) });
    const status = await open.start({ durationSeconds: 10, maxTraces: 1, port: 0, host: '0.0.0.0', allowRemote: true });
    expect(status.warning).toMatch(/any machine/);
    expect(warnings).toHaveLength(1);
    await open.dispose();
  });

  it('says which port is taken', async () => {
    const a = new CaptureService();
    const first = await a.start({ durationSeconds: 10, maxTraces: 1, port: 0 });
    const b = new CaptureService();
    await expect(b.start({ durationSeconds: 10, maxTraces: 1, port: first.port })).rejects.toThrow(`port ${first.port} on 127.0.0.1 is already in use`);
    await a.dispose();
  });

  it('refuses a second capture while one runs, and a rule that does not compile', async () => {
    const a = new CaptureService();
    await expect(a.start({ durationSeconds: 10, maxTraces: 1, port: 0, where: 'http.method == GET' })).rejects.toThrow(/sampling rule .*column/);
    await a.start({ durationSeconds: 10, maxTraces: 1, port: 0 });
    await expect(a.start({ durationSeconds: 10, maxTraces: 1, port: 0 })).rejects.toThrow(/already running/);
    await a.dispose();
  });
});

/** A real exporter's protobuf body, caught by a throwaway server. */
async function captureProtobufBody(): Promise<Buffer> {
  const { createServer } = await import('node:http');
  const { createProducer } = await import('../../../test/stand-ins/otel-producer');
  let body: Buffer | null = null;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/v1/traces') body ??= Buffer.concat(chunks);
      res.writeHead(200, { 'Content-Type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const producer = createProducer({ url: `http://127.0.0.1:${port}`, encoding: 'protobuf' });
  for (let i = 0; i < 5; i++) producer.request({ 'http.response.status_code': 200 }, { children: 5 });
  await producer.shutdown();
  server.close();
  if (!body) throw new Error('the exporter sent nothing');
  return body;
}

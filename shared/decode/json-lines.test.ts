import { describe, expect, it } from 'vitest';
import { DecodeError } from './api';
import { decodeStream } from './index';
import { chunked, decodeText, rejection, utf8 } from './test-helpers';

const T1 = '0af7651916cd43dd8448eb211c80319c';
const T2 = '4bf92f3577b34da6a3ce929d0e0e4736';

function spansLine(traceId: string, spanIds: string[]): string {
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'kong' } }] },
        scopeSpans: [
          {
            scope: { name: 'kong-internal' },
            spans: spanIds.map((spanId, i) => ({ traceId, spanId, name: `s${i}`, startTimeUnixNano: `17399328199470000${10 + i}`, endTimeUnixNano: '1739932819947100000' })),
          },
        ],
      },
    ],
  });
}

function logsLine(n: number): string {
  const logRecords = Array.from({ length: n }, (_, i) => ({ timeUnixNano: `173993281994700${1000 + i}`, severityNumber: 9, body: { stringValue: `log ${i}` }, traceId: T1 }));
  return JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords }] }] });
}

const mixed = [spansLine(T1, ['0000000000000001', '0000000000000002']), logsLine(2), spansLine(T2, ['0000000000000003']), spansLine(T1, ['0000000000000004'])].join('\n') + '\n';

describe('collector file-exporter JSON lines', () => {
  it('reads trace and log lines from one file and merges a trace spread over lines', async () => {
    const r = await decodeText(mixed);
    expect(r.format).toBe('otlp-jsonl');
    expect(r.skipped).toEqual([]);
    expect(r.logs).toHaveLength(2);
    const byId = Object.fromEntries(r.traces.map((t) => [t.traceId, t.spans.map((s) => s.spanId).sort()]));
    expect(byId).toEqual({ [T1]: ['0000000000000001', '0000000000000002', '0000000000000004'], [T2]: ['0000000000000003'] });
    // the same resource on two lines is one resource of the trace
    const t1 = r.traces.find((t) => t.traceId === T1)!;
    expect(t1.resources).toEqual([{ 'service.name': 'kong' }]);
    expect(t1.scopes).toEqual([{ name: 'kong-internal' }]);
  });

  it.each([1, 7, 64, 4096])('gives the same result whatever the chunk size (%d bytes)', async (size) => {
    const whole = await decodeText(mixed);
    expect(await decodeText(mixed, size)).toEqual(whole);
  });

  it('reports a truncated last line as skipped and keeps the whole lines', async () => {
    const text = mixed + spansLine(T2, ['0000000000000009']).slice(0, 40);
    const r = await decodeText(text);
    expect(r.traces.reduce((n, t) => n + t.spans.length, 0)).toBe(4);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]!.where).toBe('line 5');
    expect(r.skipped[0]!.reason).toMatch(/^the last line is incomplete/);
  });

  it('names the line of a broken record and goes on', async () => {
    const lines = mixed.split('\n');
    lines.splice(1, 0, '{"resourceSpans": [ broken', '{"something":"else"}', '', '   ');
    const r = await decodeText(lines.join('\r\n'));
    expect(r.skipped.map((s) => s.where)).toEqual(['line 2', 'line 3']);
    expect(r.skipped[0]!.reason).toMatch(/^invalid JSON/);
    expect(r.skipped[1]!.reason).toBe('the line holds neither resourceSpans nor resourceLogs');
    expect(r.logs).toHaveLength(2);
  });

  it('paths inside a line start with the line number', async () => {
    const bad = JSON.parse(spansLine(T1, ['0000000000000001', 'zz']));
    const r = await decodeText(`${JSON.stringify(bad)}\n${logsLine(1)}\n`);
    expect(r.skipped).toEqual([{ where: 'line 1 $.resourceSpans[0].scopeSpans[0].spans[1]', reason: 'invalid spanId "zz"' }]);
  });

  it('a file of only broken lines is a DecodeError naming the first', async () => {
    const e = await rejection(() => decodeText('{"a":1}\n{"b":2}\n{"c":'));
    expect(e).toBeInstanceOf(DecodeError);
    expect((e as DecodeError).where).toBe('line 1');
    expect(e.message).toContain('no spans or logs found');
  });

  it('yields batches of about batchSpans records, with progress', async () => {
    const text = Array.from({ length: 10 }, (_, i) => spansLine(T1, [(10 + i).toString(16).padStart(16, "0")])).join('\n');
    const batches = [];
    for await (const b of decodeStream(chunked(utf8(text), 50), { fileName: 'f', batchSpans: 3 })) batches.push(b);
    expect(batches.length).toBeGreaterThanOrEqual(3);
    expect(batches.reduce((n, b) => n + b.traces.reduce((m, t) => m + t.spans.length, 0), 0)).toBe(10);
    const progress = batches.map((b) => b.bytesRead);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(progress[progress.length - 1]).toBe(utf8(text).length);
  });

  it('stops when the signal is aborted', async () => {
    const controller = { aborted: true, reason: new Error('user cancelled') };
    const e = await rejection(() => decodeText(mixed, 16, { signal: controller }));
    expect(e.message).toBe('user cancelled');
  });
});

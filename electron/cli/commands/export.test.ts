import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run } from './export';
import { run as summary } from './summary';
import { captureIo } from './cli-test-io';

const fixtures = resolve(__dirname, '../../../test/fixtures/formats');
const GATEWAY_310 = resolve(__dirname, '../../../shared/sample/gateway-3.10-konnect.json');
const T = '0af7651916cd43dd8448eb211c80319c';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ktv-export-'));
  const secret = {
    resourceSpans: [
      {
        resource: { attributes: [] },
        scopeSpans: [
          {
            spans: [
              {
                traceId: T,
                spanId: 'b7ad6b7169203331',
                name: 'kong',
                startTimeUnixNano: '1739932819947000064',
                endTimeUnixNano: '1739932820720426240',
                attributes: [
                  { key: 'http.request.header.authorization', value: { arrayValue: { values: [{ stringValue: 'Bearer kpat_abcdef' }] } } },
                  { key: 'url.full', value: { stringValue: 'https://shop/pay?card=4242424242424242' } },
                  { key: 'http.response.status_code', value: { intValue: '200' } },
                ],
              },
            ],
          },
        ],
      },
    ],
    resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: '1739932819947000100', body: { stringValue: 'paid with 4111 1111 1111 1111' }, traceId: T }] }] }],
  };
  writeFileSync(join(dir, 'secret.json'), JSON.stringify(secret));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ktv export', () => {
  it('writes sanitized OTLP/JSON', async () => {
    const io = captureIo(dir);
    expect(await run(['secret.json', '--out', 'out.json'], io)).toBe(0);
    expect(io.stdout.join('')).toContain('wrote out.json: 1 traces (1 spans), 1 logs');
    const text = readFileSync(join(dir, 'out.json'), 'utf8');
    expect(text).not.toContain('kpat_abcdef');
    expect(text).not.toContain('4242424242424242');
    expect(text).not.toContain('4111 1111');
    const doc = JSON.parse(text);
    const attrs = doc.resourceSpans[0].scopeSpans[0].spans[0].attributes;
    expect(attrs).toContainEqual({ key: 'http.request.header.authorization', value: { arrayValue: { values: [{ stringValue: 'Bearer ****' }] } } });
    expect(attrs).toContainEqual({ key: 'http.response.status_code', value: { intValue: '200' } });
    expect(doc.resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano).toBe('1739932819947000064');
    expect(doc.resourceLogs[0].scopeLogs[0].logRecords[0].body).toEqual({ stringValue: 'paid with *******************' });
  });

  it('round trip: import, export, import keeps every span, attribute, event and log', async () => {
    for (const name of ['gateway-3.10-konnect.json', 'collector-mixed.jsonl', 'jaeger.json']) {
      const input = name === 'gateway-3.10-konnect.json' ? GATEWAY_310 : join(fixtures, name);
      expect(await run([input, '--out', `${name}.otlp.json`], captureIo(dir))).toBe(0);
      const before = captureIo(dir);
      const after = captureIo(dir);
      await summary([input, '--json'], before);
      await summary([`${name}.otlp.json`, '--json'], after);
      const b = JSON.parse(before.stdout[0]!);
      const a = JSON.parse(after.stdout[0]!);
      expect(a.traces).toEqual(b.traces);
      expect(a.logs).toBe(b.logs);
      expect(a.skipped).toEqual([]);
    }
  });

  it.each([
    ['no --out', ['secret.json'], 2, /--out OUT\.json is needed/],
    ['the output is the input', ['secret.json', '--out', 'secret.json'], 2, /refusing to overwrite the input file/],
    ['a missing file', ['nope.json', '--out', 'x.json'], 1, /^ktv export: nope\.json: no such file$/],
    ['an unwritable output', ['secret.json', '--out', 'no/such/dir/out.json'], 1, /cannot write \(ENOENT\)/],
  ])('%s fails with a message', async (_name, argv, code, message) => {
    const io = captureIo(dir);
    expect(await run(argv, io)).toBe(code);
    expect(io.stderr.join('\n')).toMatch(message);
  });
});

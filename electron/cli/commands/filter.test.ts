import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../io';
import { run } from './filter';

const konnectFixture = join(import.meta.dirname, '../../../shared/sample/gateway-3.10-konnect.json');

function capture(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, cwd };
  return { io, out, err };
}

const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const int = (key: string, value: number) => ({ key, value: { intValue: String(value) } });

/** An OTLP/JSON document with one `kong` root span per request. */
function otlp(requests: { traceId: string; method: string; status: number; client: string }[]) {
  return {
    resourceSpans: [
      {
        resource: { attributes: [str('service.name', 'kong')] },
        scopeSpans: [
          {
            scope: { name: 'kong-internal' },
            spans: requests.map((r, i) => ({
              traceId: r.traceId,
              spanId: `${(i + 1).toString(16).padStart(16, '0')}`,
              name: 'kong',
              kind: 2,
              startTimeUnixNano: '1739932819947000064',
              endTimeUnixNano: '1739932820720426240',
              attributes: [str('http.request.method', r.method), int('http.response.status_code', r.status), str('client.address', r.client)],
            })),
          },
        ],
      },
    ],
  };
}

describe('ktv filter', () => {
  let dir: string;
  const ids = ['0af7651916cd43dd8448eb211c80319c', '1bf7651916cd43dd8448eb211c80319c', '2cf7651916cd43dd8448eb211c80319c'];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ktv-filter-'));
    const doc = otlp([
      { traceId: ids[0]!, method: 'GET', status: 200, client: '10.0.0.5' },
      { traceId: ids[1]!, method: 'POST', status: 503, client: '192.168.1.9' },
      { traceId: ids[2]!, method: 'GET', status: 502, client: '2001:db8::1' },
    ]);
    await writeFile(join(dir, 'three.json'), JSON.stringify(doc));
    await writeFile(join(dir, 'broken.json'), '{"resourceSpans": [');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['http.response.status_code >= 500', [ids[1], ids[2]]],
    ['http.method == "GET" && http.response.status_code >= 500', [ids[2]]],
    ['client.address in 10.0.0.0/8 || client.address in 2001:db8::/32', [ids[0], ids[2]]],
    ['!(http.method == "GET")', [ids[1]]],
    ['http.response.status_code == 404', []],
  ])('--json prints exactly the matching trace ids for %s', async (where, expected) => {
    const { io, out } = capture(dir);
    expect(await run(['three.json', '--where', where, '--json'], io)).toBe(0);
    expect(out).toEqual([JSON.stringify({ matched: expected })]);
  });

  it('matches the real Konnect trace by its root span, with numbers sent as strings', async () => {
    const { io, out } = capture(dir);
    const where = 'http.request.size == 177 && client.port > 50000 && proxy.kong.route.id == "5d165982-9d3a-4e76-87a7-31d03bae4582"';
    expect(await run([konnectFixture, `--where=${where}`, '--json'], io)).toBe(0);
    expect(out).toEqual(['{"matched":["7f53c0d47e0f12051956b805a7696363"]}']);
  });

  it('prints one line per matching trace and a count on stderr without --json', async () => {
    const { io, out, err } = capture(dir);
    expect(await run(['three.json', '--where', 'http.response.status_code >= 500'], io)).toBe(0);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(new RegExp(`^${ids[1]}\\s+503\\s+POST`));
    expect(err).toEqual(['2 of 3 traces matched']);
  });

  it('refuses an invalid expression with its column on stderr and a non-zero exit', async () => {
    const { io, out, err } = capture(dir);
    expect(await run(['three.json', '--where', 'http.method == GET'], io)).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain('column 16: string values must be quoted: "GET"');
    expect(err.join('\n')).toContain('               ^^^');
  });

  it('reports type errors the same way', async () => {
    const { io, err } = capture(dir);
    expect(await run(['three.json', '--where', 'url.full > 5'], io)).toBe(2);
    expect(err.join('\n')).toContain('column 10: operator > needs an integer field; url.full is a string');
  });

  it.each([
    [[], 'missing FILE'],
    [['three.json'], 'missing --where'],
    [['a.json', 'b.json', '--where', 'x'], 'exactly one FILE'],
    [['three.json', '--where'], '--where needs a value'],
    [['three.json', '--where', 'a', '--bogus'], 'unknown option --bogus'],
  ])('explains a usage mistake: %j', async (argv, message) => {
    const { io, err } = capture(dir);
    expect(await run(argv, io)).toBe(2);
    expect(err.join('\n')).toContain(message);
    expect(err.join('\n')).toContain('usage: ktv filter');
  });

  it('names the file when it cannot be read or decoded', async () => {
    const missing = capture(dir);
    expect(await run(['nope.json', '--where', 'http.response.status_code > 0'], missing.io)).toBe(1);
    expect(missing.err.join('\n')).toContain('cannot read nope.json: no such file');

    const broken = capture(dir);
    expect(await run(['broken.json', '--where', 'http.response.status_code > 0', '--json'], broken.io)).toBe(1);
    expect(broken.out).toEqual([]);
    expect(broken.err.join('\n')).toMatch(/broken\.json: byte \d+: /);
  });
});

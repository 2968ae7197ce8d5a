/** Where the Konnect token may go: https, or plain http to this machine only; never through a redirect. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BridgeFailure } from '../../../shared/bridge/result';
import { resolveBaseUrl } from '../../../shared/konnect/regions';
import { KonnectHttp } from './http';

const token = `kpat_${'a'.repeat(40)}`;

function failure(f: () => unknown): BridgeFailure | Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a failure');
}

describe('Konnect base URL', () => {
  it.each(['http://konnect.example', 'http://10.0.0.5:8080', 'http://127.0.0.1.evil.example'])('plain http to another machine is refused: %s', (url) => {
    expect(() => resolveBaseUrl('us', url)).toThrow(/plain http is allowed only to this machine/);
    expect(failure(() => new KonnectHttp({ baseUrl: url, token }))).toMatchObject({ code: 'invalid-argument' });
  });

  it.each(['http://127.0.0.1:8080', 'http://localhost:1234/', 'http://[::1]:9', 'https://eu.api.konghq.com'])('is allowed: %s', (url) => {
    expect(resolveBaseUrl('us', url)).toBe(url.replace(/\/$/, ''));
    expect(() => new KonnectHttp({ baseUrl: url, token })).not.toThrow();
  });

  it('a URL carrying credentials is refused without repeating them', () => {
    const e = failure(() => resolveBaseUrl('us', 'https://me:hunter2@proxy.example'));
    expect(e.message).toMatch(/user name or password/);
    expect(e.message).not.toContain('hunter2');
    const bad = failure(() => resolveBaseUrl('us', 'me:hunter2@proxy.example'));
    expect(bad.message).not.toContain('hunter2');
  });
});

describe('redirects', () => {
  let redirecting: Server;
  let elsewhere: Server;
  const seenElsewhere: (string | undefined)[] = [];
  let hits = 0;
  const listen = (s: Server) => new Promise<number>((r) => s.listen(0, '127.0.0.1', () => r((s.address() as AddressInfo).port)));
  let url: string;

  beforeAll(async () => {
    elsewhere = createServer((req, res) => {
      seenElsewhere.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[]}');
    });
    const port = await listen(elsewhere);
    redirecting = createServer((_req, res) => {
      hits++;
      res.writeHead(302, { location: `http://127.0.0.1:${port}/v2/control-planes` }).end();
    });
    url = `http://127.0.0.1:${await listen(redirecting)}`;
  });
  afterAll(() => {
    redirecting.close();
    elsewhere.close();
  });

  it('are not followed, not retried, and the token never reaches the other address', async () => {
    const http = new KonnectHttp({ baseUrl: url, token, maxRetries: 3, backoff: { baseMs: 1, maxMs: 2 } });
    const e = await http.request('GET', '/v2/control-planes', { what: 'List control planes' }).catch((x: unknown) => x as BridgeFailure);
    expect(e).toBeInstanceOf(BridgeFailure);
    expect((e as BridgeFailure).message).toMatch(/answered with a redirect, which is not followed/);
    expect((e as BridgeFailure).message).not.toContain(token);
    expect(seenElsewhere).toEqual([]);
    expect(hits).toBe(1);
  });
});

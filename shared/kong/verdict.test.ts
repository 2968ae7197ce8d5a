import { describe, expect, it } from 'vitest';
import { latencyModel } from './latency';
import * as cases from './testdata/cases';
import { keyFact, verdict } from './verdict';

/** Every hand-built case: the verdict's kind, the words it must say, and the span it names. */
const TABLE: [keyof typeof cases, string, RegExp, string | null][] = [
  ['slowUpstream', 'upstream', /^Upstream orders\.internal took 1\.20 s of 1\.20 s \(time to first byte 1\.20 s\)\.$/, 'kong.read_headers_from_upstream'],
  ['upstream500', 'error', /^503: upstream orders\.internal answered 503 after 30\.\d+ ms of upstream time\.$/, 'kong.read_headers_from_upstream'],
  ['slowClientBody', 'client', /^Slow client: reading the request body took 2\.28 s of 2\.30 s\.$/, 'kong.read_client_http_body'],
  ['connectFailure', 'error', /^502: connecting to upstream orders\.internal failed after 3\.05 s: connection refused\.$/, 'kong.find_upstream'],
  ['timeout', 'error', /^504: upstream orders\.internal sent no response headers for 60\.0 s \(upstream timed out\)\.$/, 'kong.read_headers_from_upstream'],
  ['dnsFailure', 'error', /^503: DNS lookup of orders\.internal failed after 5\.00 ms: name resolution failed; the request never reached an upstream\.$/, 'kong.dns'],
  ['slowDns', 'gateway', /^DNS lookup of orders\.internal took 240 ms of 2\d\d ms\.$/, 'kong.dns'],
  ['pluginRejection', 'error', /^401 from plugin key-auth in access after 2\.10 ms; the request never reached an upstream\.$/, 'kong.access.plugin.key-auth'],
  ['pluginExit314', 'error', /^429 from plugin rate-limiting in access after 790 µs; the request never reached an upstream\.$/, 'kong.access.plugin.rate-limiting'],
  ['noRoute', 'error', /^404: no Route matched GET https:\/\/api\.acme\.test\/nope, the router ended it after 850 µs; the request never reached an upstream\.$/, 'kong.router'],
  ['slowPluginWithRedis', 'gateway', /^Plugin rate-limiting in access spent 180 ms of 195 ms, 176 ms of it in Redis\.$/, 'kong.access.plugin.rate-limiting'],
  ['otelBalancer', 'upstream', /^Upstream httpbin\.konghq\.com took 83\.0 ms of 85\.0 ms\.$/, 'kong.balancer'],
  ['nonKong', 'unknown', /^Not a Kong trace: SELECT orders spent the most time in its own code, 40\.0 ms of 50\.0 ms\.$/, 'SELECT orders'],
  ['nonKongError', 'error', /^SELECT orders failed: deadlock detected\.$/, 'SELECT orders'],
];

describe('verdict', () => {
  it.each(TABLE)('%s: %s', (name, kind, text, spanName) => {
    const trace = cases[name]();
    const v = verdict(trace);
    expect(v.kind).toBe(kind);
    expect(v.text).toMatch(text);
    const named = trace.spans.find((s) => s.spanId === v.spanId);
    expect(named?.name ?? null).toBe(spanName);
  });

  it.each([
    ['noRoute', 'no Route matched with those values'],
    ['connectFailure', 'connection refused'],
    ['timeout', 'upstream timed out'],
    ['dnsFailure', 'DNS: name resolution failed'],
    ['pluginRejection', 'key-auth answered 401'],
    ['pluginExit314', 'rate-limiting answered 429: API rate limit exceeded'],
    ['upstream500', 'upstream answered 503'],
    ['slowUpstream', null],
    ['slowPluginWithRedis', null],
    ['nonKong', null],
  ] as const)('%s: the key fact for the summary is %j', (name, fact) => {
    const trace = cases[name]();
    expect(keyFact(trace, verdict(trace))).toBe(fact);
  });

  it('names the part that took most of the time by the latency model, not by what Kong reported', () => {
    // Kong reported the connect failure's 3.05 s as gateway time; the model gives it to the upstream
    const m = latencyModel(cases.connectFailure());
    expect(m.upstreamNs).toBeGreaterThan(3e9);
    expect(m.mismatches.map((x) => x.text)).toContain('Kong reported upstream 0 µs; the spans show 3.05 s');
  });
});

/**
 * Filtering a session's traces with a sampling expression as the trace list does (compile, evaluate each
 * root span, collect a Set): the target is well under 50 ms for 10,000 traces.
 * Run: npx vitest bench --run test/bench/expr-filter.bench.ts
 */
import { bench, describe } from 'vitest';
import { compile } from '../../shared/expr';
import type { Attributes } from '../../shared/model/types';

const methods = ['GET', 'POST', 'PUT', 'DELETE'];
const statuses = [200, 201, 204, 301, 404, 429, 500, 502, 503];

/** 10,000 Konnect-like root spans: numbers sometimes as strings, IPv4 and IPv6 clients, some gaps. */
function roots(count: number): Attributes[] {
  const out: Attributes[] = [];
  for (let i = 0; i < count; i++) {
    const status = statuses[i % statuses.length]!;
    const attrs: Attributes = {
      'http.request.method': methods[i % methods.length]!,
      'url.full': `https://api.example.com/api/orders/${i}`,
      'http.route': i % 3 === 0 ? '/API/orders' : '/health',
      'http.response.status_code': i % 2 === 0 ? status : String(status),
      'client.address': i % 5 === 0 ? `2001:db8::${(i % 65535).toString(16)}` : `10.${i % 256}.${(i >> 8) % 256}.7`,
      'proxy.kong.latency.total': (i * 7) % 1500,
      'http.request.size': String(100 + (i % 900)),
    };
    if (i % 7 === 0) delete attrs['http.response.status_code'];
    out.push(attrs);
  }
  return out;
}

const traces = roots(10_000);
const ids = traces.map((_, i) => i.toString(16).padStart(32, '0'));
const expression =
  '(http.response.status_code >= 500 && lower(http.route) ^= "/api") || (client.address in 10.0.0.0/8 && url.full ~ "orders/[0-9]+$" && proxy.kong.latency.total > 1000) || !(http.request.size < 990)';

describe('expression filter over 10,000 traces', () => {
  bench('compile + evaluate + collect ids', () => {
    const compiled = compile(expression);
    if (!compiled.ok) throw new Error(compiled.errors[0]!.message);
    const matches = new Set<string>();
    for (let i = 0; i < traces.length; i++) if (compiled.evaluate(traces[i]!)) matches.add(ids[i]!);
    if (matches.size === 0) throw new Error('the benchmark expression should match some traces');
  });
});

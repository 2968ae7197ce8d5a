/** A raw HTTP client for receiver tests: any header, any body, or a body that drips in slowly. */
import { request } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One raw request; `drip` sends the body in pieces with pauses (a slow client). */
export function send(url: string, opts: { path?: string; method?: string; headers?: Record<string, string>; body?: Buffer | string; drip?: { pieces: Buffer[]; pauseMs: number } }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${opts.path ?? '/v1/traces'}`, { method: opts.method ?? 'POST', headers: opts.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (opts.drip) {
      const { pieces, pauseMs } = opts.drip;
      let i = 0;
      const next = (): void => {
        if (req.destroyed) return;
        if (i < pieces.length) {
          req.write(pieces[i++]);
          setTimeout(next, pauseMs);
        }
      };
      next();
    } else {
      req.end(opts.body);
    }
  });
}

export const json = { 'Content-Type': 'application/json' };
export const proto = { 'Content-Type': 'application/x-protobuf' };

export const hex = (n: number, len: number): string => n.toString(16).padStart(len, '0');
export function otlpJson(traceNo: number, spans = 1): string {
  const traceId = hex(traceNo, 32);
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'kong' } }] },
        scopeSpans: [
          {
            scope: { name: 'kong' },
            spans: Array.from({ length: spans }, (_, i) => ({
              traceId,
              spanId: hex(i + 1, 16),
              parentSpanId: i === 0 ? '' : hex(1, 16),
              name: i === 0 ? 'kong' : `kong.child${i}`,
              kind: 2,
              startTimeUnixNano: '1700000000000000000',
              endTimeUnixNano: '1700000000001000000',
              attributes: [{ key: 'http.response.status_code', value: { intValue: '200' } }],
            })),
          },
        ],
      },
    ],
  });
}

/**
 * The OTLP/HTTP receiver: `POST /v1/traces` and `POST /v1/logs`, protobuf or JSON, optionally gzip, on
 * loopback unless the caller explicitly opts in to more. It answers as the OTLP/HTTP specification says:
 * 200 (with partial-success counts when the decoders had to skip records), 400 for undecodable bodies,
 * 413 above the size limit, 415 for other content types or encodings, 408 for bodies that drip in too
 * slowly, and 503 with Retry-After when it is busy (a bounded number of requests in flight, in all and
 * per client, or a consumer behind): the exporter retries later, so nothing is dropped silently. It never
 * throws on bad input. Exporters are programs, not web pages: a request with an Origin header, or (on
 * loopback) one addressed to another host name (DNS rebinding), is refused with 403.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { DecodeError } from '../../../shared/decode/api';
import type { LogRecord, Skipped, TraceSpans } from '../../../shared/model/types';
import type { ReceiverCounters } from '../../../shared/bridge/capture';
import { BodyError, inflate, readBody, type BodyLimits } from './body';
import { encodingOf, errorAnswer, exportAnswer, type Answer, type BodyEncoding, type SignalKind } from './responses';

export interface ReceiverLimits extends BodyLimits {
  /** requests being read or decoded at once; one more is answered 503 */
  maxInFlight: number;
  /** of those, how many one client address may hold, so slow senders cannot take every slot */
  maxInFlightPerClient: number;
  /** the request line and headers must arrive within this */
  headersTimeoutMs: number;
  /** seconds an exporter is asked to wait when the receiver is busy */
  retryAfterSeconds: number;
}

export const DEFAULT_LIMITS: ReceiverLimits = {
  maxBodyBytes: 16 * 1024 * 1024,
  maxInflatedBytes: 64 * 1024 * 1024,
  bodyTimeoutMs: 15_000,
  maxInFlight: 64,
  maxInFlightPerClient: 16,
  headersTimeoutMs: 10_000,
  retryAfterSeconds: 1,
};

/** One export request, decoded: what the decoders could use, and what they skipped and why. */
export interface DecodedRequest {
  traces: TraceSpans[];
  logs: LogRecord[];
  skipped: Skipped[];
}

/** Decodes one export request's body; throws DecodeError when it cannot be used at all. */
export type BodyDecoder = (bytes: Uint8Array, kind: SignalKind, encoding: BodyEncoding) => DecodedRequest | Promise<DecodedRequest>;

export interface ReceiverOptions {
  host?: string;
  port: number;
  /** required to listen anywhere but loopback */
  allowRemote?: boolean;
  limits?: Partial<ReceiverLimits>;
  decode: BodyDecoder;
  /** takes a decoded request; what the decoders skipped is answered as partial success */
  accept: (kind: SignalKind, batch: DecodedRequest) => void;
  /** true while the consumer is behind: new requests get 503 + Retry-After */
  busy?: () => boolean;
}

export interface Receiver {
  readonly host: string;
  readonly port: number;
  /** http://host:port, what a gateway is pointed at */
  readonly url: string;
  /** set when listening beyond loopback */
  readonly warning: string | undefined;
  readonly counters: Readonly<ReceiverCounters>;
  /** stops listening, lets requests in flight finish (briefly), then closes every connection */
  close(): Promise<void>;
}

/** The receiver cannot start (port taken, address refused...); the message says which and why. */
export class ReceiverError extends Error {
  constructor(
    readonly code: 'address-in-use' | 'remote-not-allowed' | 'listen-failed',
    message: string,
  ) {
    super(message);
    this.name = 'ReceiverError';
  }
}

export const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);

const PATHS: Record<string, SignalKind> = { '/v1/traces': 'traces', '/v1/logs': 'logs' };

export async function startReceiver(opts: ReceiverOptions): Promise<Receiver> {
  const host = opts.host ?? '127.0.0.1';
  const limits: ReceiverLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  let warning: string | undefined;
  if (!isLoopback(host)) {
    if (!opts.allowRemote) {
      throw new ReceiverError('remote-not-allowed', `receiver address ${host}: not a loopback address; listening where other machines can send needs an explicit opt-in`);
    }
    warning = `listening on ${host}: any machine that can reach this address can send traces to this app`;
  }
  const counters: ReceiverCounters = { requests: 0, recordsRejected: 0, badRequests: 0, busy: 0 };
  let inFlight = 0;
  const perClient = new Map<string, number>();
  const running = new Set<Promise<void>>();
  const loopback = isLoopback(host);

  // Node checks its header and request deadlines every connectionsCheckingInterval (30 s by default):
  // checked every second, a deadline means what it says
  const server = createServer({ connectionsCheckingInterval: 1000 }, (req, res) => {
    const work = handle(req, res).finally(() => running.delete(work));
    running.add(work);
  });
  // Node's own guards against slow headers; the body deadline is ours (readBody), answered with 408
  server.headersTimeout = Math.min(limits.headersTimeoutMs, limits.bodyTimeoutMs);
  server.requestTimeout = limits.bodyTimeoutMs * 2;
  let port = 0;
  const hostNames = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${host.includes(':') ? `[${host}]` : host}:${port}`]);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const kind = PATHS[(req.url ?? '').split('?')[0]!];
    if (!kind) return send(req, res, errorAnswer(404, `no such endpoint ${req.url ?? ''}: use POST /v1/traces or /v1/logs`), true);
    if (req.method !== 'POST') return send(req, res, errorAnswer(405, `${req.method ?? ''} ${req.url}: only POST is accepted`, 'json', { Allow: 'POST' }), true);
    if (req.headers.origin !== undefined) {
      return bad(req, res, errorAnswer(403, `requests from web pages are refused (Origin ${req.headers.origin}): OTLP exporters send no Origin`));
    }
    if (loopback && !hostNames().has((req.headers.host ?? '').toLowerCase())) {
      return bad(req, res, errorAnswer(403, `request addressed to ${JSON.stringify(req.headers.host ?? '')}: this receiver answers only to its loopback address`));
    }
    const encoding = encodingOf(req.headers['content-type']);
    if (!encoding) {
      return bad(req, res, errorAnswer(415, `Content-Type ${JSON.stringify(req.headers['content-type'] ?? '')} is not supported: use application/x-protobuf or application/json`));
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limits.maxBodyBytes) {
      return bad(req, res, errorAnswer(413, `request body of ${declared} bytes is larger than the limit of ${limits.maxBodyBytes} bytes`, encoding));
    }
    const client = req.socket.remoteAddress ?? '';
    const clientShare = perClient.get(client) ?? 0;
    if (inFlight >= limits.maxInFlight || clientShare >= limits.maxInFlightPerClient || opts.busy?.()) {
      counters.busy++;
      const retry = { 'Retry-After': String(limits.retryAfterSeconds) };
      return send(req, res, errorAnswer(503, 'receiver busy, retry later', encoding, retry), true);
    }
    inFlight++;
    perClient.set(client, clientShare + 1);
    try {
      const raw = await readBody(req, limits);
      const body = await inflate(raw, req.headers['content-encoding'], limits.maxInflatedBytes);
      const batch = await opts.decode(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), kind, encoding);
      opts.accept(kind, batch);
      const rejected = batch.skipped.length;
      counters.requests++;
      counters.recordsRejected += rejected;
      const why = batch.skipped.slice(0, 3).map((s) => `${s.where}: ${s.reason}`).join('; ');
      send(req, res, exportAnswer(kind, encoding, rejected, why), false);
    } catch (e) {
      if (e instanceof BodyError) return bad(req, res, errorAnswer(e.status, e.message, encoding));
      const where = `POST /v1/${kind}`;
      if (e instanceof DecodeError) {
        return bad(req, res, errorAnswer(400, `${where}: the body is not a valid OTLP/${encoding} export request: ${e.where ? `${e.where}: ` : ''}${e.reason}`, encoding));
      }
      const message = e instanceof Error ? e.message : String(e);
      return bad(req, res, errorAnswer(400, `${where}: the body could not be used: ${message}`, encoding));
    } finally {
      inFlight--;
      const left = (perClient.get(client) ?? 1) - 1;
      if (left > 0) perClient.set(client, left);
      else perClient.delete(client);
    }
  }

  function bad(req: IncomingMessage, res: ServerResponse, answer: Answer): void {
    counters.badRequests++;
    send(req, res, answer, true);
  }

  /** `close`: the body may be unread (or still dripping), so the connection is not reused */
  function send(req: IncomingMessage, res: ServerResponse, answer: Answer, close: boolean): void {
    if (res.headersSent || res.destroyed) return;
    res.statusCode = answer.status;
    res.setHeader('Content-Type', answer.contentType);
    res.setHeader('Content-Length', answer.body.length);
    for (const [k, val] of Object.entries(answer.headers ?? {})) res.setHeader(k, val);
    if (close && !req.complete) res.setHeader('Connection', 'close');
    res.end(answer.body, () => {
      if (close && !req.complete) req.socket.destroy();
    });
  }

  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // a client that breaks the protocol gets a plain 400 and its socket closed; the server carries on
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  await listen(server, host, opts.port);
  port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    host,
    port,
    url: `http://${urlHost}:${port}`,
    warning,
    counters,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // requests in flight get a moment to be answered; then every connection goes
        const grace = setTimeout(() => {
          for (const s of sockets) s.destroy();
        }, 1000);
        void Promise.allSettled([...running]).then(() => {
          clearTimeout(grace);
          server.closeAllConnections();
        });
      });
    },
  };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      if (e.code === 'EADDRINUSE') {
        reject(new ReceiverError('address-in-use', `port ${port} on ${host} is already in use (another collector?): choose another port, or 0 for a free one`));
      } else {
        reject(new ReceiverError('listen-failed', `cannot listen on ${host}:${port}: ${e.message}`));
      }
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

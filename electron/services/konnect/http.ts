/**
 * The one place Konnect HTTP requests are made: bearer auth, a timeout on every attempt, cancellation by
 * AbortSignal, retries with exponential back-off and full jitter (429 always, honouring Retry-After; 5xx,
 * timeouts and dropped connections only for idempotent calls), and problem+json errors turned into
 * BridgeFailure with the problem's `detail` and `invalid_parameters`. The token never appears in an error.
 * The token is sent only over https (plain http only to loopback), and redirects are never followed: a
 * redirect would carry the request, and with it the token, somewhere the user did not name.
 */
import { BridgeFailure } from '../../../shared/bridge/result';
import { backoffDelay, parseRetryAfter, type BackoffOptions } from '../../../shared/konnect/backoff';
import { baseUrlProblem } from '../../../shared/konnect/regions';
import { codeForStatus, parseProblem, problemMessage } from '../../../shared/konnect/problem';
import { redactToken } from '../../../shared/konnect/token';

export interface WaitInfo {
  reason: 'rate-limited' | 'unavailable' | 'network' | 'timeout';
  /** how long the client waits before the next attempt */
  ms: number;
  /** 1-based number of the retry about to happen */
  retry: number;
  what: string;
  /** what went wrong with the last attempt (no secrets) */
  message: string;
}

export interface CallContext {
  signal?: AbortSignal;
  /** told before each wait, so the UI can say "waiting N s" */
  onWait?: (info: WaitInfo) => void;
}

export interface RequestOptions extends CallContext {
  /** what the call does, for messages: "List control planes" */
  what: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** may be retried after a 5xx, timeout or dropped connection (default: GET only) */
  idempotent?: boolean;
}

export interface KonnectHttpOptions {
  baseUrl: string;
  token: string;
  /** per attempt (default 15 s) */
  timeoutMs?: number;
  /** retries after the first attempt (default 4) */
  maxRetries?: number;
  backoff?: BackoffOptions;
  fetch?: typeof fetch;
  now?: () => number;
}

/** Details attached to a Konnect BridgeFailure; safe to show (no secrets). */
export interface KonnectErrorDetails {
  status?: number;
  title?: string;
  detail?: string;
  invalidParameters?: { field: string; reason: string }[];
  retryAfterS?: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

class Retryable extends Error {
  constructor(
    readonly failure: BridgeFailure,
    readonly reason: WaitInfo['reason'],
    readonly waitMs: number | null,
    readonly always: boolean,
  ) {
    super(failure.message);
  }
}

export class KonnectHttp {
  readonly baseUrl: string;
  private readonly token: string;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly backoff: BackoffOptions;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;

  constructor(opts: KonnectHttpOptions) {
    const problem = baseUrlProblem(opts.baseUrl);
    if (problem) throw new BridgeFailure('invalid-argument', `Konnect base URL: ${problem}`);
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.token = opts.token.trim();
    this.timeoutMs = opts.timeoutMs ?? 15_000;
    this.maxRetries = opts.maxRetries ?? 4;
    this.backoff = opts.backoff ?? {};
    this.fetchImpl = opts.fetch ?? fetch;
    this.now = opts.now ?? Date.now;
  }

  async request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, opts: RequestOptions): Promise<T> {
    const url = new URL(this.baseUrl + path);
    for (const [k, val] of Object.entries(opts.query ?? {})) if (val !== undefined) url.searchParams.set(k, String(val));
    const idempotent = opts.idempotent ?? method === 'GET';
    for (let attempt = 0; ; attempt++) {
      this.throwIfCancelled(opts);
      try {
        return await this.attempt<T>(method, url, opts);
      } catch (e) {
        if (!(e instanceof Retryable)) throw e;
        if ((!idempotent && !e.always) || attempt >= this.maxRetries) throw e.failure;
        const ms = e.waitMs ?? backoffDelay(attempt, this.backoff);
        opts.onWait?.({ reason: e.reason, ms, retry: attempt + 1, what: opts.what, message: e.failure.message });
        try {
          await sleep(ms, opts.signal);
        } catch {
          this.throwIfCancelled(opts);
        }
      }
    }
  }

  private throwIfCancelled(opts: RequestOptions): void {
    if (opts.signal?.aborted) throw new BridgeFailure('cancelled', `${opts.what}: cancelled`);
  }

  private async attempt<T>(method: string, url: URL, opts: RequestOptions): Promise<T> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const onAbort = () => controller.abort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      let res: Response;
      try {
        res = await this.fetchImpl(url, {
          method,
          headers: {
            authorization: `Bearer ${this.token}`,
            accept: 'application/json, application/problem+json',
            ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
          signal: controller.signal,
          redirect: 'error',
        });
      } catch (e) {
        throw this.transportFailure(e, opts, timedOut);
      }
      let text: string;
      try {
        text = await res.text();
      } catch (e) {
        throw this.transportFailure(e, opts, timedOut);
      }
      if (res.ok) return this.parseJson<T>(text, url, opts);
      throw this.statusFailure(res, text, opts);
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
    }
  }

  private parseJson<T>(text: string, url: URL, opts: RequestOptions): T {
    if (text === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new BridgeFailure('decode', `${opts.what}: Konnect answered ${url.pathname} with something that is not JSON (${this.safe(text.slice(0, 80))})`);
    }
  }

  private transportFailure(e: unknown, opts: RequestOptions, timedOut: boolean): Error {
    if (opts.signal?.aborted) return new BridgeFailure('cancelled', `${opts.what}: cancelled`);
    if (timedOut) {
      const f = new BridgeFailure('timeout', `${opts.what}: Konnect did not answer within ${Math.round(this.timeoutMs / 1000)} s`);
      return new Retryable(f, 'timeout', null, false);
    }
    const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
    if (/redirect/i.test(cause?.message ?? '')) {
      // not worth retrying: the server will redirect again
      return new BridgeFailure('unavailable', `${opts.what}: Konnect at ${this.baseUrl} answered with a redirect, which is not followed (is KONNECT_BASE_URL right?)`);
    }
    const why = cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
    const f = new BridgeFailure('unavailable', `${opts.what}: cannot reach Konnect at ${this.baseUrl} (${this.safe(why)})`);
    return new Retryable(f, 'network', null, false);
  }

  private statusFailure(res: Response, text: string, opts: RequestOptions): Error {
    const p = parseProblem(res.status, this.safe(text));
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), this.now());
    const details: KonnectErrorDetails = { status: p.status, title: p.title, detail: p.detail };
    if (p.invalidParameters.length) details.invalidParameters = p.invalidParameters.map(({ field, reason }) => ({ field, reason }));
    if (retryAfterMs !== null) details.retryAfterS = Math.ceil(retryAfterMs / 1000);
    const failure = new BridgeFailure(codeForStatus(res.status), problemMessage(opts.what, p), details);
    // the server did not act on a 429, so even a POST may be sent again
    if (res.status === 429) return new Retryable(failure, 'rate-limited', retryAfterMs, true);
    if (res.status >= 500 || res.status === 408) return new Retryable(failure, 'unavailable', retryAfterMs, false);
    return failure;
  }

  private safe(text: string): string {
    return redactToken(text, this.token);
  }
}

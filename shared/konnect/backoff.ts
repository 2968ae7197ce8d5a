/**
 * Retry timing: exponential back-off with full jitter (a random delay between 0 and the exponential cap,
 * so many clients retrying at once spread out), and the server's Retry-After when it gives one.
 */

export interface BackoffOptions {
  /** first cap, ms (default 500) */
  baseMs?: number;
  /** the cap never grows past this, ms (default 30 s) */
  maxMs?: number;
  /** a number in [0, 1); injectable for tests */
  random?: () => number;
}

/** The cap for a 0-based attempt: base * 2^attempt, bounded by max. */
export function backoffCap(attempt: number, opts: BackoffOptions = {}): number {
  const base = opts.baseMs ?? 500;
  const max = opts.maxMs ?? 30_000;
  return Math.min(max, base * 2 ** Math.min(attempt, 30));
}

/** Full-jitter delay for a 0-based attempt, at least 1 ms so a retry never spins. */
export function backoffDelay(attempt: number, opts: BackoffOptions = {}): number {
  const random = opts.random ?? Math.random;
  return Math.max(1, Math.floor(random() * backoffCap(attempt, opts)));
}

/**
 * Parses Retry-After (delta seconds or an HTTP date) into milliseconds from `nowMs`; null when absent or
 * unreadable. Bounded so a hostile or broken header cannot park the client for hours.
 */
export function parseRetryAfter(header: string | null | undefined, nowMs: number, maxMs = 5 * 60_000): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.min(maxMs, Math.round(Number(text) * 1000));
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.min(maxMs, Math.max(0, date - nowMs));
}

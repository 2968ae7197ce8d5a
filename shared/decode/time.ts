/**
 * Exact nanosecond arithmetic without BigInt. A Unix-nanosecond time (19 digits) does not fit a double, but
 * its split into whole seconds and the nanoseconds within the second does, and so does any difference of
 * two times less than about 104 days apart. Every time in the model is such a difference (an offset from a
 * trace's base), so splitting is all the precision machinery the decoders need.
 */

/** Scratch result of `readNs`; read it right after the call (the decoders are synchronous). */
export const nsOut = { sec: 0, nano: 0 };

const DIGITS_RE = /^\d+$/;

/**
 * Reads an OTLP int64 nanosecond time (decimal string, number, or a Long-like with toString) into `nsOut`.
 * Returns false when the value is missing, negative or not an integer.
 */
export function readNs(value: unknown): boolean {
  if (typeof value === 'string') {
    const len = value.length;
    if (len === 0 || !DIGITS_RE.test(value)) return false;
    if (len <= 9) {
      nsOut.sec = 0;
      nsOut.nano = +value;
    } else {
      nsOut.sec = +value.slice(0, len - 9);
      nsOut.nano = +value.slice(len - 9);
    }
    return true;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return false;
    // A producer that wrote int64 as a JSON number already lost precision beyond 2^53; keep what is left,
    // exactly (BigInt of an integral double is exact, and this path is rare).
    if (!Number.isSafeInteger(value)) return readNs(BigInt(Math.round(value)).toString());
    splitInto(value, 1e9);
    return true;
  }
  if (typeof value === 'bigint') return value >= 0n && readNs(value.toString());
  if (value !== null && typeof value === 'object' && typeof (value as { toString?: unknown }).toString === 'function') {
    const text = String(value);
    return text !== '[object Object]' && readNs(text);
  }
  return false;
}

/** Microseconds since the epoch (Jaeger, Zipkin) into `nsOut`. */
export function readMicros(value: unknown): boolean {
  const us = typeof value === 'string' && DIGITS_RE.test(value) ? +value : value;
  if (typeof us !== 'number' || !Number.isFinite(us) || us < 0) return false;
  const whole = Math.floor(us);
  splitInto(whole, 1e6);
  nsOut.nano = nsOut.nano * 1000 + Math.round((us - whole) * 1000);
  return true;
}

/** value = sec * unit + rest with 0 <= rest < unit, exact for safe integers (the quotient may round up). */
function splitInto(value: number, unit: number): void {
  let sec = Math.floor(value / unit);
  let rest = value - sec * unit;
  if (rest < 0) {
    sec--;
    rest += unit;
  } else if (rest >= unit) {
    sec++;
    rest -= unit;
  }
  nsOut.sec = sec;
  nsOut.nano = rest;
}

/** The decimal string of sec * 1e9 + nano, for any sec >= 0 and 0 <= nano < 1e9. */
export function formatNs(sec: number, nano: number): string {
  if (sec === 0) return String(nano);
  const n = String(nano);
  return `${sec}${'000000000'.slice(n.length)}${n}`;
}

/** base (a decimal nanosecond string) plus an offset in nanoseconds (exact, may be negative), as a decimal string. */
export function addNs(base: string, offset: number): string {
  readNs(base);
  const total = nsOut.nano + offset;
  const carry = Math.floor(total / 1e9);
  const sec = nsOut.sec + carry;
  if (sec < 0) return '0';
  return formatNs(sec, total - carry * 1e9);
}

/** a - b in nanoseconds for two decimal nanosecond strings (exact when they are less than ~104 days apart). */
export function diffNs(a: string, b: string): number {
  readNs(a);
  const secA = nsOut.sec;
  const nanoA = nsOut.nano;
  readNs(b);
  return (secA - nsOut.sec) * 1e9 + (nanoA - nsOut.nano);
}

/** Compares two canonical decimal strings (no leading zeros) numerically. */
export function compareNs(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Unix milliseconds (fractional) of a decimal nanosecond string. */
export function nsToMs(ns: string): number {
  if (!readNs(ns)) return 0;
  return nsOut.sec * 1000 + nsOut.nano / 1e6;
}

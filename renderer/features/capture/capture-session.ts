/** Naming of capture sessions and the numbers the panel shows. */
import { formatStamp, type TimeZoneChoice } from '../time/format-time';
import { MAX_CAPTURE_SECONDS, MAX_CAPTURE_TRACES, type CaptureStatus } from '../../../shared/bridge/capture';

/** A capture's name: when it started, dated and with its zone (the name stays as it is, so it says which), and where. */
export function captureSessionName(status: Pick<CaptureStatus, 'where'>, startedAt: number, zone: TimeZoneChoice = 'local'): string {
  const at = formatStamp(startedAt, zone);
  return `Live capture ${at}${status.where ? ` · ${status.where}` : ''}`;
}

/**
 * The receiver's address as a gateway should use it: listening on every interface (0.0.0.0 or ::) is
 * reached through a real address; Docker's name for the host is the common case.
 */
export function gatewayUrl(status: Pick<CaptureStatus, 'host' | 'port' | 'url'>): string {
  return status.host === '0.0.0.0' || status.host === '::' ? `http://host.docker.internal:${status.port}` : status.url;
}

/** "4:05" */
export function formatRemaining(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

const END_REASON: Record<NonNullable<CaptureStatus['endReason']>, string> = {
  duration: 'time is up',
  'max-traces': 'trace limit reached',
  stopped: 'stopped',
  failed: 'failed',
};

export function endReasonText(status: CaptureStatus): string {
  return status.endReason ? END_REASON[status.endReason] : '';
}

export interface CaptureFormValues {
  where: string;
  durationSeconds: number;
  maxTraces: number;
  port: number;
  allowRemote: boolean;
}

export const DEFAULT_FORM: CaptureFormValues = { where: '', durationSeconds: 300, maxTraces: 200, port: 4318, allowRemote: false };

/** Form text to numbers, or the first problem in words naming the field. */
export function parseForm(raw: { duration: string; maxTraces: string; port: string }): { ok: true; durationSeconds: number; maxTraces: number; port: number } | { ok: false; message: string } {
  const int = (text: string, name: string, min: number, max: number): number | string => {
    const n = Number(text.trim());
    if (!/^\d+$/.test(text.trim()) || n < min || n > max) return `${name}: enter a whole number from ${min} to ${max}`;
    return n;
  };
  const durationSeconds = int(raw.duration, 'Duration (seconds)', 1, MAX_CAPTURE_SECONDS);
  if (typeof durationSeconds === 'string') return { ok: false, message: durationSeconds };
  const maxTraces = int(raw.maxTraces, 'Max traces', 1, MAX_CAPTURE_TRACES);
  if (typeof maxTraces === 'string') return { ok: false, message: maxTraces };
  const port = int(raw.port, 'Port', 0, 65_535);
  if (typeof port === 'string') return { ok: false, message: port };
  return { ok: true, durationSeconds, maxTraces, port };
}

/**
 * "Export as OTLP/JSON": a stored session written as spec-conformant OTLP/JSON (hex ids), sanitized, for
 * sharing with a colleague or support: the same encoder and sanitizer as `ktv export`.
 */
import { encodeOtlpJson } from '../../../shared/encode/otlp-json';
import { sanitizeLog, sanitizeTrace } from '../../../shared/sanitize/telemetry';
import { readSessionContents } from '../../db/repo';
import type { SessionRow } from '../../db/schema';

export async function sessionAsOtlpJson(sessionId: string): Promise<string> {
  const { traces, logs } = await readSessionContents(sessionId);
  const doc = encodeOtlpJson(traces.map((t) => sanitizeTrace(t)), logs.map(sanitizeLog));
  return JSON.stringify(doc);
}

export function exportFileName(session: SessionRow): string {
  const safe = session.name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'session';
  return `${safe}.otlp.json`;
}

/** Saves the session through the browser's download (a save dialog in the desktop app). */
export async function downloadSession(session: SessionRow): Promise<void> {
  const blob = new Blob([await sessionAsOtlpJson(session.id)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = exportFileName(session);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

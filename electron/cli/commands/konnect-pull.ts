/**
 * `ktv konnect pull`: one debugger session, every page, written as sanitized OTLP/JSON (traces and logs)
 * with captured payloads, sanitized too, in `<out>.payloads.json` beside it. Written beside the target and
 * renamed, so a reader never sees half a file; what was pulled before a failure is still written.
 */
import { rename, writeFile } from 'node:fs/promises';
import { decodeAll } from '../../../shared/decode';
import { encodeOtlpJson } from '../../../shared/encode/otlp-json';
import type { LogRecord, Payload, TraceSpans } from '../../../shared/model/types';
import { sanitizeLog, sanitizeTrace } from '../../../shared/sanitize/telemetry';
import type { PulledSession } from '../../services/konnect/pull';

export interface PullWritten {
  traces: number;
  spans: number;
  logs: number;
  payloads: number;
  payloadsPath: string | null;
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.partial`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

/** Payloads back to Kong's capture shape (the decoder already sanitized them). */
function payloadDocument(payloads: Payload[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of payloads) {
    out[`${p.traceId}:reqres`] = {
      request_headers: p.request.headers,
      ...(p.request.body === undefined ? {} : { request_body: p.request.body }),
      response_headers: p.response.headers,
      ...(p.response.body === undefined ? {} : { response_body: p.response.body }),
    };
  }
  return out;
}

export async function writePulledSession(pulled: PulledSession, sessionId: string, outPath: string): Promise<PullWritten> {
  const encoder = new TextEncoder();
  const decode = async (doc: unknown, what: string) =>
    decodeAll(encoder.encode(JSON.stringify(doc)), { fileName: `Konnect session ${sessionId} ${what}` });
  const traces: TraceSpans[] = pulled.batches.length ? (await decode({ batches: pulled.batches }, 'traces')).traces.map(sanitizeTrace) : [];
  const logs: LogRecord[] = pulled.resourceLogs.length ? (await decode({ resourceLogs: pulled.resourceLogs }, 'logs')).logs.map(sanitizeLog) : [];
  const payloads: Payload[] = Object.keys(pulled.payloads).length ? (await decode(pulled.payloads, 'payloads')).payloads : [];

  const doc = encodeOtlpJson(traces, logs);
  await writeAtomically(outPath, `${JSON.stringify(logs.length ? doc : { resourceSpans: doc.resourceSpans })}\n`);
  let payloadsPath: string | null = null;
  if (payloads.length) {
    payloadsPath = outPath.replace(/(\.json)?$/i, '.payloads.json');
    await writeAtomically(payloadsPath, `${JSON.stringify(payloadDocument(payloads))}\n`);
  }
  return { traces: traces.length, spans: traces.reduce((n, t) => n + t.spans.length, 0), logs: logs.length, payloads: payloads.length, payloadsPath };
}

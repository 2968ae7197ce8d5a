/**
 * OTLP/HTTP answers, in the request's own encoding as the specification asks: an Export*ServiceResponse
 * (with `partial_success` when some records were rejected) for 200, a google.rpc.Status for errors.
 * The messages are tiny, so they are written by hand rather than through a protobuf runtime.
 */

export type BodyEncoding = 'protobuf' | 'json';
export type SignalKind = 'traces' | 'logs';

export interface Answer {
  status: number;
  contentType: string;
  body: Buffer;
  headers?: Record<string, string>;
}

const CONTENT_TYPE: Record<BodyEncoding, string> = { protobuf: 'application/x-protobuf', json: 'application/json' };

function varint(n: number): number[] {
  const out: number[] = [];
  let v = Math.max(0, Math.floor(n));
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}

/** field `num` as a length-delimited value (wire type 2) */
function lengthDelimited(num: number, bytes: Uint8Array): number[] {
  return [...varint((num << 3) | 2), ...varint(bytes.length), ...bytes];
}

/** field `num` as a varint (wire type 0) */
function varintField(num: number, value: number): number[] {
  return [...varint(num << 3), ...varint(value)];
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** 200: the export succeeded; `rejected` records (with why) could not be used. */
export function exportAnswer(kind: SignalKind, encoding: BodyEncoding, rejected: number, message: string): Answer {
  if (encoding === 'json') {
    const countKey = kind === 'traces' ? 'rejectedSpans' : 'rejectedLogRecords';
    const body = rejected > 0 ? { partialSuccess: { [countKey]: String(rejected), errorMessage: message } } : {};
    return { status: 200, contentType: CONTENT_TYPE.json, body: Buffer.from(JSON.stringify(body)) };
  }
  // Export{Trace,Logs}ServiceResponse { partial_success = 1 { rejected_* = 1 (int64); error_message = 2 } }
  const bytes =
    rejected > 0 ? lengthDelimited(1, Uint8Array.from([...varintField(1, rejected), ...lengthDelimited(2, utf8(message))])) : [];
  return { status: 200, contentType: CONTENT_TYPE.protobuf, body: Buffer.from(bytes) };
}

/** gRPC status codes the answers map to */
const GRPC_CODE: Record<number, number> = { 400: 3, 404: 12, 405: 12, 408: 4, 413: 8, 415: 3, 429: 8, 503: 14 };

/** An error answer: a google.rpc.Status { code = 1; message = 2 } in the request's encoding. */
export function errorAnswer(status: number, message: string, encoding: BodyEncoding = 'json', headers?: Record<string, string>): Answer {
  const code = GRPC_CODE[status] ?? 2;
  const body =
    encoding === 'json'
      ? Buffer.from(JSON.stringify({ code, message }))
      : Buffer.from([...varintField(1, code), ...lengthDelimited(2, utf8(message))]);
  return headers ? { status, contentType: CONTENT_TYPE[encoding], body, headers } : { status, contentType: CONTENT_TYPE[encoding], body };
}

/** application/x-protobuf or application/json (parameters such as charset ignored); null for anything else */
export function encodingOf(contentType: string | undefined): BodyEncoding | null {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-protobuf' || type === 'application/protobuf') return 'protobuf';
  if (type === 'application/json') return 'json';
  return null;
}

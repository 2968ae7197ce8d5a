/** One export request's body to the normalized model, through the shared decoders. */
import { decodeAll } from '../../../shared/decode';
import type { BodyEncoding, SignalKind } from './responses';
import type { DecodedRequest } from './server';

export async function decodeBody(bytes: Uint8Array, kind: SignalKind, encoding: BodyEncoding): Promise<DecodedRequest> {
  // an empty protobuf body is a valid, empty export request (every field absent)
  if (bytes.length === 0) return { traces: [], logs: [], skipped: [] };
  // the name only appears in messages, which the exporter gets back in the 400 answer
  const fileName = `POST /v1/${kind} (${encoding === 'protobuf' ? 'application/x-protobuf' : 'application/json'})`;
  // Content-Encoding was undone under the request's one budget (inflate): OTLP/HTTP defines no other
  // compression, so gzip or zstd inside the body is refused rather than inflated past that budget
  const { traces, logs, skipped } = await decodeAll(bytes, { fileName, compression: 'refuse' });
  return { traces, logs, skipped };
}

/**
 * A seeded fuzz loop: mutated versions of every kind of input must either decode or fail with a
 * DecodeError (never another exception, never a hang).
 */
import { describe, expect, it } from 'vitest';
import protobuf from 'protobufjs/light';
import descriptor from '../proto/otlp.json';
import konnect from '../sample/gateway-3.10-konnect.json';
import quirks from '../../test/fixtures/formats/otlp-quirks.json';
import jaeger from '../../test/fixtures/formats/jaeger.json';
import zipkin from '../../test/fixtures/formats/zipkin.json';
import payloads from '../../test/fixtures/formats/payloads.json';
import { DecodeError } from './api';
import { decodeBytes, utf8 } from './test-helpers';
import { mulberry32 } from '../util/random';


const root = protobuf.Root.fromJSON(descriptor as protobuf.INamespace);
const TraceRequest = root.lookupType('opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest');
const konnectAsOtlp = { resourceSpans: konnect.batches };
const protobufBytes = TraceRequest.encode(TraceRequest.fromObject(konnectAsOtlp)).finish();
const delimitedBytes = (() => {
  const out = new Uint8Array(protobufBytes.length * 2 + 8);
  const view = new DataView(out.buffer);
  view.setUint32(0, protobufBytes.length);
  out.set(protobufBytes, 4);
  view.setUint32(4 + protobufBytes.length, protobufBytes.length);
  out.set(protobufBytes, 8 + protobufBytes.length);
  return out;
})();
const jsonLines = utf8(`${JSON.stringify(konnectAsOtlp)}\n${JSON.stringify(quirks)}\n`);

const seeds: [string, Uint8Array][] = [
  ['konnect', utf8(JSON.stringify(konnect, null, 1))],
  ['quirks', utf8(JSON.stringify(quirks))],
  ['jaeger', utf8(JSON.stringify(jaeger))],
  ['zipkin', utf8(JSON.stringify(zipkin))],
  ['payloads', utf8(JSON.stringify(payloads))],
  ['json lines', jsonLines],
  ['protobuf', protobufBytes],
  ['delimited protobuf', delimitedBytes],
];

const INTERESTING = [0x00, 0x0a, 0x22, 0x2c, 0x3a, 0x5b, 0x5d, 0x7b, 0x7d, 0x5c, 0xff, 0x80, 0x30];

function mutate(input: Uint8Array, rand: () => number): Uint8Array {
  const bytes = input.slice();
  const kind = Math.floor(rand() * 5);
  const at = Math.floor(rand() * bytes.length);
  switch (kind) {
    case 0:
      // flip a few bytes
      for (let i = 0; i < 1 + rand() * 4; i++) bytes[Math.floor(rand() * bytes.length)] = INTERESTING[Math.floor(rand() * INTERESTING.length)]!;
      return bytes;
    case 1:
      return bytes.subarray(0, at);
    case 2:
      return bytes.subarray(at);
    case 3: {
      const insert = Uint8Array.from({ length: 1 + Math.floor(rand() * 8) }, () => Math.floor(rand() * 256));
      const out = new Uint8Array(bytes.length + insert.length);
      out.set(bytes.subarray(0, at));
      out.set(insert, at);
      out.set(bytes.subarray(at), at + insert.length);
      return out;
    }
    default: {
      // duplicate a slice
      const end = Math.min(bytes.length, at + Math.floor(rand() * 64));
      const out = new Uint8Array(bytes.length + end - at);
      out.set(bytes.subarray(0, end));
      out.set(bytes.subarray(at), end);
      return out;
    }
  }
}

describe('fuzzing the decoders with mutated inputs', () => {
  it.each(seeds)('%s: only ever succeeds or throws DecodeError', async (_name, seed) => {
    const rand = mulberry32(seed.length);
    let decoded = 0;
    let rejected = 0;
    for (let i = 0; i < 60; i++) {
      const input = mutate(seed, rand);
      const chunk = 1 + Math.floor(rand() * 200);
      try {
        await decodeBytes(input, chunk);
        decoded++;
      } catch (e) {
        if (!(e instanceof DecodeError)) throw new Error(`iteration ${i}: ${String(e)}`, { cause: e });
        expect(e.message.startsWith('test-input')).toBe(true);
        rejected++;
      }
    }
    expect(decoded + rejected).toBe(60);
  });

  it('random bytes are a DecodeError', async () => {
    const rand = mulberry32(7);
    for (let i = 0; i < 50; i++) {
      const bytes = Uint8Array.from({ length: Math.floor(rand() * 300) }, () => Math.floor(rand() * 256));
      await expect(decodeBytes(bytes, 17)).rejects.toBeInstanceOf(DecodeError);
    }
  });
});

// Generates shared/proto/otlp.json, the protobufjs JSON descriptor of the official OTLP .proto files, so the
// decoders load a ready descriptor with Root.fromJSON instead of parsing .proto text at run time.
// Usage: node scripts/gen-proto.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

const protoDir = resolve(dirname(fileURLToPath(import.meta.url)), '../shared/proto');
const entryFiles = [
  'opentelemetry/proto/collector/trace/v1/trace_service.proto',
  'opentelemetry/proto/collector/logs/v1/logs_service.proto',
];

const root = new protobuf.Root();
// imports in the .proto files are written relative to the proto root, not to the importing file
root.resolvePath = (_origin, target) => join(protoDir, target);
root.loadSync(entryFiles, { keepCase: false });
root.resolveAll();

const out = join(protoDir, 'otlp.json');
writeFileSync(out, `${JSON.stringify(root.toJSON({ keepComments: false }), null, 1)}\n`);
console.log(`wrote ${out}`);

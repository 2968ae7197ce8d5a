/** Writes the bundled sample session into a folder (used by scripts/build.mjs): seeded, reproducible. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleSessionId } from '../shared/ids';
import { generateSample } from '../shared/sample/generate';

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: gen-sample OUT_DIR');
  process.exit(2);
}
const sample = generateSample({ seed: 20261122, traces: 300 });
writeFileSync(join(outDir, 'demo-gateway.jsonl'), sample.jsonl);
writeFileSync(join(outDir, 'demo-gateway-payloads.json'), JSON.stringify(sample.payloads));
const name = `Sample · demo gateway (${sample.traceCount} requests)`;
const manifest = {
  default: sampleSessionId('demo-gateway'),
  samples: [
    { file: 'demo-gateway.jsonl', id: sampleSessionId('demo-gateway'), name },
    { file: 'demo-gateway-payloads.json', id: sampleSessionId('demo-gateway'), name },
    { file: 'gateway-3.10-konnect.json', id: sampleSessionId('gateway-3.10'), name: 'Sample · Gateway 3.10 Konnect trace' },
  ],
};
writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
console.log(`sample: ${sample.traceCount} traces, ${sample.spanCount} spans, ${sample.logCount} log lines`);

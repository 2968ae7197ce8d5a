#!/usr/bin/env node
/**
 * What one hostile OTLP/HTTP request costs the receiver: starts `ktv receive` (the built CLI), sends the
 * request, and reports the answer and the receiver process's peak memory (VmHWM, Linux) over its resting
 * size. Then a good request, to show the receiver still works, and the file `ktv receive` wrote.
 *
 *   node scripts/build.mjs && node scripts/hostile-request.mjs [nested-gzip|deep]
 *
 * nested-gzip: a gzip body (Content-Encoding: gzip) holding gzip again holding 150 MB of JSON: about 5 KB
 * on the wire. deep: one span whose attribute value is nested 100,000 levels deep.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const kind = process.argv[2] ?? 'nested-gzip';
const hex = (n, len) => n.toString(16).padStart(len, '0');
const span = (traceNo, attrs) => ({
  traceId: hex(traceNo, 32),
  spanId: hex(1, 16),
  name: 'kong',
  kind: 2,
  startTimeUnixNano: '1700000000000000000',
  endTimeUnixNano: '1700000000001000000',
  attributes: attrs,
});
const doc = (s) => ({ resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ scope: { name: 'kong' }, spans: [s] }] }] });

function hostileBody() {
  if (kind === 'deep') {
    const depth = 100_000;
    const value = `${'{"arrayValue":{"values":['.repeat(depth)}{"stringValue":"x"}${']}}'.repeat(depth)}`;
    const json = JSON.stringify(doc(span(1, []))).replace('"attributes":[]', `"attributes":[{"key":"deep","value":${value}}]`);
    return { body: Buffer.from(json), headers: { 'content-type': 'application/json' } };
  }
  const filler = 'a'.repeat(150 * 1024 * 1024);
  const json = JSON.stringify(doc(span(1, [{ key: 'filler', value: { stringValue: filler } }])));
  return { body: gzipSync(gzipSync(json, { level: 9 }), { level: 9 }), headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } };
}

function post(url, body, headers) {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/v1/traces`, { method: 'POST', headers: { ...headers, 'content-length': body.length } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const kb = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return { rss: Number(/VmRSS:\s+(\d+)/.exec(status)[1]), hwm: Number(/VmHWM:\s+(\d+)/.exec(status)[1]) };
};

const { body, headers } = hostileBody();
const out = join(mkdtempSync(join(tmpdir(), 'ktv-hostile-')), 'capture.json');
const child = spawn(process.execPath, ['bin/ktv.mjs', 'receive', '--port', '0', '--duration', '120', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
let err = '';
child.stderr.on('data', (d) => (err += d));
const url = await new Promise((resolve, reject) => {
  let text = '';
  child.stdout.on('data', (d) => {
    text += d;
    const m = /listening on (http:\/\/\S+)/.exec(text);
    if (m) resolve(m[1]);
  });
  child.on('exit', (code) => reject(new Error(`ktv receive exited with ${code}: ${err}`)));
});
// settle, then take the resting size
await new Promise((r) => setTimeout(r, 500));
const before = kb(child.pid);
const hostile = await post(url, body, headers);
const after = kb(child.pid);
const good = await post(url, Buffer.from(JSON.stringify(doc(span(2, [{ key: 'http.response.status_code', value: { intValue: '200' } }])))), { 'content-type': 'application/json' });
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
let written;
try {
  written = readFileSync(out, 'utf8');
} catch (e) {
  written = `(not written: ${e.code})`;
}
console.log(`${kind}: ${body.length} bytes on the wire`);
console.log(`  hostile request: HTTP ${hostile.status} ${hostile.text.slice(0, 200)}`);
console.log(`  receiver RSS at rest ${(before.rss / 1024).toFixed(0)} MB; peak ${(after.hwm / 1024).toFixed(0)} MB (+${((after.hwm - before.rss) / 1024).toFixed(0)} MB)`);
console.log(`  a good request afterwards: HTTP ${good.status}`);
console.log(`  ktv receive wrote ${written.length} bytes; traces in it: ${(written.match(/"traceId"/g) ?? []).length}`);
console.log(`  ktv receive said: ${err.trim().split('\n').at(-1)}`);

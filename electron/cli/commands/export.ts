/**
 * `ktv export FILE --out OUT.json`: decodes a trace file and writes it as sanitized, specification-
 * conformant OTLP/JSON ({resourceSpans, resourceLogs}) that can be shared with support and imported again.
 * `ktv export SESSION_ID --control-plane ID --out OUT.json` does the same for a Konnect debugger session
 * (the same pull as `ktv konnect pull`). Sessions stored in the app export from their menu in the app: the
 * store lives in the app's browser profile, out of the command line's reach.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DecodeError } from '../../../shared/decode/api';
import { encodeOtlpJson } from '../../../shared/encode/otlp-json';
import { sanitizeLog, sanitizeTrace } from '../../../shared/sanitize/telemetry';
import { decodeFile, FileReadError } from '../../services/files/read';
import { parseArgs, UsageError } from '../args';
import type { CliIo } from '../io';

const USAGE = 'usage: ktv export FILE --out OUT.json\n       ktv export KONNECT_SESSION_ID --control-plane ID --out OUT.json';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function run(argv: string[], io: CliIo): Promise<number> {
  let file: string;
  let out: string;
  let controlPlane: string | undefined;
  try {
    const args = parseArgs(argv, ['out', 'control-plane']);
    if (args.positionals.length !== 1) throw new UsageError(args.positionals.length === 0 ? 'a FILE is needed' : 'only one FILE at a time');
    if (typeof args.flags.out !== 'string') throw new UsageError('--out OUT.json is needed');
    file = args.positionals[0]!;
    out = args.flags.out;
    controlPlane = typeof args.flags['control-plane'] === 'string' ? args.flags['control-plane'] : undefined;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`ktv export: ${e.message}\n${USAGE}`);
    return 2;
  }
  const inPath = resolve(io.cwd, file);
  if (UUID.test(file) && !existsSync(inPath)) {
    if (!controlPlane) {
      io.err(`ktv export: ${file} is not a file; to export that Konnect session add --control-plane ID (with KONNECT_TOKEN set). Sessions stored in the app export from their menu: Export as OTLP/JSON.`);
      return 2;
    }
    const konnect = await import('./konnect');
    return konnect.run(['pull', file, '--control-plane', controlPlane, '--out', out], io);
  }
  const outPath = resolve(io.cwd, out);
  if (inPath === outPath) {
    io.err(`ktv export: ${out}: refusing to overwrite the input file`);
    return 2;
  }
  let decoded;
  try {
    decoded = await decodeFile(inPath, { fileName: file });
  } catch (e) {
    if (e instanceof DecodeError || e instanceof FileReadError) {
      io.err(`ktv export: ${e.message}`);
      return 1;
    }
    throw e;
  }
  const traces = decoded.traces.map(sanitizeTrace);
  const logs = decoded.logs.map(sanitizeLog);
  try {
    await writeFile(outPath, `${JSON.stringify(encodeOtlpJson(traces, logs))}\n`);
  } catch (e) {
    io.err(`ktv export: ${out}: cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    return 1;
  }
  const spans = traces.reduce((sum, t) => sum + t.spans.length, 0);
  io.out(`wrote ${out}: ${traces.length} traces (${spans} spans), ${logs.length} logs${decoded.skipped.length ? `; ${decoded.skipped.length} records of ${file} were skipped` : ''}`);
  for (const s of decoded.skipped) io.err(`  skipped ${s.where}: ${s.reason}`);
  return 0;
}

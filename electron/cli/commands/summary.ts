/**
 * `ktv summary FILE [--json]`: decodes a trace file with the app's decoders and prints one line per trace.
 * With --json, stdout is exactly one JSON document:
 * {"traces":[{traceId, spans, root, durationMs, statusCode, incompleteSpans, method, url, requestId, sessionId,
 * gatewayVersion, latencyMs, reportedMs, latencySource, phasesMs, verdict}], "logs": N, "payloads": N,
 * "skipped": [{where, reason}]} (the latency model and the verdict: shared/kong/trace-report.ts).
 */
import { resolve } from 'node:path';
import { DecodeError } from '../../../shared/decode/api';
import { traceBrief } from '../../../shared/decode/trace-brief';
import { traceReport } from '../../../shared/kong/trace-report';
import { decodeFile, FileReadError } from '../../services/files/read';
import { parseArgs, UsageError } from '../args';
import type { CliIo } from '../io';

const USAGE = 'usage: ktv summary FILE [--json]';

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  let file: string;
  let json: boolean;
  try {
    const args = parseArgs(argv, [], ['json']);
    if (args.positionals.length !== 1) throw new UsageError(args.positionals.length === 0 ? 'a FILE is needed' : 'only one FILE at a time');
    file = args.positionals[0]!;
    json = args.flags.json === true;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`ktv summary: ${e.message}\n${USAGE}`);
    return 2;
  }
  let decoded;
  try {
    decoded = await decodeFile(resolve(io.cwd, file), { fileName: file });
  } catch (e) {
    if (e instanceof DecodeError || e instanceof FileReadError) {
      io.err(`ktv summary: ${e.message}`);
      return 1;
    }
    throw e;
  }
  const traces = decoded.traces.map(traceBrief);
  if (json) {
    const full = decoded.traces.map((t, i) => ({ ...traces[i]!, ...traceReport(t) }));
    io.out(JSON.stringify({ traces: full, logs: decoded.logs.length, payloads: decoded.payloads.length, skipped: decoded.skipped.map(({ where, reason }) => ({ where, reason })) }));
    return 0;
  }
  const lines = [`${pad('TRACE ID', 32)}  ${pad('SPANS', 6, true)}  ${pad('DURATION ms', 12, true)}  ${pad('STATUS', 6, true)}  ROOT`];
  traces.forEach((t, i) => {
    lines.push(
      `${t.traceId}  ${pad(String(t.spans), 6, true)}  ${pad(t.durationMs.toFixed(3), 12, true)}  ${pad(t.statusCode === null ? '-' : String(t.statusCode), 6, true)}  ${t.root}`,
      `  ${traceReport(decoded.traces[i]!).verdict.text}`,
    );
  });
  const spanTotal = traces.reduce((sum, t) => sum + t.spans, 0);
  lines.push(
    `${file}: ${traces.length} trace${traces.length === 1 ? '' : 's'} (${spanTotal} spans), ${decoded.logs.length} log${decoded.logs.length === 1 ? '' : 's'}, ${decoded.payloads.length} payload${decoded.payloads.length === 1 ? '' : 's'}, ${decoded.skipped.length} skipped; format ${decoded.format ?? 'unknown'}`,
  );
  for (const s of decoded.skipped) lines.push(`  skipped ${s.where}: ${s.reason}`);
  io.out(lines.join('\n'));
  return 0;
}

/**
 * `ktv compare FILE_A[#TRACE_ID] FILE_B[#TRACE_ID] [--json]`: what made B slower (or faster) than A, to the
 * millisecond (issue 20). A is the baseline, B the subject; the trace id may be left out for a file holding
 * one trace, and may be a unique prefix of at least 8 hex digits. With --json, stdout is exactly one JSON
 * document: {"a": {traceId, totalMs}, "b": {...}, "deltaMs", "bridge": [{key, aMs, bMs, deltaMs}],
 * "rows": [{key, aMs, bMs, deltaMs, change}], "matchedRatio"}, the bridge's deltas adding up to deltaMs
 * (shared/compare: the same alignment and bridge as the app's compare view).
 */
import { resolve } from 'node:path';
import { compareTraces, comparisonJson, deltaText } from '../../../shared/compare/compare';
import { DecodeError } from '../../../shared/decode/api';
import type { DecodedAll } from '../../../shared/decode/index';
import type { TraceSpans } from '../../../shared/model/types';
import { formatDuration } from '../../../shared/util/duration';
import { decodeFile, FileReadError } from '../../services/files/read';
import { parseArgs, UsageError } from '../args';
import type { CliIo } from '../io';

const USAGE = 'usage: ktv compare FILE_A[#TRACE_ID] FILE_B[#TRACE_ID] [--json]';

class PickError extends Error {}

/** `file.json#7f53c0d4…` into the file and the trace id (a `#` followed by anything but hex stays in the name). */
export function splitTraceRef(ref: string): { file: string; traceId: string | null } {
  const m = /^(.*)#([0-9a-fA-F]{8,32})$/.exec(ref);
  return m ? { file: m[1]!, traceId: m[2]!.toLowerCase() } : { file: ref, traceId: null };
}

function pick(decoded: DecodedAll, file: string, traceId: string | null): TraceSpans {
  const traces = decoded.traces;
  if (traceId === null) {
    if (traces.length === 1) return traces[0]!;
    throw new PickError(`${file} holds ${traces.length} traces: name one as ${file}#TRACE_ID (ktv summary ${file} lists them)`);
  }
  const hits = traces.filter((t) => t.traceId.startsWith(traceId));
  if (hits.length === 1) return hits[0]!;
  throw new PickError(hits.length === 0 ? `${file}: no trace ${traceId}` : `${file}: ${hits.length} traces start with ${traceId}: give more of the id`);
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  let refs: { file: string; traceId: string | null }[];
  let json: boolean;
  try {
    const args = parseArgs(argv, [], ['json']);
    if (args.positionals.length !== 2) throw new UsageError(args.positionals.length < 2 ? 'two traces are needed, A (the baseline) and B' : 'only two traces at a time');
    refs = args.positionals.map(splitTraceRef);
    json = args.flags.json === true;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`ktv compare: ${e.message}\n${USAGE}`);
    return 2;
  }
  const decodedByFile = new Map<string, Promise<DecodedAll>>();
  const traces: TraceSpans[] = [];
  try {
    for (const { file, traceId } of refs) {
      let decoded = decodedByFile.get(file);
      if (!decoded) decodedByFile.set(file, (decoded = decodeFile(resolve(io.cwd, file), { fileName: file })));
      traces.push(pick(await decoded, file, traceId));
    }
  } catch (e) {
    if (e instanceof DecodeError || e instanceof FileReadError || e instanceof PickError) {
      io.err(`ktv compare: ${e.message}`);
      return 1;
    }
    throw e;
  }
  const c = compareTraces(traces[0]!, traces[1]!);
  if (json) {
    io.out(JSON.stringify(comparisonJson(c)));
    return 0;
  }
  const ms = (v: number | null) => (v === null ? '-' : formatDuration(v * 1e6));
  const signed = (v: number) => (v > 0 ? '+' : v < 0 ? '-' : '±') + formatDuration(Math.abs(v) * 1e6);
  const lines = [
    `A ${c.a.traceId}  ${ms(c.a.totalMs)}`,
    `B ${c.b.traceId}  ${ms(c.b.totalMs)}`,
    `B - A: ${deltaText(c.a.totalMs, c.b.totalMs)}`,
    '',
    'bridge (the latency model\'s buckets; the deltas add up to B - A):',
    ...c.bridge.steps.map((s) => `  ${s.key.padEnd(14)} ${ms(s.aMs).padStart(9)} -> ${ms(s.bMs).padStart(9)}  ${signed(s.deltaMs).padStart(10)}`),
    '',
  ];
  const diffs = c.alignment.rows.filter((r) => r.change !== 'same');
  lines.push(diffs.length === 0 ? 'no span differs (|delta| > 1 ms + 20% of the larger, or in one trace only)' : `${diffs.length} row${diffs.length === 1 ? '' : 's'} differ:`);
  for (const r of diffs) lines.push(`  ${r.change.padEnd(8)} ${'  '.repeat(r.depth)}${r.label}  ${ms(r.aMs)} -> ${ms(r.bMs)}  ${signed(r.deltaMs)}`);
  lines.push(`${Math.round(c.alignment.matchedRatio * 100)}% of spans matched (${c.alignment.matched} of A's ${c.alignment.spansA} and B's ${c.alignment.spansB})`);
  io.out(lines.join('\n'));
  return 0;
}

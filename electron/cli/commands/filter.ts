/**
 * `ktv filter FILE --where EXPR [--json]`: the traces of FILE whose root span matches a sampling
 * expression (domain.md section 5), decoded by the same decoders the app uses. Plain output is one line
 * per trace (id, status, method, URL, duration) with a count on stderr; `--json` prints exactly
 * `{"matched":["<trace id>", ...]}`.
 */
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { decodeChunks } from '../../../shared/decode';
import { DecodeError } from '../../../shared/decode/api';
import type { ExprError } from '../../../shared/expr';
import { compile, formatError } from '../../../shared/expr';
import { findRoot, summarizeTrace } from '../../../shared/kong/summary';
import type { TraceSpans } from '../../../shared/model/types';
import { parseArgs, UsageError } from '../args';
import type { CliIo } from '../io';

const USAGE = 'usage: ktv filter FILE --where EXPR [--json]';

export async function run(argv: string[], io: CliIo): Promise<number> {
  let file: string;
  let where: string;
  let json: boolean;
  try {
    const args = parseArgs(argv, ['where'], ['json']);
    if (args.positionals.length !== 1) throw new UsageError(args.positionals.length === 0 ? 'missing FILE' : 'give exactly one FILE');
    if (typeof args.flags.where !== 'string') throw new UsageError('missing --where EXPR');
    file = args.positionals[0]!;
    where = args.flags.where;
    json = args.flags.json === true;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`ktv filter: ${e.message}\n${USAGE}`);
    return 2;
  }

  const compiled = compile(where);
  if (!compiled.ok) {
    io.err(`ktv filter: invalid --where expression\n${compiled.errors.map((err) => describeError(where, err)).join('\n')}`);
    return 2;
  }

  let traces: TraceSpans[];
  try {
    // streamed: the decoders take chunks, so a large file is never read into one buffer
    const decoded = await decodeChunks(createReadStream(resolve(io.cwd, file)), { fileName: file });
    for (const s of decoded.skipped) io.err(`ktv filter: ${file}: skipped ${s.where}: ${s.reason}`);
    traces = decoded.traces;
  } catch (e) {
    if (e instanceof DecodeError) io.err(`ktv filter: ${e.message}`);
    else if (isNodeError(e)) io.err(`ktv filter: cannot read ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
    else throw e;
    return 1;
  }

  const matched = traces.filter((t) => compiled.evaluate(findRoot(t)?.attributes ?? {}));
  if (json) {
    io.out(JSON.stringify({ matched: matched.map((t) => t.traceId) }));
  } else {
    for (const t of matched) io.out(describeTrace(t));
    io.err(`${matched.length} of ${traces.length} trace${traces.length === 1 ? '' : 's'} matched`);
  }
  return 0;
}

/** The expression, a caret line under the error, and `column N: reason`, as a compiler would show it. */
function describeError(src: string, err: ExprError): string {
  const width = Math.max(1, Math.min(err.endColumn, src.length + 1) - err.column);
  const fix = err.fix ? ` (fix: ${err.fix.label})` : '';
  return `  ${src}\n  ${' '.repeat(err.column - 1)}${'^'.repeat(width)}\n${formatError(err)}${fix}`;
}

function describeTrace(trace: TraceSpans): string {
  const s = summarizeTrace(trace);
  const status = s.status === null ? '-' : String(s.status);
  const duration = `${s.durationMs.toFixed(s.durationMs < 10 ? 2 : 0)}ms`;
  return [s.traceId, status.padStart(3), (s.method ?? '-').padEnd(6), s.url ?? s.path ?? s.rootName, duration].join('  ');
}

function isNodeError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && 'code' in e;
}

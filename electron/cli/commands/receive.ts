/**
 * `ktv receive`: a capture session without the UI, for servers and CI. Listens for OTLP/HTTP from a
 * gateway, applies the sampling rule and limits like the app does, and when the session ends (duration,
 * trace limit, or SIGINT/SIGTERM) writes what it captured as OTLP/JSON with hex ids, then exits 0. The
 * file is written atomically (a temporary file renamed), mode 0600, and sanitized like `ktv export`
 * (credentials and card numbers masked) unless `--raw`; a trace that cannot be written is named on stderr
 * and the others are written.
 * The first line on stdout is always `listening on http://HOST:PORT`, so scripts can wait for it.
 */
import { MAX_CAPTURE_SECONDS, MAX_CAPTURE_TRACES, type CaptureStatus } from '../../../shared/bridge/capture';
import { BridgeFailure } from '../../../shared/bridge/result';
import { kongSettings } from '../../../shared/capture/kong-config';
import { CaptureService, type CaptureServiceOptions } from '../../services/receiver/capture-service';
import { parseArgs, UsageError } from '../args';
import type { CliIo } from '../io';
import { CaptureCollector, writeCapture } from './receive-output';

const usage =
  'usage: ktv receive [--port N] [--where EXPR] [--duration SECONDS] [--max-traces N] [--host ADDR --allow-remote] [--raw] --out FILE.json';

export interface ReceiveOptions {
  port: number;
  host?: string;
  allowRemote: boolean;
  where: string;
  durationSeconds: number;
  maxTraces: number;
  out: string;
  /** write payloads and attributes as captured, without masking credentials */
  raw: boolean;
}

function intFlag(flags: Record<string, string | true>, name: string, fallback: number, min: number, max: number): number {
  const raw = flags[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (typeof raw !== 'string' || !/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} ${String(raw)}: expected a whole number from ${min} to ${max}`);
  }
  return n;
}

export function parseReceiveArgs(argv: string[]): ReceiveOptions {
  const { positionals, flags } = parseArgs(argv, ['port', 'host', 'where', 'duration', 'max-traces', 'out'], ['allow-remote', 'raw']);
  if (positionals.length) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
  const out = flags.out;
  if (typeof out !== 'string' || out === '') throw new UsageError('--out FILE.json is required: where to write the captured traces');
  return {
    port: intFlag(flags, 'port', 4318, 0, 65535),
    host: typeof flags.host === 'string' ? flags.host : undefined,
    allowRemote: flags['allow-remote'] === true,
    where: typeof flags.where === 'string' ? flags.where : '',
    durationSeconds: intFlag(flags, 'duration', 300, 1, MAX_CAPTURE_SECONDS),
    maxTraces: intFlag(flags, 'max-traces', 200, 1, MAX_CAPTURE_TRACES),
    out,
    raw: flags.raw === true,
  };
}

/**
 * Runs one capture to its end. `stop` is the early-end path (SIGINT/SIGTERM in `run`, directly in
 * tests): when it aborts, the session ends and what was captured is still written.
 */
export async function receive(opts: ReceiveOptions, io: CliIo, stop: AbortSignal, service?: CaptureServiceOptions): Promise<number> {
  const capture = new CaptureService({ ...service, maxPending: Infinity, warn: (m) => io.err(`ktv receive: warning: ${m}`) });
  let status: CaptureStatus;
  try {
    status = await capture.start({
      port: opts.port,
      host: opts.host,
      allowRemote: opts.allowRemote,
      where: opts.where,
      durationSeconds: opts.durationSeconds,
      maxTraces: opts.maxTraces,
    });
  } catch (e) {
    io.err(`ktv receive: ${e instanceof Error ? e.message : String(e)}`);
    return e instanceof BridgeFailure && e.code === 'invalid-argument' ? 2 : 1;
  }
  io.out(`listening on ${status.url}`);
  const settings = kongSettings(status.url);
  io.err(
    `capturing for ${opts.durationSeconds} s or ${opts.maxTraces} traces${opts.where ? ` where ${opts.where}` : ''}; ` +
      `point the gateway's opentelemetry plugin at ${settings.tracesEndpoint} (logs: ${settings.logsEndpoint}); ` +
      'Ctrl-C ends early and still writes the file',
  );
  const onStop = (): void => void capture.stop(status.id);
  if (stop.aborted) onStop();
  else stop.addEventListener('abort', onStop, { once: true });

  const collector = new CaptureCollector();
  const final = await capture.whenEnded(status.id);
  stop.removeEventListener('abort', onStop);
  for (let cursor = 0, more = true; more; ) {
    const page = capture.drain(status.id, cursor);
    collector.add(page.traces, page.logs);
    more = page.more;
    cursor = page.cursor;
  }
  try {
    const written = await writeCapture(opts.out, collector, { raw: opts.raw });
    for (const p of written.problems) io.err(`ktv receive: left out ${p}`);
    const c = final.counters;
    io.err(
      `ended (${final.endReason ?? 'stopped'}): ${c.received} requests received, ${c.sampled} sampled, ${c.rejected} rejected` +
        (c.orphansDropped ? `, ${c.orphansDropped} spans dropped (their root never arrived)` : '') +
        `; wrote ${written.traces} traces, ${written.spans} spans, ${written.logs} logs to ${opts.out}`,
    );
    return 0;
  } catch (e) {
    io.err(`ktv receive: cannot write ${opts.out}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  let opts: ReceiveOptions;
  try {
    opts = parseReceiveArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`ktv receive: ${e.message}\n${usage}`);
    return 2;
  }
  const controller = new AbortController();
  const onSignal = (): void => controller.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await receive(opts, io, controller.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

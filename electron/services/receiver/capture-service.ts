/**
 * One live capture at a time: the receiver (listening only while a capture runs), the session that
 * applies the sampling rule and limits, and the outbox the renderer drains with a cursor. Used by the
 * bridge handlers (desktop and browser mode) and by `ktv receive`.
 */
import { randomUUID } from 'node:crypto';
import type { CaptureDrain, CaptureStartArgs, CaptureStatus } from '../../../shared/bridge/capture';
import { BridgeFailure } from '../../../shared/bridge/result';
import { Outbox } from '../../../shared/capture/outbox';
import { CaptureSession, type CaptureRules } from '../../../shared/capture/session';
import { decodeBody } from './decode-body';
import { compileRule } from './rule';
import { ReceiverError, startReceiver, type BodyDecoder, type DecodedRequest, type Receiver, type ReceiverLimits } from './server';
import type { SignalKind } from './responses';

export interface CaptureServiceOptions {
  now?: () => number;
  decode?: BodyDecoder;
  limits?: Partial<ReceiverLimits>;
  /** captured records waiting to be drained above which the receiver answers 503 (default 200,000) */
  maxPending?: number;
  /** about this many bytes of them (default 256 MiB): one record can be large */
  maxPendingBytes?: number;
  /** session hold bounds, for tests */
  hold?: Pick<CaptureRules, 'holdMs' | 'holdMaxRecords' | 'holdMaxBytes'>;
  /** how often the clock is checked (duration, held spans) and status pushed (default 250 ms) */
  tickMs?: number;
  onStatus?: (status: CaptureStatus) => void;
  warn?: (message: string) => void;
}

interface Capture {
  id: string;
  args: Required<Pick<CaptureStartArgs, 'durationSeconds' | 'maxTraces'>> & { where: string };
  session: CaptureSession;
  outbox: Outbox;
  receiver: Receiver;
  timer: ReturnType<typeof setInterval>;
  /** resolves once the session ended and the receiver is closed */
  closed: Promise<void>;
  close: () => void;
  closing: boolean;
  lastPushed: string;
}

export class CaptureService {
  private current: Capture | null = null;
  private readonly now: () => number;

  constructor(private readonly opts: CaptureServiceOptions = {}) {
    this.now = opts.now ?? Date.now;
  }

  async start(args: CaptureStartArgs): Promise<CaptureStatus> {
    if (this.current && !this.current.session.endReason) {
      throw new BridgeFailure('conflict', `a capture is already running on ${this.current.receiver.url}: stop it first`);
    }
    const rule = compileRule(args.where);
    if (!rule.ok) throw new BridgeFailure('invalid-argument', rule.message);
    const session = new CaptureSession(
      { sample: rule.predicate, durationMs: args.durationSeconds * 1000, maxTraces: args.maxTraces, ...this.opts.hold },
      this.now(),
    );
    const outbox = new Outbox();
    const maxPending = this.opts.maxPending ?? 200_000;
    const maxPendingBytes = this.opts.maxPendingBytes ?? 256 * 1024 * 1024;
    let capture: Capture | null = null;
    let receiver: Receiver;
    try {
      receiver = await startReceiver({
        host: args.host,
        port: args.port,
        allowRemote: args.allowRemote,
        limits: this.opts.limits,
        decode: this.opts.decode ?? decodeBody,
        busy: () => outbox.pendingRecords >= maxPending || outbox.pendingBytes >= maxPendingBytes,
        accept: (kind, batch) => {
          if (capture) this.accept(capture, kind, batch);
        },
      });
    } catch (e) {
      if (e instanceof ReceiverError) {
        throw new BridgeFailure(e.code === 'address-in-use' ? 'conflict' : 'invalid-argument', e.message);
      }
      throw e;
    }
    if (receiver.warning) this.opts.warn?.(receiver.warning);
    let close!: () => void;
    const closed = new Promise<void>((resolve) => (close = resolve));
    capture = {
      id: randomUUID(),
      args: { where: (args.where ?? '').trim(), durationSeconds: args.durationSeconds, maxTraces: args.maxTraces },
      session,
      outbox,
      receiver,
      timer: setInterval(() => this.tick(capture!), this.opts.tickMs ?? 250),
      closed,
      close,
      closing: false,
      lastPushed: '',
    };
    this.current = capture;
    return this.push(capture, true);
  }

  async stop(id: string): Promise<CaptureStatus> {
    const c = this.find(id);
    c.session.end('stopped', this.now());
    await this.finish(c);
    return this.statusOf(c);
  }

  status(): CaptureStatus | null {
    return this.current ? this.statusOf(this.current) : null;
  }

  drain(id: string, cursor: number, maxRecords?: number): CaptureDrain {
    const c = this.find(id);
    const read = c.outbox.read(cursor, maxRecords);
    return { status: this.statusOf(c), cursor: read.cursor, traces: read.traces, logs: read.logs, more: read.more };
  }

  /** Resolves when the capture has ended (by itself or stopped) and its receiver is closed. */
  async whenEnded(id: string): Promise<CaptureStatus> {
    const c = this.find(id);
    await c.closed;
    return this.statusOf(c);
  }

  /** Stops whatever runs (app quit). */
  async dispose(): Promise<void> {
    if (this.current && !this.current.session.endReason) await this.stop(this.current.id);
  }

  private find(id: string): Capture {
    if (!this.current || this.current.id !== id) throw new BridgeFailure('not-found', `no capture ${id} (it may belong to an earlier run of the app)`);
    return this.current;
  }

  private accept(c: Capture, kind: SignalKind, batch: DecodedRequest): void {
    const now = this.now();
    const kept = kind === 'traces' ? c.session.offerTraces(batch.traces, now) : c.session.offerLogs(batch.logs, now);
    // a traces request may carry logs and vice versa only in odd producers; keep both, through the rule
    const extra = kind === 'traces' ? c.session.offerLogs(batch.logs, now) : c.session.offerTraces(batch.traces, now);
    c.outbox.push([...kept.traces, ...extra.traces], [...kept.logs, ...extra.logs]);
    if (c.session.endReason) void this.finish(c);
  }

  private tick(c: Capture): void {
    c.session.tick(this.now());
    if (c.session.endReason) void this.finish(c);
    else this.push(c, false);
  }

  private async finish(c: Capture): Promise<void> {
    clearInterval(c.timer);
    if (!c.closing) {
      c.closing = true;
      await c.receiver.close();
      c.close();
      this.push(c, true);
    }
    await c.closed;
  }

  private push(c: Capture, force: boolean): CaptureStatus {
    const status = this.statusOf(c);
    const key = JSON.stringify([status.state, status.counters, status.receiver, status.pending]);
    if (force || key !== c.lastPushed) {
      c.lastPushed = key;
      this.opts.onStatus?.(status);
    }
    return status;
  }

  private statusOf(c: Capture): CaptureStatus {
    const s = c.session;
    const status: CaptureStatus = {
      id: c.id,
      state: s.endReason ? 'ended' : 'running',
      endReason: s.endReason,
      where: c.args.where,
      durationSeconds: c.args.durationSeconds,
      maxTraces: c.args.maxTraces,
      host: c.receiver.host,
      port: c.receiver.port,
      url: c.receiver.url,
      startedAt: s.startedAt,
      endsAt: s.endsAt,
      endedAt: s.endTime,
      counters: s.counters,
      receiver: { ...c.receiver.counters },
      pending: c.outbox.pendingRecords,
    };
    if (c.receiver.warning) status.warning = c.receiver.warning;
    return status;
  }
}

/**
 * Keeps the renderer in step with the live capture on the Node side, for the whole page (not one mounted
 * panel): learns the running capture at load, follows its pushed status, and drains captured traces and
 * logs with a cursor into the capture's session, so they appear in the list as they arrive. The cursor is
 * saved only after the data is stored, so a reload mid-way gets the same data again (stored by merging,
 * never duplicated).
 */
import type { CaptureStartArgs, CaptureStatus } from '../../../shared/bridge/capture';
import { bridge } from '../../bridge';
import { ingestDecoded } from '../../db/ingest-client';
import type { SessionInit } from '../../db/ingest-types';
import { listSessions, upsertSession } from '../../db/repo';
import { captureSessionId, captureSessionName, cursorStore, type CursorStore } from './capture-session';
import { newSessionRow } from '../../db/schema';
import { useStore } from '../../store';

export interface CaptureView {
  status: CaptureStatus | null;
  /** the last failure to start, stop or store, in words */
  error: string | null;
  busy: boolean;
}

const POLL_MS = 500;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class CaptureSync {
  private view: CaptureView = { status: null, error: null, busy: false };
  private readonly listeners = new Set<() => void>();
  private draining: string | null = null;
  private initialized = false;

  constructor(
    private readonly cursors: CursorStore = cursorStore(),
    private readonly pollMs = POLL_MS,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CaptureView => this.view;

  /** Once per page: pick up a capture that was running (or still had data) before a reload. */
  init(): void {
    if (this.initialized) return;
    this.initialized = true;
    bridge.on('capture.status', (status) => {
      if (status.id === this.view.status?.id || status.state === 'running') this.set({ status });
      if (status.state === 'running' || status.pending > 0) void this.drain(status);
    });
    void bridge.invoke('capture.status').then(async (res) => {
      const current = res.ok ? res.value : null;
      await this.settleOrphans(current?.id ?? null);
      if (!current) return;
      this.set({ status: current });
      void this.drain(current);
    });
  }

  async start(args: CaptureStartArgs): Promise<boolean> {
    this.init();
    this.set({ busy: true, error: null });
    const res = await bridge.invoke('capture.start', args);
    if (!res.ok) {
      this.set({ busy: false, error: res.error.message });
      return false;
    }
    const status = res.value;
    const now = Date.now();
    await upsertSession(
      newSessionRow(
        {
          id: captureSessionId(status.id),
          name: captureSessionName(status, now, useStore.getState().timeZone),
          source: 'capture',
          status: 'running',
          meta: { capture: { id: status.id, where: status.where, url: status.url, durationSeconds: status.durationSeconds, maxTraces: status.maxTraces } },
        },
        now,
      ),
    );
    this.set({ status, busy: false });
    void this.drain(status);
    return true;
  }

  async stop(): Promise<void> {
    const id = this.view.status?.id;
    if (!id) return;
    this.set({ busy: true, error: null });
    const res = await bridge.invoke('capture.stop', { id });
    this.set(res.ok ? { status: res.value, busy: false } : { busy: false, error: res.error.message });
  }

  /** Drains one capture until it has ended and everything it captured is stored. */
  private async drain(first: CaptureStatus): Promise<void> {
    if (this.draining === first.id) return;
    this.draining = first.id;
    const sessionId = captureSessionId(first.id);
    const session: SessionInit = { id: sessionId, name: captureSessionName(first, first.startedAt, useStore.getState().timeZone), source: 'capture' };
    let cursor = this.cursors.get(first.id);
    try {
      for (;;) {
        const res = await bridge.invoke('capture.drain', { id: first.id, cursor });
        if (!res.ok) {
          if (res.error.code === 'not-found') return await this.settleOrphans(null);
          this.set({ error: `live capture: ${res.error.message}` });
          await sleep(this.pollMs * 4);
          continue;
        }
        const d = res.value;
        this.set({ status: d.status });
        if (d.traces.length || d.logs.length) {
          await ingestDecoded(session, { traces: d.traces, logs: d.logs, payloads: [] });
        }
        if (d.cursor !== cursor) {
          cursor = d.cursor;
          this.cursors.set(first.id, cursor);
        }
        if (d.more) continue;
        if (d.status.state === 'ended' && !d.traces.length && !d.logs.length) {
          await this.markEnded(sessionId, d.status);
          this.cursors.clear(first.id);
          return;
        }
        await sleep(this.pollMs);
      }
    } catch (e) {
      this.set({ error: `live capture: captured traces could not be stored: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      if (this.draining === first.id) this.draining = null;
    }
  }

  /** Capture sessions still marked running whose capture is gone (the app or host quit mid-capture). */
  private async settleOrphans(currentId: string | null): Promise<void> {
    const current = currentId ? captureSessionId(currentId) : null;
    for (const row of await listSessions()) {
      if (row.source === 'capture' && row.status === 'running' && row.id !== current) {
        await upsertSession({ ...row, status: 'ready', updatedAt: Date.now() });
      }
    }
  }

  private async markEnded(sessionId: string, status: CaptureStatus): Promise<void> {
    const row = (await listSessions()).find((s) => s.id === sessionId);
    if (!row || row.status === 'ready') return;
    const capture = { ...(row.meta?.capture as object | undefined), endReason: status.endReason, counters: status.counters };
    await upsertSession({ ...row, status: 'ready', updatedAt: Date.now(), meta: { ...row.meta, capture } });
  }

  private set(patch: Partial<CaptureView>): void {
    this.view = { ...this.view, ...patch };
    for (const l of this.listeners) l();
  }
}

export const captureSync = new CaptureSync();

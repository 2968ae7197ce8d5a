/**
 * Keeps the renderer in step with the live capture on the Node side, for the whole page (not one mounted
 * panel): learns the running capture at load, follows its pushed status, and has the ingest worker drain
 * captured traces and logs into the capture's session (renderer/db/follow-sources.ts), so they appear in the
 * list as they arrive. The worker saves the drain cursor in the session's row only after the data is
 * stored, so a reload mid-way gets the same data again (stored by merging, never duplicated).
 */
import type { CaptureStartArgs, CaptureStatus } from '../../../shared/bridge/capture';
import { bridge } from '../../bridge';
import { followRemote, storeOp } from '../../db/ingest-client';
import type { FollowReport } from '../../db/ingest-types';
import { captureSessionId } from '../../../shared/ids';
import { captureSessionName } from './capture-session';
import { useStore } from '../../store';

export interface CaptureView {
  status: CaptureStatus | null;
  /** the last failure to start, stop or store, in words */
  error: string | null;
  busy: boolean;
}

export class CaptureSync {
  private view: CaptureView = { status: null, error: null, busy: false };
  private readonly listeners = new Set<() => void>();
  private draining: string | null = null;
  private initialized = false;

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
      if (status.state === 'running' || status.pending > 0) this.drain(status);
    });
    void bridge.invoke('capture.status').then(async (res) => {
      const current = res.ok ? res.value : null;
      await storeOp({ op: 'settleCaptures', running: current ? captureSessionId(current.id) : null });
      if (!current) return;
      this.set({ status: current });
      this.drain(current);
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
    const capture = { id: status.id, where: status.where, url: status.url, durationSeconds: status.durationSeconds, maxTraces: status.maxTraces };
    await storeOp({ op: 'openSession', session: { id: captureSessionId(status.id), name: captureSessionName(status, now, useStore.getState().timeZone), source: 'capture', status: 'running', meta: { capture } }, now });
    this.set({ status, busy: false });
    this.drain(status);
    return true;
  }

  async stop(): Promise<void> {
    const id = this.view.status?.id;
    if (!id) return;
    this.set({ busy: true, error: null });
    const res = await bridge.invoke('capture.stop', { id });
    this.set(res.ok ? { status: res.value, busy: false } : { busy: false, error: res.error.message });
  }

  /** Has the worker drain one capture until it has ended and everything it captured is stored. */
  private drain(status: CaptureStatus): void {
    if (this.draining === status.id) return;
    this.draining = status.id;
    followRemote({ kind: 'capture', sessionId: captureSessionId(status.id), captureId: status.id }, (r) => this.heard(status.id, r));
  }

  private heard(captureId: string, r: FollowReport): void {
    switch (r.kind) {
      case 'stored':
        if (r.capture) this.set({ status: r.capture.status, error: null });
        return;
      case 'retrying':
        this.set({ error: `live capture: ${r.what === 'store' ? `captured traces could not be stored: ${r.message}` : r.message}` });
        return;
      case 'paused':
        this.ended(captureId);
        // the capture is gone (the host restarted): its session is finished with what it got
        if (r.code === 'not-found') void storeOp({ op: 'settleCaptures', running: null });
        else this.set({ error: `live capture: ${r.message}` });
        return;
      case 'done':
      case 'stopped':
        this.ended(captureId);
    }
  }

  private ended(captureId: string): void {
    if (this.draining === captureId) this.draining = null;
  }

  private set(patch: Partial<CaptureView>): void {
    this.view = { ...this.view, ...patch };
    for (const l of this.listeners) l();
  }
}

export const captureSync = new CaptureSync();

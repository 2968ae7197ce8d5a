/** Small hooks for the Konnect dialog: a bridge call's data/error/loading, and waits pushed from Node. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BridgeError, Result } from '../../../shared/bridge/result';
import { bridge } from '../../bridge';

export interface Loaded<T> {
  data: T | undefined;
  error: BridgeError | null;
  loading: boolean;
  reload(): void;
}

/** Runs `load` when `key` changes (null: nothing to load) and keeps the latest answer only. */
export function useLoad<T>(key: string | null, load: () => Promise<Result<T>>): Loaded<T> {
  const [state, setState] = useState<{ data: T | undefined; error: BridgeError | null; loading: boolean }>({ data: undefined, error: null, loading: false });
  const [nonce, setNonce] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    if (key === null) {
      setState({ data: undefined, error: null, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    void loadRef.current().then((res) => {
      if (!live) return;
      setState(res.ok ? { data: res.value, error: null, loading: false } : { data: undefined, error: res.error, loading: false });
    });
    return () => {
      live = false;
    };
  }, [key, nonce]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { ...state, reload };
}

/** "waiting N s" for an account's calls (pulls show their own), counting down, cleared when done. */
export function useWaiting(accountId: string | null): { seconds: number; reason: string } | null {
  const [wait, setWait] = useState<{ until: number; reason: string } | null>(null);
  const [, tick] = useState(0);
  useEffect(
    () =>
      bridge.on('konnect.waiting', (w) => {
        if (w.accountId !== accountId || w.opId?.startsWith('pull:')) return;
        setWait({ until: Date.now() + w.seconds * 1000, reason: w.reason });
      }),
    [accountId],
  );
  useEffect(() => {
    if (!wait) return;
    const timer = setInterval(() => {
      if (Date.now() >= wait.until) setWait(null);
      tick((n) => n + 1);
    }, 500);
    return () => clearInterval(timer);
  }, [wait]);
  if (!wait) return null;
  return { seconds: Math.max(1, Math.ceil((wait.until - Date.now()) / 1000)), reason: wait.reason };
}

/** Re-renders every `ms` while `active`, for countdowns. */
export function useTicker(active: boolean, ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [active, ms]);
  return now;
}

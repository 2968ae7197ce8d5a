/**
 * Shows the app only once the store can be read: when a passphrase protects its key and the key is not
 * unlocked, the lock screen alone is rendered (no session, trace, log line or payload is on the page, and
 * start-up, which reads and writes the store, has not run). Unlocked, it locks again after idle time.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { call } from '../../bridge';
import { writeInClear } from '../../db/ingest-client';
import type { VaultStatus } from '../../../shared/bridge/vault';
import { LockScreen } from './LockScreen';
import { IDLE_LOCK_MS, lockNow, VaultContext } from './vault-status';

function useIdleLock(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let timer = setTimeout(() => void lockNow(), IDLE_LOCK_MS);
    const active = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void lockNow(), IDLE_LOCK_MS);
    };
    const events = ['pointerdown', 'keydown', 'wheel', 'pointermove'] as const;
    for (const e of events) window.addEventListener(e, active, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, active, { capture: true });
    };
  }, [enabled]);
}

export function LockGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const refresh = useCallback(async () => {
    setStatus(await call('vault.status'));
  }, []);
  useEffect(() => {
    // a host that cannot say (an older one) has no passphrase to ask for
    call('vault.status').then(
      (s) => {
        // before start-up makes the ingest worker: only the host can turn encryption off (the benchmark)
        writeInClear(s.storeInClear === true);
        setStatus(s);
      },
      () => setStatus({ protected: false, locked: false }),
    );
  }, []);
  useIdleLock(!!status?.protected && !status.locked);
  if (!status) return <div className="app" data-app-ready="false" />;
  if (status.locked) return <LockScreen onUnlocked={() => setStatus({ protected: true, locked: false })} />;
  return <VaultContext.Provider value={{ status, refresh }}>{children}</VaultContext.Provider>;
}

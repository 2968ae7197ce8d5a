/**
 * What happens once per launch, in order: undo imports a crash left half done, purge expired sessions,
 * seed the bundled samples on the very first launch, import files the host was given, then listen for
 * files and menu commands. Sets `ready` when the first screen has its data.
 */
import { useEffect, useState } from 'react';
import { bridge } from '../../bridge';
import { recoverImports, startImport, storeOp } from '../../db/ingest-client';
import { getMeta, getSession, listSessions, listTraces } from '../../db/repo';
import { useStore } from '../../store';
import { importFileRefs } from '../import/importer';

interface SampleManifest {
  samples: Array<{ file: string; id: string; name: string }>;
  /** the session to show first */
  default: string;
}

const SAMPLES_SEEDED = 'samplesSeeded';

async function seedSamples(): Promise<void> {
  if (await getMeta(SAMPLES_SEEDED)) return;
  const res = await fetch('samples/manifest.json');
  if (!res.ok) throw new Error(`bundled samples missing (HTTP ${res.status})`);
  const manifest = (await res.json()) as SampleManifest;
  await Promise.all(
    manifest.samples.map(
      (s) =>
        startImport(
          // absolute: the worker would resolve a relative URL against its own script
          { kind: 'url', url: new URL(`samples/${s.file}`, document.baseURI).href, name: `samples/${s.file}` },
          { session: { id: s.id, name: s.name, source: 'sample', files: [s.file] }, forceSession: true },
        ).promise,
    ),
  );
  // never seed twice, even if the user deletes the samples later
  await storeOp({ op: 'setFlag', key: SAMPLES_SEEDED, value: { at: Date.now(), default: manifest.default } });
}

async function pickDefaultSession(): Promise<void> {
  const { sessionId, selectSession } = useStore.getState();
  if (sessionId && (await getSession(sessionId))) return;
  const seeded = (await getMeta(SAMPLES_SEEDED)) as { default?: string } | undefined;
  const sessions = await listSessions();
  const preferred = sessions.find((s) => s.id === seeded?.default) ?? sessions[0];
  if (preferred) selectSession(preferred.id);
}

/**
 * When a session is selected and no trace is, select its slowest trace so the views are never blank;
 * not when the filters just closed the open trace (that would open one the user did not ask for).
 */
export function useAutoSelectTrace(): void {
  const sessionId = useStore((s) => s.sessionId);
  const traceId = useStore((s) => s.traceId);
  const hidden = useStore((s) => s.traceHidden);
  useEffect(() => {
    if (!sessionId || traceId || hidden) return;
    let cancelled = false;
    void listTraces(sessionId).then((rows) => {
      const st = useStore.getState();
      if (cancelled || st.sessionId !== sessionId || st.traceId || !rows.length) return;
      const slowest = rows.reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
      st.selectTrace(slowest.traceId);
    });
    return () => {
      cancelled = true;
    };
  }, [sessionId, traceId, hidden]);
}

export function useStartup(): { ready: boolean; error: string | null } {
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    const offFiles = bridge.on('files.opened', ({ files }) => void importFileRefs(files));
    (async () => {
      await recoverImports();
      try {
        const days = useStore.getState().retentionDays;
        // the UI's clock: the worker's is not the page's (a test's installed clock, say)
        if (days > 0) await storeOp({ op: 'purge', now: Date.now(), days });
      } catch (e) {
        console.warn('retention purge skipped:', e);
      }
      try {
        await seedSamples();
      } catch (e) {
        setError(`Could not load the bundled sample session: ${e instanceof Error ? e.message : String(e)}`);
      }
      const pending = await bridge.invoke('files.takePending');
      await pickDefaultSession();
      if (pending.ok && pending.value.length) await importFileRefs(pending.value);
    })()
      .catch((e) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => alive && setReady(true));
    return () => {
      alive = false;
      offFiles();
    };
  }, []);
  return { ready, error };
}

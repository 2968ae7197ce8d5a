/**
 * The window: header (open, recent, imports), sessions sidebar (with Konnect and live capture), and the
 * main area: the selected session's trace list and the selected trace's views.
 */
import { bridge } from './bridge';
import { MainView } from './features/compare/MainView';
import { CapturePanel } from './features/capture/CapturePanel';
import { DropZone } from './features/import/DropZone';
import { ImportStatus } from './features/import/ImportStatus';
import { KonnectPanel } from './features/konnect/KonnectPanel';
import { SessionsSidebar } from './features/sessions/SessionsSidebar';
import { Header } from './features/shell/Header';
import { Shortcuts } from './features/shell/Shortcuts';
import { useAutoSelectTrace, useStartup } from './features/shell/useStartup';
import { useMenuCommands } from './features/shell/menu-commands';
import { useTheme } from './features/shell/useTheme';
import { Workspace } from './features/shell/Workspace';
import { usePasteToOpen } from './features/trace-list/open-trace';
import { ListOrInsights } from './features/insights/ListOrInsights';
import { TraceView } from './features/trace-view/TraceView';
import { LockGate } from './features/lock/LockGate';
import './App.css';

export function App() {
  useTheme();
  return (
    <LockGate>
      <UnlockedApp />
    </LockGate>
  );
}

/** The app once the store can be read (features/lock: a passphrase may protect its key). */
function UnlockedApp() {
  useMenuCommands();
  const { ready, error } = useStartup();
  useAutoSelectTrace();
  usePasteToOpen();
  return (
    <div className="app" data-app-ready={ready ? 'true' : 'false'}>
      <Header mode={bridge.mode} />
      {error && (
        <div className="app-error" role="alert">
          {error}
        </div>
      )}
      <ImportStatus />
      <Workspace
        sidebar={
          <>
            <SessionsSidebar />
            <KonnectPanel />
            <CapturePanel />
          </>
        }
        list={<ListOrInsights />}
        view={
          <MainView>
            <TraceView />
          </MainView>
        }
      />
      <DropZone />
      <Shortcuts />
    </div>
  );
}

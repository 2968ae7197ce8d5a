import { OpenButton } from '../import/OpenButton';
import { SettingsMenu } from './SettingsMenu';

export function Header({ mode }: { mode: 'electron' | 'browser' }) {
  return (
    <header className="app-header">
      <h1 className="brand">
        Kong Trace Viewer
        {mode === 'browser' && (
          <span className="badge" title="Running in a browser, served by the local ktv host on 127.0.0.1">
            browser mode
          </span>
        )}
      </h1>
      <OpenButton />
      <span className="spacer" />
      <SettingsMenu />
    </header>
  );
}

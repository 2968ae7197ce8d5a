import { useStore } from '../../store';
import type { ThemePreference } from '../../store/layout';
import { OpenButton } from '../import/OpenButton';
import { SettingsMenu } from './SettingsMenu';

const NEXT: Record<ThemePreference, ThemePreference> = { system: 'dark', dark: 'light', light: 'system' };

export function Header({ mode }: { mode: 'electron' | 'browser' }) {
  const theme = useStore((s) => s.theme);
  const setTheme = useStore((s) => s.setTheme);
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
      <button onClick={() => setTheme(NEXT[theme])} title="Theme: system, dark or light" aria-label={`Theme: ${theme}`}>
        Theme: {theme}
      </button>
      <SettingsMenu />
    </header>
  );
}

/** Settings: theme, how times are shown, and local retention. */
import { useStore } from '../../store';
import type { ThemePreference } from './layout-slice';
import type { TimeZoneChoice } from '../time/format-time';
import { usePopover } from './usePopover';
import { useState } from 'react';
import { PassphraseDialog } from '../lock/PassphraseDialog';
import { lockNow, useVault } from '../lock/vault-status';

const RETENTION = [1, 3, 7, 15, 30, 90, 0];

export function SettingsMenu() {
  const pop = usePopover('panel');
  const zone = useStore((s) => s.timeZone);
  const setZone = useStore((s) => s.setTimeZone);
  const theme = useStore((s) => s.theme);
  const setTheme = useStore((s) => s.setTheme);
  const days = useStore((s) => s.retentionDays);
  const setDays = useStore((s) => s.setRetentionDays);
  const vault = useVault();
  const [passphrase, setPassphrase] = useState(false);
  return (
    <div className="settings">
      <button type="button" aria-haspopup="dialog" {...pop.buttonProps}>
        Settings
      </button>
      {pop.open && (
        <div className="menu settings-menu" role="dialog" aria-label="Settings" {...pop.popoverProps}>
          <label>
            Theme{' '}
            <select value={theme} onChange={(e) => setTheme(e.target.value as ThemePreference)}>
              <option value="system">Follow the system</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
          <label>
            Times in{' '}
            <select aria-label="Times in" value={zone} onChange={(e) => setZone(e.target.value as TimeZoneChoice)}>
              <option value="local">this computer's time zone</option>
              <option value="utc">UTC</option>
            </select>
          </label>
          <label>
            Keep sessions for{' '}
            <select aria-label="Keep sessions for" value={days} onChange={(e) => setDays(Number(e.target.value))}>
              {RETENTION.map((d) => (
                <option key={d} value={d}>
                  {d === 0 ? 'ever' : `${d} day${d === 1 ? '' : 's'}`}
                </option>
              ))}
            </select>
          </label>
          <p className="muted">Older sessions are removed from this computer when the app starts, unless pinned. Samples are never removed.</p>
          <div className="settings-lock">
            <button type="button" onClick={() => setPassphrase(true)}>
              {vault.status.protected ? 'Change passphrase…' : 'Set a passphrase…'}
            </button>
            {vault.status.protected && (
              <button type="button" onClick={() => void lockNow()}>
                Lock now
              </button>
            )}
          </div>
        </div>
      )}
      {passphrase && <PassphraseDialog onClose={() => setPassphrase(false)} />}
    </div>
  );
}

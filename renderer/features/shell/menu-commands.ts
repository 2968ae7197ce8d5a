/**
 * The native menu's commands (desktop app), each handled here: the `MenuActions` type names every command
 * of the bridge contract, so adding one to `MENU_COMMANDS` fails the build until it is handled.
 */
import { useEffect } from 'react';
import type { MenuCommand } from '../../../shared/bridge/app';
import { bridge } from '../../bridge';
import { useStore } from '../../store';
import { openWithDialog } from '../import/OpenButton';

export type MenuActions = { readonly [C in MenuCommand]: () => void };

export function runMenuCommand(command: MenuCommand, actions: MenuActions): void {
  actions[command]();
}

/** The trace list's filter box: where Find puts the cursor. */
const TRACE_SEARCH = 'input[aria-label="Filter traces"]';

export const menuActions: MenuActions = {
  // the native dialog: menu commands only come from the desktop app
  'open-file': () => openWithDialog(),
  find: () => {
    const input = document.querySelector<HTMLInputElement>(TRACE_SEARCH);
    input?.focus();
    input?.select();
  },
  'toggle-theme': () => {
    const { theme, setTheme } = useStore.getState();
    const dark = theme === 'dark' || (theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
    setTheme(dark ? 'light' : 'dark');
  },
};

/** Acts on the menu's commands for as long as the app is mounted. */
export function useMenuCommands(actions: MenuActions = menuActions): void {
  useEffect(() => bridge.on('menu.command', ({ command }) => runMenuCommand(command, actions)), [actions]);
}

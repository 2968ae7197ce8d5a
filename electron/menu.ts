/**
 * The desktop app's menu. Items that need the renderer send a `menu.command` event (typed by the bridge
 * contract); the renderer handles every command in one place (renderer/features/shell/menu-commands.ts).
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Events } from '../shared/bridge/contract';

export type MenuCommandEvent = Events['menu.command'];

export function menuTemplate(send: (event: MenuCommandEvent) => void, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const command = (c: MenuCommandEvent['command']) => () => send({ command: c });
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open Trace File…', accelerator: 'CmdOrCtrl+O', click: command('open-file') },
        { type: 'separator' },
        platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { label: 'Find', accelerator: 'CmdOrCtrl+F', click: command('find') },
        { label: 'Toggle Theme', accelerator: 'CmdOrCtrl+Shift+L', click: command('toggle-theme') },
        { type: 'separator' },
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { role: 'togglefullscreen' },
      ],
    },
  ];
}

/**
 * The desktop composition root against a stand-in Electron (no runtime can be installed here): the menu
 * sends every command of the bridge contract, and the bridge answers the app's main frame only.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_COMMANDS } from '../shared/bridge/app';

const emitted: { event: string; payload: unknown }[] = [];
let template: MenuItemConstructorOptions[] = [];
let invoke: ((event: unknown, channel: unknown, args: unknown) => Promise<unknown>) | null = null;
const dispatch = vi.fn(async (channel: string) => ({ ok: true, value: channel }));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { send: () => {} };
    once() {}
    on() {}
    loadURL() {
      return Promise.resolve();
    }
  }
  const noop = () => {};
  return {
    app: {
      setPath: noop,
      requestSingleInstanceLock: () => true,
      on: noop,
      whenReady: () => Promise.resolve(),
      getVersion: () => '0.0.0-test',
      getPath: () => '/tmp/ktv-main-test',
      isPackaged: false,
      quit: noop,
    },
    BrowserWindow,
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
    ipcMain: { handle: (_channel: string, fn: typeof invoke) => (invoke = fn) },
    Menu: { buildFromTemplate: (t: MenuItemConstructorOptions[]) => ((template = t), t), setApplicationMenu: noop },
    session: { defaultSession: { setPermissionRequestHandler: noop, setPermissionCheckHandler: noop } },
    shell: { openExternal: async () => {} },
  };
});
vi.mock('./protocol', () => ({ registerAppScheme: () => {}, handleAppProtocol: () => {} }));
vi.mock('./secure-store', () => ({ createSecureStore: () => ({}), createKekStore: () => ({}) }));
vi.mock('./services/index', () => ({
  createServices: () => ({
    dispatch,
    events: { emit: (event: string, payload: unknown) => emitted.push({ event, payload }), subscribe: () => () => {} },
    files: {},
    openPaths: async () => {},
    dispose: async () => {},
  }),
}));

beforeAll(async () => {
  await import('./main');
  await vi.waitFor(() => expect(template.length).toBeGreaterThan(0));
});

/** Every menu item with a click handler, by label, through submenus. */
function items(list: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return list.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);
}

const frame = (over: Partial<{ url: string; parent: unknown; processId: number; routingId: number }> = {}) => ({ url: 'app://ktv/index.html', parent: null, processId: 4, routingId: 1, ...over });
const event = (senderFrame: ReturnType<typeof frame> | null) => ({ senderFrame, sender: { mainFrame: { processId: 4, routingId: 1 } } });

describe('the desktop menu', () => {
  it('File → Open, View → Find and View → Toggle Theme send their commands to the renderer', () => {
    const byLabel = new Map(items(template).map((i) => [i.label, i]));
    for (const [label, command] of [
      ['Open Trace File…', 'open-file'],
      ['Find', 'find'],
      ['Toggle Theme', 'toggle-theme'],
    ] as const) {
      emitted.length = 0;
      (byLabel.get(label)!.click as () => void)();
      expect(emitted).toEqual([{ event: 'menu.command', payload: { command } }]);
    }
  });

  it('every command of the bridge contract is reachable from the menu', () => {
    emitted.length = 0;
    for (const i of items(template)) if (typeof i.click === 'function') (i.click as () => void)();
    expect(new Set(emitted.map((e) => (e.payload as { command: string }).command))).toEqual(new Set(MENU_COMMANDS));
  });
});

describe('the IPC bridge', () => {
  it('answers the app page in the window’s main frame', async () => {
    expect(await invoke!(event(frame()), 'app.info', undefined)).toEqual({ ok: true, value: 'app.info' });
  });

  it.each([
    ['an iframe of the app', frame({ parent: {}, routingId: 9 })],
    ['another frame claiming the main frame’s place', frame({ routingId: 9 })],
    ['a page that is not the app', frame({ url: 'https://evil.example/' })],
    ['a frame already gone', null],
  ])('refuses %s without calling a handler', async (_what, sender) => {
    dispatch.mockClear();
    expect(await invoke!(event(sender), 'app.info', undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });
});

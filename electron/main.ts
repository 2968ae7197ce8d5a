/**
 * The desktop app's composition root: one hardened window on app://ktv/, the bridge over IPC, the same
 * services browser mode runs, a single-instance lock, and files from the command line or the OS routed
 * to import.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { join } from 'node:path';
import { err } from '../shared/bridge/result';
import { APP_ORIGIN, IPC_EVENT, IPC_INVOKE, TRACE_FILE_EXTENSIONS } from '../shared/ids';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { acceptsBridgeCall } from './bridge/ipc-guard';
import { menuTemplate } from './menu';
import { hardenWebContents } from './security/harden';
import { createKekStore, createSecureStore } from './secure-store';
import { createServices, type Services } from './services/index';

registerAppScheme();
// tests (and careful users) can keep a profile of their own
if (process.env.KTV_USER_DATA_DIR) app.setPath('userData', process.env.KTV_USER_DATA_DIR);

const FILE_FILTERS = [
  { name: 'Traces', extensions: [...TRACE_FILE_EXTENSIONS] },
  { name: 'All files', extensions: ['*'] },
];

let mainWindow: BrowserWindow | null = null;
let services: Services;

/** Files named on a command line: everything after the app (and, unpackaged, the script) that is not a flag. */
const filesFromArgv = (argv: string[]) => argv.slice(app.isPackaged ? 1 : 2).filter((a) => a && !a.startsWith('-'));

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 560,
    title: 'Kong Trace Viewer',
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const pendingOpen: string[] = [];
  // macOS "open with" can arrive before ready
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (services) void services.openPaths([path]);
    else pendingOpen.push(path);
  });
  app.on('second-instance', (_event, argv, cwd) => {
    void services?.openPaths(filesFromArgv(argv), cwd);
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  void app.whenReady().then(async () => {
    services = createServices({
      mode: 'electron',
      version: app.getVersion(),
      dataDir: app.getPath('userData'),
      secrets: createSecureStore(join(app.getPath('userData'), 'secrets.json')),
      kek: createKekStore(join(app.getPath('userData'), 'store-key')),
      env: process.env,
      showOpenDialog: async () => {
        const res = await dialog.showOpenDialog({ properties: ['openFile', 'multiSelections'], filters: FILE_FILTERS });
        return res.canceled ? [] : res.filePaths;
      },
      openExternal: (url) => shell.openExternal(url),
    });
    handleAppProtocol(join(__dirname, '..', 'renderer'), services.files);
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);

    ipcMain.handle(IPC_INVOKE, async (event, channel: unknown, args: unknown) => {
      // only our own page, in the window's main frame, may call the bridge
      if (!acceptsBridgeCall(event)) return err('forbidden', 'bridge calls are accepted from the app only');
      return services.dispatch(String(channel), args);
    });
    services.events.subscribe((event, payload) => mainWindow?.webContents.send(IPC_EVENT, event, payload));

    await services.openPaths([...filesFromArgv(process.argv), ...pendingOpen]);
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate((e) => services.events.emit('menu.command', e), process.platform)));
    mainWindow = createWindow();
    mainWindow.on('closed', () => (mainWindow = null));
    app.on('activate', () => {
      if (!mainWindow) mainWindow = createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => void services?.dispose());
}

import type { Channel, Validators } from './channel';
import { v } from './validate';

export interface AppInfo {
  mode: 'electron' | 'browser';
  version: string;
  platform: string;
  /**
   * where a Konnect token is kept: encrypted by the OS (desktop with a real keyring), in memory only
   * (desktop without one), or browser mode's host (memory, or a 0600 file when asked to remember)
   */
  secretStorage: 'os-encrypted' | 'memory' | 'user-file';
}

export interface FileRef {
  /** opaque id the host registered for this file; its bytes are at transport.fileUrl(id) */
  id: string;
  name: string;
  path: string;
  size: number;
}

export interface RecentFile {
  path: string;
  name: string;
  openedAt: number;
}

export interface AppHandlers {
  'app.info': Channel<void, AppInfo>;
  /** files given on the command line or through "open with" before the renderer was ready */
  'files.takePending': Channel<void, FileRef[]>;
  /** native open dialog (desktop); browser mode uses an <input type=file> instead */
  'files.showOpenDialog': Channel<void, FileRef[]>;
  'files.recent': Channel<void, RecentFile[]>;
  'files.openRecent': Channel<{ path: string }, FileRef>;
  'files.clearRecent': Channel<void, RecentFile[]>;
  /** the renderer finished with a file: the host forgets its id */
  'files.release': Channel<{ id: string }, void>;
  /** opens http(s) links in the system browser; anything else is refused */
  'shell.openExternal': Channel<{ url: string }, void>;
}

export const appValidators: Validators<AppHandlers> = {
  'app.info': v.none(),
  'files.takePending': v.none(),
  'files.showOpenDialog': v.none(),
  'files.recent': v.none(),
  'files.openRecent': v.object({ path: v.string({ min: 1, max: 4096 }) }),
  'files.clearRecent': v.none(),
  'files.release': v.object({ id: v.string({ min: 1, max: 128 }) }),
  'shell.openExternal': v.object({ url: v.string({ min: 1, max: 8192 }) }),
};

/** The native menu's commands the renderer acts on (electron/menu.ts sends them, renderer/features/shell/menu-commands.ts handles each). */
export const MENU_COMMANDS = ['open-file', 'find', 'toggle-theme'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface AppEvents {
  /** files opened while the app runs (second instance, OS open-with, File menu) */
  'files.opened': { files: FileRef[] };
  /** a native menu command, for the renderer to act on */
  'menu.command': { command: MenuCommand };
}

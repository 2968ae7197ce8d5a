/**
 * One function applied to every web contents the app creates: no navigation away from the app, no
 * redirects, no new windows (http/https links go to the system browser), no <webview>.
 */
import { shell, type WebContents } from 'electron';
import { APP_ORIGIN, FILES_PATH } from '../../shared/ids';
import { isSafeExternalUrl } from '../../shared/security/external-links';

export const isAppUrl = (url: string): boolean => url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);

/** An app page a window may show: app://ktv, but not the user's files under /files/ (bytes, not pages). */
export function isAppPage(url: string): boolean {
  if (!isAppUrl(url)) return false;
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return false;
  }
  return !path.startsWith(FILES_PATH) && path !== FILES_PATH.slice(0, -1);
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppPage(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppPage(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppPage(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

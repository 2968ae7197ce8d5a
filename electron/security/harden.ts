/**
 * One function applied to every web contents the app creates: no navigation away from the app, no
 * redirects, no new windows (http/https links go to the system browser), no <webview>.
 */
import { shell, type WebContents } from 'electron';
import { isSafeExternalUrl } from '../../shared/security/external-links';

export const APP_ORIGIN = 'app://ktv';

export const isAppUrl = (url: string): boolean => url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

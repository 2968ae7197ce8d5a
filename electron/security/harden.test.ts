/**
 * The desktop hardening, checked without an Electron runtime (none can be installed here): the same
 * function the app applies to every web contents, driven through a stand-in WebContents.
 */
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const openExternal = vi.fn(async (_url: string) => {});
vi.mock('electron', () => ({ shell: { openExternal: (url: string) => openExternal(url) } }));

const { hardenWebContents, isAppUrl } = await import('./harden');

class FakeContents extends EventEmitter {
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
    this.windowOpenHandler = h;
  }
  /** emits like Electron does and says whether a listener prevented the default */
  attempt(event: string, url: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

describe('hardenWebContents', () => {
  let contents: FakeContents;
  beforeEach(() => {
    openExternal.mockClear();
    contents = new FakeContents();
    hardenWebContents(contents as never);
  });

  it.each([
    ['https://evil.example/', true],
    ['file:///etc/passwd', true],
    ['app://other/index.html', true],
    ['app://ktv/index.html', false],
  ])('navigation to %s blocked: %s', (url, blocked) => {
    expect(contents.attempt('will-navigate', url)).toBe(blocked);
    expect(contents.attempt('will-redirect', url)).toBe(blocked);
  });

  it.each(['app://ktv/files/0123abcd', 'app://ktv/files/', 'app://ktv/%66iles/0123abcd', 'app://ktv/a/../files/x'])(
    'refuses to navigate or redirect to a user file as a page: %s',
    (url) => {
      expect(contents.attempt('will-navigate', url)).toBe(true);
      expect(contents.attempt('will-redirect', url)).toBe(true);
      let prevented = false;
      contents.emit('will-frame-navigate', { url, preventDefault: () => (prevented = true) });
      expect(prevented).toBe(true);
    },
  );

  it('refuses to attach any <webview>', () => {
    expect(contents.attempt('will-attach-webview', 'https://x.example/')).toBe(true);
  });

  it('denies every new window; http(s) links go to the system browser, others nowhere', () => {
    expect(contents.windowOpenHandler!({ url: 'https://docs.konghq.com/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://docs.konghq.com/');
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('recognises only the app origin as the app', () => {
    expect(isAppUrl('app://ktv')).toBe(true);
    expect(isAppUrl('app://ktv.evil/')).toBe(false);
    expect(isAppUrl('app://ktvx/index.html')).toBe(false);
  });
});

describe('preload', () => {
  it('exposes exactly one narrow object, window.ktv, with invoke and on', async () => {
    const exposed: Record<string, unknown> = {};
    const invoke = vi.fn(async () => ({ ok: true, value: 1 }));
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
    }));
    vi.resetModules();
    await import('../preload');
    expect(Object.keys(exposed)).toEqual(['ktv']);
    const api = exposed.ktv as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    await (api.invoke as (c: string, a: unknown) => Promise<unknown>)('app.info', null);
    expect(invoke).toHaveBeenCalledWith('ktv:invoke', 'app.info', null);
  });
});

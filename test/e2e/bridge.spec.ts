/** The browser-mode host answers only its own signed-in page: cookie, origin and argument checks, seen from a browser. */
import { expect, test } from './fixtures';

// Runs in the browser project only (playwright.config.ts): the desktop app has no HTTP bridge.
test.describe('browser-mode bridge', () => {
  test('calls without the session cookie are refused; bad arguments get a typed error', async ({ app }) => {
    const results = await app.page.evaluate(async () => {
      const post = (channel: string, body: unknown, credentials: RequestCredentials = 'same-origin') =>
        fetch(`/api/invoke/${channel}`, { method: 'POST', credentials, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const noCookie = await post('app.info', null, 'omit');
      const good = await (await post('app.info', null)).json();
      const bad = await (await post('files.openRecent', { path: 42 })).json();
      const notRecent = await (await post('files.openRecent', { path: '/etc/passwd' })).json();
      const unknown = await (await post('no.such.channel', null)).json();
      return { noCookie: noCookie.status, good, bad, notRecent, unknown, pageSeesCookie: document.cookie };
    });
    expect(results.noCookie).toBe(401);
    expect(results.good).toMatchObject({ ok: true, value: { mode: 'browser' } });
    expect(results.bad).toEqual({ ok: false, error: { code: 'invalid-argument', message: 'files.openRecent: path: expected a string, got number' } });
    expect(results.notRecent).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(results.unknown).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    // HttpOnly: the page's scripts never see the session
    expect(results.pageSeesCookie).toBe('');
  });
});

/** The browser-mode host answers only its own page: token, origin and argument checks, seen from a browser. */
import { expect, test } from './fixtures';

// Runs in the browser project only (playwright.config.ts): the desktop app has no HTTP bridge.
test.describe('browser-mode bridge', () => {
  test('calls without the launch token are refused; bad arguments get a typed error', async ({ app }) => {
    const results = await app.page.evaluate(async () => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="ktv-token"]')!.content;
      const post = (channel: string, body: unknown, headers: Record<string, string>) =>
        fetch(`/api/invoke/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      const noToken = await post('app.info', null, {});
      const wrongToken = await post('app.info', null, { 'x-ktv-token': 'nope' });
      const good = await (await post('app.info', null, { 'x-ktv-token': token })).json();
      const bad = await (await post('files.openRecent', { path: 42 }, { 'x-ktv-token': token })).json();
      const unknown = await (await post('no.such.channel', null, { 'x-ktv-token': token })).json();
      return { noToken: noToken.status, wrongToken: wrongToken.status, good, bad, unknown };
    });
    expect(results.noToken).toBe(401);
    expect(results.wrongToken).toBe(401);
    expect(results.good).toMatchObject({ ok: true, value: { mode: 'browser' } });
    expect(results.bad).toEqual({ ok: false, error: { code: 'invalid-argument', message: 'files.openRecent: path: expected a string, got number' } });
    expect(results.unknown).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });
});

/**
 * Issue 14: one latency model everywhere. For each kind of request in the bundled sample session (a
 * refused connection, an upstream timeout, a plugin's 401 and 429, an upstream 503, a slow client) and the
 * real Gateway 3.10 trace, the verdict says what happened with numbers, its link selects the span it
 * names, and the tiles and the list's columns show the same figures.
 */
import { expect, test } from './fixtures';
import { LatencyPage, PARTS } from './pages/latency-page';
import type { Page } from '@playwright/test';

/** The tiles and the selected row of the list show the same four figures, and gateway + upstream + client read like the total. */
async function expectTilesMatchList(l: LatencyPage): Promise<void> {
  for (const part of PARTS) await expect(l.listCell(part)).toHaveText(await l.tile(part).innerText());
}

async function expectVerdictSelects(page: Page, l: LatencyPage, spanName: string): Promise<void> {
  await l.verdictLink.click();
  await expect(page.getByRole('tree', { name: 'Spans' }).getByRole('treeitem', { name: spanName, exact: true })).toHaveAttribute('aria-selected', 'true');
}

const CASES = [
  {
    status: 502,
    verdict: /^502: connecting to upstream [\w.-]+ failed after 3\.\d\d s: connection refused\.$/,
    span: 'kong.find_upstream',
    upstream: /^3\.\d\d s$/,
  },
  { status: 504, verdict: /^504: upstream [\w.-]+ sent no response headers for 60\.0 s \(upstream timed out\)\.$/, span: 'kong.read_headers_from_upstream', upstream: /^60\.0 s$/ },
  { status: 401, verdict: /^401 from plugin (key-auth|jwt|openid-connect) in access after [\d.]+ (µs|ms); the request never reached an upstream\.$/, span: /^kong\.access\.plugin\./, upstream: /^0 µs$/ },
  { status: 429, verdict: /^429 from plugin rate-limiting-advanced in access after [\d.]+ (µs|ms|s); the request never reached an upstream\.$/, span: 'kong.access.plugin.rate-limiting-advanced', upstream: /^0 µs$/ },
  { status: 503, verdict: /^503: upstream [\w.-]+ answered 503 after [\d.]+ (µs|ms|s) of upstream time\.$/, span: 'kong.read_headers_from_upstream', upstream: /ms|s$/ },
];

for (const c of CASES) {
  test(`a ${c.status}: the verdict says what failed, links to the span, and the tiles and the list agree`, async ({ ktv }) => {
    const l = new LatencyPage(ktv.page);
    await l.pickStatus(c.status);
    await expect(l.verdict).toHaveAttribute('data-kind', 'error');
    await expect(l.verdictLink).toHaveText(c.verdict);
    await expect(l.tile('upstream')).toHaveText(c.upstream);
    await expectTilesMatchList(l);
    const spanName = typeof c.span === 'string' ? c.span : ((await l.verdictLink.getAttribute('title')) ?? '').replace(/^Select /, '');
    expect(spanName).toMatch(c.span);
    await expectVerdictSelects(ktv.page, l, spanName);
    // the span it names is marked in error on the map and in the waterfall, its message a hover away
    await expect(l.map.getByRole('button', { name: /, error: / }).first()).toBeVisible();
    await expect(ktv.page.getByRole('tree', { name: 'Spans' }).locator('.wf-error-mark').first()).toHaveAttribute('title', /^Error: /);
  });
}

test('a request that never reached an upstream says so on the map instead of a 0 µs upstream node', async ({ ktv }) => {
  const l = new LatencyPage(ktv.page);
  await l.pickStatus(401);
  await expect(l.map.getByRole('img', { name: 'no upstream: the request ended in the gateway' })).toBeVisible();
  await expect(l.map.getByRole('button', { name: /^(connect|send|time to first byte|body)\b/ })).toHaveCount(0);
});

test('a request that matched no route: the verdict, the red router, the no-upstream box, the tiles and the list agree', async ({ ktv }) => {
  const l = new LatencyPage(ktv.page);
  await l.pickStatus(404);
  await expect(l.verdict).toHaveAttribute('data-kind', 'error');
  await expect(l.verdictLink).toHaveText(/^404: no Route matched (GET|POST) https:\/\/api\.acme\.test\/\S+, the router ended it after [\d.]+ (µs|ms); the request never reached an upstream\.$/);
  await expect(l.map.getByRole('img', { name: 'no upstream: the request ended in the gateway' })).toBeVisible();
  await expect(l.map.getByRole('button', { name: /^router, [\d.]+ (µs|ms), error: no Route matched with those values$/ })).toBeVisible();
  await expect(l.map.getByRole('button', { name: /^(connect|send|time to first byte|body|round trip)\b/ })).toHaveCount(0);
  await expect(l.tile('upstream')).toHaveText('0 µs');
  await expect(l.tiles.locator('[data-part="upstream"]')).toContainText('not reached');
  await expectTilesMatchList(l);
  await expect(ktv.page.getByRole('group', { name: 'Key metrics' }).locator('dd').first()).toHaveText('404 no Route matched with those values');
  await expectVerdictSelects(ktv.page, l, 'kong.router');
});

test('a slow client: the verdict blames the client, not the plugin that read its body, and the list sorts by client time', async ({ ktv }) => {
  const l = new LatencyPage(ktv.page);
  await l.sortDescending('Client');
  // the list keeps the selected trace in view: Home selects the top row, the slowest client
  await l.grid.focus();
  await ktv.page.keyboard.press('Home');
  await expect(l.grid.locator('[role="row"][aria-rowindex="2"]')).toHaveAttribute('aria-selected', 'true');
  await expect(l.verdict).toHaveAttribute('data-kind', 'client');
  await expect(l.verdictLink).toHaveText(/^Slow client: (reading the request (headers|body)|writing the response \(the client read it slowly\)) took [\d.]+ (ms|s) of [\d.]+ (ms|s)/);
  await expectTilesMatchList(l);
  const client = await l.tile('client').innerText();
  expect(client).toMatch(/^\d{3} ms$|s$/);
});

test('the real Gateway 3.10 trace: Kong’s own figures beside the model, the difference said in words', async ({ ktv }) => {
  const l = new LatencyPage(ktv.page);
  await ktv.session(/Gateway 3\.10 Konnect trace/).click();
  await expect(l.verdict).toHaveAttribute('data-kind', 'upstream');
  await expect(l.verdictLink).toHaveText('Upstream httpbin.org took 763 ms of 773 ms (sending the request and waiting 501 ms).');
  await expect(l.tile('total')).toHaveText('773 ms');
  await expectTilesMatchList(l);
  const metrics = ktv.page.getByRole('group', { name: 'Key metrics' });
  await expect(metrics).toContainText('Total is the root span.');
  await expect(metrics.getByTestId('reported-latency')).toHaveText(/Reported by Kong: total 770 ms · gateway 3\.30 ms · upstream 765 ms · client 2\.04 ms/);
  await expect(metrics.getByRole('note')).toHaveText(['Kong reported gateway 3.30 ms; the spans show 8.82 ms.']);
  await expectVerdictSelects(ktv.page, l, 'kong.send_request_to_upstream');
  await expect(l.map.getByRole('button', { name: /^send, 501 ms, slowest$/ })).toBeVisible();
});

/**
 * Issue 20, as a user does it on the bundled sample: pin a 502 as A, open a 504 and compare it with A;
 * read B relative to A and the bridge, jump through the differences with `n`, read the attribute diff.
 */
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { generateSample } from '../../shared/sample/generate';

async function pickStatus(page: Page, status: number): Promise<void> {
  await page.getByRole('searchbox', { name: 'Filter traces' }).fill(String(status));
  await page
    .getByRole('grid', { name: 'Traces' })
    .locator('[role="row"]:not(.trace-head)')
    .filter({ has: page.locator('.status', { hasText: new RegExp(`^${status}$`) }) })
    .first()
    .click();
}

test('pick two traces, read the bridge, jump to a difference with n, open its attribute diff', async ({ ktv }) => {
  const page = ktv.page;
  await pickStatus(page, 502);
  await page.getByRole('button', { name: 'Pin as A', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pinned as A' })).toBeDisabled();
  await pickStatus(page, 504);
  await page.getByRole('button', { name: 'Compare with A', exact: true }).click();

  const view = page.getByRole('region', { name: 'Compare' });
  // the 504 waited 60 s for headers where the 502 failed to connect after about 3 s: B is much slower
  await expect(view.getByLabel('B relative to A')).toHaveText(/^\+5\d\.\d s \(x\d+\)$/);
  await expect(view.getByLabel('B total')).toHaveText('60.0 s');
  const bridge = view.getByRole('region', { name: 'Bridge from A to B' });
  await expect(bridge.locator('[data-bucket="upstream"]')).toHaveAttribute('data-sign', 'up');
  await expect(bridge.getByLabel('upstream delta')).toHaveText(/^\+5\d\.\d s$/);
  // a phase opens into its plugins and the rest of the phase: the 504's jwt plugin, which A did not run
  await bridge.getByRole('button', { name: 'access' }).click();
  await expect(bridge.getByRole('button', { name: 'access' })).toHaveAttribute('aria-expanded', 'true');
  await expect(bridge.locator('[data-bucket="access/jwt"]')).toContainText('0 µs → 323 µs +323 µs');
  await expect(bridge.locator('[data-bucket="access/rest of access"]')).toBeVisible();

  // n: the first difference (the root, slower), then the next one
  const grid = view.getByRole('grid', { name: 'Aligned spans' });
  await page.keyboard.press('n');
  const first = grid.locator('[role="row"][aria-selected="true"]');
  await expect(first).toHaveAttribute('data-change', 'changed');
  await expect(first).toContainText('kong');
  const diff = view.getByRole('complementary', { name: 'Row differences' });
  await expect(diff.getByRole('heading')).toHaveText('kong');
  const attrs = diff.getByRole('table', { name: 'Attribute differences' });
  await expect(attrs.locator('tr[data-change="changed"]').filter({ hasText: 'http.response.status_code' })).toContainText(/502.*504/);
  await expect(attrs.locator('caption')).toContainText(/ids and timestamps hidden/);

  await page.keyboard.press('n');
  await expect(grid.locator('[role="row"][aria-selected="true"]')).not.toContainText(/^Δ?kong$/);
  await expect(diff.getByRole('heading')).not.toHaveText('kong');
});

test('twin transaction maps: a plugin only in B is a ghost on A, B carries each node’s delta, a node opens its row', async ({ ktv }) => {
  const page = ktv.page;
  await pickStatus(page, 502);
  await page.getByRole('button', { name: 'Pin as A', exact: true }).click();
  await pickStatus(page, 504);
  await page.getByRole('button', { name: 'Compare with A', exact: true }).click();
  const view = page.getByRole('region', { name: 'Compare' });
  await view.getByRole('tab', { name: 'Transaction maps' }).click();

  const mapA = view.getByRole('figure', { name: "A's transaction map" });
  const mapB = view.getByRole('figure', { name: "B's transaction map" });
  // the 504's jwt plugin: a ghost on A, named; on B a node saying A -> B
  await expect(mapA.getByRole('img', { name: 'only in B: jwt' })).toBeVisible();
  const jwt = mapB.getByRole('button', { name: /^jwt \(access\), A – → B \d+ µs \(\+\d+ µs\)$/ });
  await expect(jwt).toBeVisible();
  // the connect that failed after 3 s in A took microseconds in B: changed, its delta drawn on B's node
  const connect = mapB.getByRole('button', { name: /^connect \(.*\), A 3\.\d+ s → B \d+ µs \(-3\.\d+ s\)$/ });
  await expect(connect).toContainText(/-3\.\d+ s/);
  // both maps put the jwt node in the same place
  const boxA = await mapA.getByRole('img', { name: 'only in B: jwt' }).boundingBox();
  const boxB = await jwt.boundingBox();
  expect(Math.round(boxA!.x)).toBe(Math.round(boxB!.x));

  // both maps as one PNG: A's over B's, twice as tall as one map
  const [png] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'Save maps as PNG' }).click()]);
  expect(png.suggestedFilename()).toMatch(/^ktv-compare-[0-9a-f]{12}-[0-9a-f]{12}\.png$/);
  const bytes = readFileSync((await png.path())!);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  const mapsHeight = (await mapA.locator('svg').first().boundingBox())!.height + (await mapB.locator('svg').first().boundingBox())!.height;
  // the image is drawn at twice the CSS size at least; its height is the PNG header's bytes 20-23
  expect(bytes.readUInt32BE(20)).toBeGreaterThanOrEqual(2 * mapsHeight);
  await expect(view.getByRole('status').filter({ hasText: 'PNG saved' })).toBeVisible();

  await jwt.click();
  const diff = view.getByRole('complementary', { name: 'Row differences' });
  await expect(diff.getByRole('heading')).toHaveText('kong.access.plugin.jwt');
  await expect(diff).toContainText('only in B');
});

/** The bundled sample's traces with a captured payload (the session is generateSample with this seed): id, method, path, status. */
function sampleWithPayloads(): { traceId: string; method: string; path: string; status: number }[] {
  const sample = generateSample({ seed: 20261122, traces: 300 });
  const out: { traceId: string; method: string; path: string; status: number }[] = [];
  for (const line of sample.jsonl.split('\n')) {
    if (!line.includes('resourceSpans')) continue;
    const doc = JSON.parse(line) as { resourceSpans: { scopeSpans: { spans: { traceId: string; parentSpanId?: string; attributes: { key: string; value: Record<string, string> }[] }[] }[] }[] };
    for (const rs of doc.resourceSpans)
      for (const ss of rs.scopeSpans)
        for (const sp of ss.spans) {
          if (sp.parentSpanId || !sample.payloads[`${sp.traceId}:reqres`]) continue;
          const attr = (k: string) => Object.values(sp.attributes.find((a) => a.key === k)?.value ?? {})[0] ?? '';
          out.push({ traceId: sp.traceId, method: attr('http.request.method'), path: attr('url.full').replace(/^\w+:\/\/[^/]+/, ''), status: Number(attr('http.response.status_code')) });
        }
  }
  return out;
}

async function openTrace(page: Page, traceId: string): Promise<void> {
  // a pasted trace id opens that trace
  await page.getByRole('searchbox', { name: 'Filter traces' }).fill(traceId);
  await expect(page.getByText(`Opened trace ${traceId}.`)).toBeVisible();
}

test('payload differences: the headers and JSON body members that differ between a 201 and a 401 payment, as text', async ({ ktv }) => {
  const page = ktv.page;
  const captured = sampleWithPayloads().filter((t) => t.method === 'POST' && t.path === '/payments');
  const ok = captured.find((t) => t.status === 201)!;
  const denied = captured.find((t) => t.status === 401)!;
  await openTrace(page, ok.traceId);
  await page.getByRole('button', { name: 'Pin as A', exact: true }).click();
  await openTrace(page, denied.traceId);
  await page.getByRole('button', { name: 'Compare with A', exact: true }).click();

  const view = page.getByRole('region', { name: 'Compare' });
  await view.getByRole('tab', { name: 'Payloads' }).click();
  const payloads = view.getByRole('region', { name: 'Payload differences' });
  const resBody = payloads.getByRole('table', { name: 'Response body differences' });
  // {"id": n, "ok": true} against {"message": "Unauthorized", "request_id": ...}
  await expect(resBody.locator('tr[data-change="only-a"]').filter({ hasText: '$.ok' })).toContainText('true');
  await expect(resBody.locator('tr[data-change="only-b"]').filter({ hasText: '$.message' })).toContainText('"Unauthorized"');
  const reqHeaders = payloads.getByRole('table', { name: 'Request header differences' });
  await expect(reqHeaders.locator('caption')).toContainText(/ids and dates hidden \(x-request-id\)/);
  // the sanitizer's masking holds in the comparison: no credential is shown
  await expect(reqHeaders.locator('tr').filter({ hasText: 'authorization' })).not.toContainText(/eyJ|dXNlcjpwYXNzd29yZA|k_7f1e2d3c4b5a/);
  // picking a row shows that row's differences again
  await page.keyboard.press('n');
  await expect(view.getByRole('complementary', { name: 'Row differences' })).toBeVisible();
});

test('export: the comparison saved as the JSON ktv compare --json prints, and as Markdown', async ({ ktv }) => {
  const page = ktv.page;
  await pickStatus(page, 502);
  await page.getByRole('button', { name: 'Pin as A', exact: true }).click();
  await pickStatus(page, 504);
  await page.getByRole('button', { name: 'Compare with A', exact: true }).click();
  const view = page.getByRole('region', { name: 'Compare' });
  const shown = await view.getByLabel('B relative to A').textContent();
  const exports = view.getByRole('group', { name: 'Export the comparison' });
  await view.getByRole('button', { name: 'Export ▾' }).click();

  const [json] = await Promise.all([page.waitForEvent('download'), exports.getByRole('button', { name: 'Save .json' }).click()]);
  expect(json.suggestedFilename()).toMatch(/^ktv-compare-[0-9a-f]{12}-[0-9a-f]{12}\.json$/);
  const doc = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { a: { totalMs: number }; b: { totalMs: number }; deltaMs: number; bridge: { deltaMs: number }[]; rows: { change: string }[]; matchedRatio: number };
  expect(Object.keys(doc)).toEqual(['a', 'b', 'deltaMs', 'bridge', 'rows', 'matchedRatio']);
  expect(Math.round(doc.b.totalMs / 100) / 10).toBe(60); // "60.0 s" on screen
  // the bridge adds up to the difference, to the microsecond
  expect(Math.round(doc.bridge.reduce((s, x) => s + x.deltaMs, 0) * 1000)).toBe(Math.round(doc.deltaMs * 1000));
  expect(doc.rows.filter((r) => r.change !== 'same').length).toBe(Number(/^(\d+) of/.exec((await view.locator('.cmp-delta span').textContent())!)![1]));

  await view.getByRole('button', { name: 'Export ▾' }).click();
  const [md] = await Promise.all([page.waitForEvent('download'), exports.getByRole('button', { name: 'Save .md' }).click()]);
  const text = readFileSync((await md.path())!, 'utf8');
  expect(text).toContain(`**B relative to A: ${shown}**`);
  expect(text).toMatch(/\| upstream \| 3\.0\d s \| 60\.0 s \| \+5\d\.\d s \|/);
});

test('one trace against its group: the median, the p10-p90 band and the percentile per span', async ({ ktv }) => {
  const page = ktv.page;
  await pickStatus(page, 504);
  const title = await page.locator('h2.tv-title').textContent();
  await page.getByRole('button', { name: 'Against its group', exact: true }).click();
  const view = page.getByRole('region', { name: 'Compare with its group' });
  // the 504 waited 60 s for the upstream; the route's other requests took milliseconds
  await expect(view.getByLabel("This trace's total", { exact: true })).toHaveText('60.0 s');
  await expect(view.getByLabel('This trace relative to the group median')).toHaveText(/^\+60\.0 s \(x\d+\)$/);
  await expect(view.getByLabel("Percentile of this trace's total")).toHaveText(/slower than or as slow as (9\d|100)% of its group/);
  await expect(view.getByLabel('The group', { exact: true })).toContainText(/\d+ other traces of this route and method in the session/);
  const grid = view.getByRole('grid', { name: 'Spans against the group' });
  const headers = grid.getByRole('row').filter({ hasText: 'kong.read_headers_from_upstream' });
  await expect(headers).toHaveAttribute('data-change', 'changed');
  await expect(headers.locator('[data-col="percentile"]')).toHaveText('p100');
  await expect(headers.locator('[data-col="delta"]')).toHaveText(/^\+60\.0 s$/);
  // a group of more than 10 draws the p10-p90 band behind the bars
  await expect(headers.locator('.cmp-band')).toHaveCount(1);
  // n: the first span that differs from the group median (the whole request), then the next
  await page.keyboard.press('n');
  const picked = grid.locator('[role="row"][aria-selected="true"] .cmp-name');
  await expect(picked).toHaveText('Δkong');
  await page.keyboard.press('n');
  await expect(picked).toHaveText('Δkong.read_headers_from_upstream');
  await view.getByRole('checkbox', { name: 'Differences only' }).check();
  await expect(grid.getByRole('row')).toHaveCount(Number(/^(\d+) of/.exec((await view.getByText(/spans differ from the group median/).textContent())!)![1]));
  await view.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('h2.tv-title')).toHaveText(title!);
});

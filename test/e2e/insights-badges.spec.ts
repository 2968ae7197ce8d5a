/**
 * Session insights, item 8: the open trace's percentile badges against its group (route and method) on the
 * transaction map's nodes and the waterfall's rows. The test works each percentile out itself from what the
 * Insights tab shows of the group (each row's "present" count and its strip of dots, one per column of
 * requests, carrying the slowest one's id and how many it stands for), never from a number written here.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const groups = (page: Page) => page.getByRole('listbox', { name: 'Groups' }).getByRole('option');
const map = (page: Page) => page.getByRole('figure', { name: 'Transaction map' });

async function openInsights(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Insights' }).click();
  await expect(groups(page).first()).toBeVisible();
}

/** The group's requests on the distribution plot, slowest last (the plot's x is the request's total time). */
async function byTotal(page: Page): Promise<string[]> {
  const dots = await page.locator('svg.insights-dist circle.insights-dot').evaluateAll((els) => els.map((el) => ({ cx: Number(el.getAttribute('cx')), id: el.getAttribute('data-trace-id')! })));
  return dots.sort((a, b) => a.cx - b.cx).map((d) => d.id);
}

interface Row {
  key: string;
  label: string;
  present: number;
  /** the row's strip: per dot, its column (x), the slowest request's id in it, and how many requests it stands for */
  dots: { x: number; id: string; count: number }[];
}

/** "Where time goes" as the page shows it. */
async function whereTimeGoes(page: Page): Promise<Row[]> {
  return page.getByRole('region', { name: 'Where time goes' }).locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      key: tr.getAttribute('data-row')!,
      label: tr.querySelector('th')!.textContent!,
      present: Number(/^(\d+) of \d+$/.exec(tr.querySelector('td')!.textContent!)![1]),
      dots: [...tr.querySelectorAll('circle')].map((c) => ({
        x: Number(c.getAttribute('cx')),
        id: c.getAttribute('data-trace-id')!,
        count: Number(/^(\d+) requests up to/.exec(c.querySelector('title')?.textContent ?? '')?.[1] ?? 1),
      })),
    })),
  );
}

/**
 * A request's percentile in a row, when the strip has a dot for it: a dot stands for the requests whose times
 * fall in its column and carries the slowest one's id, and columns rise with time, so the requests at or below
 * it are exactly those of its dot and of the dots left of it.
 */
function percentileOf(row: Row, traceId: string): number | null {
  const own = row.dots.find((d) => d.id === traceId);
  if (!own) return null;
  const atOrBelow = row.dots.filter((d) => d.x <= own.x).reduce((a, d) => a + d.count, 0);
  return Math.floor((100 * atOrBelow) / row.present);
}

/** The upstream steps whose map node and waterfall row are each one (connect has two spans: choosing a target, then the try). */
const UPSTREAM_PLACES: Record<string, [node: string, span: string]> = {
  'upstream:send': ['send', 'kong.send_request_to_upstream'],
  'upstream:ttfb': ['time to first byte', 'kong.read_headers_from_upstream'],
};

/**
 * The map node and the waterfall row of a row: a plugin row (`plugin:<phase>:<name>`, shown as "name (phase)")
 * is its plugin's node and span; an upstream step is its node on the map (named as there) and its span.
 */
function places(page: Page, row: Row): { node: Locator; span: Locator } | null {
  const spans = page.getByRole('tree', { name: 'Spans' });
  const upstream = UPSTREAM_PLACES[row.key];
  if (upstream) {
    return { node: map(page).getByRole('button', { name: new RegExp(`^${esc(upstream[0])}[ ,]`) }), span: spans.getByRole('treeitem', { name: upstream[1], exact: true }) };
  }
  if (!row.key.startsWith('plugin:')) return null;
  const [, phase, name] = row.key.split(':');
  return {
    node: map(page).getByRole('button', { name: new RegExp(`^${esc(row.label)}, `) }),
    span: spans.getByRole('treeitem', { name: `kong.${phase}.plugin.${name}`, exact: true }),
  };
}

test('the slowest request of a big group: its slow rows carry a warning badge on the map and in the waterfall, with the percentile the group gives', async ({ ktv }) => {
  const page = ktv.page;
  await openInsights(page);
  const chip = groups(page).filter({ hasText: /^POST \/payments n=\d+/ });
  const big = { key: 'POST /payments', n: Number(/ n=(\d+)/.exec(await chip.innerText())![1]) };
  expect(big.n).toBeGreaterThanOrEqual(10);
  await chip.click();
  await expect(chip).toHaveAttribute('aria-selected', 'true');
  const slowest = (await byTotal(page)).at(-1)!;
  const rows = await whereTimeGoes(page);

  // the plugin and upstream rows in which the strip places the slowest request, each with the percentile worked out here
  const judged = rows
    .filter((r) => places(page, r) !== null && r.present >= 10)
    .map((r) => ({ row: r, pct: percentileOf(r, slowest) }))
    .filter((j): j is { row: Row; pct: number } => j.pct !== null);
  expect(judged.map((j) => j.row.key)).toEqual(expect.arrayContaining([expect.stringMatching(/^plugin:/), expect.stringMatching(/^upstream:/)]));
  const high = judged.filter((j) => j.pct >= 90);
  const low = judged.filter((j) => j.pct < 90);
  expect(high.length).toBeGreaterThan(0);
  expect(low.length).toBeGreaterThan(0);

  // open it (a click on its dot), then read its map and waterfall
  await page.locator(`svg.insights-dist circle.insights-dot[data-trace-id="${slowest}"]`).click();
  await expect(page.getByText(slowest, { exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Traces' }).click();

  for (const { row, pct } of judged) {
    const { node, span } = places(page, row)!;
    const of = row.present === big.n ? `of ${big.n} ${big.key} requests` : `of the ${row.present} of ${big.n} ${big.key} requests that have it`;
    const words = new RegExp(`^${esc(row.label)}: p${pct}, as slow as or slower than ${pct}% ${esc(of)} \\(this .+; group p50 .+\\)$`);
    // a click on the node selects its span, which the waterfall brings into view
    await node.click();
    await expect(span).toHaveAttribute('aria-selected', 'true');
    await expect(node).toHaveAccessibleDescription(words);
    await expect(span).toHaveAccessibleDescription(words);
    if (pct >= 90) {
      // drawn, in the warning colour, on both
      await expect(node.locator('.tmap-pct')).toHaveText(`p${pct}`);
      await expect(span.locator('.wf-pct')).toHaveText(`p${pct}`);
      await expect(span.locator('.wf-pct')).toHaveAttribute('title', words);
      await expect(span.locator('.wf-pct')).toHaveCSS('background-color', await page.evaluate(() => {
        const probe = document.createElement('span');
        probe.style.color = 'var(--warn)';
        document.body.append(probe);
        const c = getComputedStyle(probe).color;
        probe.remove();
        return c;
      }));
    } else {
      // below p90 only the words carry it
      await expect(node.locator('.tmap-pct')).toHaveCount(0);
      await expect(span.locator('.wf-pct')).toHaveCount(0);
    }
  }
});

test('a group too small for a percentile shows no badge and says n instead', async ({ ktv }) => {
  const page = ktv.page;
  // the bundled Gateway 3.10 session: one request, so a group of one, with plugins, DNS and upstream steps
  await ktv.session(/Gateway 3\.10/).click();
  await expect(ktv.traceRows()).toHaveCount(1);
  await openInsights(page);
  const [chip] = await groups(page).allInnerTexts();
  const small = { key: chip!.slice(0, chip!.indexOf(' n=')), n: Number(/ n=(\d+)/.exec(chip!)![1]) };
  expect(small.n).toBeLessThan(10);
  await page.getByRole('tab', { name: 'Traces' }).click();
  await ktv.traceRows().first().click();

  const spans = page.getByRole('tree', { name: 'Spans' });
  const tooFew = new RegExp(`: n=${small.n} ${esc(small.key)} requests, too few for a percentile \\(this .+; group p50 .+\\)$`);
  const plugin = spans.getByRole('treeitem', { name: /^kong\.access\.plugin\./ }).first();
  await expect(plugin).toHaveAccessibleDescription(tooFew);
  await expect(spans.getByRole('treeitem', { name: /^kong\.phase\./ }).first()).toHaveAccessibleDescription(tooFew);
  const node = map(page).getByRole('button', { name: /\(access\), / }).first();
  await expect(node).toHaveAccessibleDescription(tooFew);
  await expect(node).toHaveAttribute('aria-label', /^[^:]+, [\d.]+ (ns|µs|ms|s)/);
  // nothing drawn: no percentile exists to draw
  await expect(spans.locator('.wf-pct')).toHaveCount(0);
  await expect(map(page).locator('.tmap-pct')).toHaveCount(0);
});

/**
 * Zooming the waterfall as a user does it, at 1366x768 with the sample 504 (a 60 s trace whose plugins
 * take microseconds): by dragging across the bars or the minimap, by Ctrl + wheel, and back to the whole
 * trace by the button, a double click or Escape. The visible time range is read from the axis labels.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { WaterfallPage } from './pages/waterfall-page';

async function openAt(page: Page, width: number, height: number): Promise<WaterfallPage> {
  await page.setViewportSize({ width, height });
  await page.reload();
  await expect(page.locator('[data-app-ready="true"]')).toBeVisible({ timeout: 30_000 });
  const wf = new WaterfallPage(page);
  await expect(wf.rows).toHaveCount(20);
  return wf;
}

/** Drags across `el` from one fraction of its width to another, at its middle height. */
async function drag(page: Page, el: Locator, from: number, to: number): Promise<void> {
  const box = (await el.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * from, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * ((from + to) / 2), y, { steps: 4 });
  await page.mouse.move(box.x + box.width * to, y, { steps: 4 });
  await page.mouse.up();
}

const WHOLE = ['0 µs', '20.0 s', '40.0 s', '60.0 s'];

/** The axis labels as seconds, once they all lie inside [lo, hi] (the axis shows round times in the window). */
async function expectAxisWithin(wf: WaterfallPage, lo: number, hi: number): Promise<void> {
  const unit: Record<string, number> = { s: 1, ms: 1e-3, 'µs': 1e-6 };
  await expect(async () => {
    const values = (await wf.axisLabels.allTextContents()).map((t) => {
      const [n, u] = t.split(' ');
      return Number(n) * unit[u!]!;
    });
    expect(values.length).toBeGreaterThanOrEqual(2);
    for (const v of values) expect(v >= lo && v <= hi, `${v} s within ${lo}..${hi} s`).toBe(true);
  }).toPass();
}

test('dragging across the bars zooms to the dragged time, a click still selects, a double click shows the whole trace', async ({ ktv }) => {
  const wf = await openAt(ktv.page, 1366, 768);
  await expect(wf.axisLabels).toHaveText(WHOLE);
  await expect(wf.tree.locator('[aria-selected="true"]')).toHaveCount(0);

  // from 6 s to 12 s along the root span's bar
  await drag(ktv.page, wf.track('kong'), 0.1, 0.2);
  await expect(wf.resetZoom).toBeEnabled();
  await expectAxisWithin(wf, 5.5, 12.5);
  // the drag was a zoom, not a click: nothing got selected
  await expect(wf.tree.locator('[aria-selected="true"]')).toHaveCount(0);

  // a click on a row's bars area still selects the span
  await wf.track('kong.dns').click();
  await expect(wf.span('kong.dns')).toHaveAttribute('aria-selected', 'true');

  await wf.track('kong.dns').dblclick();
  await expect(wf.axisLabels).toHaveText(WHOLE);
  await expect(wf.resetZoom).toBeDisabled();
});

test('dragging across the minimap zooms; Escape in the spans shows the whole trace again, then clears the selection', async ({ ktv }) => {
  const wf = await openAt(ktv.page, 1366, 768);
  // the second half of the trace
  await drag(ktv.page, wf.minimap, 0.5, 0.99);
  await expectAxisWithin(wf, 29.5, 60);
  await expect(wf.resetZoom).toBeEnabled();

  await wf.span('kong.router').click();
  await ktv.page.keyboard.press('Escape');
  await expect(wf.axisLabels).toHaveText(WHOLE);
  await expect(wf.span('kong.router')).toHaveAttribute('aria-selected', 'true');
  await ktv.page.keyboard.press('Escape');
  await expect(wf.tree.locator('[aria-selected="true"]')).toHaveCount(0);

  // and the button
  await drag(ktv.page, wf.minimap, 0.2, 0.3);
  await expect(wf.axisLabels).not.toHaveText(WHOLE);
  await wf.resetZoom.click();
  await expect(wf.axisLabels).toHaveText(WHOLE);
});

test('Ctrl + wheel zooms around the pointer, and the axis labels never overlap at any zoom', async ({ ktv }) => {
  const wf = await openAt(ktv.page, 1366, 768);
  const track = (await wf.track('kong').boundingBox())!;
  // the pointer at the very start of the trace: zooming keeps 0 µs where it is
  await ktv.page.mouse.move(track.x, track.y + track.height / 2);
  const labelsApart = async () => {
    const boxes = await wf.axisLabels.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.left, r.right]));
    const axis = (await wf.axis.boundingBox())!;
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    boxes.slice(1).forEach((b, i) => expect(b[0]!, `label ${i + 1} starts after label ${i} ends`).toBeGreaterThan(boxes[i]![1]!));
    boxes.forEach((b) => expect(b[0]! >= axis.x - 0.5 && b[1]! <= axis.x + axis.width + 0.5, 'label inside the axis').toBe(true));
  };
  await labelsApart();
  let last = await wf.axisLabels.last().textContent();
  for (let step = 0; step < 6; step++) {
    await ktv.page.keyboard.down('Control');
    await ktv.page.mouse.wheel(0, -400);
    await ktv.page.keyboard.up('Control');
    await expect(wf.axisLabels.last()).not.toHaveText(last!);
    await expect(wf.axisLabels.first()).toHaveText('0 µs');
    await labelsApart();
    last = await wf.axisLabels.last().textContent();
  }
  // zoomed into the first few milliseconds, where the plugins ran
  await expect(wf.axisLabels.last()).toHaveText(/(µs|ms)$/);
  await ktv.page.keyboard.down('Control');
  await ktv.page.mouse.wheel(0, 4000);
  await ktv.page.keyboard.up('Control');
  await expect(wf.axisLabels).toHaveText(WHOLE);
});

test('the minimap draws every span, the ones too short to see at this scale as marks', async ({ ktv }) => {
  const wf = await openAt(ktv.page, 1366, 768);
  // the plugins and phases take microseconds of a 60 s trace: all at the left edge, one mark per row
  const paintedRows = await wf.minimap.locator('canvas').evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext('2d')!;
    const { data, width, height } = ctx.getImageData(0, 0, Math.min(4, c.width), c.height);
    let rows = 0;
    for (let y = 0; y < height; y++) {
      let painted = false;
      for (let x = 0; x < width; x++) if (data[(y * width + x) * 4 + 3]! > 0) painted = true;
      if (painted) rows++;
    }
    return rows;
  });
  expect(paintedRows).toBeGreaterThanOrEqual(10);
});

/**
 * The insights view's first paint (issue 19), in Chromium through browser mode: a generated 10,000-trace
 * session imported through the Recent menu, then the time from clicking the Insights tab to its "Where
 * time goes" table on screen (the view mounts afresh on each click, so each is a first paint), against the
 * floor of clicking back to the Traces tab until its first row is on screen. Medians of 5 alternations.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../e2e/launch';
import { invoke, startBenchApp } from './browser';

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

export async function benchInsightsPaint(traces: number): Promise<{ firstPaintMs: number; listPaintMs: number }> {
  const dir = join(ROOT, '.cache', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `insights-${traces}.jsonl`);
  if (!existsSync(file)) {
    const { generateSample } = await import('../../shared/sample/generate');
    writeFileSync(file, generateSample({ seed: 19, traces }).jsonl);
  }
  const app = await startBenchApp([file]);
  try {
    const { page } = app;
    await invoke(page, 'files.openRecent', { path: file });
    await page.getByRole('button', { name: 'Recent' }).click();
    await page.getByRole('menuitem', { name: /insights-\d+\.jsonl/ }).click();
    await page.locator('.import-row.import-done', { hasText: 'insights-' }).waitFor({ timeout: 5 * 60_000 });
    await page.getByRole('grid', { name: 'Traces' }).getByRole('row').nth(1).waitFor();
    const clickUntil = (tab: string, painted: string) =>
      page.evaluate(
        async ({ tab, painted }) => {
          const button = [...document.querySelectorAll('[role="tab"]')].find((b) => b.textContent === tab) as HTMLElement;
          const t0 = performance.now();
          button.click();
          await new Promise<void>((resolve) => {
            const check = () => (document.querySelector(painted)?.getBoundingClientRect().height ? resolve() : requestAnimationFrame(check));
            requestAnimationFrame(check);
          });
          return performance.now() - t0;
        },
        { tab, painted },
      );
    const paint: number[] = [];
    const list: number[] = [];
    for (let i = 0; i < 5; i++) {
      paint.push(await clickUntil('Insights', 'section[aria-label="Where time goes"] tbody tr'));
      list.push(await clickUntil('Traces', '[role="grid"][aria-label="Traces"] [role="row"]:nth-child(2)'));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return { firstPaintMs: round(median(paint)), listPaintMs: round(median(list)) };
  } finally {
    await app.close();
  }
}

/** What a user reads to learn where a request's time went: the verdict line, the latency tiles, the list's latency columns. */
import type { Locator, Page } from '@playwright/test';

export const PARTS = ['total', 'gateway', 'upstream', 'client'] as const;
export type Part = (typeof PARTS)[number];

export class LatencyPage {
  readonly verdict: Locator;
  readonly verdictLink: Locator;
  readonly tiles: Locator;
  readonly grid: Locator;
  readonly selectedRow: Locator;
  readonly map: Locator;

  constructor(readonly page: Page) {
    this.verdict = page.getByRole('status', { name: 'Verdict' });
    this.verdictLink = this.verdict.getByRole('button');
    this.tiles = page.getByRole('list', { name: 'Latency from the spans' });
    this.grid = page.getByRole('grid', { name: 'Traces' });
    this.selectedRow = this.grid.locator('[role="row"][aria-selected="true"]');
    this.map = page.getByRole('figure', { name: 'Transaction map' });
  }

  tile(part: Part): Locator {
    return this.tiles.locator(`[data-part="${part}"] .latency-value`);
  }

  /** The list cell of the selected trace for a latency column. */
  listCell(part: Part): Locator {
    return this.selectedRow.locator(`[data-col="${part}"]`);
  }

  /** Picks the first listed trace with this HTTP status (the list filter narrows to it first). */
  async pickStatus(status: number): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Filter traces' }).fill(String(status));
    await this.grid
      .locator('[role="row"]:not(.trace-head)')
      .filter({ has: this.page.locator('.status', { hasText: new RegExp(`^${status}$`) }) })
      .first()
      .click();
  }

  /** Sorts the list by a column, descending. */
  async sortDescending(label: string): Promise<void> {
    const head = this.grid.getByRole('columnheader', { name: new RegExp(`^${label}`) });
    await head.getByRole('button').click();
    if ((await head.getAttribute('aria-sort')) !== 'descending') await head.getByRole('button').click();
  }
}

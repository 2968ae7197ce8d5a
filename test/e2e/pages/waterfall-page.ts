/** The span waterfall and the span inspector as a user sees them. */
import type { Locator, Page } from '@playwright/test';

export class WaterfallPage {
  readonly tree: Locator;
  readonly rows: Locator;
  readonly search: Locator;
  readonly hideNonMatches: Locator;
  readonly matches: Locator;
  readonly axis: Locator;
  /** the time axis's labels, left to right */
  readonly axisLabels: Locator;
  readonly minimap: Locator;
  readonly resetZoom: Locator;
  readonly inspector: Locator;

  constructor(readonly page: Page) {
    this.tree = page.getByRole('tree', { name: 'Spans' });
    this.rows = this.tree.getByRole('treeitem');
    this.search = page.getByRole('searchbox', { name: 'Search spans' });
    this.hideNonMatches = page.getByRole('checkbox', { name: 'Hide non-matches' });
    this.matches = page.locator('.wf-matches');
    this.axis = page.locator('.wf-axis');
    this.axisLabels = this.axis.locator('.wf-tick');
    this.minimap = page.locator('.wf-minimap');
    this.resetZoom = page.getByRole('button', { name: 'Reset zoom' });
    this.inspector = page.getByRole('region', { name: 'Span details' });
  }

  span(name: string): Locator {
    return this.tree.getByRole('treeitem', { name, exact: true });
  }

  /** A span's bars area (its bar, duration, events on the time axis). */
  track(name: string): Locator {
    return this.span(name).locator('.wf-track');
  }

  /** Drags across the time axis from one fraction of its width to another. */
  async dragAxis(from: number, to: number): Promise<void> {
    const box = (await this.axis.boundingBox())!;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width * from, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width * ((from + to) / 2), y, { steps: 4 });
    await this.page.mouse.move(box.x + box.width * to, y, { steps: 4 });
    await this.page.mouse.up();
  }
}

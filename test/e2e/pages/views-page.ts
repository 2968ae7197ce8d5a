/** The trace views as a user sees them: the map, the key metrics, the logs, the payloads, the splitters. */
import type { Locator, Page } from '@playwright/test';

export class ViewsPage {
  readonly map: Locator;
  readonly metrics: Locator;
  readonly logs: Locator;
  readonly logLines: Locator;
  readonly logCount: Locator;
  readonly traceSearch: Locator;
  readonly traceTitle: Locator;

  constructor(readonly page: Page) {
    this.map = page.getByRole('figure', { name: 'Transaction map' });
    this.metrics = page.getByRole('group', { name: 'Key metrics' });
    this.logs = page.getByRole('region', { name: 'Logs' });
    this.logLines = this.logs.getByRole('listitem');
    this.logCount = this.logs.locator('.logs-count');
    this.traceSearch = page.getByRole('searchbox', { name: 'Filter traces' });
    this.traceTitle = page.getByRole('region', { name: 'Trace' }).getByRole('heading', { level: 2 });
  }

  mapNode(name: RegExp): Locator {
    return this.map.getByRole('button', { name });
  }

  level(name: string): Locator {
    return this.logs.getByRole('group', { name: 'Levels' }).getByRole('button', { name: new RegExp(`^${name}\\b`) });
  }

  columnHeader(name: string): Locator {
    return this.page.getByRole('grid', { name: 'Traces' }).getByRole('columnheader', { name: new RegExp(`^${name}`) });
  }

  splitter(name: string): Locator {
    return this.page.getByRole('separator', { name });
  }
}

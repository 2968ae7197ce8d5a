/** The app as a user sees it: regions, lists and controls by role and name. */
import { expect, type Locator, type Page } from '@playwright/test';

export class AppPage {
  readonly sessions: Locator;
  readonly traces: Locator;
  readonly spans: Locator;
  readonly imports: Locator;

  constructor(readonly page: Page) {
    this.sessions = page.getByRole('navigation', { name: 'Sessions' });
    this.traces = page.getByRole('grid', { name: 'Traces' });
    this.spans = page.getByRole('tree', { name: 'Spans' });
    this.imports = page.getByLabel('Imports');
  }

  async waitReady(): Promise<void> {
    await expect(this.page.locator('[data-app-ready="true"]')).toBeVisible({ timeout: 30_000 });
  }

  session(name: string | RegExp): Locator {
    return this.sessions.locator('button.session-main').filter({ hasText: name });
  }

  sessionButtons(): Locator {
    return this.sessions.locator('button.session-main');
  }

  selectedSession(): Locator {
    return this.sessions.locator('button[aria-current="true"]');
  }

  span(name: string): Locator {
    return this.spans.getByRole('treeitem', { name, exact: true });
  }

  traceRows(): Locator {
    return this.traces.locator('[role="row"][aria-rowindex]:not([aria-rowindex="1"])');
  }

  /** Opens files through the file picker, as a user would in browser mode. */
  async openFiles(paths: string[]): Promise<void> {
    await this.page.locator('[data-testid="open-file-input"]').setInputFiles(paths);
  }

  /** Waits for an import of `fileName` to finish and returns its message. */
  async importMessage(fileName: string): Promise<string> {
    const row = this.imports.locator('.import-row', { hasText: fileName }).filter({ hasNot: this.page.locator('progress') });
    await expect(row).toBeVisible({ timeout: 30_000 });
    return (await row.locator('.import-message').textContent()) ?? '';
  }
}

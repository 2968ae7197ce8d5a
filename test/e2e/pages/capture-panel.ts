/** The live-capture panel in the sidebar, as a user sees it. */
import { expect, type Locator, type Page } from '@playwright/test';

export class CapturePanel {
  readonly root: Locator;
  readonly toggle: Locator;
  readonly rule: Locator;
  readonly duration: Locator;
  readonly maxTraces: Locator;
  readonly port: Locator;
  readonly start: Locator;
  readonly stop: Locator;
  readonly state: Locator;
  readonly received: Locator;
  readonly sampled: Locator;
  readonly rejected: Locator;
  readonly pluginConfig: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Live capture' });
    this.toggle = this.root.getByRole('button', { name: /Live capture/ });
    this.rule = this.root.getByRole('combobox', { name: 'Sampling rule' });
    this.duration = this.root.getByLabel('Duration in seconds');
    this.maxTraces = this.root.getByLabel('Max traces');
    this.port = this.root.getByLabel('Port');
    this.start = this.root.getByRole('button', { name: 'Start capture' });
    this.stop = this.root.getByRole('button', { name: 'Stop capture' });
    this.state = this.root.getByRole('status');
    this.received = this.root.getByTestId('capture-received');
    this.sampled = this.root.getByTestId('capture-sampled');
    this.rejected = this.root.getByTestId('capture-rejected');
    this.pluginConfig = this.root.getByTestId('capture-plugin-config');
  }

  /** Starts a capture and returns the receiver's base URL shown in the panel. */
  async startCapture(opts: { rule: string; port: string; duration: string; maxTraces: string }): Promise<string> {
    if ((await this.toggle.getAttribute('aria-expanded')) !== 'true') await this.toggle.click();
    await this.rule.fill(opts.rule);
    await this.duration.fill(opts.duration);
    await this.maxTraces.fill(opts.maxTraces);
    await this.port.fill(opts.port);
    await this.start.click();
    await expect(this.state).toContainText('listening on');
    return this.listeningUrl();
  }

  async listeningUrl(): Promise<string> {
    const text = (await this.state.locator('code').textContent()) ?? '';
    expect(text).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    return text;
  }
}

/** The Konnect panel in the sidebar and the Konnect dialog it opens, as a user sees them. */
import { expect, type Locator, type Page } from '@playwright/test';

export class KonnectDialog {
  readonly panel: Locator;
  readonly openButton: Locator;
  readonly dialog: Locator;
  readonly signIn: Locator;
  readonly token: Locator;
  readonly region: Locator;
  readonly controlPlanes: Locator;
  readonly sessions: Locator;
  readonly startForm: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Konnect' });
    this.openButton = this.panel.getByRole('button', { name: 'Konnect sessions…' });
    this.dialog = page.getByRole('dialog', { name: /Konnect debugger sessions/ });
    this.signIn = this.dialog.getByRole('form', { name: 'Sign in to Konnect' });
    this.token = this.signIn.getByRole('textbox', { name: 'Token', exact: true });
    this.region = this.signIn.getByLabel('Region');
    this.controlPlanes = this.dialog.getByRole('region', { name: 'Control planes' });
    this.sessions = this.dialog.getByRole('region', { name: 'Debugger sessions' });
    this.startForm = this.dialog.getByRole('form', { name: 'Start a debugger session' });
  }

  async open(): Promise<void> {
    await this.openButton.click();
    await expect(this.dialog).toBeVisible();
  }

  async signInWith(token: string, region = 'eu'): Promise<void> {
    await this.token.fill(token);
    await this.region.selectOption(region);
    await this.signIn.getByRole('button', { name: 'Sign in' }).click();
  }

  controlPlane(name: string): Locator {
    return this.controlPlanes.getByRole('button', { name: new RegExp(`^${name}\\b`) });
  }

  session(text: string | RegExp): Locator {
    return this.sessions.getByRole('listitem').filter({ hasText: text });
  }
}

/**
 * The expression editor in a real browser (Debian's Chromium): typing, the autocomplete popup and its
 * keyboard, the fix button and history, as a user drives them. The component is bundled with esbuild
 * into a blank page, so this needs no app build.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
let browser: Browser;
let js = '';
let css = '';

beforeAll(async () => {
  const out = await build({
    entryPoints: [join(ROOT, 'renderer/features/expr-editor/ExpressionEditor.harness.tsx')],
    bundle: true,
    write: false,
    outdir: '/out',
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  for (const f of out.outputFiles) {
    if (f.path.endsWith('.js')) js = f.text;
    if (f.path.endsWith('.css')) css = f.text;
  }
  browser = await chromium.launch({ executablePath: process.env.KTV_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function openEditor(): Promise<Page> {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body><div id="root"></div></body></html>');
  await page.addStyleTag({ content: `:root{--fg:#111;--bg:#fff;--muted:#666;--accent:#06c;--error:#c00;--border:#ccc}${css}` });
  await page.addScriptTag({ content: js });
  await page.getByRole('combobox', { name: 'Filter traces' }).waitFor();
  return page;
}

const optionLabels = (page: Page) => page.getByRole('listbox').getByRole('option').locator('.ktv-expr__option-label').allTextContents();

describe('ExpressionEditor in Chromium', () => {
  it('builds a condition from suggestions with the keyboard and submits it with Enter', async () => {
    const page = await openEditor();
    const input = page.getByRole('combobox', { name: 'Filter traces' });
    await input.pressSequentially('http.res');
    await expect.poll(() => input.getAttribute('aria-expanded')).toBe('true');
    expect(await optionLabels(page)).toContain('http.response.status_code');
    expect(await page.getByRole('option', { selected: true }).textContent()).toContain('integer');

    await input.press('Enter');
    expect(await input.inputValue()).toBe('http.response.status_code ');
    expect(await optionLabels(page)).toEqual(['==', '!=', '>', '>=', '<', '<=']);

    await input.press('ArrowDown');
    await input.press('ArrowDown');
    await input.press('ArrowDown');
    expect(await page.getByRole('option', { selected: true }).locator('.ktv-expr__option-label').textContent()).toBe('>=');
    await input.press('Tab');
    expect(await input.inputValue()).toBe('http.response.status_code >= ');
    expect(await optionLabels(page)).toEqual(['500', '503']);

    await input.press('ArrowUp');
    await input.press('Enter');
    expect(await input.inputValue()).toBe('http.response.status_code >= 503');
    expect(await input.getAttribute('aria-expanded')).toBe('false');

    await input.press('Enter');
    expect(await page.getByTestId('submitted').textContent()).toBe('http.response.status_code >= 503');
    await page.close();
  });

  it('closes the popup with Escape and keeps the text', async () => {
    const page = await openEditor();
    const input = page.getByRole('combobox', { name: 'Filter traces' });
    await input.pressSequentially('url');
    await expect.poll(() => input.getAttribute('aria-expanded')).toBe('true');
    await input.press('Escape');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('listbox', { includeHidden: true }).isHidden()).toBe(true);
    expect(await input.inputValue()).toBe('url');
    await page.close();
  });

  it('shows the error under the input, squiggles the bad part, and fixes it on request', async () => {
    const page = await openEditor();
    const input = page.getByRole('combobox', { name: 'Filter traces' });
    await input.fill('http.method == GET');
    await expect.poll(() => page.locator('.ktv-expr__message').textContent()).toContain('column 16: string values must be quoted: "GET"');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.ktv-expr__tok--squiggle').textContent()).toBe('GET');

    // the coloured layer lines up with the input's own text: the squiggle sits where "GET" is typed
    const squiggle = (await page.locator('.ktv-expr__tok--squiggle').boundingBox())!;
    const textWidth = await input.evaluate((el: HTMLInputElement) => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = getComputedStyle(el).font;
      return ctx.measureText('http.method == ').width;
    });
    const inputBox = (await input.boundingBox())!;
    const padding = await input.evaluate((el) => parseFloat(getComputedStyle(el).paddingLeft));
    expect(Math.abs(squiggle.x - (inputBox.x + padding + textWidth))).toBeLessThan(1.5);

    await page.getByRole('button', { name: 'Fix: quote it: "GET"' }).click();
    expect(await input.inputValue()).toBe('http.method == "GET"');
    expect(await input.getAttribute('aria-invalid')).toBe('false');
    expect(await page.locator('.ktv-expr__message').count()).toBe(0);
    await page.close();
  });

  it('offers recent expressions from the history button and with Alt+ArrowDown', async () => {
    const page = await openEditor();
    const input = page.getByRole('combobox', { name: 'Filter traces' });
    await page.getByRole('button', { name: 'Recent expressions' }).click();
    expect(await page.getByRole('listbox', { name: 'Recent expressions' }).getByRole('option').allTextContents()).toEqual([
      'client.address in 10.0.0.0/8',
      'http.method == "POST"',
    ]);
    await page.getByRole('option', { name: 'http.method == "POST"' }).click();
    expect(await input.inputValue()).toBe('http.method == "POST"');

    await input.press('Alt+ArrowDown');
    await input.press('Enter');
    expect(await input.inputValue()).toBe('client.address in 10.0.0.0/8');
    await page.close();
  });
});

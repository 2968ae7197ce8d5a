/**
 * Issue 19, "every number opens the traces behind it", as a user meets it on the bundled sample session
 * (302 traces, a group POST /payments): a percentile opens the real request it is, a percentage lists
 * exactly the requests it counts as a trace set over the list (a chip that removes it), and the list comes
 * back whole when the chip goes. Every expected figure is read off the page.
 */
import { expect, test } from './fixtures';
import type { Locator, Page } from '@playwright/test';

const groups = (page: Page) => page.getByRole('listbox', { name: 'Groups' });
const payments = (page: Page) => groups(page).getByRole('option', { name: /^POST \/payments n=\d+/ });
const pick = (chip: Locator) => chip.click();

async function openPayments(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Insights' }).click();
  await expect(groups(page).getByRole('option').first()).toBeVisible();
  await pick(payments(page));
  await expect(payments(page)).toHaveAttribute('aria-selected', 'true');
}

/** "list the 12 requests: label" -> [12, label] */
async function listed(figure: Locator): Promise<[number, string]> {
  const name = (await figure.getAttribute('aria-label'))!;
  const m = /list the (\d+) requests: (.+)$/.exec(name);
  expect(m, name).not.toBeNull();
  return [Number(m![1]), m![2]!];
}

test("a headline p90 opens the request at that rank: its total is the cell's figure", async ({ ktv }) => {
  const page = ktv.page;
  await openPayments(page);
  const total = page.getByRole('table', { name: 'Headline' }).getByRole('row', { name: /^total/ });
  const p90 = total.getByRole('button', { name: /^open the p90 request for total: / });
  const shown = await p90.innerText();
  expect(shown).toMatch(/\d/);
  await expect(p90).toHaveAccessibleName(`open the p90 request for total: ${shown}`);
  await p90.click();
  // the trace views show that request: a POST to /payments whose total tile is the figure
  const metrics = page.getByRole('group', { name: 'Key metrics' });
  await expect(metrics.locator('[data-part="total"] .latency-value')).toHaveText(shown);
  await expect(metrics).toContainText(/POST \S*\/payments/);
  // it opened in place: the insights stay, with no trace set over the list
  await expect(page.getByRole('tab', { name: 'Insights' })).toHaveAttribute('aria-selected', 'true');

  // from the keyboard too: the max of the same row, focused and opened with Enter
  const max = total.getByRole('button', { name: /^open the max request for total: / });
  const maxShown = await max.innerText();
  await max.focus();
  await page.keyboard.press('Enter');
  await expect(metrics.locator('[data-part="total"] .latency-value')).toHaveText(maxShown);
});

test("a difference's selection % lists exactly the requests it counts, and removing the chip brings the whole list back", async ({ ktv }) => {
  const page = ktv.page;
  await openPayments(page);
  await page.getByRole('button', { name: 'status >= 500' }).click();
  const status = page.getByRole('group', { name: 'Select' }).getByRole('status');
  await expect(status).toHaveText(/^\d+ selected of \d+$/);
  const selected = Number(/^(\d+)/.exec(await status.innerText())![1]);

  const diffs = page.getByRole('region', { name: 'What is different about them' });
  const pct = diffs.getByRole('button', { name: /% of the selection, list the \d+ requests: / }).first();
  const [count, label] = await listed(pct);
  expect(label).toMatch(/, in the selection$/);
  // the percentage shown is that many of the selection
  expect(await pct.innerText()).toBe(`${((count / selected) * 100).toFixed(0)}%`);
  await pct.click();

  // the list, with the set as a chip over it, and exactly that many rows
  await expect(page.getByRole('tab', { name: 'Traces' })).toHaveAttribute('aria-selected', 'true');
  const chip = page.getByRole('group', { name: 'Trace set' });
  await expect(chip.getByText(`${count} traces: ${label}`, { exact: true })).toBeVisible();
  await expect(ktv.traces).toHaveAttribute('aria-rowcount', String(count + 1));
  await expect(page.getByText(`${count} of 302 traces`, { exact: true })).toBeVisible();
  await expect(page.getByText(`${count} of 302 traces match`, { exact: true })).toBeVisible();

  await chip.getByRole('button', { name: /^Stop showing the / }).click();
  await expect(chip).toHaveCount(0);
  await expect(ktv.traces).toHaveAttribute('aria-rowcount', String(302 + 1));
  await expect(page.getByText('302 traces', { exact: true })).toBeVisible();

  // back in the insights, the group and its selection are as they were
  await page.getByRole('tab', { name: 'Insights' }).click();
  await expect(payments(page)).toHaveAttribute('aria-selected', 'true');
  await expect(status).toHaveText(`${selected} selected of ${/n=(\d+)/.exec(await payments(page).innerText())![1]}`);
});

test("the headline's 5xx count lists exactly the group's 5xx requests, the chip's share of them; Escape in the list removes the set", async ({ ktv }) => {
  const page = ktv.page;
  await openPayments(page);
  const chip = payments(page);
  const share = page.getByRole('list', { name: 'About this group' }).getByRole('button', { name: /^list the \d+ requests: 5xx of POST \/payments$/ });
  await expect(share).toHaveText(/^5xx \d+$/);
  const [count, label] = await listed(share);
  expect(await share.innerText()).toBe(`5xx ${count}`);
  // the chip's share is of the same requests
  const n = Number(/n=(\d+)/.exec(await chip.innerText())![1]);
  await expect(chip).toContainText(`${Math.round((count / n) * 100)}% 5xx`);
  await share.click();

  const set = page.getByRole('group', { name: 'Trace set' });
  await expect(set.getByText(`${count} traces: ${label}`, { exact: true })).toBeVisible();
  await expect(ktv.traces).toHaveAttribute('aria-rowcount', String(count + 1));
  // every one of them is a 5xx: an expression for 5xx keeps all of them
  const editor = page.getByRole('combobox', { name: 'Expression filter' });
  await editor.fill('http.response.status_code >= 500 && http.request.method == "POST"');
  await expect(page.getByText(`${count} of 302 traces match`, { exact: true })).toBeVisible();

  // Escape in the list removes the set: the same filter over every trace, narrowed to /payments, finds
  // exactly as many, so the set held all of the group's 5xx
  await ktv.traces.focus();
  await page.keyboard.press('Escape');
  await expect(set).toHaveCount(0);
  await expect(page.getByText(/^\d+ of 302 traces match$/)).toBeVisible();
  await page.getByRole('searchbox', { name: 'Filter traces' }).fill('/payments');
  await expect(ktv.traces).toHaveAttribute('aria-rowcount', String(count + 1));
});

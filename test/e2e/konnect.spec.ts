/**
 * Konnect against the local stand-in (test/stand-ins/konnect): sign in, list control planes and nodes,
 * pull a finished session, start one and watch its traces arrive, and recover from faults (429 with
 * Retry-After, a token that stops working, a missing role). The host gets the stand-in's URL through
 * KONNECT_BASE_URL, as a developer would point the app at a proxy.
 */
import { CP_DEFAULT, SEEDED_SESSION_TRACES } from '../stand-ins/konnect/seed';
import { STANDIN_TOKEN, STANDIN_VIEWER_TOKEN } from '../stand-ins/konnect/server';
import { FIXTURE_ROUTE_ID } from '../stand-ins/konnect/traces';
import { expect } from './fixtures';
import { test } from './konnect-fixtures';

test('signs in, pages and searches control planes, and marks the unsupported ones', async ({ konnect }) => {
  await expect(konnect.panel.getByText('Preview')).toBeVisible();
  await konnect.open();
  await expect(konnect.signIn.getByText('memory only')).toBeVisible();
  await konnect.signInWith('my-password');
  await expect(konnect.signIn.getByText(/starts with kpat_/)).toBeVisible();

  await konnect.signInWith(STANDIN_TOKEN);
  await expect(konnect.dialog.getByRole('button', { name: /^Konnect EU EU/ })).toBeVisible();
  await expect(konnect.controlPlanes.getByText(/Page 1 of 3 · 25 control planes/)).toBeVisible();
  const kic = konnect.controlPlane('kic-prod');
  await expect(kic).toContainText('Kong Ingress Controller clusters do not support debugger sessions');
  await konnect.controlPlanes.getByRole('button', { name: 'Next' }).click();
  await expect(konnect.controlPlanes.getByText(/Page 2 of 3/)).toBeVisible();

  await konnect.controlPlanes.getByLabel('Search control planes').fill('payments');
  await expect(konnect.controlPlanes.getByText(/Page 1 of 1 · 2 control planes/)).toBeVisible();
  await expect(konnect.controlPlane('payments-prod')).toBeVisible();
});

test('pulls a finished session into the trace list, then starts one whose traces arrive live', async ({ konnect, ktv, standIn }) => {
  await konnect.open();
  await konnect.signInWith(STANDIN_TOKEN);
  await konnect.controlPlane('default').click();
  const past = konnect.session(/completed/);
  await expect(past).toContainText(`${SEEDED_SESSION_TRACES} traces (up to ${SEEDED_SESSION_TRACES} per node)`);
  await expect(past.getByRole('button', { name: 'Stop' })).toHaveCount(0);
  await past.getByRole('button', { name: 'Pull traces' }).click();
  await expect(konnect.dialog).toBeHidden();
  await expect(ktv.selectedSession()).toContainText(`${SEEDED_SESSION_TRACES} traces`, { timeout: 30_000 });
  await ktv.traceRows().first().click();
  // names looked up from the control plane's core entities, the id on hover
  const metrics = ktv.page.getByRole('group', { name: 'Key metrics' });
  await expect(metrics.getByText('route-1', { exact: true })).toHaveAttribute('title', `route id ${FIXTURE_ROUTE_ID}`);
  await expect(metrics.getByText('httpbin', { exact: true })).toHaveAttribute('title', /^service id c9ba713f-/);
  await expect(metrics.locator('.entity-name').nth(2)).toHaveText(/^(alice|bob|crm-7731)$/);

  await konnect.open();
  await konnect.controlPlane('default').click();
  await konnect.sessions.getByRole('button', { name: 'New session…' }).click();
  const form = konnect.startForm;
  await expect(form.getByText('gw-legacy-1.internal')).toBeVisible();
  await expect(form.getByRole('listitem').filter({ hasText: 'gw-legacy-1.internal' }).getByRole('checkbox')).toBeDisabled();
  await expect(form.getByText(/older than 3\.9\.1/).first()).toBeVisible();
  await form.getByRole('button', { name: 'Start session' }).click();
  await expect(form.getByText('pick at least one data-plane node')).toBeVisible();

  await form.getByRole('listitem').filter({ hasText: 'gw-canary.internal' }).getByRole('checkbox').check();
  await form.getByRole('radio', { name: 'Advanced (expression)' }).check();
  await form.getByRole('combobox', { name: 'Sampling expression' }).fill('http.method == GET');
  await form.getByRole('button', { name: 'Start session' }).click();
  await expect(form.getByText(/column \d+:/).first()).toBeVisible();
  await form.getByRole('combobox', { name: 'Sampling expression' }).fill('http.response.status_code >= 200');
  await form.getByLabel('Duration', { exact: true }).fill('30');
  await form.getByLabel('Duration unit').selectOption('s');
  await form.getByLabel('Maximum samples per node').fill('4');
  // the pull meets a lost connection and Konnect errors on its way; it must carry on without duplicates
  standIn.addFault({ kind: 'drop', path: '/traces', after: 1 });
  standIn.addFault({ kind: 'status', status: 500, path: '/traces', times: 2, after: 2 });
  await form.getByRole('button', { name: 'Start session' }).click();

  await expect(konnect.dialog).toBeHidden();
  const live = konnect.panel.getByRole('list', { name: 'Konnect sessions being pulled' });
  await expect(live).toContainText('default');
  await expect(ktv.selectedSession()).toContainText('4 traces', { timeout: 30_000 });
  await expect(ktv.traceRows()).toHaveCount(4);
  await expect(live).toBeHidden({ timeout: 30_000 });
  expect(standIn.pendingFaults()).toEqual([]);
});

test('waits out a 429, asks to sign in again after a 401, and names the missing role on 403', async ({ konnect, standIn }) => {
  await konnect.open();
  await konnect.signInWith(STANDIN_VIEWER_TOKEN);
  await expect(konnect.controlPlanes.getByText(/25 control planes/)).toBeVisible();

  standIn.addFault({ kind: 'status', status: 429, retryAfterS: 3, path: '/v2/control-planes', method: 'GET' });
  await konnect.controlPlanes.getByRole('button', { name: 'Next' }).click();
  await expect(konnect.dialog.getByRole('status')).toContainText(/rate limiting requests: waiting \d s/);
  await expect(konnect.controlPlanes.getByText(/Page 2 of 3/)).toBeVisible();
  await expect(konnect.dialog.getByRole('status')).toBeHidden();

  await konnect.controlPlanes.getByRole('button', { name: 'Previous' }).click();
  await konnect.controlPlane('default').click();
  await konnect.sessions.getByRole('button', { name: 'New session…' }).click();
  await konnect.startForm.getByRole('listitem').filter({ hasText: 'gw-eu-1.internal' }).getByRole('checkbox').check();
  await konnect.startForm.getByRole('combobox', { name: 'Route', exact: true }).selectOption({ label: 'route-1 (GET /api/v1/r1)' });
  await konnect.startForm.getByRole('button', { name: 'Start session' }).click();
  await expect(konnect.startForm.getByRole('alert').filter({ hasText: 'Debug Session Creator' })).toBeVisible();

  standIn.addFault({ kind: 'status', status: 401, detail: 'Token expired', path: `/v2/control-planes/${CP_DEFAULT}/debug-sessions`, method: 'GET' });
  await konnect.sessions.getByRole('button', { name: 'Refresh' }).click();
  await expect(konnect.sessions.getByText(/Token expired/)).toBeVisible();
  await konnect.dialog.getByRole('button', { name: 'Sign in again' }).click();
  await konnect.signInWith(STANDIN_TOKEN);
  await expect(konnect.dialog.getByRole('button', { name: /Sign out of/ })).toHaveCount(1);
  await expect(konnect.controlPlanes.getByText(/25 control planes/)).toBeVisible();
});

test.describe('on the stand-in\'s clock', () => {
  test.use({ standInOptions: { manualClock: Date.parse('2026-06-01T12:00:00Z'), pendingMs: 10_000, traceIntervalMs: 1_000 } });

  test('a session goes pending, in progress (with Stop), timed out; the app stops polling and keeps what it pulled', async ({ konnect, ktv, standIn }) => {
    await konnect.open();
    await konnect.signInWith(STANDIN_TOKEN);
    await konnect.controlPlane('default').click();
    await konnect.sessions.getByRole('button', { name: 'New session…' }).click();
    const form = konnect.startForm;
    await form.getByRole('listitem').filter({ hasText: 'gw-canary.internal' }).getByRole('checkbox').check();
    await form.getByRole('radio', { name: 'Every request' }).check();
    await form.getByLabel('Duration', { exact: true }).fill('30');
    await form.getByLabel('Duration unit').selectOption('s');
    await form.getByLabel('Maximum samples per node').fill('100');
    await form.getByRole('button', { name: 'Start session' }).click();
    await expect(konnect.dialog).toBeHidden();
    const live = konnect.panel.getByRole('list', { name: 'Konnect sessions being pulled' });
    await expect(live).toContainText('pending · 0 traces');
    const id = standIn.seed.sessions.at(-1)!.id;
    const pulls = () => standIn.requests.filter((r) => r.path.endsWith(`/debug-sessions/${id}/traces`)).length;

    await konnect.open();
    await konnect.controlPlane('default').click();
    const row = konnect.session(/every request/);
    await expect(row).toContainText('pending');
    await expect(row.getByRole('button', { name: 'Stop' })).toHaveCount(0);
    standIn.clock.advance(10_000 + 12_000);
    await konnect.sessions.getByRole('button', { name: 'Refresh' }).click();
    await expect(row).toContainText('in progress');
    await expect(row.getByRole('button', { name: 'Stop' })).toBeVisible();
    await konnect.dialog.getByRole('button', { name: 'Close Konnect' }).click();
    await expect(live).toContainText('in progress · 12 traces');
    await expect(ktv.selectedSession()).toContainText('12 traces');

    standIn.clock.advance(60_000);
    await expect(ktv.selectedSession()).toContainText('30 traces');
    await expect(live).toBeHidden();
    const afterEnd = pulls();

    await konnect.open();
    await konnect.controlPlane('default').click();
    await expect(row).toContainText('timed out');
    await expect(row).toContainText('pulled, available offline');
    await expect(row.getByRole('button', { name: 'Stop' })).toHaveCount(0);
    await konnect.sessions.getByRole('button', { name: 'Refresh' }).click();
    await expect(row).toContainText('30 traces');
    expect(pulls()).toBe(afterEnd);
    await konnect.dialog.getByRole('button', { name: 'Close Konnect' }).click();
    // what was pulled stays after a reload, and nothing resumes polling the ended session
    await ktv.page.reload();
    await ktv.waitReady();
    await expect(ktv.session('default · every request')).toContainText('30 traces');
    await expect(live).toBeHidden();
    expect(pulls()).toBe(afterEnd);
  });
});

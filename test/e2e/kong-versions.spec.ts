/**
 * Traces from every Kong generation drawn by today's meaning (domain.md section 11): a 3.9 trace's old
 * upstream span names and the OpenTelemetry plugin's one kong.balancer span both give the map's upstream node
 * its real time; their request ids (proxy.kong.request.id, kong.request.id) find them by paste; a 3.13 log
 * phase written as a trace of its own is listed and shown with its request.
 */
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { ROOT } from './launch';
import { ViewsPage } from './pages/views-page';

const KONG = join(ROOT, '../shared/fixtures/kong');

test('a Gateway 3.9 trace: the upstream node holds the real upstream time, and its request id finds it', async ({ ktv }) => {
  const v = new ViewsPage(ktv.page);
  await ktv.openFiles([join(KONG, 'konnect-batches-gateway-3.9.0.0.json')]);
  await expect(ktv.selectedSession()).toContainText('Konnect session 01937749');
  await expect(v.traceTitle).toHaveText('GET /req/headers');
  // the old names are drawn under today's meaning: try_select connects, read_response reads the body (and,
  // on 3.9, holds the wait for the answer)
  await expect(v.map).toContainText(/Upstream\s*213 ms/);
  await expect(v.mapNode(/^body, 213 ms, slowest$/)).toBeVisible();
  await expect(v.mapNode(/^connect \(httpbin\.org\), 22\.0 µs$/)).toBeVisible();

  await ktv.session(/demo gateway/).click();
  await expect(v.traceTitle).not.toHaveText('GET /req/headers');
  await v.traceSearch.fill('bbb7e4374d3509271c0019440b7bd474');
  await expect(ktv.selectedSession()).toContainText('Konnect session 01937749');
  await expect(v.traceTitle).toHaveText('GET /req/headers');
});

test('an OpenTelemetry plugin trace: kong.balancer is the upstream round trip, and kong.request.id finds it', async ({ ktv }) => {
  const v = new ViewsPage(ktv.page);
  await ktv.openFiles([join(KONG, 'otel-plugin-gateway-3.14-from-docs.json')]);
  await expect(ktv.selectedSession()).toContainText('otel-plugin-gateway-3.14-from-docs.json');
  await expect(v.traceTitle).toHaveText('POST /anything 200');
  await expect(v.map).toContainText(/Upstream\s*73\.0 ms/);
  await expect(v.mapNode(/^round trip \(httpbin\.konghq\.com\), 73\.0 ms, slowest$/)).toBeVisible();
  await expect(v.mapNode(/^opentelemetry \(access\), 4\.07 ms$/)).toBeVisible();
  await expect(v.mapNode(/^opentelemetry \(header_filter\)/)).toBeVisible();

  await ktv.session(/demo gateway/).click();
  await expect(v.traceTitle).not.toHaveText('POST /anything 200');
  await v.traceSearch.fill('319d1e4e7862095f704a7d6c60e63260');
  await expect(ktv.selectedSession()).toContainText('otel-plugin-gateway-3.14-from-docs.json');
  await expect(v.traceTitle).toHaveText('POST /anything 200');
});

test('a 3.13 log phase written as a trace of its own is listed as part of its request and shown with it', async ({ ktv }) => {
  const v = new ViewsPage(ktv.page);
  await ktv.openFiles([join(ROOT, 'test/fixtures/kong/log-phase-pair-3.13.json')]);
  await expect(ktv.selectedSession()).toContainText('log-phase-pair-3.13.json');
  // linked by request id, and by span link alone
  const byId = ktv.traceRows().filter({ hasText: 'log phase of POST /orders' });
  await expect(byId).toHaveCount(1);
  await expect(ktv.traceRows().filter({ hasText: 'log phase of POST /payments' })).toHaveCount(1);

  await byId.click();
  await expect(v.traceTitle).toHaveText('POST /orders 200');
  await expect(ktv.span('log phase (separate trace)')).toBeVisible();
  await expect(ktv.span('kong.log.plugin.http-log')).toBeVisible();
  await expect(v.map).toContainText('Log phase');
  await v.mapNode(/^http-log \(log\), 1\.80 ms$/).click();
  await expect(ktv.span('kong.log.plugin.http-log')).toHaveAttribute('aria-selected', 'true');

  // the request id both traces carry opens the request, not its log phase
  await ktv.session(/demo gateway/).click();
  await v.traceSearch.fill('8e1c4a0f6b2d4e7fa0c1d2e3f4a5b6c7');
  await expect(v.traceTitle).toHaveText('POST /orders 200');
});

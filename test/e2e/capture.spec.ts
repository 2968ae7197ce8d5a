/**
 * Live capture as a user does it: start a capture in the sidebar, point a gateway at the address shown
 * (here the OpenTelemetry SDK's own OTLP exporter plays the gateway), watch sampled requests appear in
 * the list and the counters move, reload without losing anything, stop.
 */
import { createProducer } from '../stand-ins/otel-producer';
import { expect, test } from './fixtures';
import { CapturePanel } from './pages/capture-panel';

test('captured requests that match the rule appear in the list as they arrive, and survive a reload', async ({ ktv }) => {
  const capture = new CapturePanel(ktv.page);
  const url = await capture.startCapture({ rule: 'http.response.status_code >= 500', port: '0', duration: '300', maxTraces: '50' });
  await expect(capture.pluginConfig).toContainText(`traces_endpoint: ${url}/v1/traces`);
  await expect(capture.pluginConfig).toContainText(`logs_endpoint: ${url}/v1/logs`);
  await expect(ktv.selectedSession()).toContainText('Live capture');

  const producer = createProducer({ url, encoding: 'protobuf' });
  try {
    for (const status of [503, 200, 500, 200, 502]) producer.request({ 'http.response.status_code': status, 'http.request.method': 'GET' }, { children: 3, logs: true });
    await producer.flush();
    await expect(capture.received).toHaveText('5');
    await expect(capture.sampled).toHaveText('3 / 50');
    await expect(capture.rejected).toHaveText('2');
    await expect(ktv.traceRows()).toHaveCount(3);

    await ktv.page.reload();
    await ktv.waitReady();
    await expect(capture.state).toContainText('listening on');
    producer.request({ 'http.response.status_code': 504 }, { children: 2 });
    await producer.flush();
    await expect(capture.received).toHaveText('6');
    await ktv.session(/Live capture/).click();
    await expect(ktv.traceRows()).toHaveCount(4);

    await capture.stop.click();
    await expect(capture.state).toContainText('Ended: stopped');
    await expect(ktv.selectedSession()).toContainText('4 traces');
    await expect(ktv.selectedSession()).not.toContainText('running');
  } finally {
    await producer.shutdown();
  }
});

test('a sampling rule that does not compile is refused with its column, and nothing listens', async ({ ktv }) => {
  const capture = new CapturePanel(ktv.page);
  await capture.toggle.click();
  await capture.rule.fill('http.method == GET');
  await capture.port.fill('0');
  await capture.start.click();
  await expect(capture.root.getByRole('alert').filter({ hasText: /Sampling rule: column \d+/ })).toBeVisible();
  await expect(capture.state).toHaveCount(0);
});

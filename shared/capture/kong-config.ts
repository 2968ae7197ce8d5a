/**
 * The exact Kong settings that point a self-managed gateway at the receiver (domain.md section 10): the
 * opentelemetry plugin with its traces and logs endpoints (decK YAML and the Admin API call), and the
 * kong.conf lines that turn on detailed tracing for every request.
 */

export interface KongSettings {
  tracesEndpoint: string;
  logsEndpoint: string;
  /** kong.conf lines */
  kongConf: string;
  /** a decK / declarative config fragment */
  deck: string;
  /** the same through the Admin API */
  adminApi: string;
  /** everything above as one text, for the copy button */
  all: string;
}

/** `baseUrl` is where the receiver listens, as the gateway reaches it, e.g. http://127.0.0.1:4318 */
export function kongSettings(baseUrl: string): KongSettings {
  const base = baseUrl.replace(/\/+$/, '');
  const tracesEndpoint = `${base}/v1/traces`;
  const logsEndpoint = `${base}/v1/logs`;
  const kongConf = ['tracing_instrumentations = all', 'tracing_sampling_rate = 1.0'].join('\n');
  const deck = [
    'plugins:',
    '  - name: opentelemetry',
    '    config:',
    `      traces_endpoint: ${tracesEndpoint}`,
    `      logs_endpoint: ${logsEndpoint}`,
  ].join('\n');
  const adminApi = [
    'curl -X POST http://localhost:8001/plugins \\',
    '  --data name=opentelemetry \\',
    `  --data config.traces_endpoint=${tracesEndpoint} \\`,
    `  --data config.logs_endpoint=${logsEndpoint}`,
  ].join('\n');
  const all = [
    '# kong.conf (or KONG_TRACING_INSTRUMENTATIONS=all, KONG_TRACING_SAMPLING_RATE=1.0), then restart Kong',
    kongConf,
    '',
    '# opentelemetry plugin (decK)',
    deck,
    '',
    '# or through the Admin API',
    adminApi,
    '',
  ].join('\n');
  return { tracesEndpoint, logsEndpoint, kongConf, deck, adminApi, all };
}

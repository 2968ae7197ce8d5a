import { describe, expect, it } from 'vitest';
import { makeSpan, makeTrace } from '../model/testing';
import { answeringPlugin, pluginExitOf } from './plugin-exit';

const STATUS = 'proxy.kong.plugin.http.response.status_code';
const MESSAGE = 'proxy.kong.plugin.http.response.status_message';

describe('which plugin answered the request (3.14+)', () => {
  it('reads the status and message a plugin span carries, numbers sent as strings too', () => {
    expect(pluginExitOf(makeSpan({ spanId: 'k', name: 'kong.access.plugin.key-auth', attributes: { [STATUS]: '401', [MESSAGE]: 'No API key found in request' } }))).toEqual({
      status: 401,
      message: 'No API key found in request',
    });
    expect(pluginExitOf(makeSpan({ spanId: 'c', name: 'kong.access.plugin.cors' }))).toBeNull();
  });

  it('names the earliest plugin that ended the request, with its phase', () => {
    const t = makeTrace(
      [
        makeSpan({ spanId: 'r', name: 'kong', duration: 100 }),
        makeSpan({ spanId: 'a', parentSpanId: 'r', name: 'kong.access.plugin.cors', start: 1 }),
        makeSpan({ spanId: 'b', parentSpanId: 'r', name: 'kong.access.plugin.rate-limiting', start: 2, attributes: { [STATUS]: 429, [MESSAGE]: 'API rate limit exceeded' } }),
        makeSpan({ spanId: 'c', parentSpanId: 'r', name: 'kong.header_filter.plugin.response-transformer', start: 50, attributes: { [STATUS]: 500 } }),
      ],
      { traceId: 'ab'.repeat(16) },
    );
    expect(answeringPlugin(t)).toEqual({ spanId: 'b', plugin: 'rate-limiting', phase: 'access', status: 429, message: 'API rate limit exceeded' });
  });

  it('is null when no plugin said it answered (the upstream did, or the gateway is older than 3.14)', () => {
    const t = makeTrace([makeSpan({ spanId: 'r', name: 'kong', attributes: { 'http.response.status_code': 200 } })], { traceId: 'cd'.repeat(16) });
    expect(answeringPlugin(t)).toBeNull();
  });
});

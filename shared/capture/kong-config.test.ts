import { describe, expect, it } from 'vitest';
import { kongSettings } from './kong-config';

describe('Kong settings for the receiver', () => {
  it('names both endpoints and the kong.conf lines that turn on full tracing', () => {
    const s = kongSettings('http://127.0.0.1:4318/');
    expect(s.tracesEndpoint).toBe('http://127.0.0.1:4318/v1/traces');
    expect(s.logsEndpoint).toBe('http://127.0.0.1:4318/v1/logs');
    expect(s.kongConf.split('\n')).toEqual(['tracing_instrumentations = all', 'tracing_sampling_rate = 1.0']);
    expect(s.deck).toContain('- name: opentelemetry');
    expect(s.deck).toContain('traces_endpoint: http://127.0.0.1:4318/v1/traces');
    expect(s.deck).toContain('logs_endpoint: http://127.0.0.1:4318/v1/logs');
    expect(s.adminApi).toContain('--data config.traces_endpoint=http://127.0.0.1:4318/v1/traces');
  });

  it('copies everything in one text', () => {
    const s = kongSettings('http://127.0.0.1:9999');
    for (const part of [s.kongConf, s.deck, s.adminApi]) expect(s.all).toContain(part);
  });
});

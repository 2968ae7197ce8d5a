import { describe, expect, it } from 'vitest';
import { formatRemaining, gatewayUrl, parseForm } from './capture-session';

describe('capture form', () => {
  it('turns the fields into numbers', () => {
    expect(parseForm({ duration: ' 300 ', maxTraces: '200', port: '0' })).toEqual({ ok: true, durationSeconds: 300, maxTraces: 200, port: 0 });
  });

  it.each([
    [{ duration: '0', maxTraces: '1', port: '1' }, 'Duration (seconds): enter a whole number from 1 to 86400'],
    [{ duration: '5', maxTraces: 'lots', port: '1' }, 'Max traces: enter a whole number from 1 to 100000'],
    [{ duration: '5', maxTraces: '1', port: '65536' }, 'Port: enter a whole number from 0 to 65535'],
  ])('names the bad field in %j', (raw, message) => {
    expect(parseForm(raw)).toEqual({ ok: false, message });
  });
});

describe('capture display helpers', () => {
  it('gives the gateway a reachable address when listening on every interface', () => {
    expect(gatewayUrl({ host: '0.0.0.0', port: 4318, url: 'http://0.0.0.0:4318' })).toBe('http://host.docker.internal:4318');
    expect(gatewayUrl({ host: '127.0.0.1', port: 4318, url: 'http://127.0.0.1:4318' })).toBe('http://127.0.0.1:4318');
  });

  it('shows time left as minutes and seconds', () => {
    expect(formatRemaining(299_001)).toBe('5:00');
    expect(formatRemaining(61_000)).toBe('1:01');
    expect(formatRemaining(3_600_000 + 5_000)).toBe('1:00:05');
    expect(formatRemaining(-5)).toBe('0:00');
  });
});

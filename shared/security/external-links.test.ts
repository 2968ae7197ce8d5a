import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from './external-links';

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://docs.konghq.com/gateway/latest/', true],
    ['http://localhost:8001/status', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://host/share', false],
    ['app://ktv/index.html', false],
    ['https://user:pass@evil.example/', false],
    ['not a url', false],
    ['', false],
  ])('%s -> %s', (url, expected) => {
    expect(isSafeExternalUrl(url)).toBe(expected);
  });
});

describe('isSafeExternalUrl edge cases', () => {
  it.each([
    ['HTTPS://Docs.KongHQ.com', true],
    ['https://', false],
    ['https://host\\@evil/', false],
    ['https://exa mple.com/', false],
    ['https://example.com/\n', false],
  ])('%j -> %s', (url, expected) => {
    expect(isSafeExternalUrl(url)).toBe(expected);
  });
});

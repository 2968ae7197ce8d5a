import { describe, expect, it } from 'vitest';
import type { Span } from '../../../shared/model/types';
import { isErrorSpan, spanColor } from './span-style';

const base: Span = {
  spanId: 'a',
  parentSpanId: '',
  name: 'kong',
  kind: 2,
  start: 0,
  duration: 1,
  status: { code: 0 },
  attributes: {},
  events: [],
  resource: 0,
  scope: 0,
};

describe('spanColor', () => {
  it('colours phases and their plugins alike', () => {
    expect(spanColor('kong.phase.access')).toBe('var(--phase-access)');
    expect(spanColor('kong.access.plugin.key-auth')).toBe('var(--phase-access)');
    expect(spanColor('kong.header_filter.plugin.cors')).toBe('var(--phase-header_filter)');
  });

  it('groups client and upstream I/O, and falls back for unknown names', () => {
    expect(spanColor('kong.read_client_http_body')).toBe('var(--phase-client)');
    expect(spanColor('kong.read_headers_from_upstream')).toBe('var(--phase-upstream)');
    expect(spanColor('kong.newphase.plugin.x')).toBe('var(--phase-other)');
    expect(spanColor('SELECT users')).toBe('var(--phase-other)');
  });
});

describe('isErrorSpan', () => {
  it('marks status ERROR and HTTP 5xx on the span, as number or string', () => {
    expect(isErrorSpan({ ...base, status: { code: 2 } })).toBe(true);
    expect(isErrorSpan({ ...base, attributes: { 'http.response.status_code': 503 } })).toBe(true);
    expect(isErrorSpan({ ...base, attributes: { 'http.response.status_code': '502' } })).toBe(true);
  });

  it('does not mark client errors or plain spans', () => {
    expect(isErrorSpan({ ...base, attributes: { 'http.response.status_code': 404 } })).toBe(false);
    expect(isErrorSpan(base)).toBe(false);
  });
});

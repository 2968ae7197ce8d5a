import { describe, expect, it } from 'vitest';
import { spanColor } from './span-style';


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

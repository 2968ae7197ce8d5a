import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { KongSettingsBox } from './KongSettingsBox';

describe('Kong settings box', () => {
  it('shows the plugin endpoints and kong.conf lines for where the receiver listens, with a copy button', () => {
    const html = renderToStaticMarkup(<KongSettingsBox url="http://127.0.0.1:4319" />);
    expect(html).toContain('traces_endpoint: http://127.0.0.1:4319/v1/traces');
    expect(html).toContain('logs_endpoint: http://127.0.0.1:4319/v1/logs');
    expect(html).toContain('tracing_instrumentations = all');
    expect(html).toContain('tracing_sampling_rate = 1.0');
    expect(html).toMatch(/<button[^>]*>Copy settings<\/button>/);
  });
});

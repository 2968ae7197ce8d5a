import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ExpressionEditor } from './ExpressionEditor';

const render = (value: string, extra: Partial<Parameters<typeof ExpressionEditor>[0]> = {}) =>
  renderToStaticMarkup(<ExpressionEditor value={value} onChange={() => {}} aria-label="Filter traces" {...extra} />);

describe('ExpressionEditor (static render)', () => {
  it('is an accessible combobox controlling a listbox', () => {
    const html = render('http.method == "GET"');
    expect(html).toMatch(/<input[^>]*role="combobox"/);
    expect(html).toContain('aria-label="Filter traces"');
    expect(html).toContain('aria-autocomplete="list"');
    expect(html).toContain('aria-expanded="false"');
    expect(html).toMatch(/role="listbox"/);
    expect(html).toContain('aria-invalid="false"');
  });

  it('shows the error with its column, the squiggle and the fix button', () => {
    const html = render('http.method == GET');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('column 16: string values must be quoted: &quot;GET&quot;');
    expect(html).toMatch(/ktv-expr__tok--squiggle">GET</);
    expect(html).toContain('Fix: quote it: &quot;GET&quot;');
  });

  it('renders typed markup as text, never as HTML', () => {
    const html = render('url.full == "<img src=x onerror=alert(1)>"');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('offers the history button only when there is history, and shows a hint when valid', () => {
    expect(render('')).not.toContain('Recent expressions');
    expect(render('', { history: ['http.response.status_code >= 500'] })).toContain('aria-label="Recent expressions"');
    expect(render('http.response.status_code >= 500', { hint: '3 of 10 traces' })).toContain('3 of 10 traces');
  });
});

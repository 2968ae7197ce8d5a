import { describe, expect, it } from 'vitest';
import { contentTypeOf, headerRows, prettyBody } from './pretty';

describe('prettyBody', () => {
  it('pretty-prints JSON bodies', () => {
    expect(prettyBody('{"a":1,"b":[true]}')).toEqual({ text: '{\n  "a": 1,\n  "b": [\n    true\n  ]\n}', json: true });
  });

  it('shows bodies that are not JSON, or broken JSON, exactly as captured', () => {
    expect(prettyBody('<html>hi</html>', 'text/html')).toEqual({ text: '<html>hi</html>', json: false });
    expect(prettyBody('{"a":', 'application/json')).toEqual({ text: '{"a":', json: false });
  });
});

describe('headers', () => {
  it('lists repeated headers one row each, sorted by name, and finds the content type in any case', () => {
    const h = { 'set-cookie': ['a=1', 'b=2'], Accept: '*/*', 'Content-Type': 'application/json' };
    expect(headerRows(h)).toEqual([
      ['Accept', '*/*'],
      ['Content-Type', 'application/json'],
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
    ]);
    expect(contentTypeOf(h)).toBe('application/json');
  });
});

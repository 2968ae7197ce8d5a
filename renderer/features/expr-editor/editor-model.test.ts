import { describe, expect, it } from 'vitest';
import { compile, complete } from '../../../shared/expr';
import type { ExprError } from '../../../shared/expr';
import { applyCompletion, initialActive, rememberExpression, segments, visibleItems } from './editor-model';

const firstError = (src: string): ExprError => {
  const r = compile(src);
  if (r.ok) throw new Error('expected an error');
  return r.errors[0]!;
};

describe('segments', () => {
  it('covers the text exactly, blanks included, with a kind per token', () => {
    const src = '  lower(http.route) ^= "/a"  &&  client.address in 10.0.0.0/8 ';
    const segs = segments(src, null);
    expect(segs.map((s) => s.text).join('')).toBe(src);
    expect(segs.filter((s) => s.kind !== 'plain').map((s) => s.kind)).toEqual([
      'function', 'lparen', 'field', 'rparen', 'operator', 'string', 'logical', 'field', 'operator', 'ip',
    ]);
  });

  it('marks exactly the error range for the squiggle', () => {
    const src = 'http.method == GET && url.full == "x"';
    const segs = segments(src, firstError(src));
    expect(segs.map((s) => s.text).join('')).toBe(src);
    expect(segs.filter((s) => s.error).map((s) => s.text).join('')).toBe('GET');
  });

  it('splits a token the error range cuts through', () => {
    const src = 'url.full == "a\\qb"';
    const segs = segments(src, firstError(src));
    expect(segs.filter((s) => s.error).map((s) => s.text).join('')).toBe('\\q');
    expect(segs.map((s) => s.text).join('')).toBe(src);
  });

  it('shows a marker after the text when the error is at the very end', () => {
    const segs = segments('(url.full == "x"', { column: 17, endColumn: 18, message: 'x' });
    expect(segs[segs.length - 1]).toEqual({ text: ' ', kind: 'plain', error: true });
  });

  it('keeps markup-looking text as text', () => {
    const src = 'url.full == "<img src=x onerror=alert(1)>"';
    expect(segments(src, null).map((s) => s.text).join('')).toBe(src);
  });
});

describe('completion steps', () => {
  it('builds a condition field → operator → value by repeated choices', () => {
    let text = 'http.res';
    let caret = text.length;
    for (const pick of ['http.response.status_code', '>=', '503']) {
      const c = complete(text, caret, { 'http.response.status_code': [503, 200] })!;
      const item = visibleItems(text, c).find((i) => i.label === pick)!;
      ({ text, caret } = applyCompletion(text, c, item));
    }
    expect(text).toBe('http.response.status_code >= 503');
    expect(compile(text).ok).toBe(true);
  });

  it('replaces the word under the caret, keeping what follows', () => {
    const src = 'http.me == "GET"';
    const c = complete(src, 7)!;
    const item = c.items.find((i) => i.label === 'http.method')!;
    expect(applyCompletion(src, c, item)).toEqual({ text: 'http.method == "GET"', caret: 12 });
  });

  it('hides a suggestion identical to what is typed, and does not preselect && / ||', () => {
    const src = 'http.method == "GET"';
    expect(visibleItems(src, complete(src, src.length, { 'http.method': ['GET'] }))).toEqual([]);
    const after = complete('http.method == "GET" ', 21)!;
    expect(initialActive(visibleItems('http.method == "GET" ', after))).toBe(-1);
    expect(initialActive(visibleItems('', complete('', 0)))).toBe(0);
  });
});

describe('rememberExpression', () => {
  it('keeps valid expressions newest first, without duplicates, up to the limit', () => {
    expect(rememberExpression(['b', 'a'], ' a ', true)).toEqual(['a', 'b']);
    expect(rememberExpression(['a'], 'x ==', false)).toEqual(['a']);
    expect(rememberExpression(['a'], '   ', true)).toEqual(['a']);
    expect(rememberExpression(['c', 'b', 'a'], 'd', true, 3)).toEqual(['d', 'c', 'b']);
  });
});

import { describe, expect, it } from 'vitest';
import { complete } from './complete';

const labels = (src: string, caret = src.length, seen = {}) => complete(src, caret, seen)?.items.map((i) => i.label) ?? [];

describe('complete', () => {
  it('offers fields at the start, after ( and after && / ||, filtered by what is typed', () => {
    expect(labels('')).toContain('http.response.status_code');
    expect(labels('http.res')).toEqual(expect.arrayContaining(['http.response.status_code']));
    expect(labels('http.res')).not.toContain('url.full');
    expect(labels('url.full == "x" && cli').slice(0, 2).sort()).toEqual(['client.address', 'client.port']);
    expect(labels('url.full == "x" && cli')).toContain('proxy.kong.latency.client');
    expect(labels('(net.s').sort()).toEqual(['net.src.ip', 'net.src.port']);
    expect(labels('lo')[0]).toBe('lower(…)');
  });

  it('describes fields with their type and meaning, and replaces the word being typed', () => {
    const c = complete('url.full == "x" || http.me', 26)!;
    expect(c.from).toBe(19);
    expect(c.to).toBe(26);
    expect(c.items[0]).toMatchObject({ label: 'http.method', detail: 'string', insert: 'http.method ' });
    expect(c.items[0]!.description).toContain('HTTP method');
  });

  it('offers the operators that fit the field type', () => {
    expect(labels('http.response.status_code ')).toEqual(['==', '!=', '>', '>=', '<', '<=']);
    expect(labels('url.full ')).toEqual(['==', '!=', '~', '^=', '=^', 'contains']);
    expect(labels('client.address ')).toEqual(['in', 'not in', '==', '!=']);
    expect(labels('lower(http.route) ')).toContain('contains');
    expect(labels('http.route c')).toEqual(['contains']);
  });

  it('offers values seen in the session for the field, quoted as the type needs', () => {
    const seen = { 'http.request.method': ['GET', 'POST'], 'http.response.status_code': [200, '503'], 'client.address': ['10.0.0.1'] };
    expect(labels('http.method == ', undefined, seen)).toEqual(['"GET"', '"POST"']);
    expect(labels('http.method == "P', undefined, seen)).toEqual(['"POST"']);
    expect(labels('http.response.status_code >= ', undefined, seen)).toEqual(['200', '503']);
    expect(labels('client.address not in ', undefined, seen)).toEqual(['10.0.0.1']);
    expect(labels('url.full == ', undefined, seen)).toEqual([]);
  });

  it('offers && and || after a complete condition', () => {
    expect(labels('http.response.status_code >= 500 ')).toEqual(['&&', '||']);
  });

  it('offers nothing where nothing fits', () => {
    expect(complete('!', 1)).toBeNull();
    expect(complete('url.full == "x"', 14)).toBeNull();
    expect(complete('url.full == "x" )', 17)).toBeNull();
  });
});

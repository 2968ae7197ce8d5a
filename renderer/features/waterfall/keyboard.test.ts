import { describe, expect, it } from 'vitest';
import { buildSpanTree, visibleRows } from '../../../shared/model/tree';
import type { Span } from '../../../shared/model/types';
import { treeKeyAction, type TreeKeyContext } from './keyboard';

const span = (spanId: string, parentSpanId: string, start: number): Span => ({
  spanId,
  parentSpanId,
  name: spanId,
  kind: 1,
  start,
  duration: 1,
  status: { code: 0 },
  attributes: {},
  events: [],
  resource: 0,
  scope: 0,
});

// r > (a > a1), b
const tree = buildSpanTree([span('r', '', 0), span('a', 'r', 1), span('a1', 'a', 2), span('b', 'r', 3)]);
const at = (id: string): number => tree.indexOf.get(id)!;

function ctx(cursor: string | null, collapsed: string[] = []): TreeKeyContext {
  const set = new Set(collapsed);
  const rows = visibleRows(tree, set);
  return { tree, rows, pos: cursor ? rows.indexOf(at(cursor)) : -1, collapsed: set, page: 2 };
}
const cursorAfter = (key: string, c: TreeKeyContext): string | null => {
  const a = treeKeyAction(key, c);
  return a?.type === 'move' ? tree.spans[c.rows[a.pos]!]!.spanId : null;
};

describe('treeKeyAction', () => {
  it('moves up and down, page-wise and to the ends, without leaving the list', () => {
    expect(cursorAfter('ArrowDown', ctx('a'))).toBe('a1');
    expect(cursorAfter('ArrowUp', ctx('r'))).toBe('r');
    expect(cursorAfter('End', ctx('r'))).toBe('b');
    expect(cursorAfter('Home', ctx('b'))).toBe('r');
    expect(cursorAfter('PageDown', ctx('a1'))).toBe('b');
  });

  it('starts at the first row when nothing has the cursor', () => {
    expect(cursorAfter('ArrowDown', ctx(null))).toBe('r');
  });

  it('collapses an open parent on Left, then goes to its parent', () => {
    expect(treeKeyAction('ArrowLeft', ctx('a'))).toEqual({ type: 'collapse', span: at('a') });
    expect(cursorAfter('ArrowLeft', ctx('a', ['a']))).toBe('r');
    expect(cursorAfter('ArrowLeft', ctx('a1'))).toBe('a');
  });

  it('expands a closed parent on Right, then goes to its first child', () => {
    expect(treeKeyAction('ArrowRight', ctx('a', ['a']))).toEqual({ type: 'expand', span: at('a') });
    expect(cursorAfter('ArrowRight', ctx('a'))).toBe('a1');
    expect(treeKeyAction('ArrowRight', ctx('b'))).toBeNull();
  });

  it('selects on Enter and escapes on Escape', () => {
    expect(treeKeyAction('Enter', ctx('a'))).toEqual({ type: 'select' });
    expect(treeKeyAction('Escape', ctx(null))).toEqual({ type: 'escape' });
  });
});

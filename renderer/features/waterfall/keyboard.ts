/**
 * The tree's keyboard model (WAI-ARIA tree pattern) as a pure function: given the key and where the
 * cursor is among the visible rows, what should happen. The component applies the result.
 */
import type { SpanTree } from '../../../shared/model/tree';

export type TreeAction =
  | { type: 'move'; pos: number }
  | { type: 'collapse'; span: number }
  | { type: 'expand'; span: number }
  | { type: 'select' }
  | { type: 'escape' };

export interface TreeKeyContext {
  tree: SpanTree;
  /** visible rows (span indices) */
  rows: Int32Array;
  /** the cursor's position in rows, -1 when none */
  pos: number;
  collapsed: ReadonlySet<string>;
  /** rows per page, for PageUp/PageDown */
  page: number;
}

export function treeKeyAction(key: string, ctx: TreeKeyContext): TreeAction | null {
  const { tree, rows, pos, collapsed } = ctx;
  const last = rows.length - 1;
  if (last < 0) return key === 'Escape' ? { type: 'escape' } : null;
  const clampPos = (p: number): TreeAction => ({ type: 'move', pos: Math.min(last, Math.max(0, p)) });
  if (pos < 0) {
    if (key === 'Escape') return { type: 'escape' };
    if (key === 'End') return clampPos(last);
    return ['ArrowDown', 'ArrowUp', 'Home', 'PageDown', 'PageUp'].includes(key) ? clampPos(0) : null;
  }
  const span = rows[pos]!;
  const hasChildren = tree.children[span]!.length > 0;
  const isCollapsed = collapsed.has(tree.spans[span]!.spanId);
  switch (key) {
    case 'ArrowDown':
      return clampPos(pos + 1);
    case 'ArrowUp':
      return clampPos(pos - 1);
    case 'PageDown':
      return clampPos(pos + ctx.page);
    case 'PageUp':
      return clampPos(pos - ctx.page);
    case 'Home':
      return clampPos(0);
    case 'End':
      return clampPos(last);
    case 'ArrowRight':
      if (!hasChildren) return null;
      if (isCollapsed) return { type: 'expand', span };
      // the first child is the next row unless search hid it
      return pos < last && tree.parent[rows[pos + 1]!] === span ? clampPos(pos + 1) : null;
    case 'ArrowLeft': {
      if (hasChildren && !isCollapsed) return { type: 'collapse', span };
      const parent = tree.parent[span]!;
      if (parent < 0) return null;
      for (let p = pos - 1; p >= 0; p--) if (rows[p] === parent) return clampPos(p);
      return null;
    }
    case 'Enter':
    case ' ':
      return { type: 'select' };
    case 'Escape':
      return { type: 'escape' };
    default:
      return null;
  }
}

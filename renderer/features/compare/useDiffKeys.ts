/**
 * `n` / `p` anywhere in the compare view but a text field: the next / previous row that differs, in the
 * order shown (the aligned waterfall's rows, or a trace's spans against its group). Returns what to say
 * when there is none that way ("No difference below."), or ''.
 */
import { useEffect, useState } from 'react';
import type { AlignedRow } from '../../../shared/compare/align';
import { isDiff, stepDiff } from './compare-model';

export function useDiffKeys(rows: readonly Pick<AlignedRow, 'change'>[], shown: readonly number[], selected: number | null, onSelect: (row: number) => void): string {
  const [notice, setNotice] = useState('');
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || (e.key !== 'n' && e.key !== 'p')) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return;
      e.preventDefault();
      const next = stepDiff(rows, shown, selected, e.key === 'n' ? 1 : -1);
      if (next !== null) {
        setNotice('');
        onSelect(next);
      } else if (!rows.some(isDiff)) setNotice('No differences.');
      else setNotice(e.key === 'n' ? 'No difference below.' : 'No difference above.');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rows, shown, selected, onSelect]);
  return notice;
}

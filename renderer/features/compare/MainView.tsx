/** The main area: the compare view while a comparison is open, else the selected trace. */
import type { ReactNode } from 'react';
import { useStore } from '../../store';
import { CompareView } from './CompareView';

export function MainView({ children }: { children: ReactNode }) {
  const open = useStore((s) => s.compareOpen);
  const a = useStore((s) => s.compareA);
  const b = useStore((s) => s.compareB);
  if (open && a && b) return <CompareView a={a} b={b} />;
  return <>{children}</>;
}

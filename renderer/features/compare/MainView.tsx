/** The main area: the compare view while a comparison (of two traces, or of one with its group) is open, else the selected trace. */
import type { ReactNode } from 'react';
import { useStore } from '../../store';
import { CompareView } from './CompareView';
import { GroupView } from './GroupView';

export function MainView({ children }: { children: ReactNode }) {
  const open = useStore((s) => s.compareOpen);
  const a = useStore((s) => s.compareA);
  const b = useStore((s) => s.compareB);
  const group = useStore((s) => s.compareGroup);
  if (group) return <GroupView subject={group} />;
  if (open && a && b) return <CompareView a={a} b={b} />;
  return <>{children}</>;
}

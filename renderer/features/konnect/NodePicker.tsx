/** Data-plane nodes to trace: version and last ping shown, untraceable ones greyed with why. */
import type { DataPlaneNode } from '../../../shared/konnect/types';

interface Props {
  nodes: DataPlaneNode[];
  selected: string[];
  onChange(ids: string[]): void;
  now: number;
}

function ago(iso: string | null, now: number): string {
  if (!iso) return 'never seen';
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 90) return `${s} s ago`;
  if (s < 5400) return `${Math.round(s / 60)} min ago`;
  if (s < 172800) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86400)} days ago`;
}

export function NodePicker({ nodes, selected, onChange, now }: Props) {
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((x) => x !== id));
  if (!nodes.length) return <p className="konnect-muted">No data-plane nodes are connected to this control plane.</p>;
  return (
    <ul className="konnect-nodes" aria-label="Data-plane nodes">
      {nodes.map((n) => (
        <li key={n.id} className={n.tracingSupported ? '' : 'unsupported'}>
          <label>
            <input type="checkbox" disabled={!n.tracingSupported} checked={selected.includes(n.id)} onChange={(e) => toggle(n.id, e.target.checked)} />
            <span className="konnect-item-name">{n.hostname}</span>
            <span className="konnect-item-meta">
              {n.version} · last ping {ago(n.lastPing, now)}
            </span>
          </label>
          {n.reason && <span className="konnect-item-why">{n.reason}</span>}
        </li>
      ))}
    </ul>
  );
}

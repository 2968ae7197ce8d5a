/** Control planes of an account: name search, page by page, the ones the debugger cannot use greyed with why. */
import { useEffect, useState } from 'react';
import type { BridgeError } from '../../../shared/bridge/result';
import { clusterTypeLabel } from '../../../shared/konnect/cluster';
import type { ControlPlane } from '../../../shared/konnect/types';
import { bridge } from '../../bridge';
import { useLoad } from './useKonnect';

const PAGE_SIZE = 10;

interface Props {
  accountId: string;
  selectedId: string | null;
  onSelect(cp: ControlPlane): void;
  onFailure(error: BridgeError | null): void;
}

export function ControlPlaneList({ accountId, selectedId, onSelect, onFailure }: Props) {
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  useEffect(() => {
    const next = search.trim();
    // only a changed search goes back to page 1 (a paging click right after mount must stick)
    if (next === query) return;
    const timer = setTimeout(() => {
      setQuery(next);
      setPage(1);
    }, 250);
    return () => clearTimeout(timer);
  }, [search, query]);
  const loaded = useLoad(`${accountId}|${query}|${page}`, () =>
    bridge.invoke('konnect.controlPlanes', { accountId, pageNumber: page, pageSize: PAGE_SIZE, opId: `cps:${accountId}`, ...(query ? { search: query } : {}) }),
  );
  useEffect(() => onFailure(loaded.error), [loaded.error, onFailure]);
  const total = loaded.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <section className="konnect-cps" aria-label="Control planes">
      <h3>Control planes</h3>
      <input type="search" placeholder="Search by name" value={search} onChange={(e) => setSearch(e.target.value)} aria-label="Search control planes" />
      {loaded.loading && !loaded.data && <p className="konnect-muted">Loading…</p>}
      <ul className="konnect-list">
        {loaded.data?.items.map((cp) => (
          <li key={cp.id}>
            <button
              type="button"
              className={`konnect-item${cp.id === selectedId ? ' selected' : ''}${cp.debuggerSupported ? '' : ' unsupported'}`}
              aria-pressed={cp.id === selectedId}
              onClick={() => onSelect(cp)}
              title={cp.unsupportedReason ?? cp.description}
            >
              <span className="konnect-item-name">{cp.name}</span>
              <span className="konnect-item-meta">
                {clusterTypeLabel(cp.clusterType)}
                {cp.cloudGateway ? ' · dedicated cloud' : ''}
              </span>
              {!cp.debuggerSupported && <span className="konnect-item-why">{cp.unsupportedReason}</span>}
            </button>
          </li>
        ))}
      </ul>
      {loaded.data && loaded.data.items.length === 0 && <p className="konnect-muted">No control planes{query ? ` matching “${query}”` : ''}.</p>}
      <div className="konnect-pager">
        <button type="button" disabled={page <= 1 || loaded.loading} onClick={() => setPage(page - 1)}>
          Previous
        </button>
        <span>
          Page {page} of {pages} · {total} control plane{total === 1 ? '' : 's'}
        </span>
        <button type="button" disabled={page >= pages || loaded.loading} onClick={() => setPage(page + 1)}>
          Next
        </button>
      </div>
    </section>
  );
}

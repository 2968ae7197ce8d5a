/**
 * "Open…": the native dialog on the desktop, a file input in browser mode; plus the recent-files list
 * (files the host opened by path). Ctrl/Cmd+O opens it from anywhere.
 */
import { useEffect, useRef, useState } from 'react';
import type { RecentFile } from '../../../shared/bridge/app';
import { TRACE_FILE_ACCEPT } from '../../../shared/ids';
import { bridge, call } from '../../bridge';
import { useStore } from '../../store';
import { usePopover } from '../shell/usePopover';
import { importBrowserFiles, importFileRefs } from './importer';

/** The desktop app's native open dialog; the files chosen are imported. */
export function openWithDialog(): void {
  void call('files.showOpenDialog').then((refs) => importFileRefs(refs));
}

/** Opens the file picker from anywhere (the Konnect dialog's "open an exported session instead"): the header's. */
export function openFilePicker(): void {
  if (bridge.mode === 'electron') openWithDialog();
  else document.querySelector<HTMLInputElement>('input[data-testid="open-file-input"]')?.click();
}

export function useOpenFile(): () => void {
  const input = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    const el = document.createElement('input');
    el.type = 'file';
    el.multiple = true;
    el.accept = TRACE_FILE_ACCEPT;
    el.setAttribute('data-testid', 'open-file-input');
    el.style.display = 'none';
    el.addEventListener('change', () => {
      if (el.files?.length) void importBrowserFiles([...el.files]);
      el.value = '';
    });
    document.body.appendChild(el);
    input.current = el;
    return () => el.remove();
  }, []);
  return () => {
    if (bridge.mode === 'electron') openWithDialog();
    else input.current?.click();
  };
}

export function OpenButton() {
  const open = useOpenFile();
  const [recent, setRecent] = useState<RecentFile[] | null>(null);
  const pop = usePopover('menu');
  const { open: recentOpen, focusFirst } = pop;
  const updateImport = useStore((s) => s.updateImport);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'o') {
        e.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  useEffect(() => {
    if (!recentOpen) return setRecent(null);
    let live = true;
    void bridge.invoke('files.recent').then((res) => live && setRecent(res.ok ? res.value : []));
    return () => {
      live = false;
    };
  }, [recentOpen]);
  // the list arrives after the menu opens: focus its first item then
  useEffect(() => {
    if (recent) focusFirst();
  }, [recent, focusFirst]);

  const openRecent = async (path: string) => {
    pop.close();
    const res = await bridge.invoke('files.openRecent', { path });
    if (res.ok) void importFileRefs([res.value]);
    else updateImport(`recent-${Date.now()}`, { fileName: path, state: 'failed', message: res.error.message });
  };

  return (
    <div className="open-group">
      <button className="primary" onClick={open} title="Open trace files (Ctrl+O)">
        Open…
      </button>
      <button type="button" aria-haspopup="menu" {...pop.buttonProps}>
        Recent
      </button>
      {pop.open && (
        <ul className="menu" role="menu" aria-label="Recent files" tabIndex={-1} {...pop.popoverProps}>
          {recent === null && <li className="muted">Loading…</li>}
          {recent?.length === 0 && <li className="muted">No recent files</li>}
          {recent?.map((r) => (
            <li key={r.path} role="none">
              <button role="menuitem" title={r.path} onClick={() => void openRecent(r.path)}>
                {r.name} <span className="muted">{r.path}</span>
              </button>
            </li>
          ))}
          {!!recent?.length && (
            <li role="none">
              <button role="menuitem" onClick={() => void bridge.invoke('files.clearRecent').then(() => pop.close())}>
                Clear list
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

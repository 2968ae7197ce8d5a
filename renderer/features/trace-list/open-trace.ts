/**
 * Opening a trace from an id the user pasted (an X-Kong-Request-Id, a trace id, a traceparent), in
 * whichever session holds it, from the trace list's search or from anywhere in the window that is not a
 * text field. The list says what happened: which trace opened, and in which session when it switched.
 * A filter that would hide the trace is cleared, so the trace opened is the trace shown.
 */
import { useEffect } from 'react';
import { findTrace, getSession } from '../../db/repo';
import { useStore } from '../../store';
import { sessionTitle } from '../sessions/session-label';
import { parseJumpId } from './trace-list-model';

/** Opens the trace `text` names; returns false when the text names no id (nothing done). */
export async function openTraceByText(text: string): Promise<boolean> {
  const id = parseJumpId(text);
  if (!id) return false;
  const found = await findTrace(id);
  const st = useStore.getState();
  if (!found) {
    st.setTraceNotice(`No trace with id ${id} in any session.`);
    return true;
  }
  const from = st.sessionId;
  const session = await getSession(found.sessionId);
  const name = session ? sessionTitle(session, st.timeZone) : found.sessionId;
  const cleared: string[] = [];
  if (st.traceFilterText.trim() && !parseJumpId(st.traceFilterText)) cleared.push('the text filter');
  if (st.traceExprBySession[found.sessionId]?.trim()) cleared.push('the expression filter');
  if (from !== found.sessionId) st.selectSession(found.sessionId);
  st.setTraceFilterText('');
  st.setTraceExpr(found.sessionId, '');
  useStore.getState().selectTrace(found.traceId);
  const what = found.requestId === id ? `request ${id}` : `trace ${found.traceId}`;
  const where = from !== found.sessionId ? ` in session “${name}” (switched session)` : '';
  const filters = cleared.length ? `; cleared ${cleared.join(' and ')} to show it` : '';
  useStore.getState().setTraceNotice(`Opened ${what}${where}${filters}.`);
  return true;
}

const isTextField = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement && (t.isContentEditable || t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement);

/** Pasting an id anywhere but in a text field opens that trace. */
export function usePasteToOpen(): void {
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (isTextField(e.target) || isTextField(document.activeElement)) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (!parseJumpId(text)) return;
      e.preventDefault();
      void openTraceByText(text);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);
}

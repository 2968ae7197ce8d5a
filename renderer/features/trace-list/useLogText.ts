/**
 * The text of a session's log lines per trace, for the trace list's search ("Connection refused"). Read
 * lazily, the first time the search has text in a session, and bounded: at most MAX_CHARS of log text are
 * kept (the list says when a session holds more, so no match is missed silently). Read again when the
 * session's log count changes.
 */
import { useEffect, useState } from 'react';
import { readLogTexts } from '../../db/repo';

const MAX_CHARS = 32 << 20;

export interface LogText {
  key: string;
  byTrace: Map<string, string>;
  /** the session held more log text than is kept: some traces' lines are not searched */
  truncated: boolean;
}

let cached: LogText | null = null;

export function useLogText(sessionId: string | null, logCount: number | undefined, active: boolean): LogText | null {
  const key = `${sessionId}|${logCount}`;
  const [text, setText] = useState<LogText | null>(cached?.key === key ? cached : null);
  useEffect(() => {
    if (!active || !sessionId || !logCount) return;
    if (cached?.key === key) {
      setText(cached);
      return;
    }
    let live = true;
    void readLogTexts(sessionId, MAX_CHARS).then((r) => {
      cached = { key, ...r };
      if (live) setText(cached);
    });
    return () => {
      live = false;
    };
  }, [active, sessionId, logCount, key]);
  return text?.key === key ? text : null;
}

/** Starting a capture: the sampling rule, duration, trace limit, port, and the opt-in to listen beyond loopback. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CaptureStartArgs } from '../../../shared/bridge/capture';
import { compile, formatError } from '../../../shared/expr';
import { ExpressionEditor } from '../expr-editor/ExpressionEditor';
import { DEFAULT_FORM, parseForm } from './capture-session';
import { RuleDraftNote, useNewRuleDraft } from '../rule-draft/RuleDraftNote';

export function CaptureForm({ busy, onStart }: { busy: boolean; onStart: (args: CaptureStartArgs) => void }) {
  // "capture more like this" from session insights: its rule fills the editor, now or when it comes
  const [where, setWhere] = useState(DEFAULT_FORM.where);
  const draft = useNewRuleDraft('capture', (d) => setWhere(d.rule));
  const ruleBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!draft) return;
    ruleBox.current?.scrollIntoView({ block: 'nearest' });
    ruleBox.current?.querySelector<HTMLElement>('[aria-label="Sampling rule"]')?.focus();
  }, [draft]);
  const [duration, setDuration] = useState(String(DEFAULT_FORM.durationSeconds));
  const [maxTraces, setMaxTraces] = useState(String(DEFAULT_FORM.maxTraces));
  const [port, setPort] = useState(String(DEFAULT_FORM.port));
  const [allowRemote, setAllowRemote] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const parsed = parseForm({ duration, maxTraces, port });
    if (!parsed.ok) return setProblem(parsed.message);
    if (where.trim()) {
      const rule = compile(where.trim());
      if (!rule.ok) return setProblem(`Sampling rule: ${rule.errors.map(formatError).join('; ')}`);
    }
    setProblem(null);
    const args: CaptureStartArgs = { where: where.trim(), durationSeconds: parsed.durationSeconds, maxTraces: parsed.maxTraces, port: parsed.port };
    if (allowRemote) Object.assign(args, { host: '0.0.0.0', allowRemote: true });
    onStart(args);
  };

  return (
    <form className="capture-form" onSubmit={submit} aria-label="Start a live capture">
      <div className="capture-rule" ref={ruleBox}>
        <RuleDraftNote target="capture" onDiscard={() => setWhere((w) => (draft && w === draft.rule ? DEFAULT_FORM.where : w))} />
        <span className="muted">Sampling rule, on each request's root span</span>
        <ExpressionEditor
          value={where}
          onChange={setWhere}
          placeholder="http.response.status_code >= 500"
          aria-label="Sampling rule"
          hint={where.trim() === '' ? 'Empty: every request is captured' : undefined}
        />
      </div>
      <div className="capture-row">
        <label>
          <span>Duration (s)</span>
          <input inputMode="numeric" value={duration} onChange={(e) => setDuration(e.target.value)} aria-label="Duration in seconds" />
        </label>
        <label>
          <span>Max traces</span>
          <input inputMode="numeric" value={maxTraces} onChange={(e) => setMaxTraces(e.target.value)} aria-label="Max traces" />
        </label>
        <label>
          <span>Port</span>
          <input inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} aria-label="Port" />
        </label>
      </div>
      <label className="capture-remote">
        <input type="checkbox" checked={allowRemote} onChange={(e) => setAllowRemote(e.target.checked)} />
        <span>Listen on all interfaces (for a gateway in Docker or on another machine)</span>
      </label>
      {allowRemote && (
        <p className="capture-warning" role="alert">
          Any machine that can reach this computer on port {port} will be able to send traces into this app. Leave this off unless the
          gateway cannot reach 127.0.0.1.
        </p>
      )}
      {problem && (
        <p className="capture-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Starting…' : 'Start capture'}
      </button>
    </form>
  );
}

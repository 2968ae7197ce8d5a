/**
 * Start a debugger session: target nodes, every request or a basic rule (route or service from the control
 * plane's core entities) or an advanced rule in the expression language, duration, maximum samples per
 * node and what to capture. Checked here before sending; Konnect's own 400s land next to the same fields.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { SESSION_MAX_SAMPLES, type ControlPlane, type DebugSession, type EntityRef } from '../../../shared/konnect/types';
import { bridge } from '../../bridge';
import { ExpressionEditor } from '../expr-editor/ExpressionEditor';
import { describeFailure } from './failure';
import { NodePicker } from './NodePicker';
import { defaultForm, formProblems, toSpec, type CaptureChoice, type SessionForm } from './session-form';
import { useLoad, useTicker } from './useKonnect';
import { useStore } from '../../store';
import { RuleDraftNote, useRuleDraft } from '../rule-draft/RuleDraftNote';

interface Props {
  accountId: string;
  controlPlane: ControlPlane;
  onStarted(session: DebugSession): void;
  onCancel(): void;
}

const RULE_KINDS: Record<SessionForm['ruleKind'], string> = { all: 'Every request', route: 'Route', service: 'Service', expression: 'Advanced (expression)' };

/** Kong's draft counts max_samples per data-plane node: say what that means for the nodes picked. */
function perNodeNote(form: SessionForm): string {
  const n = form.nodeIds.length;
  const each = Number(form.maxSamples);
  if (n < 2 || !Number.isInteger(each) || each < 1) return 'Each node sends up to this many samples.';
  return `Each node sends up to this many samples: up to ${each * n} in all from the ${n} nodes picked.`;
}

function FieldError({ id, text }: { id: string; text?: string }) {
  if (!text) return null;
  return (
    <em className="konnect-field-error" id={id} role="alert">
      {text}
    </em>
  );
}

function EntitySelect({ label, items, value, onChange, loading }: { label: string; items: EntityRef[] | undefined; value: string; onChange(id: string): void; loading: boolean }) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} disabled={loading && !items}>
      <option value="">{loading && !items ? 'Loading…' : `Pick a ${label.toLowerCase()}`}</option>
      {items?.map((e) => (
        <option key={e.id} value={e.id}>
          {e.name} {e.detail ? `(${e.detail})` : ''}
        </option>
      ))}
    </select>
  );
}

export function StartSessionForm({ accountId, controlPlane, onStarted, onCancel }: Props) {
  const cpId = controlPlane.id;
  const draft = useRuleDraft('konnect');
  const clearDraft = useStore((s) => s.clearRuleDraft);
  const [form, setForm] = useState<SessionForm>(() => (draft ? { ...defaultForm(), ruleKind: 'expression', expression: draft.rule } : defaultForm()));
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const nodes = useLoad(`${accountId}|${cpId}|nodes`, () => bridge.invoke('konnect.nodes', { accountId, controlPlaneId: cpId, opId: `nodes:${cpId}` }));
  const routes = useLoad(form.ruleKind === 'route' ? `${accountId}|${cpId}|routes` : null, () => bridge.invoke('konnect.entities', { accountId, controlPlaneId: cpId, kind: 'routes' }));
  const services = useLoad(form.ruleKind === 'service' ? `${accountId}|${cpId}|services` : null, () => bridge.invoke('konnect.entities', { accountId, controlPlaneId: cpId, kind: 'services' }));
  const now = useTicker(true, 30_000);
  const problems = useMemo(() => formProblems(form, nodes.data ?? []), [form, nodes.data]);
  const shown = { ...(touched ? problems : {}), ...serverError?.fields };
  const set = <K extends keyof SessionForm>(key: K, value: SessionForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setServerError(null);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (Object.keys(problems).length) return;
    setBusy(true);
    const spec = toSpec(form);
    const label = form.ruleKind === 'route' ? routes.data?.find((r) => r.id === form.routeId)?.name : form.ruleKind === 'service' ? services.data?.find((s) => s.id === form.serviceId)?.name : undefined;
    if (label && (spec.rule.kind === 'route' || spec.rule.kind === 'service')) spec.rule = { ...spec.rule, label };
    const res = await bridge.invoke('konnect.startSession', { accountId, controlPlaneId: cpId, spec });
    setBusy(false);
    if (res.ok) {
      if (spec.rule.kind === 'expression' && draft && spec.rule.expression === draft.rule.trim()) clearDraft();
      onStarted(res.value);
    }
    else {
      const view = describeFailure(res.error);
      setServerError({ message: view.message, fields: view.fields });
    }
  }

  return (
    <form className="konnect-start" onSubmit={(e) => void submit(e)} aria-label="Start a debugger session" noValidate>
      <fieldset>
        <legend>Nodes to trace</legend>
        {nodes.error ? <p className="konnect-error">{nodes.error.message}</p> : nodes.data ? <NodePicker nodes={nodes.data} selected={form.nodeIds} onChange={(ids) => set('nodeIds', ids)} now={now} /> : <p className="konnect-muted">Loading nodes…</p>}
        <FieldError id="konnect-err-nodes" text={shown.nodeIds} />
      </fieldset>

      <fieldset>
        <legend>Sampling rule</legend>
        <RuleDraftNote target="konnect" onDiscard={() => setForm((f) => (draft && f.expression === draft.rule ? { ...f, ruleKind: defaultForm().ruleKind, expression: '' } : f))} />
        <div className="konnect-row" role="radiogroup" aria-label="Rule kind">
          {(['all', 'route', 'service', 'expression'] as const).map((kind) => (
            <label key={kind} className="konnect-check">
              <input type="radio" name="rule-kind" checked={form.ruleKind === kind} onChange={() => set('ruleKind', kind)} />
              {RULE_KINDS[kind]}
            </label>
          ))}
        </div>
        {form.ruleKind === 'route' && <EntitySelect label="Route" items={routes.data} value={form.routeId} onChange={(id) => set('routeId', id)} loading={routes.loading} />}
        {form.ruleKind === 'service' && <EntitySelect label="Service" items={services.data} value={form.serviceId} onChange={(id) => set('serviceId', id)} loading={services.loading} />}
        {form.ruleKind === 'expression' && (
          <ExpressionEditor
            aria-label="Sampling expression"
            value={form.expression}
            onChange={(v) => set('expression', v)}
            placeholder='http.response.status_code >= 500 && http.request.method == "GET"'
            hint={form.expression.trim() === '' ? 'Empty: every request is captured' : undefined}
          />
        )}
        {(routes.error || services.error) && <p className="konnect-error">{(routes.error ?? services.error)!.message}</p>}
        <FieldError id="konnect-err-rule" text={shown.rule} />
      </fieldset>

      <fieldset>
        <legend>Limits and capture</legend>
        <div className="konnect-row">
          <label>
            <span>Duration</span>
            <span className="konnect-inline">
              <input type="number" min={1} value={form.duration} onChange={(e) => set('duration', e.target.value)} aria-label="Duration" aria-invalid={!!shown.durationS} aria-describedby="konnect-err-duration" />
              <select aria-label="Duration unit" value={form.durationUnit} onChange={(e) => set('durationUnit', e.target.value as 's' | 'min')}>
                <option value="s">seconds</option>
                <option value="min">minutes</option>
              </select>
            </span>
          </label>
          <label>
            <span>Maximum samples per node</span>
            <input type="number" min={SESSION_MAX_SAMPLES.min} max={SESSION_MAX_SAMPLES.max} value={form.maxSamples} onChange={(e) => set('maxSamples', e.target.value)} aria-label="Maximum samples per node" aria-invalid={!!shown.maxSamples} aria-describedby="konnect-err-max" />
          </label>
          <label>
            <span>Name (optional)</span>
            <input type="text" maxLength={200} value={form.name} onChange={(e) => set('name', e.target.value)} aria-label="Session name" />
          </label>
        </div>
        <p className="konnect-note">{perNodeNote(form)}</p>
        <FieldError id="konnect-err-duration" text={shown.durationS} />
        <FieldError id="konnect-err-max" text={shown.maxSamples} />
        <label className="konnect-check" title="Kong's draft of the session API has no log-capture field: this sends capture_logs, which is assumed (docs/konnect-api.md)">
          <input type="checkbox" checked={form.captureLogs} onChange={(e) => set('captureLogs', e.target.checked)} /> Capture gateway logs (gateway 3.11 or later)
        </label>
        <FieldError id="konnect-err-logs" text={shown.captureLogs} />
        <label>
          <span>Capture requests and responses</span>
          <select aria-label="Capture" value={form.capture} onChange={(e) => set('capture', e.target.value as CaptureChoice)}>
            <option value="none">Nothing</option>
            <option value="headers">Headers</option>
            <option value="headers-body">Headers and bodies</option>
          </select>
        </label>
        <FieldError id="konnect-err-capture" text={shown.captureBodies} />
        <p className="konnect-note">Captured headers and bodies are sanitized (credentials and card numbers masked) before they are stored.</p>
      </fieldset>

      {serverError?.message && (
        <p className="konnect-error" role="alert">
          {serverError.message}
        </p>
      )}
      <div className="konnect-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Starting…' : 'Start session'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

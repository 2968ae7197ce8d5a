/**
 * The verdict line (issue 14): one sentence with numbers saying what happened to a request and naming
 * the span to look at. Failures first (no route, DNS, a failed or timed-out upstream, a plugin that
 * answered), then where the time went by the latency model (latency.ts): the upstream, the client, or the
 * gateway's slowest step. Pure, so its rules are table-tested over every kind of trace.
 */
import type { Span, TraceSpans } from '../model/types';
import { formatDuration } from '../util/duration';
import { spanError, traceErrors, type SpanError } from './errors';
import { lastRequestPlugin, pluginExitOf } from './plugin-exit';
import { latencyModel, UPSTREAM_PART_LABELS, type LatencyModel } from './latency';
import { upstreamPartOf } from './phase-times';
import { classifySpanName } from './span-names';
import { spanIndex } from '../model/span-index';
import { descendants, unionLength } from './span-walk';
import { attrNumber, attrString, findRoot, isErrorSpan, rootFields, upstreamHost } from './summary';

export { upstreamHost };
import { buildTransactionMap, isKongTrace } from './transaction-map';

export type VerdictKind = 'upstream' | 'gateway' | 'client' | 'error' | 'unknown';

export interface Verdict {
  kind: VerdictKind;
  text: string;
  /** the span the sentence names (selecting it shows it); null when it names none */
  spanId: string | null;
}

const d = formatDuration;


/** What a Kong span is, in a few words for a sentence. */
function spanLabel(span: Span): string {
  const k = classifySpanName(span.name);
  switch (k.kind) {
    case 'plugin':
      return `plugin ${k.plugin} in ${k.phase}`;
    case 'router':
      return 'the router';
    case 'dns':
      return 'the DNS lookup';
    case 'phase':
      return `the ${k.phase} phase`;
    default:
      return span.name;
  }
}

const IO_NAMES: Record<string, string> = { redis: 'Redis', http: 'HTTP calls', socket: 'socket I/O', dns: 'DNS' };

export function verdict(trace: TraceSpans, model: LatencyModel = latencyModel(trace)): Verdict {
  const root = findRoot(trace);
  if (!root || model.totalNs <= 0) return { kind: 'unknown', text: 'No timing: the trace has no spans with a duration.', spanId: null };
  const errors = traceErrors(trace);
  const byId = new Map(trace.spans.map((s) => [s.spanId, s]));
  if (!isKongTrace(trace)) return genericVerdict(trace, model, errors, byId);
  return failureVerdict(trace, root, model, errors, byId) ?? timeVerdict(trace, root, model);
}

function genericVerdict(trace: TraceSpans, model: LatencyModel, errors: Map<string, SpanError>, byId: Map<string, Span>): Verdict {
  const failed = [...errors.values()].map((e) => ({ e, s: byId.get(e.spanId)! })).sort((a, b) => a.s.start - b.s.start);
  const first = failed.find((f) => f.s.spanId !== model.rootSpanId) ?? failed[0];
  if (first) return { kind: 'error', text: `${first.s.name} failed: ${first.e.message}.`, spanId: first.s.spanId };
  const map = buildTransactionMap(trace);
  const top = map.kind === 'generic' ? map.top[0] : undefined;
  if (!top) return { kind: 'unknown', text: 'Not a Kong trace.', spanId: null };
  return {
    kind: 'unknown',
    text: `Not a Kong trace: ${top.name} spent the most time in its own code, ${d(top.selfNs)} of ${d(model.totalNs)}.`,
    spanId: top.spanId,
  };
}

function failureVerdict(trace: TraceSpans, root: Span, model: LatencyModel, errors: Map<string, SpanError>, byId: Map<string, Span>): Verdict | null {
  const f = rootFields(root.attributes);
  const status = f.status;
  const prefix = status !== null ? `${status}: ` : '';
  const after = (s: Span) => d(s.start + s.duration - root.start);
  const failed = [...errors.values()].map((e) => ({ e, s: byId.get(e.spanId)!, k: classifySpanName(byId.get(e.spanId)!.name) }));
  const host = upstreamHost(trace);
  const never = model.reachedUpstream ? '' : '; the request never reached an upstream';
  const up = host ? `upstream ${host}` : 'the upstream';

  const router = failed.find((x) => x.k.kind === 'router');
  const routerSpan = trace.spans.find((s) => classifySpanName(s.name).kind === 'router');
  const unmatched = routerSpan && routerSpan.attributes['proxy.kong.router.matched'] === false;
  if (router || (unmatched && !model.reachedUpstream)) {
    const span = router?.s ?? routerSpan!;
    const what = `${f.method ?? ''} ${f.url ?? f.path ?? ''}`.trim();
    // Kong's own words ("no Route matched with those values") name it: the same capital R the user will grep the logs for
    return {
      kind: 'error',
      text: `${prefix}no Route matched${what ? ` ${what}` : ''}, the router ended it after ${after(span)}; the request never reached an upstream.`,
      spanId: span.spanId,
    };
  }
  const dns = failed.find((x) => x.k.kind === 'dns');
  if (dns) {
    const domain = attrString(dns.s.attributes, 'proxy.kong.dns.domain', 'proxy.kong.dns.record.domain', 'dns.record.domain');
    return { kind: 'error', text: `${prefix}DNS lookup${domain ? ` of ${domain}` : ''} failed after ${d(dns.s.duration)}: ${dns.e.message}${never}.`, spanId: dns.s.spanId };
  }
  // the deepest failed try names the cause ("connection refused"); its parent only says "failed to connect"
  const tries = failed.filter((x) => x.e.kind === 'upstream-try' || upstreamPartOf(x.s.name) === 'send');
  if (tries.length > 0) {
    const leaf = tries.find((x) => !tries.some((y) => y.s.parentSpanId === x.s.spanId)) ?? tries[0]!;
    const part = upstreamPartOf(leaf.s.name);
    const doing = part === 'send' ? 'sending the request to' : part === 'round trip' ? 'the round trip to' : 'connecting to';
    const n = tries.filter((x) => !tries.some((y) => y.s.parentSpanId === x.s.spanId)).length;
    return {
      kind: 'error',
      text: `${prefix}${doing} ${up} failed after ${d(leaf.s.duration)}: ${leaf.e.message}${n > 1 ? ` (${n} tries failed)` : ''}.`,
      spanId: leaf.s.spanId,
    };
  }
  const out = failed.find((x) => upstreamPartOf(x.s.name) === 'ttfb' || upstreamPartOf(x.s.name) === 'body');
  if (out) {
    const text =
      upstreamPartOf(out.s.name) === 'ttfb'
        ? `${prefix}${up} sent no response headers for ${d(out.s.duration)} (${out.e.message}).`
        : `${prefix}reading the response from ${up} failed after ${d(out.s.duration)} (${out.e.message}).`;
    return { kind: 'error', text, spanId: out.s.spanId };
  }
  const exit = failed.find((x) => x.e.kind === 'plugin-exit');
  const last = status !== null && status >= 400 && !model.reachedUpstream ? lastRequestPlugin(trace) : null;
  const answered = exit ?? (last ? { s: last, e: null } : null);
  if (answered) {
    const k = classifySpanName(answered.s.name);
    const name = k.kind === 'plugin' ? `plugin ${k.plugin} in ${k.phase}` : answered.s.name;
    const code = answered.e?.status ?? status;
    return { kind: 'error', text: `${code ?? 'the answer'} from ${name} after ${after(answered.s)}${never}.`, spanId: answered.s.spanId };
  }
  const exception = failed.find((x) => x.e.kind === 'exception' && x.s.spanId !== root.spanId) ?? failed.find((x) => x.s.spanId !== root.spanId);
  if (exception) {
    const label = spanLabel(exception.s);
    const text =
      status !== null && status < 400
        ? `${capitalize(label)} failed: ${exception.e.message}; the request still answered ${status}.`
        : `${prefix}${label} failed: ${exception.e.message}.`;
    return { kind: 'error', text, spanId: exception.s.spanId };
  }
  if (f.upstreamStatus !== null && f.upstreamStatus >= 500) {
    const wait = trace.spans.find((s) => upstreamPartOf(s.name) === 'ttfb') ?? trace.spans.find((s) => upstreamPartOf(s.name) !== null) ?? null;
    return {
      kind: 'error',
      text: `${prefix}${up} answered ${f.upstreamStatus} after ${d(model.upstreamNs)} of upstream time.`,
      spanId: wait?.spanId ?? null,
    };
  }
  return null;
}

function timeVerdict(trace: TraceSpans, root: Span, model: LatencyModel): Verdict {
  const total = d(model.totalNs);
  const parts = [
    { kind: 'upstream' as const, ns: model.upstreamNs },
    { kind: 'client' as const, ns: model.clientNs },
    { kind: 'gateway' as const, ns: model.gatewayNs },
  ].sort((a, b) => b.ns - a.ns);
  const top = parts[0]!;
  if (top.kind === 'upstream') {
    const host = upstreamHost(trace);
    const up = host ? `Upstream ${host}` : 'The upstream';
    const step = [...model.upstreamSteps].sort((a, b) => b.ns - a.ns)[0];
    const stepSpan = step && longestUpstreamSpan(trace, step.step);
    // gateways from 3.10 count the wait for the upstream in the send span
    const stepText = step?.step === 'send' ? 'sending the request and waiting' : step ? UPSTREAM_PART_LABELS[step.step] : '';
    const detail = step && model.upstreamSteps.length > 1 ? ` (${stepText} ${d(step.ns)})` : '';
    return { kind: 'upstream', text: `${up} took ${d(model.upstreamNs)} of ${total}${detail}.`, spanId: stepSpan?.spanId ?? null };
  }
  if (top.kind === 'client') {
    const span = longestClientSpan(trace);
    if (!span) return { kind: 'client', text: `Slow client: client I/O took ${d(model.clientNs)} of ${total}.`, spanId: null };
    const k = classifySpanName(span.name);
    const what =
      k.kind === 'client-write'
        ? 'writing the response (the client read it slowly)'
        : k.kind === 'client-read' && k.part === 'tls'
          ? 'the TLS handshake'
          : k.kind === 'client-read' && k.part === 'headers'
            ? 'reading the request headers'
            : 'reading the request body';
    const own = Math.min(span.duration, model.clientNs);
    const rest = model.clientNs - own > 0.1 * model.clientNs ? ` (client I/O ${d(model.clientNs)} in all)` : '';
    return { kind: 'client', text: `Slow client: ${what} took ${d(own)} of ${total}${rest}.`, spanId: span.spanId };
  }
  return gatewayVerdict(trace, root, model);
}

function longestUpstreamSpan(trace: TraceSpans, step: string): Span | null {
  let best: Span | null = null;
  let any: Span | null = null;
  for (const s of trace.spans) {
    const part = upstreamPartOf(s.name);
    if (part === null) continue;
    if (!any || s.duration > any.duration) any = s;
    const matches = part === step;
    if (matches && (!best || s.duration > best.duration)) best = s;
  }
  return best ?? any;
}

function longestClientSpan(trace: TraceSpans): Span | null {
  let best: Span | null = null;
  for (const s of trace.spans) {
    const k = classifySpanName(s.name).kind;
    if ((k === 'client-read' || k === 'client-write') && (!best || s.duration > best.duration)) best = s;
  }
  return best;
}

function gatewayVerdict(trace: TraceSpans, root: Span, model: LatencyModel): Verdict {
  const total = d(model.totalNs);
  const map = buildTransactionMap(trace);
  const nodes = map.kind === 'kong' ? map.stages.filter((s) => s.kind === 'request' || s.kind === 'response').flatMap((s) => s.nodes) : [];
  const slowest = nodes.filter((n) => n.spanIds.length === 1).sort((a, b) => (b.durationNs ?? 0) - (a.durationNs ?? 0))[0];
  const unexplained = model.phases.find((p) => p.key === 'other')?.ns ?? 0;
  if (!slowest || unexplained > (slowest.durationNs ?? 0)) {
    return {
      kind: 'gateway',
      text: `Gateway: ${d(model.gatewayNs)} of ${total}, ${d(unexplained)} of it in no span (the gateway's own work between instrumented steps).`,
      spanId: root.spanId,
    };
  }
  const span = trace.spans.find((s) => s.spanId === slowest.spanIds[0])!;
  const own = slowest.durationNs ?? span.duration;
  const k = classifySpanName(span.name);
  if (k.kind === 'dns') {
    const domain = attrString(span.attributes, 'proxy.kong.dns.domain', 'proxy.kong.dns.record.domain', 'dns.record.domain');
    return { kind: 'gateway', text: `DNS lookup${domain ? ` of ${domain}` : ''} took ${d(own)} of ${total}.`, spanId: span.spanId };
  }
  const io = ioTime(trace, span);
  const ioText = io && io.ns >= 0.1 * own ? `, ${d(io.ns)} of it in ${io.what}` : '';
  return { kind: 'gateway', text: `${capitalize(spanLabel(span))} spent ${d(own)} of ${total}${ioText}.`, spanId: span.spanId };
}

/** The time a span's nested network I/O (`kong.io.*`) covers, and what it was (Redis, HTTP calls...). */
function ioTime(trace: TraceSpans, span: Span): { ns: number; what: string } | null {
  const index = spanIndex(trace);
  const ios = descendants(index, span).filter((s) => classifySpanName(s.name).kind === 'io');
  if (ios.length === 0) return null;
  const kinds = new Set(ios.map((s) => s.name.slice('kong.io.'.length).split('.')[0] ?? ''));
  const what = kinds.size === 1 ? (IO_NAMES[[...kinds][0]!] ?? 'network I/O') : 'network I/O';
  return { ns: unionLength(ios.map((s) => [s.start, s.start + s.duration] as const), span.start, span.start + span.duration), what };
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The key fact of a failed request in the span's or Kong's own words, for the summary beside the status:
 * "no Route matched with those values", "connection refused", "upstream timed out", "key-auth answered
 * 401: unauthorized", "upstream answered 503". Null when the verdict is no failure, or the request still
 * answered below 400 (a plugin's exception then is the verdict's to tell, not the status's).
 */
export function keyFact(trace: TraceSpans, v: Verdict): string | null {
  if (v.kind !== 'error') return null;
  const f = rootFields(findRoot(trace)?.attributes ?? {});
  if (f.status !== null && f.status < 400) return null;
  const span = v.spanId !== null ? trace.spans.find((s) => s.spanId === v.spanId) : undefined;
  if (span) {
    const k = classifySpanName(span.name);
    const e = spanError(span);
    if (k.kind === 'plugin') {
      const code = e?.status ?? f.status;
      const why = (e?.kind === 'plugin-exit' ? pluginExitOf(span)?.message : null) ?? (span.status.message || null);
      return `${k.plugin} answered${code !== null && code !== undefined ? ` ${code}` : ''}${why ? `: ${why}` : ''}`;
    }
    if (e) return k.kind === 'dns' ? `DNS: ${e.message}` : e.message;
  }
  if (f.upstreamStatus !== null && f.upstreamStatus >= 500) return `upstream answered ${f.upstreamStatus}`;
  return null;
}

/**
 * The spans to mark as in error, with the message to show on hover: every span errors.ts finds, a span
 * whose own HTTP status is a 5xx, and the span an error verdict names (a plugin that answered 401 may
 * carry no error status at all: the verdict inferred it).
 */
export function errorMarks(trace: TraceSpans, v: Verdict): Map<string, string> {
  const marks = new Map<string, string>();
  for (const [id, e] of traceErrors(trace)) marks.set(id, e.message);
  for (const s of trace.spans) {
    if (marks.has(s.spanId) || !isErrorSpan(s)) continue;
    const status = attrNumber(s.attributes, 'http.response.status_code', 'http.status_code');
    marks.set(s.spanId, s.status.message || (status !== null ? `HTTP ${status}` : 'error'));
  }
  if (v.kind === 'error' && v.spanId !== null && !marks.has(v.spanId)) marks.set(v.spanId, v.text);
  return marks;
}

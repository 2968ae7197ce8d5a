/**
 * Which plugin answered the request (3.14+, domain.md section 11): a plugin that ends the request itself
 * (an auth failure, a rate limit) records the status it sent on its span.
 */
import type { Span, TraceSpans } from '../model/types';
import { classifySpanName } from './span-names';
import { attrNumber, attrString } from './summary';

export const PLUGIN_EXIT_STATUS = 'proxy.kong.plugin.http.response.status_code';
export const PLUGIN_EXIT_MESSAGE = 'proxy.kong.plugin.http.response.status_message';

export interface PluginExit {
  status: number | null;
  message: string | null;
}

/** The status a span says its plugin answered with, or null when it did not end the request. */
export function pluginExitOf(span: Span): PluginExit | null {
  const status = attrNumber(span.attributes, PLUGIN_EXIT_STATUS);
  const message = attrString(span.attributes, PLUGIN_EXIT_MESSAGE);
  return status === null && message === null ? null : { status, message };
}

export interface AnsweringPlugin extends PluginExit {
  spanId: string;
  plugin: string;
  phase: string;
}

/**
 * The plugin that answered the request instead of the upstream: the earliest plugin span carrying an exit
 * status (a later one, in a response phase, could only rewrite an answer already given). Null when no
 * plugin ended the request, or the gateway is older than 3.14 and did not say.
 */
export function answeringPlugin(trace: TraceSpans): AnsweringPlugin | null {
  let best: AnsweringPlugin | null = null;
  let bestStart = Infinity;
  for (const span of trace.spans) {
    const k = classifySpanName(span.name);
    if (k.kind !== 'plugin') continue;
    const exit = pluginExitOf(span);
    if (!exit || span.start >= bestStart) continue;
    best = { ...exit, spanId: span.spanId, plugin: k.plugin, phase: k.phase };
    bestStart = span.start;
  }
  return best;
}

/** The plugin that ran last in the request phases: the one that answered when the request went no further. */
export function lastRequestPlugin(trace: TraceSpans): Span | null {
  let best: Span | null = null;
  for (const s of trace.spans) {
    const k = classifySpanName(s.name);
    if (k.kind !== 'plugin' || k.phase === 'log') continue;
    if (!best || s.start + s.duration > best.start + best.duration) best = s;
  }
  return best;
}

/**
 * The plugin that ended a request, by name: the one that says it answered (3.14+), or, for a request that
 * failed (status >= 400) without reaching an upstream, the last plugin to run in the request phases (the
 * verdict names the same one). Null when no plugin ended it.
 */
export function endingPlugin(trace: TraceSpans, status: number | null, reachedUpstream: boolean): string | null {
  const exit = answeringPlugin(trace);
  if (exit) return exit.plugin;
  if (status === null || status < 400 || reachedUpstream) return null;
  const last = lastRequestPlugin(trace);
  const k = last ? classifySpanName(last.name) : null;
  return k?.kind === 'plugin' ? k.plugin : null;
}

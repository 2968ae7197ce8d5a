import { describe, expect, it } from 'vitest';
import { classifySpanName, currentSpanName, phaseOf, SPAN_RENAMES, upstreamStepOf, type UpstreamStep } from './span-names';

describe('the rename table', () => {
  it.each([
    ['kong.upstream.try_select', 'kong.find_upstream', 'connect'],
    ['kong.upstream.find_upstream', 'kong.find_upstream', 'connect'],
    ['kong.upstream.ttfb', 'kong.read_headers_from_upstream', 'wait-for-headers'],
    ['kong.upstream.read_response', 'kong.read_body_from_upstream', 'read-body'],
    ['kong.waiting_for_upstream', 'kong.read_headers_from_upstream', 'wait-for-headers'],
    ['kong.read_response_from_upstream', 'kong.read_body_from_upstream', 'read-body'],
  ] as const)('reads %s as today’s %s (%s)', (old, current, step) => {
    expect(currentSpanName(old)).toBe(current);
    expect(upstreamStepOf(old)).toBe(step);
    expect(classifySpanName(old)).toEqual(classifySpanName(current));
  });

  it('reads kong.flush_to_downstream as the client write of today', () => {
    expect(currentSpanName('kong.flush_to_downstream')).toBe('kong.wait_for_client_read');
    expect(classifySpanName('kong.flush_to_downstream')).toEqual({ kind: 'client-write' });
  });

  it('reads a 3.9 kong.io.redis with no command as Redis I/O', () => {
    expect(currentSpanName('kong.io.redis')).toBe('kong.io.redis');
    expect(classifySpanName('kong.io.redis')).toEqual({ kind: 'io', target: 'redis' });
    expect(classifySpanName('kong.io.redis.get')).toEqual({ kind: 'io', target: 'redis.get' });
  });

  it('covers every old name it lists, and nothing today is renamed', () => {
    expect(Object.keys(SPAN_RENAMES).sort()).toEqual(
      [
        'kong.flush_to_downstream',
        'kong.io.redis',
        'kong.read_response_from_upstream',
        'kong.upstream.find_upstream',
        'kong.upstream.read_response',
        'kong.upstream.try_select',
        'kong.upstream.ttfb',
        'kong.waiting_for_upstream',
      ].sort(),
    );
    for (const today of ['kong.find_upstream', 'kong.send_request_to_upstream', 'kong.wait_for_client_read', 'kong.access.plugin.jwt']) {
      expect(currentSpanName(today)).toBe(today);
    }
  });
});

describe('classifySpanName', () => {
  it('gives every upstream span one step, whatever the version', () => {
    const steps: [string, UpstreamStep][] = [
      ['kong.upstream.selection', 'select'],
      ['kong.find_upstream', 'connect'],
      ['kong.send_request_to_upstream', 'send'],
      ['kong.read_headers_from_upstream', 'wait-for-headers'],
      ['kong.read_body_from_upstream', 'read-body'],
      ['kong.balancer', 'round-trip'],
    ];
    for (const [name, step] of steps) expect(classifySpanName(name)).toEqual({ kind: 'upstream', step });
  });

  it('takes one segment as the plugin name and the rest as its sub-operation', () => {
    expect(classifySpanName('kong.access.plugin.jwt.verify')).toEqual({ kind: 'plugin', phase: 'access', plugin: 'jwt', operation: 'verify' });
    expect(classifySpanName('kong.access.plugin.ai-proxy.gen_ai.chat')).toEqual({ kind: 'plugin', phase: 'access', plugin: 'ai-proxy', operation: 'gen_ai.chat' });
    expect(classifySpanName('kong.header_filter.plugin.cors')).toEqual({ kind: 'plugin', phase: 'header_filter', plugin: 'cors', operation: null });
  });

  it('knows the 3.13+ log-phase, Datakit and AI spans, and leaves the rest plain', () => {
    expect(classifySpanName('kong.analytics.log_request')).toEqual({ kind: 'analytics' });
    expect(phaseOf('kong.analytics.log_request')).toBe('log');
    expect(phaseOf('kong.log.plugin.http-log')).toBe('log');
    expect(classifySpanName('kong.datakit.node.get_token')).toEqual({ kind: 'datakit', node: 'get_token' });
    expect(classifySpanName('kong.gen_ai')).toEqual({ kind: 'gen-ai' });
    expect(classifySpanName('kong.debug_session.sample')).toEqual({ kind: 'other' });
    expect(classifySpanName('kongress')).toEqual({ kind: 'other' });
    expect(classifySpanName('kong')).toEqual({ kind: 'root' });
  });
});

import { describe, expect, it } from 'vitest';
import { slowPluginWithRedis } from '../kong/testdata/cases';
import type { TraceSpans } from '../model/types';
import { compareTraces } from './compare';
import { comparisonMarkdown, exportFileName, mdText } from './markdown';

const clone = (t: TraceSpans): TraceSpans => JSON.parse(JSON.stringify(t)) as TraceSpans;

describe('comparison as Markdown', () => {
  it('says B relative to A, walks the bridge and lists the rows that differ', () => {
    const a = slowPluginWithRedis();
    const b = clone(a);
    for (const s of b.spans) {
      if (s.name === 'kong' || s.name === 'kong.phase.access' || s.name === 'kong.access.plugin.rate-limiting' || s.name === 'kong.io.redis.eval') s.duration += 100e6;
      else if (s.start > a.spans.find((x) => x.name === 'kong.io.redis.eval')!.start) s.start += 100e6;
    }
    const md = comparisonMarkdown(compareTraces(a, b), { a: 'GET /a 200', b: 'GET /a 200' });
    expect(md).toContain('**B relative to A: +100 ms (x1.5)**');
    expect(md).toMatch(/\| access \| [\d.]+ ms \| [\d.]+ ms \| \+100 ms \|/);
    expect(md).toMatch(/\| kong\.access\.plugin\.rate\\-limiting \| 180 ms \| 280 ms \| \+100 ms \| changed \|/);
    expect(md).not.toMatch(/\| kong\.router \|/);
  });

  it('keeps trace data as text: no markup or HTML from a span name, one line per cell', () => {
    expect(mdText('<img src=x onerror=alert(1)> | [a](http://x) *b*\nc')).toBe('\\<img src=x onerror=alert\\(1\\)\\> \\| \\[a\\]\\(http://x\\) \\*b\\* c');
  });

  it('names the file after both trace ids', () => {
    expect(exportFileName('0af7651916cd43dd8448eb211c80319c', '../x', 'json')).toBe('ktv-compare-0af7651916cd-x.json');
  });
});

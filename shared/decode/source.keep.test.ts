/**
 * The decoder side of storing JSON-lines imports as their source lines: decodeStream with keepSource,
 * decodeLineSegment (what the parallel decode workers run) and openInput (which picks that path).
 */
import { describe, expect, it } from 'vitest';
import type { DecodedBatch, SourceChunk } from './api';
import { DecodeError } from './api';
import { decodeAll, decodeLineSegment, decodeStream, openInput, type DecodedAll } from './index';
import { chunked, rejection, utf8 } from './test-helpers';
import { concatBytes } from '../util/bytes';
import { mulberry32 } from '../util/random';
import type { Span, TraceSpans } from '../model/types';
import konnectDoc from '../sample/gateway-3.10-konnect.json';

/**
 * Node built-ins, typed here: shared/ compiles without Node's types and lints against importing them,
 * but its tests run in Node (20.16+ has process.getBuiltinModule).
 */
const nodeModule = <T>(id: string): T => (globalThis as unknown as { process: { getBuiltinModule(id: string): T } }).process.getBuiltinModule(id);
const { gzipSync } = nodeModule<{ gzipSync(data: Uint8Array): Uint8Array }>('node:zlib');

const text = (bytes: Uint8Array): string => new (globalThis as unknown as { TextDecoder: new () => { decode(b: Uint8Array): string } }).TextDecoder().decode(bytes);

const T1 = '0af7651916cd43dd8448eb211c80319c';
const T2 = '4bf92f3577b34da6a3ce929d0e0e4736';
const T3 = '5b8aa5a2d2c872e8321cf37308d69df2';
const T4 = '6e0c63257de34c92bf9efcd03927272e';
const sid = (n: number) => n.toString(16).padStart(16, '0');

/** An export request line with spans of several traces; each span carries an attribute naming it. */
function spansLine(traces: Record<string, number[]>, extra: Record<string, unknown> = {}, pad = 0): string {
  const spans = Object.entries(traces).flatMap(([traceId, ids]) =>
    ids.map((n) => ({
      traceId,
      spanId: sid(n),
      name: `span ${n}`,
      startTimeUnixNano: `${1739932819947000000 + n * 1000}`,
      endTimeUnixNano: `${1739932819947000000 + n * 1000 + 500}`,
      attributes: [
        { key: 'which', value: { stringValue: `span ${n} of ${traceId.slice(0, 4)}` } },
        { key: 'n', value: { intValue: `${n}` } },
        ...(pad > 0 ? [{ key: 'padding', value: { stringValue: 'x'.repeat(pad) } }] : []),
      ],
    })),
  );
  return JSON.stringify({
    resourceSpans: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'kong' } }] }, scopeSpans: [{ scope: { name: 'kong-internal' }, spans }] }],
    ...extra,
  });
}

const logRecords = (n: number, traceId = T1) =>
  Array.from({ length: n }, (_, i) => ({ timeUnixNano: `173993281994700${1000 + i}`, severityNumber: 9, body: { stringValue: `log ${i}` }, traceId }));
const logsLine = (n: number, traceId = T1) => JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords: logRecords(n, traceId) }] }] });

/** Lines of the input, and which of them hold spans (the only ones a source chunk may hold). */
const LINES = [
  spansLine({ [T1]: [1, 2] }),
  logsLine(2),
  spansLine({ [T2]: [3] }),
  '{"resourceSpans": [ broken',
  spansLine({ [T1]: [4], [T3]: [5] }),
  '{"something":"else"}',
  '',
  spansLine({ [T3]: [6, 7] }),
  spansLine({ [T2]: [8] }),
  // spans and logs on one line: kept, since it held spans, but without its log records (stored on their own)
  spansLine({ [T4]: [9] }, { resourceLogs: [{ scopeLogs: [{ logRecords: logRecords(1, T4) }] }] }),
];
const withoutLogs = (line: string): string => {
  const { resourceLogs: _logs, ...rest } = JSON.parse(line) as Record<string, unknown>;
  return JSON.stringify(rest);
};
const SPAN_LINES = LINES.filter((l) => l.includes('"spans"')).map((l) => (l.includes('"resourceLogs"') ? withoutLogs(l) : l));
const INPUT = utf8(`${LINES.join('\n')}\n`);

async function collect(bytes: Uint8Array, chunkSize: number, batchSpans: number, keepSource = true): Promise<DecodedBatch[]> {
  const out: DecodedBatch[] = [];
  for await (const b of decodeStream(chunked(bytes, chunkSize), { fileName: 'lines.jsonl', batchSpans, keepSource })) out.push(b);
  return out;
}

const spanIds = (t: TraceSpans | undefined) => (t?.spans ?? []).map((s) => s.spanId).sort();
/** What a user sees of a span: its name, attributes and absolute start time. */
const shown = (t: TraceSpans, s: Span) => ({ name: s.name, attributes: s.attributes, startNs: (BigInt(t.baseNs) + BigInt(s.start)).toString() });

/**
 * Checks the source chunks of a keepSource decode against the input's span lines and a decode of the
 * whole input without keepSource.
 */
async function checkSource(batches: DecodedBatch[], spanLines: string[], whole: DecodedAll): Promise<SourceChunk[]> {
  const all: SourceChunk[] = [];
  const spansFromChunks = new Map<string, Set<string>>();
  const wholeById = new Map(whole.traces.map((t) => [t.traceId, t]));
  for (const batch of batches) {
    expect(batch.source).toBeDefined();
    const { chunks, chunksOf } = batch.source!;
    // every trace of the batch names its chunks, and only traces of the batch are named
    expect(Object.keys(chunksOf).sort()).toEqual(batch.traces.map((t) => t.traceId).sort());
    const decoded = new Map<number, DecodedAll>();
    for (const c of chunks) decoded.set(c.no, await decodeAll(c.bytes, { fileName: `chunk ${c.no}` }));
    for (const t of batch.traces) {
      // exactly the chunks of this batch holding the trace's spans, in order
      const holding = chunks.filter((c) => decoded.get(c.no)!.traces.some((x) => x.traceId === t.traceId)).map((c) => c.no);
      expect(chunksOf[t.traceId]).toEqual(holding);
      // and together they hold exactly the trace's spans of this batch: no chunk reaches into another batch
      const fromChunks = new Set(holding.flatMap((no) => spanIds(decoded.get(no)!.traces.find((x) => x.traceId === t.traceId))));
      expect([...fromChunks].sort()).toEqual(spanIds(t));
    }
    for (const c of chunks) {
      const d = decoded.get(c.no)!;
      const namedFor = Object.keys(chunksOf).filter((id) => chunksOf[id]!.includes(c.no));
      expect(d.traces.map((t) => t.traceId).sort()).toEqual(namedFor.sort());
      expect(d.skipped).toEqual([]);
      for (const t of d.traces) {
        const w = wholeById.get(t.traceId)!;
        for (const s of t.spans) {
          const ws = w.spans.find((x) => x.spanId === s.spanId);
          expect(ws, `span ${s.spanId} of chunk ${c.no}`).toBeDefined();
          expect(shown(t, s)).toEqual(shown(w, ws!));
          let set = spansFromChunks.get(t.traceId);
          if (!set) spansFromChunks.set(t.traceId, (set = new Set()));
          set.add(s.spanId);
        }
      }
      all.push(c);
    }
  }
  // chunks are numbered in input order from 0, and hold each line with spans once, whole, nothing else
  expect(all.map((c) => c.no)).toEqual(all.map((_, i) => i));
  expect(all.flatMap((c) => text(c.bytes).split('\n'))).toEqual(spanLines);
  // every span of the input is in some chunk
  for (const t of whole.traces) expect([...(spansFromChunks.get(t.traceId) ?? [])].sort()).toEqual(spanIds(t));
  return all;
}

describe('decodeStream with keepSource (JSON lines)', () => {
  const cases = [1, 7, 64, 100_000].flatMap((chunkSize) => [1, 2, 3, 1000].map((batchSpans) => [chunkSize, batchSpans] as const));

  it.each(cases)('keeps exactly the whole lines with spans, per batch (chunks of %d bytes, batches of %d spans)', async (chunkSize, batchSpans) => {
    const whole = await decodeAll(INPUT, { fileName: 'lines.jsonl' });
    expect(whole.traces.map((t) => t.traceId).sort()).toEqual([T1, T2, T3, T4].sort());
    const batches = await collect(INPUT, chunkSize, batchSpans);
    if (batchSpans <= 2) expect(batches.length).toBeGreaterThan(2);
    const chunks = await checkSource(batches, SPAN_LINES, whole);
    if (batchSpans === 1) expect(chunks).toHaveLength(SPAN_LINES.length);
    // what was decoded besides the spans is unchanged by keepSource
    const logs = batches.flatMap((b) => b.logs);
    expect(logs).toHaveLength(3);
    expect(batches.flatMap((b) => b.skipped).map((s) => s.where)).toEqual(['line 4', 'line 6']);
  });

  it.each([64 * 1024, 1 << 20])('cuts long runs of lines into several chunks within one batch (%d-byte reads)', async (chunkSize) => {
    // about 200 KB a line: a chunk closes after 512 KiB, so one batch hands out several chunks
    const big = [
      spansLine({ [T1]: [1] }, {}, 200_000),
      logsLine(1),
      spansLine({ [T2]: [2] }, {}, 200_000),
      spansLine({ [T3]: [3] }, {}, 200_000),
      spansLine({ [T2]: [4] }, {}, 200_000),
      spansLine({ [T1]: [5], [T3]: [6] }, {}, 200_000),
    ];
    const bytes = utf8(big.join('\n'));
    const whole = await decodeAll(bytes, { fileName: 'big.jsonl' });
    const batches = await collect(bytes, chunkSize, 1000);
    expect(batches).toHaveLength(1);
    const chunks = await checkSource(batches, big.filter((l) => l.includes('"spans"')), whole);
    expect(chunks).toHaveLength(2);
    // the first chunk closes after three span lines; every trace has spans on both sides of the cut
    expect(chunks.map((c) => text(c.bytes).split('\n').length)).toEqual([3, 2]);
    expect(batches[0]!.source!.chunksOf).toEqual({ [T1]: [0, 1], [T2]: [0, 1], [T3]: [0, 1] });
  });

  it('without keepSource, batches carry no source', async () => {
    for (const batchSpans of [1, 1000]) {
      const batches = await collect(INPUT, 7, batchSpans, false);
      expect(batches.length).toBeGreaterThan(0);
      for (const b of batches) expect(b.source).toBeUndefined();
    }
  });

  it('a line holding only a truncated tail is not kept, the whole lines before it are', async () => {
    const cut = spansLine({ [T2]: [30] }).slice(0, 60);
    const bytes = utf8(`${SPAN_LINES[0]}\n${cut}`);
    const batches = await collect(bytes, 5, 1000);
    expect(batches.flatMap((b) => b.source?.chunks ?? []).map((c) => text(c.bytes))).toEqual([SPAN_LINES[0]]);
    expect(batches.flatMap((b) => b.skipped)[0]?.reason).toMatch(/^the last line is incomplete/);
  });
});

describe('decodeLineSegment', () => {
  const seg = (body: string, firstLine: number, last: boolean, keepSource?: boolean) =>
    decodeLineSegment({ bytes: utf8(body), fileName: 'big.jsonl', firstLine, last, ...(keepSource ? { keepSource } : {}) });

  it('numbers skipped lines as lines of the whole input', () => {
    const bad = JSON.parse(spansLine({ [T1]: [1, 2] }));
    bad.resourceSpans[0].scopeSpans[0].spans[1].spanId = 'zz';
    const r = seg([spansLine({ [T2]: [3] }), JSON.stringify(bad), '{"resourceSpans": [ broken', logsLine(2), '{"x":1}', ''].join('\n'), 101, false);
    expect(r.batch.skipped).toEqual([
      { where: 'line 102 $.resourceSpans[0].scopeSpans[0].spans[1]', reason: 'invalid spanId "zz"' },
      { where: 'line 103', reason: expect.stringMatching(/^invalid JSON/) },
      { where: 'line 105', reason: 'the line holds neither resourceSpans nor resourceLogs' },
    ]);
    expect(r).toMatchObject({ spans: 2, logs: 2, skipped: 3, firstSkipped: r.batch.skipped[0] });
    expect(r.batch.traces.map((t) => [t.traceId, spanIds(t)])).toEqual([
      [T2, [sid(3)]],
      [T1, [sid(1)]],
    ]);
    expect(r.batch.logs).toHaveLength(2);
  });

  it('reports a last line without newline as incomplete only at the end of the input', () => {
    const body = `${spansLine({ [T1]: [1] })}\n${spansLine({ [T1]: [2] }).slice(0, 50)}`;
    const end = seg(body, 7, true);
    expect(end.batch.skipped).toEqual([{ where: 'line 8', reason: expect.stringMatching(/^the last line is incomplete/) }]);
    const middle = seg(body, 7, false);
    expect(middle.batch.skipped).toEqual([{ where: 'line 8', reason: expect.stringMatching(/^invalid JSON/) }]);
    for (const r of [end, middle]) {
      expect(r).toMatchObject({ spans: 1, logs: 0, skipped: 1 });
      expect(r.firstSkipped).toEqual(r.batch.skipped[0]);
    }
    // a whole last line without newline is just a line
    const whole = seg(spansLine({ [T1]: [1] }), 1, true);
    expect(whole).toMatchObject({ spans: 1, skipped: 0 });
    expect(whole.firstSkipped).toBeUndefined();
  });

  it('has no firstSkipped when nothing was skipped, and counts everything', () => {
    const r = seg(`${LINES[0]}\n${LINES[1]}\n${LINES[9]}\n`, 1, true);
    expect(r).toMatchObject({ spans: 3, logs: 3, skipped: 0 });
    expect(r.firstSkipped).toBeUndefined();
    expect(r.batch.format).toBe('otlp-jsonl');
    expect(r.batch.source).toBeUndefined();
  });

  it('counts its lines (a last one without newline included, CRLF endings alike)', () => {
    expect(seg(`${LINES[0]}\n${LINES[1]}\n`, 1, true).lines).toBe(2);
    expect(seg(`${LINES[0]}\r\n\r\n${LINES[1]}`, 40, true)).toMatchObject({ lines: 3, spans: 2, logs: 2, skipped: 0 });
  });

  it('decodes a segment given in pieces, cut anywhere, even inside a character, as in one piece', () => {
    // non-ASCII text: characters and bytes do not line up, so the kept lines are the texts encoded again
    const wide = JSON.parse(spansLine({ [T1]: [1, 2] }));
    wide.resourceSpans[0].scopeSpans[0].spans[0].name = 'kong é 日本 🚀';
    const body = [JSON.stringify(wide), logsLine(1), '{"resourceSpans": [ broken', spansLine({ [T2]: [3] })].join('\n') + '\n';
    const bytes = utf8(body);
    const whole = decodeLineSegment({ bytes, fileName: 'big.jsonl', firstLine: 1, last: true, keepSource: true });
    expect(whole.batch.traces.find((t) => t.traceId === T1)?.spans.map((x) => x.name)).toContain('kong é 日本 🚀');
    // the kept lines are the bytes of the lines that held spans, exactly
    expect(whole.batch.source?.chunks.map((c) => text(c.bytes))).toEqual([`${JSON.stringify(wide)}\n${spansLine({ [T2]: [3] })}`]);
    const view = (r: typeof whole) => JSON.stringify([r.batch.traces, r.batch.logs, r.batch.skipped, r.batch.source?.chunks.map((c) => [...c.bytes]), r.batch.source?.chunksOf, r.lines]);
    const rand = mulberry32(3);
    for (let i = 0; i < 40; i++) {
      const cuts = [...new Set([0, ...Array.from({ length: 1 + Math.floor(rand() * 5) }, () => Math.floor(rand() * bytes.length)), bytes.length])].sort((a, b) => a - b);
      const pieces = cuts.slice(1).map((c, k) => bytes.slice(cuts[k], c));
      expect(view(decodeLineSegment({ bytes: pieces, fileName: 'big.jsonl', firstLine: 1, last: true, keepSource: true }))).toBe(view(whole));
    }
  });

  it('accepts a byte order mark only where the input starts', () => {
    const body = `\ufeff${spansLine({ [T1]: [1, 2] })}\n${logsLine(1)}\n`;
    // a segment from the middle of the input, numbered from its own start: its first line is line 1 of
    // the segment, not of the file, so a mark there is a bad line as anywhere else in the file
    const middle = decodeLineSegment({ bytes: utf8(body), fileName: 'big.jsonl', firstLine: 1, startsInput: false, last: false });
    expect(middle).toMatchObject({ spans: 0, logs: 1, skipped: 1 });
    expect(middle.batch.skipped[0]).toEqual({ where: 'line 1', reason: expect.stringMatching(/^invalid JSON/) });
    expect(decodeLineSegment({ bytes: utf8(body), fileName: 'big.jsonl', firstLine: 1, startsInput: true, last: false })).toMatchObject({ spans: 2, skipped: 0 });
  });

  it('accepts a byte order mark on line 1', () => {
    const body = `\ufeff${spansLine({ [T1]: [1, 2] })}\n${logsLine(1)}\n`;
    const r = seg(body, 1, true, true);
    expect(r).toMatchObject({ spans: 2, logs: 1, skipped: 0 });
    // the kept line is the JSON without the mark, decodable on its own
    expect(r.batch.source?.chunks.map((c) => text(c.bytes))).toEqual([spansLine({ [T1]: [1, 2] })]);
    expect(r.batch.source?.chunksOf).toEqual({ [T1]: [0] });
  });

  it('keeps the source lines with spans when asked', async () => {
    const body = `${LINES.join('\n')}\n`;
    const r = seg(body, 1, true, true);
    const whole = await decodeAll(INPUT, { fileName: 'lines.jsonl' });
    await checkSource([r.batch], SPAN_LINES, whole);
  });
});

describe('openInput', () => {
  const read = async (plain: AsyncIterable<Uint8Array>): Promise<Uint8Array> => {
    const parts: Uint8Array[] = [];
    for await (const p of plain) parts.push(p);
    return concatBytes(parts);
  };

  it.each([1, 100, 1 << 20])('tells JSON lines (%d-byte reads) and hands the bytes on unchanged', async (size) => {
    const opened = await openInput(chunked(INPUT, size), 'lines.jsonl');
    expect(opened.jsonLines).toBe(true);
    expect(await read(opened.plain)).toEqual(INPUT);
    expect(opened.raw.consumed).toBe(INPUT.length);
    expect(opened.problems).toEqual([]);
  });

  it('tells JSON lines whose first line is longer than the first look', async () => {
    const long = [spansLine({ [T1]: [1] }, {}, 100_000), spansLine({ [T1]: [2] })].join('\n');
    const opened = await openInput(chunked(utf8(long), 4096), 'long.jsonl');
    expect(opened.jsonLines).toBe(true);
  });

  it.each([
    ['a pretty-printed Konnect document', JSON.stringify(konnectDoc, null, 2)],
    ['a Konnect document on one line', `${JSON.stringify(konnectDoc)}\n`],
    ['a one-line OTLP request alone', `${spansLine({ [T1]: [1] })}\n\n`],
  ])('a single JSON document is not JSON lines: %s', async (_, doc) => {
    const bytes = utf8(doc);
    const opened = await openInput(chunked(bytes, 300), 'doc.json');
    expect(opened.jsonLines).toBe(false);
    expect(await read(opened.plain)).toEqual(bytes);
  });

  it('looks through gzip: JSON lines, decompressed bytes in plain, compressed bytes counted in raw', async () => {
    const gz = gzipSync(INPUT);
    expect(gz.length).not.toBe(INPUT.length);
    const opened = await openInput(chunked(gz, 16), 'lines.jsonl.gz');
    expect(opened.jsonLines).toBe(true);
    expect(await read(opened.plain)).toEqual(INPUT);
    expect(opened.raw.consumed).toBe(gz.length);
    expect(opened.problems).toEqual([]);
  });

  it('decodeStream on an opened gzip input reports compressed progress through inputBytes', async () => {
    const gz = gzipSync(INPUT);
    const opened = await openInput(chunked(gz, 16), 'lines.jsonl.gz');
    const batches: DecodedBatch[] = [];
    for await (const b of decodeStream(opened.plain, { fileName: 'lines.jsonl.gz', batchSpans: 2, keepSource: true, inputBytes: () => opened.raw.consumed })) batches.push(b);
    const last = batches[batches.length - 1]!;
    expect(last.bytesRead).toBe(INPUT.length);
    expect(last.inputBytesRead).toBe(gz.length);
    await checkSource(batches, SPAN_LINES, await decodeAll(INPUT, { fileName: 'lines.jsonl' }));
  });

  it('a gzip-compressed single document is not JSON lines', async () => {
    const opened = await openInput(chunked(gzipSync(utf8(JSON.stringify(konnectDoc, null, 2))), 64), 'doc.json.gz');
    expect(opened.jsonLines).toBe(false);
  });

  it('an empty input is not JSON lines, and decodeStream then says it is empty', async () => {
    for (const bytes of [new Uint8Array(0), utf8('  \n\n')]) {
      const opened = await openInput(chunked(bytes, 1), 'empty.jsonl');
      expect(opened.jsonLines).toBe(false);
      const e = await rejection(async () => {
        for await (const _ of decodeStream(opened.plain, { fileName: 'empty.jsonl', keepSource: true })) void _;
      });
      expect(e).toBeInstanceOf(DecodeError);
      expect((e as DecodeError).reason).toBe('the file is empty');
      expect(e.message).toContain('empty.jsonl');
    }
  });
});

describe('source lines holding an AI prompt are kept sanitized', () => {
  const CARD = '4242 4242 4242 4242';
  const MASKED = '*'.repeat(CARD.length);
  const aiLine = JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [] },
        scopeSpans: [
          {
            spans: [
              {
                traceId: T1,
                spanId: sid(1),
                name: 'kong.gen_ai',
                startTimeUnixNano: '1700000000000000000',
                endTimeUnixNano: '1700000000100000000',
                attributes: [
                  { key: 'gen_ai.prompt', value: { stringValue: `my card is ${CARD}` } },
                  { key: 'note', value: { stringValue: 'kept' } },
                ],
                events: [{ name: 'answer', timeUnixNano: '1700000000050000000', attributes: [{ key: 'gen_ai.completion', value: { stringValue: `noted: ${CARD}` } }] }],
              },
            ],
          },
        ],
      },
    ],
  });
  const plainLine = JSON.stringify({
    resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ spans: [{ traceId: T2, spanId: sid(2), name: 'kong', startTimeUnixNano: '1700000000000000000', endTimeUnixNano: '1700000000100000000', attributes: [{ key: 'card', value: { stringValue: CARD } }] }] }] }],
  });
  const file = utf8(`${plainLine}\n${aiLine}\n`);

  const check = (chunks: SourceChunk[]) => {
    const kept = chunks.map((c) => text(c.bytes)).join('\n');
    // the AI span's prompt and answer never reach the store as written; other lines stay byte for byte
    expect(kept).not.toContain(`my card is ${CARD}`);
    expect(kept).not.toContain(`noted: ${CARD}`);
    expect(kept.split('\n')[0]).toBe(plainLine);
    return kept;
  };

  it('when decoded as a stream, and the kept lines decode to the same sanitized span', async () => {
    const batches: DecodedBatch[] = [];
    for await (const b of decodeStream(chunked(file, 7), { fileName: 'ai.jsonl', keepSource: true })) batches.push(b);
    const kept = check(batches.flatMap((b) => b.source?.chunks ?? []));
    const again = await decodeAll(utf8(kept), { fileName: 'again.jsonl' });
    const span = again.traces.find((t) => t.traceId === T1)!.spans[0]!;
    expect(span.attributes['gen_ai.prompt']).toBe(`my card is ${MASKED}`);
    expect(span.attributes.note).toBe('kept');
    expect(span.events[0]!.attributes['gen_ai.completion']).toBe(`noted: ${MASKED}`);
  });

  it('when decoded in segments by the parallel workers', () => {
    const r = decodeLineSegment({ bytes: file, fileName: 'ai.jsonl', firstLine: 1, last: true, keepSource: true });
    check(r.batch.source?.chunks ?? []);
    expect(r.batch.source?.chunksOf[T1]).toEqual([0]);
  });

  it('in a Konnect trace v1 line, whose attributes are a flat object', () => {
    const v1 = JSON.stringify({
      resource_spans: [{ resource: { attributes: {} }, scope_spans: [{ spans: [{ trace_id: T3, span_id: sid(3), name: 'kong.gen_ai.chat', start_time_unix_nano: '1700000000000000000', end_time_unix_nano: '1700000000100000000', attributes: { 'gen_ai.prompt': { text: `card ${CARD}` } } }] }] }],
    });
    const r = decodeLineSegment({ bytes: utf8(v1), fileName: 'v1.jsonl', firstLine: 1, last: true, keepSource: true });
    expect(r.spans).toBe(1);
    const kept = (r.batch.source?.chunks ?? []).map((c) => text(c.bytes)).join('\n');
    expect(kept).not.toContain(CARD);
    expect(kept).toContain(`card ${MASKED}`);
  });
});

describe('source lines holding log records too are kept without them (log lines are stored on their own, sealed)', () => {
  const SECRET = 'log-only-marker-7f3a9c';
  const mixed = JSON.stringify({
    resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ spans: [{ traceId: T4, spanId: sid(4), name: 'kong', startTimeUnixNano: '1700000000000000000', endTimeUnixNano: '1700000000100000000', attributes: [{ key: 'which', value: { stringValue: 'the span' } }] }] }] }],
    resourceLogs: [{ resource: { attributes: [] }, scopeLogs: [{ logRecords: [{ timeUnixNano: '1700000000010000000', traceId: T4, spanId: sid(4), severityText: 'ERROR', body: { stringValue: `upstream said ${SECRET}` } }] }] }],
  });

  it('when decoded as a stream: the log line is decoded, the kept line holds the span and not the log', async () => {
    const batches: DecodedBatch[] = [];
    const file = utf8(`${mixed}\n${spansLine({ [T1]: [1] })}\n`);
    for await (const b of decodeStream(chunked(file, 5), { fileName: 'mixed.jsonl', keepSource: true })) batches.push(b);
    expect(batches.flatMap((b) => b.logs).map((l) => l.body)).toEqual([`upstream said ${SECRET}`]);
    const kept = batches.flatMap((b) => b.source?.chunks ?? []).map((c) => text(c.bytes)).join('\n');
    expect(kept).not.toContain(SECRET);
    const again = await decodeAll(utf8(kept), { fileName: 'again.jsonl' });
    expect(again.traces.find((t) => t.traceId === T4)!.spans[0]!.attributes.which).toBe('the span');
  });

  it('when decoded in segments by the parallel workers', () => {
    const r = decodeLineSegment({ bytes: utf8(mixed), fileName: 'mixed.jsonl', firstLine: 1, last: true, keepSource: true });
    expect(r.logs).toBe(1);
    const kept = (r.batch.source?.chunks ?? []).map((c) => text(c.bytes)).join('\n');
    expect(kept).not.toContain(SECRET);
    expect(kept).toContain('the span');
  });
});

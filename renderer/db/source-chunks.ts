/** The source lines a batch stores as `otlp-jsonl` chunks, and the spans of its traces decoded from them. */
import type { TraceSpans } from '../../shared/model/types';
import { mergeTraceSpans } from '../../shared/model/merge';
import { sourceTraces } from './chunks';
import type { ChunkRow } from './schema';
import type { BatchPlan, ImportMemory, Incoming, WriteInput } from './write-plan';

export class SourceChunks {
  /** chunk rows the batch writes (source lines, and `ktv` chunks added by the merge) */
  readonly rows: ChunkRow[] = [];
  /** how many of `rows` were put before the first read */
  putEarly = 0;
  private readonly ids = new Map<string, string>();
  private readonly byNo: Map<number, Uint8Array>;
  /** source chunks decoded (to merge a trace stored already), each once per batch */
  private readonly decoded = new Map<number, Map<string, TraceSpans>>();

  constructor(
    private readonly memory: ImportMemory,
    private readonly input: WriteInput,
  ) {
    this.byNo = new Map(input.source?.chunks.map((c) => [c.no, c.bytes]));
  }

  /** The id of source chunk `no` in session `sid`, adding its row the first time. */
  id(sid: string, no: number): string {
    const k = `${sid}\n${no}`;
    let id = this.ids.get(k);
    if (id === undefined) {
      const data = this.byNo.get(no);
      id = this.memory.newId(sid, 'c');
      this.ids.set(k, id);
      if (data) this.rows.push({ id, sessionId: sid, kind: 'otlp-jsonl', data, importId: this.memory.importId });
    }
    return id;
  }

  /** The spans of a trace of this batch: given, or decoded (synchronously) from its source lines. */
  trace(inc: Incoming): TraceSpans | null {
    if (inc.trace) return inc.trace;
    let out: TraceSpans | null = null;
    for (const no of this.input.source?.chunksOf[inc.traceId] ?? []) {
      let traces = this.decoded.get(no);
      const bytes = this.byNo.get(no);
      if (!traces && bytes) this.decoded.set(no, (traces = sourceTraces(bytes)));
      const part = traces?.get(inc.traceId);
      if (part) out = out ? mergeTraceSpans(out, part) : part;
    }
    return out;
  }

  /**
   * Source lines of new traces in a session this import created and alone writes into: stored whatever the
   * reads find, so they are put before the first read (while the previous transaction commits).
   */
  early(plan: BatchPlan): ChunkRow[] {
    const { memory, input } = this;
    if (!input.source) return [];
    for (const [key, inc] of plan.incoming) {
      if (!memory.sessions.has(inc.sid) || memory.shared.has(inc.sid) || memory.pageOf.has(key)) continue;
      for (const no of input.source.chunksOf[inc.traceId] ?? []) this.id(inc.sid, no);
    }
    this.putEarly = this.rows.length;
    return this.rows.slice();
  }
}

/**
 * A real OTLP producer for tests and benchmarks: the OpenTelemetry JS SDK with its own OTLP/HTTP exporters
 * (protobuf or JSON, optionally gzip), code none of us wrote, sending Kong-shaped request traces and log
 * lines to the receiver. Span processors are batching with queues large enough that the SDK itself never
 * drops, so any loss is the receiver's.
 */
import { ROOT_CONTEXT, trace, type Attributes, type Context } from '@opentelemetry/api';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { OTLPLogExporter as LogsJsonExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPLogExporter as LogsProtoExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { OTLPTraceExporter as TracesJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as TracesProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor, type ReadableLogRecord } from '@opentelemetry/sdk-logs';
import { BasicTracerProvider, BatchSpanProcessor, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';

export type WireEncoding = 'protobuf' | 'json';

export interface ProducerOptions {
  /** the receiver's base URL, e.g. http://127.0.0.1:4318 */
  url: string;
  encoding: WireEncoding;
  gzip?: boolean;
  /** spans per export request (default 512) */
  batchSize?: number;
  /** ms the exporter waits before giving up on one request, retries included (default 10 s) */
  timeoutMillis?: number;
  /** also keep the SDK's own copy of every span and log record, to compare what arrived against */
  keepCopy?: boolean;
}

export interface SentTrace {
  traceId: string;
  rootSpanId: string;
  spanIds: string[];
}

export interface Producer {
  /** a Kong-like request: root `kong` with `rootAttributes`, `children` child spans, optionally one log line per span */
  request(rootAttributes: Attributes, opts?: { children?: number; logs?: boolean }): SentTrace;
  /** the root arrives in a later export request than its children (ends last, flushed separately) */
  requestRootLast(rootAttributes: Attributes, children: number): Promise<SentTrace>;
  flush(): Promise<void>;
  shutdown(): Promise<void>;
  /** what the SDK produced (with `keepCopy`) */
  sentSpans(): ReadableSpan[];
  sentLogs(): ReadableLogRecord[];
}

export function createProducer(opts: ProducerOptions): Producer {
  const compression = opts.gzip ? ('gzip' as never) : undefined;
  const common = { timeoutMillis: opts.timeoutMillis ?? 10_000, ...(compression ? { compression } : {}) };
  const traceExporter =
    opts.encoding === 'protobuf'
      ? new TracesProtoExporter({ url: `${opts.url}/v1/traces`, ...common })
      : new TracesJsonExporter({ url: `${opts.url}/v1/traces`, ...common });
  const logExporter =
    opts.encoding === 'protobuf'
      ? new LogsProtoExporter({ url: `${opts.url}/v1/logs`, ...common })
      : new LogsJsonExporter({ url: `${opts.url}/v1/logs`, ...common });
  const resource = resourceFromAttributes({ 'service.name': 'kong', 'host.name': 'test-gateway' });
  const batch = { maxQueueSize: 1_000_000, maxExportBatchSize: opts.batchSize ?? 512, scheduledDelayMillis: 50, exportTimeoutMillis: opts.timeoutMillis ?? 10_000 };
  const spanCopy = new InMemorySpanExporter();
  const logCopy = new InMemoryLogRecordExporter();
  const tracerProvider = new BasicTracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor(traceExporter, batch), ...(opts.keepCopy ? [new SimpleSpanProcessor(spanCopy)] : [])],
  });
  const loggerProvider = new LoggerProvider({
    resource,
    processors: [
      new BatchLogRecordProcessor({ exporter: logExporter, ...batch }),
      ...(opts.keepCopy ? [new SimpleLogRecordProcessor({ exporter: logCopy })] : []),
    ],
  });
  const tracer = tracerProvider.getTracer('kong', '3.10.0');
  const logger = loggerProvider.getLogger('kong');

  const log = (ctx: Context, body: string, n: number): void =>
    logger.emit({
      context: ctx,
      severityNumber: SeverityNumber.WARN,
      severityText: 'WARN',
      body,
      attributes: { 'introspection.source': 'kong/init.lua', 'introspection.current.line': n },
    });

  const request: Producer['request'] = (rootAttributes, o = {}) => {
    const root = tracer.startSpan('kong', { attributes: rootAttributes, kind: 1 }, ROOT_CONTEXT);
    const ctx = trace.setSpan(ROOT_CONTEXT, root);
    const spanIds: string[] = [root.spanContext().spanId];
    for (let i = 0; i < (o.children ?? 0); i++) {
      const child = tracer.startSpan(i === 0 ? 'kong.router' : `kong.access.plugin.p${i}`, { attributes: { 'test.index': i } }, ctx);
      spanIds.push(child.spanContext().spanId);
      if (o.logs) log(trace.setSpan(ROOT_CONTEXT, child), `line from child ${i}`, i);
      child.end();
    }
    if (o.logs) log(ctx, 'line from root', 0);
    root.end();
    return { traceId: root.spanContext().traceId, rootSpanId: spanIds[0]!, spanIds };
  };

  return {
    request,
    async requestRootLast(rootAttributes, children) {
      const root = tracer.startSpan('kong', { attributes: rootAttributes }, ROOT_CONTEXT);
      const ctx = trace.setSpan(ROOT_CONTEXT, root);
      const spanIds = [root.spanContext().spanId];
      for (let i = 0; i < children; i++) {
        const child = tracer.startSpan(`kong.child${i}`, {}, ctx);
        spanIds.push(child.spanContext().spanId);
        child.end();
      }
      await tracerProvider.forceFlush();
      root.end();
      return { traceId: root.spanContext().traceId, rootSpanId: spanIds[0]!, spanIds };
    },
    async flush() {
      await Promise.all([tracerProvider.forceFlush(), loggerProvider.forceFlush()]);
    },
    async shutdown() {
      await Promise.all([tracerProvider.shutdown(), loggerProvider.shutdown()]);
    },
    sentSpans: () => spanCopy.getFinishedSpans(),
    sentLogs: () => logCopy.getFinishedLogRecords(),
  };
}

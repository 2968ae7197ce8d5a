/**
 * The load for the receive benchmark, run in its own process (so the receiver's memory is measured alone):
 * `exporters` independent OpenTelemetry SDK pipelines (protobuf and JSON, some gzip) sending Kong-shaped
 * requests at a steady total rate for a bounded time. It tells the parent the id of every span it made
 * (so the parent can count what never arrived), then flushes and reports its total.
 */
import { createProducer, type Producer } from '../stand-ins/otel-producer';

export interface ProducerJob {
  url: string;
  exporters: number;
  seconds: number;
  spansPerSecond: number;
  spansPerTrace: number;
}

export type FromProducer = { type: 'sent'; keys: string[] } | { type: 'done'; sent: number; seconds: number };

const TICK_MS = 20;

async function runJob(job: ProducerJob, send: (m: FromProducer) => void): Promise<void> {
  const producers: Producer[] = [];
  for (let i = 0; i < job.exporters; i++) {
    producers.push(createProducer({ url: job.url, encoding: i % 2 === 0 ? 'protobuf' : 'json', gzip: i % 4 >= 2, batchSize: 512, timeoutMillis: 30_000 }));
  }
  const tracesPerSecond = job.spansPerSecond / job.spansPerTrace;
  const started = Date.now();
  const end = started + job.seconds * 1000;
  let made = 0;
  let sent = 0;
  let next = 0;
  let keys: string[] = [];
  while (Date.now() < end) {
    const due = Math.floor(((Date.now() - started) / 1000) * tracesPerSecond);
    for (; made < due; made++) {
      const status = made % 10 === 0 ? 500 : 200;
      const t = producers[next]!.request({ 'http.response.status_code': status, 'http.request.method': 'GET', 'url.full': `http://bench.test/${made}` }, { children: job.spansPerTrace - 1 });
      next = (next + 1) % producers.length;
      for (const id of t.spanIds) keys.push(t.traceId + id);
      sent += t.spanIds.length;
    }
    if (keys.length) {
      send({ type: 'sent', keys });
      keys = [];
    }
    await new Promise((r) => setTimeout(r, TICK_MS));
  }
  await Promise.all(producers.map((p) => p.shutdown()));
  send({ type: 'done', sent, seconds: (Date.now() - started) / 1000 });
}

process.once('message', (job: ProducerJob) => {
  void runJob(job, (m) => process.send!(m)).then(
    () => process.disconnect(),
    (e) => {
      process.stderr.write(`receive benchmark producer: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exit(1);
    },
  );
});

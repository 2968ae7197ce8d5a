/**
 * Reading one request body under limits: a byte cap (checked while reading, not after), a deadline for
 * the whole body (a slow-drip client cannot hold a slot forever), and gzip with a cap on what it inflates
 * to (a small bomb cannot exhaust memory).
 */
import type { IncomingMessage } from 'node:http';
import { gunzip } from 'node:zlib';

/** A body that cannot be taken, with the HTTP status to answer. */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 408 | 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = 'BodyError';
  }
}

export interface BodyLimits {
  /** bytes on the wire */
  maxBodyBytes: number;
  /** bytes after gzip is undone */
  maxInflatedBytes: number;
  /** the whole body must arrive within this */
  bodyTimeoutMs: number;
}

export function readBody(req: IncomingMessage, limits: BodyLimits): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (e: BodyError | null, body?: Buffer): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
      if (e) reject(e);
      else resolve(body!);
    };
    const timer = setTimeout(
      () => finish(new BodyError(408, `request body not received within ${limits.bodyTimeoutMs} ms (${size} bytes arrived)`)),
      limits.bodyTimeoutMs,
    );
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limits.maxBodyBytes) {
        finish(new BodyError(413, `request body larger than the limit of ${limits.maxBodyBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => finish(null, Buffer.concat(chunks, size));
    const onError = (e: Error): void => finish(new BodyError(400, `request body could not be read: ${e.message}`));
    const onClose = (): void => {
      if (!req.complete) finish(new BodyError(400, 'request aborted before its body was complete'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/** Undoes the Content-Encoding; only identity and gzip are accepted (what OTLP/HTTP exporters send). */
export function inflate(body: Buffer, contentEncoding: string | undefined, maxInflatedBytes: number): Promise<Buffer> {
  const encoding = (contentEncoding ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || encoding === '') return Promise.resolve(body);
  if (encoding !== 'gzip' && encoding !== 'x-gzip') {
    return Promise.reject(new BodyError(415, `Content-Encoding ${JSON.stringify(encoding)} is not supported (use gzip or none)`));
  }
  return new Promise((resolve, reject) => {
    gunzip(body, { maxOutputLength: maxInflatedBytes }, (e, out) => {
      if (!e) return resolve(out);
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        reject(new BodyError(413, `request body inflates to more than the limit of ${maxInflatedBytes} bytes`));
      } else {
        reject(new BodyError(400, `gzip body could not be inflated: ${e.message}`));
      }
    });
  });
}

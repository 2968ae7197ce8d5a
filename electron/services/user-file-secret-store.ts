/**
 * Browser mode's secret store: tokens live in the host process's memory, and only those the user asked to
 * remember are also written to a file readable by the user alone (mode 0600, directory 0700), so that a
 * restart of the host keeps them. Never used for anything but secrets; never read by the renderer.
 */
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SecretStore } from './secrets';

/** Reads a JSON object of strings; a missing file is empty, a damaged one an error naming it. */
export async function readSecretsFile(path: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw e;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${path}: not a JSON secrets file; move it away to start afresh`);
  }
  const out: Record<string, string> = {};
  if (typeof parsed === 'object' && parsed !== null) {
    for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/** Writes the file with owner-only permissions, atomically (a crash leaves the old or the new file). */
export async function writeSecretsFile(path: string, values: Record<string, string>): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(values), { mode: 0o600 });
  // mode on writeFile only applies when the file is created; make sure of it either way
  await chmod(tmp, 0o600);
  await rename(tmp, path);
}

export class UserFileSecretStore implements SecretStore {
  readonly kind = 'user-file' as const;
  private memory = new Map<string, string>();
  private remembered: Record<string, string> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly path: string) {}

  private async load(): Promise<Record<string, string>> {
    this.remembered ??= await readSecretsFile(this.path);
    return this.remembered;
  }

  /** Serializes writes so two quick sign-ins cannot overwrite each other's file. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async get(key: string): Promise<string | undefined> {
    return this.memory.get(key) ?? (await this.load())[key];
  }

  /** Stored in memory; also on disk when `remember` is set. */
  set(key: string, value: string, opts: { remember?: boolean } = {}): Promise<void> {
    return this.serial(async () => {
      const file = await this.load();
      this.memory.set(key, value);
      const wasOnDisk = key in file;
      if (opts.remember) file[key] = value;
      else delete file[key];
      // not remembered and never was: nothing touches the disk
      if (opts.remember || wasOnDisk) await writeSecretsFile(this.path, file);
    });
  }

  delete(key: string): Promise<void> {
    return this.serial(async () => {
      const file = await this.load();
      this.memory.delete(key);
      if (!(key in file)) return;
      delete file[key];
      await writeSecretsFile(this.path, file);
    });
  }

  /** Whether a key is on disk (remembered) rather than only in memory. */
  async isRemembered(key: string): Promise<boolean> {
    return key in (await this.load());
  }

  async keys(): Promise<string[]> {
    return [...new Set([...this.memory.keys(), ...Object.keys(await this.load())])];
  }
}

/**
 * Files the user opened by path (command line, OS "open with", the native dialog, the recent list): the
 * host registers each under a random id and serves its bytes only for that id, so the renderer never
 * names a path it was not given. Also keeps the recent-files list.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { FileRef, RecentFile } from '../../shared/bridge/app';
import { BridgeFailure } from '../../shared/bridge/result';

const MAX_RECENT = 15;

export class FileRegistry {
  private byId = new Map<string, FileRef>();
  private pending: FileRef[] = [];

  constructor(private readonly dataDir: string) {}

  async register(path: string, cwd = process.cwd()): Promise<FileRef> {
    const full = resolve(cwd, path);
    let size: number;
    try {
      const st = await stat(full);
      if (!st.isFile()) throw new BridgeFailure('not-found', `${full}: not a file`);
      size = st.size;
    } catch (e) {
      if (e instanceof BridgeFailure) throw e;
      throw new BridgeFailure('not-found', `${full}: cannot open (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const ref: FileRef = { id: randomBytes(12).toString('hex'), name: basename(full), path: full, size };
    this.byId.set(ref.id, ref);
    await this.addRecent(ref);
    return ref;
  }

  /**
   * Opens a file from the recent list, and only from it: the renderer (or anything that reached the
   * bridge) cannot make the host read an arbitrary path by calling it "recent".
   */
  async openRecent(path: string): Promise<FileRef> {
    if (!(await this.recent()).some((r) => r.path === path)) throw new BridgeFailure('forbidden', `${path}: not on the recent list; open it with Open or by dropping it`);
    return this.register(path);
  }

  get(id: string): FileRef | undefined {
    return this.byId.get(id);
  }

  release(id: string): void {
    this.byId.delete(id);
  }

  queue(ref: FileRef): void {
    this.pending.push(ref);
  }

  takePending(): FileRef[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }

  private get recentPath() {
    return join(this.dataDir, 'recent-files.json');
  }

  async recent(): Promise<RecentFile[]> {
    try {
      const list = JSON.parse(await readFile(this.recentPath, 'utf8')) as RecentFile[];
      return Array.isArray(list) ? list.filter((r) => typeof r?.path === 'string').slice(0, MAX_RECENT) : [];
    } catch {
      return [];
    }
  }

  async clearRecent(): Promise<RecentFile[]> {
    await this.saveRecent([]);
    return [];
  }

  private async addRecent(ref: FileRef) {
    const list = (await this.recent()).filter((r) => r.path !== ref.path);
    list.unshift({ path: ref.path, name: ref.name, openedAt: Date.now() });
    await this.saveRecent(list.slice(0, MAX_RECENT));
  }

  private async saveRecent(list: RecentFile[]) {
    await mkdir(this.dataDir, { recursive: true, mode: 0o700 });
    await writeFile(this.recentPath, JSON.stringify(list, null, 2), { mode: 0o600 });
  }
}

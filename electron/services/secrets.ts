/**
 * Where tokens live. The desktop app encrypts them with Electron safeStorage (see electron/secure-store.ts);
 * browser mode keeps them in the host's memory, or in a file only the user can read when asked to remember.
 * Secrets never cross the bridge.
 */
export interface SecretStore {
  readonly kind: 'os-encrypted' | 'memory' | 'user-file';
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, opts?: { remember?: boolean }): Promise<void>;
  delete(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

export class MemorySecretStore implements SecretStore {
  readonly kind = 'memory' as const;
  private values = new Map<string, string>();
  async get(key: string) {
    return this.values.get(key);
  }
  async set(key: string, value: string) {
    this.values.set(key, value);
  }
  async delete(key: string) {
    this.values.delete(key);
  }
  async keys() {
    return [...this.values.keys()];
  }
}

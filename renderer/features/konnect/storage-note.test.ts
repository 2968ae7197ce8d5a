import { describe, expect, it } from 'vitest';
import { storageNote } from './storage-note';

describe('the desktop sign-in form’s storage note', () => {
  it('says "encrypted by your operating system" only when the store is', () => {
    expect(storageNote('os-encrypted')).toContain('encrypted by your operating system');
    for (const kind of ['memory', null] as const) expect(storageNote(kind)).not.toMatch(/encrypt/);
    expect(storageNote('memory')).toMatch(/memory only and forgotten when the app quits/);
  });
});

/**
 * The ingest worker is the store's only writer: no module the UI thread loads (everything renderer/main.tsx
 * imports, followed through static and dynamic imports; a worker's own modules are reached only through
 * `new Worker(...)`, which this does not follow) writes to IndexedDB. The one exception is the schema's
 * upgrades (`openDb`), Dexie's versionchange transaction, which runs in whichever side opens the store first.
 * At run time the UI's handle refuses write transactions too (renderer/db/db.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ALLOWED = new Set(['renderer/db/schema.ts']);

const WRITES = [
  // Dexie: a write on a table, directly or at the end of a chain (where(...).equals(...).delete())
  /\.(?:sessions|pages|directory|chunks|logs|payloads|journal|meta)\b(?:\s*\.\s*\w+\([^()]*\))*\s*\.\s*(?:put|bulkPut|add|bulkAdd|update|bulkUpdate|delete|bulkDelete|clear|modify|upsert|bulkUpsert)\s*\(/,
  /\.table\([^()]*\)(?:\s*\.\s*\w+\([^()]*\))*\s*\.\s*(?:put|bulkPut|add|bulkAdd|update|bulkUpdate|delete|bulkDelete|clear|modify)\s*\(/,
  // a Dexie or IndexedDB write transaction
  /\.transaction\(\s*['"]rw/,
  /\.transaction\([^)]*['"]readwrite['"]/,
  /\.objectStore\(/,
];

/** The write calls in a module's source. */
const writesIn = (source: string): string[] => WRITES.flatMap((re) => source.match(new RegExp(re.source, 'g')) ?? []);

/** Relative imports that load code: static and dynamic, not `import type` / `export type`. */
function importsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?\sfrom\s+['"](\.[^'"]+)['"]/gm)) if (!m[2]) out.push(m[3]!);
  for (const m of source.matchAll(/^\s*import\s+['"](\.[^'"]+)['"]/gm)) out.push(m[1]!);
  for (const m of source.matchAll(/\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

function resolveModule(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const p of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) if (/\.tsx?$/.test(p) && existsSync(p)) return p;
  return null;
}

function uiModules(): string[] {
  const seen = new Set<string>();
  const todo = [join(ROOT, 'renderer/main.tsx')];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      const next = resolveModule(file, spec);
      if (next) todo.push(next);
    }
  }
  return [...seen].map((f) => relative(ROOT, f));
}

describe('the UI thread only reads the store', () => {
  it('finds writes where there are some, and nothing in plain collection calls', () => {
    expect(writesIn('await db.sessions.put(row);')).toHaveLength(1);
    expect(writesIn("db.pages.where('sessionId').equals(id).delete()")).toHaveLength(1);
    expect(writesIn("return db.transaction('rw', db.sessions, async () => {})")).toHaveLength(1);
    expect(writesIn("tx.table('pages').put(page)")).toHaveLength(1);
    expect(writesIn('seen.add(id); cache.delete(key); listeners.clear();')).toEqual([]);
    expect(importsOf("import type { A } from './a';\nimport { b } from './b';\nexport { c } from './c';\nconst d = await import('./d');")).toEqual(['./b', './c', './d']);
  });

  it('no module the UI thread loads writes to IndexedDB', () => {
    const modules = uiModules();
    // the walk reaches the views and the read side, and not the worker's modules
    expect(modules).toEqual(expect.arrayContaining(['renderer/App.tsx', 'renderer/db/repo.ts', 'renderer/db/ingest-client.ts']));
    expect(modules.filter((m) => /renderer\/db\/(writer|store-ops|ingest|follow|follow-sources|idb-steps)\.ts$/.test(m))).toEqual([]);
    const writing = modules.filter((m) => !ALLOWED.has(m)).flatMap((m) => writesIn(readFileSync(join(ROOT, m), 'utf8')).map((w) => `${m}: ${w}`));
    expect(writing).toEqual([]);
  });
});

// Lint enforces the layers: shared/ is pure, renderer/ and electron/ never import each other.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'http', 'https', 'net', 'child_process', 'crypto', 'zlib', 'stream', 'url', 'util', 'events', 'worker_threads'];
// bare module names only ('./http' is a local file, 'http' the Node module)
const noNodePaths = nodeBuiltins.map((name) => ({ name, message: 'Node built-ins belong to electron/.' }));
const noNode = [{ group: ['node:*'], message: 'Node built-ins belong to electron/.' }];

const noHtml = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never inject HTML: trace data is untrusted.' },
  { selector: "MemberExpression[property.name='innerHTML']", message: 'Never inject HTML: trace data is untrusted.' },
];

// The renderer's inside (issue 18): every renderer file keeps these; renderer/db and the features add theirs.
const rendererPaths = [{ name: 'electron', message: 'The renderer reaches the Node side only through the bridge.' }, ...noNodePaths];
const rendererPatterns = [...noNode, { group: ['**/electron/**'], message: 'renderer/ must not import electron/.' }];
const rendererImports = (extra = { paths: [], patterns: [] }) => [
  'error',
  { paths: [...rendererPaths, ...extra.paths], patterns: [...rendererPatterns, ...extra.patterns] },
];
/** the store and Dexie's tables are renderer/db's own: features read through repo.ts (and write through the worker) */
const dbInternals = ['db', 'chunks', 'source-chunks', 'writer', 'write-*', 'idb-steps', 'stored-row', 'retention', 'session-routing'].map((f) => `**/db/${f}`);

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'shared/proto/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...noHtml],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...['electron', 'react', 'react-dom', 'dexie', 'zustand'].map((name) => ({ name, message: 'shared/ is pure: no Electron, DOM, React or storage.' })),
            ...noNodePaths,
          ],
          patterns: [
            ...noNode,
            { group: ['**/renderer/**', '**/electron/**'], message: 'shared/ must not import renderer/ or electron/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': rendererImports(),
    },
  },
  {
    // the data layer knows nothing of the UI: progress goes out through a listener (ingest-client.ts)
    files: ['renderer/db/**/*.ts'],
    rules: {
      'no-restricted-imports': rendererImports({
        paths: [{ name: 'zustand', message: 'renderer/db holds no UI state.' }],
        patterns: [{ group: ['**/store', '**/store/**', '**/features/**', '**/ui/**'], message: 'renderer/db never imports the UI store, features or ui/.' }],
      }),
    },
  },
  {
    // views and feature logic read data only through repository functions (renderer/db/repo.ts)
    files: ['renderer/features/**/*.{ts,tsx}', 'renderer/ui/**/*.{ts,tsx}', 'renderer/store/**/*.ts', 'renderer/*.tsx'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': rendererImports({
        paths: ['dexie', 'dexie-react-hooks'].map((name) => ({ name, message: 'Read data through renderer/db/repo.ts, never Dexie tables.' })),
        patterns: [{ group: dbInternals, message: 'Read data through renderer/db/repo.ts; writes go through the ingest worker (ingest-client.ts).' }],
      }),
    },
  },
  {
    // shared UI pieces know no feature, no store and no data: features compose them
    files: ['renderer/ui/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': rendererImports({
        paths: ['dexie', 'dexie-react-hooks', 'zustand'].map((name) => ({ name, message: 'renderer/ui holds shared pieces only: no data, no UI state.' })),
        patterns: [{ group: ['**/store', '**/store/**', '**/features/**', '**/db/**'], message: 'renderer/ui never imports features, the store or renderer/db.' }],
      }),
    },
  },
  {
    // a slice lives in its feature's folder; renderer/store only composes them
    files: ['renderer/store/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...noHtml,
        { selector: 'VariableDeclarator[id.name=/^create\\w+Slice$/]', message: 'Define slices in their feature folder (features/<feature>/*-slice.ts); renderer/store only composes them.' },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'dexie', 'zustand'].map((name) => ({ name, message: 'electron/ holds no UI or browser storage.' })),
          patterns: [{ group: ['**/renderer/**'], message: 'electron/ must not import renderer/.' }],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'test/**/*.{ts,mjs,js}', 'bin/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);

// Lint enforces the layers: shared/ is pure, renderer/ and electron/ never import each other.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'http', 'https', 'net', 'child_process', 'crypto', 'zlib', 'stream', 'url', 'util', 'events', 'worker_threads'];
// bare module names only ('./http' is a local file, 'http' the Node module)
const noNodePaths = nodeBuiltins.map((name) => ({ name, message: 'Node built-ins belong to electron/.' }));
const noNode = [{ group: ['node:*'], message: 'Node built-ins belong to electron/.' }];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'shared/proto/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never inject HTML: trace data is untrusted.' },
        { selector: "MemberExpression[property.name='innerHTML']", message: 'Never inject HTML: trace data is untrusted.' },
      ],
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
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches the Node side only through the bridge.' }, ...noNodePaths],
          patterns: [...noNode, { group: ['**/electron/**'], message: 'renderer/ must not import electron/.' }],
        },
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

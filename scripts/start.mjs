#!/usr/bin/env node
// `npm start`: the desktop app on the bundled sample session, or browser mode when Electron is missing.
await import('../dist/node/cli.mjs');

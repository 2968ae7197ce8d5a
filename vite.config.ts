import { defineConfig } from 'vite';

// The renderer is served from app://ktv/ (desktop) or http://127.0.0.1:N/ (browser mode): relative base.
export default defineConfig({
  root: 'renderer',
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    // KTV_NO_MINIFY=1: readable function names in CPU profiles (used when profiling the import)
    ...(process.env.KTV_NO_MINIFY ? { minify: false } : {}),
  },
  worker: { format: 'es' },
});

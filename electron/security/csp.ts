/**
 * The Content-Security-Policy of the UI, the same in the desktop app (app:// protocol) and browser mode:
 * only the app's own scripts, styles and workers; no inline script, no eval, no remote anything; images
 * may be data:/blob: URLs (PNG export). Trace data never becomes markup.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The Content-Security-Policy of the UI, the same in the desktop app (app:// protocol) and browser mode:
 * only the app's own scripts, styles and workers; no inline script or style, no eval, no remote anything;
 * images may be data:/blob: URLs (PNG export). Trace data never becomes markup.
 * No 'unsafe-inline' for styles: React's `style={...}` props are set through the CSSOM (element.style),
 * which CSP does not govern, and the PNG export's inline styles exist only in the SVG markup it loads as
 * an image. No blob: workers: the workers are the app's own module files. WebAssembly stays refused:
 * long.js (under protobufjs) tries it and falls back to JavaScript.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Every identity string the app's parts must agree on, each with one home (issue 18): session ids, the
 * bridge's IPC channels and preload global, the desktop app's origin, the browser-mode host's paths and
 * cookie, and which files the app opens. Pure: the Node side, the preload, the renderer and the scripts
 * import it.
 */

// ── session ids ──────────────────────────────────────────────────────────────────────────────────────
// A session's id says where it came from; the prefix is part of the stored data, so these never change.

const FILE = 'file:';
const KONNECT = 'konnect:';
const CAPTURE = 'capture:';
const SAMPLE = 'sample:';

/** A file's default session: its first MiB's hash and its size, so the same file lands in the same session. */
export const fileSessionId = (hash: string, size: number): string => `${FILE}${hash}:${size}`;
/** A Konnect debugger session's traces, by its uuid. */
export const konnectSessionId = (uuid: string): string => `${KONNECT}${uuid}`;
/** The Konnect uuid of a `konnect:` session id, or null for any other session. */
export const konnectUuid = (sessionId: string): string | null => (sessionId.startsWith(KONNECT) ? sessionId.slice(KONNECT.length) : null);
/** A live capture's session, by the capture's id. */
export const captureSessionId = (captureId: string): string => `${CAPTURE}${captureId}`;
/** A bundled sample's session. */
export const sampleSessionId = (name: string): string => `${SAMPLE}${name}`;
/** Where log lines and payloads wait for a trace not stored yet: rows with this session id, no session row. */
export const WAITING_SESSION_ID = 'waiting';

// ── the desktop app ──────────────────────────────────────────────────────────────────────────────────

/** The IPC channel every bridge call goes through (the contract's channel is its first argument). */
export const IPC_INVOKE = 'ktv:invoke';
/** The IPC channel pushed events come on. */
export const IPC_EVENT = 'ktv:event';
/** The preload's one object on `window`. */
export const PRELOAD_GLOBAL = 'ktv';
/** The UI is served from `app://ktv/`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ktv';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

// ── both: where a file the user opened is downloaded from ────────────────────────────────────────────

/** app://ktv/files/<id> (desktop); the browser-mode host serves the same under /api/. */
export const FILES_PATH = '/files/';

// ── browser mode: the Node host's HTTP API ───────────────────────────────────────────────────────────

export const API_PREFIX = '/api/';
/** POST /api/invoke/<channel> */
export const API_INVOKE_PATH = `${API_PREFIX}invoke/`;
/** GET /api/events: NDJSON, one pushed event a line */
export const API_EVENTS_PATH = `${API_PREFIX}events`;
/** GET /api/files/<id> */
export const API_FILES_PATH = `${API_PREFIX}files/`;
/** The browser's session cookie: cookies are not scoped by port, so each host (port) names its own. */
export const sessionCookieName = (port: number): string => `ktv-session-${port}`;

// ── files the app opens ──────────────────────────────────────────────────────────────────────────────

/**
 * The extensions offered by the open dialogs (native and the browser's). The decoders go by content, not
 * name, so this only narrows what the dialog shows first. (electron-builder.yml's fileAssociations, which
 * cannot import this, lists the JSON and protobuf ones.)
 */
export const TRACE_FILE_EXTENSIONS = ['json', 'jsonl', 'ndjson', 'pb', 'binpb', 'otlp', 'gz', 'zst', 'zstd', 'zip'] as const;
/** The same for an `<input type="file" accept>`. */
export const TRACE_FILE_ACCEPT = [...TRACE_FILE_EXTENSIONS.map((e) => `.${e}`), 'application/json'].join(',');

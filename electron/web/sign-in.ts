/**
 * Browser mode's sign-in, as Jupyter does it: the launcher opens (or prints) a link carrying a one-time
 * secret; visiting it sets an HttpOnly, SameSite=Strict session cookie and redirects to the clean address.
 * The page itself never holds a credential, so another local process that fetches `/` gets nothing it can
 * use. Each secret works once; redeeming it mints the next one (announced to the terminal), so a user
 * whose browser lost the cookie can get back in without restarting.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sessionCookieName } from '../../shared/ids';

export const SIGN_IN_PATH = '/sign-in';
export const SIGN_IN_CSS_PATH = '/sign-in.css';

/** the "how to get in" page's look (a file, as the CSP allows no inline style) */
export const SIGN_IN_CSS = `body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 15vh auto; padding: 0 1.5rem; }
h1 { font-size: 1.4rem; margin-bottom: 0.5rem; }
code { font-size: 0.95em; padding: 0.1em 0.3em; border-radius: 4px; background: color-mix(in srgb, currentColor 10%, transparent); }
`;
export const SECRET_PARAM = 'secret';

const fresh = () => randomBytes(32).toString('hex');
const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export class SignIn {
  private secret = fresh();
  private readonly sessions = new Set<string>();

  /** @param port cookies are not scoped by port, so each host names its own cookie */
  constructor(
    private readonly port: number,
    private readonly onNewLink: (url: string) => void = () => {},
  ) {}

  get cookieName(): string {
    return sessionCookieName(this.port);
  }

  /** the link that signs a browser in, once */
  link(): string {
    return `http://127.0.0.1:${this.port}${SIGN_IN_PATH}?${SECRET_PARAM}=${this.secret}`;
  }

  /** Trades the one-time secret for a new session id, or null when it is wrong or already used. */
  redeem(given: string): string | null {
    if (!same(given, this.secret)) return null;
    this.secret = fresh();
    const session = fresh();
    this.sessions.add(session);
    this.onNewLink(this.link());
    return session;
  }

  setCookie(session: string): string {
    return `${this.cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`;
  }

  /** whether the request's Cookie header carries a session this host issued */
  signedIn(cookieHeader: string | undefined): boolean {
    const value = readCookie(cookieHeader, this.cookieName);
    if (value === undefined) return false;
    for (const s of this.sessions) if (same(value, s)) return true;
    return false;
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** What `GET /` answers a browser that is not signed in: how to get in, and no credential. */
export const HOW_TO_SIGN_IN = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="color-scheme" content="light dark"><title>Kong Trace Viewer: sign in</title><link rel="stylesheet" href="${SIGN_IN_CSS_PATH}"></head>
<body>
<h1>Kong Trace Viewer</h1>
<p>This browser is not signed in to this Kong Trace Viewer.</p>
<p>Open the sign-in link that <code>npm run web</code> printed in its terminal (or the browser it opened).
Each link works once; after one is used, the terminal prints the next.
If the terminal is gone, stop the host and start <code>npm run web</code> again.</p>
</body>
</html>
`;

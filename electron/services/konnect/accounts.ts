/**
 * Signed-in Konnect accounts. Each account's token and its (non-secret) region and label are kept together
 * in the SecretStore under `konnect.account.<id>`, so an account exists exactly as long as its token does
 * and signing out removes both. A KONNECT_TOKEN in the environment shows up as the account `env`.
 */
import { randomUUID } from 'node:crypto';
import { BridgeFailure } from '../../../shared/bridge/result';
import { parseRegion, resolveBaseUrl, type KonnectRegion } from '../../../shared/konnect/regions';
import { checkTokenShape } from '../../../shared/konnect/token';
import type { KonnectAccount, TokenStorage } from '../../../shared/konnect/types';
import type { SecretStore } from '../secrets';
import { KonnectHttp, type CallContext, type KonnectHttpOptions } from './http';
import { KonnectPublicApi } from './public-api';
import { HttpSessionsApi, type SessionsApi } from './sessions-api';

const PREFIX = 'konnect.account.';
export const ENV_ACCOUNT_ID = 'env';

interface StoredAccount extends Omit<KonnectAccount, 'id'> {
  token: string;
}

export interface Connection {
  account: KonnectAccount;
  publicApi: KonnectPublicApi;
  sessions: SessionsApi;
}

export type HttpTuning = Omit<KonnectHttpOptions, 'baseUrl' | 'token'>;

export class KonnectAccounts {
  private connections = new Map<string, Connection>();
  private envSignedOut = false;

  constructor(
    private readonly secrets: SecretStore,
    private readonly env: Record<string, string | undefined>,
    private readonly tuning: HttpTuning = {},
  ) {}

  private baseUrlFor(region: KonnectRegion): string {
    try {
      return resolveBaseUrl(region, this.env.KONNECT_BASE_URL);
    } catch (e) {
      throw new BridgeFailure('invalid-argument', (e as Error).message);
    }
  }

  private envAccount(): StoredAccount | null {
    const token = this.env.KONNECT_TOKEN?.trim();
    if (!token || this.envSignedOut) return null;
    const check = checkTokenShape(token);
    if (!check.ok) return null;
    let region: KonnectRegion;
    try {
      region = parseRegion(this.env.KONNECT_REGION);
    } catch {
      return null;
    }
    return { label: `KONNECT_TOKEN (${region})`, region, baseUrl: this.baseUrlFor(region), tokenKind: check.kind, storage: 'environment', token };
  }

  private async stored(id: string): Promise<StoredAccount | null> {
    if (id === ENV_ACCOUNT_ID) return this.envAccount();
    const text = await this.secrets.get(PREFIX + id);
    if (!text) return null;
    try {
      return JSON.parse(text) as StoredAccount;
    } catch {
      return null;
    }
  }

  async list(): Promise<KonnectAccount[]> {
    const out: KonnectAccount[] = [];
    const envAccount = this.envAccount();
    if (envAccount) out.push(publicView(ENV_ACCOUNT_ID, envAccount));
    for (const key of (await this.secrets.keys()).sort()) {
      if (!key.startsWith(PREFIX)) continue;
      const id = key.slice(PREFIX.length);
      const acct = await this.stored(id);
      if (acct) out.push(publicView(id, acct));
    }
    return out;
  }

  /** Checks the token's shape, then asks Konnect whether it accepts it, then stores it. */
  async signIn(args: { token: string; region: string; label?: string; remember?: boolean }, ctx: CallContext = {}): Promise<KonnectAccount> {
    const token = args.token.trim();
    const check = checkTokenShape(token);
    if (!check.ok) throw new BridgeFailure('invalid-argument', `Token: ${check.reason}`, { invalidParameters: [{ field: 'token', reason: check.reason }] });
    let region: KonnectRegion;
    try {
      region = parseRegion(args.region, 'Region');
    } catch (e) {
      throw new BridgeFailure('invalid-argument', (e as Error).message, { invalidParameters: [{ field: 'region', reason: (e as Error).message }] });
    }
    const baseUrl = this.baseUrlFor(region);
    const http = new KonnectHttp({ ...this.tuning, baseUrl, token });
    await new KonnectPublicApi(http).controlPlanes({ pageNumber: 1, pageSize: 1 }, ctx);

    const storage: TokenStorage = this.secrets.kind === 'user-file' ? (args.remember ? 'user-file' : 'memory') : this.secrets.kind;
    const label = args.label?.trim() || `Konnect ${region.toUpperCase()}`;
    const stored: StoredAccount = { label, region, baseUrl, tokenKind: check.kind, storage, token };
    // the same token for the same place is the same account: keep its id, take the new choices
    let id: string = randomUUID();
    for (const existing of await this.list()) {
      const prev = existing.id === ENV_ACCOUNT_ID ? null : await this.stored(existing.id);
      if (prev?.token === token && prev.baseUrl === baseUrl) id = existing.id;
    }
    this.connections.delete(id);
    await this.secrets.set(PREFIX + id, JSON.stringify(stored), { remember: args.remember === true });
    return publicView(id, stored);
  }

  async signOut(id: string): Promise<void> {
    this.connections.delete(id);
    if (id === ENV_ACCOUNT_ID) this.envSignedOut = true;
    else await this.secrets.delete(PREFIX + id);
  }

  async connect(id: string): Promise<Connection> {
    const cached = this.connections.get(id);
    if (cached) return cached;
    const stored = await this.stored(id);
    if (!stored) throw new BridgeFailure('unauthorized', 'This Konnect account is signed out; sign in again.');
    const http = new KonnectHttp({ ...this.tuning, baseUrl: stored.baseUrl, token: stored.token });
    const conn: Connection = { account: publicView(id, stored), publicApi: new KonnectPublicApi(http), sessions: new HttpSessionsApi(http) };
    this.connections.set(id, conn);
    return conn;
  }
}

function publicView(id: string, s: StoredAccount): KonnectAccount {
  return { id, label: s.label, region: s.region, baseUrl: s.baseUrl, tokenKind: s.tokenKind, storage: s.storage };
}

/**
 * The signed-in person's tokens, kept in localStorage so a reload stays signed in. Access
 * tokens are short-lived (15 min): `accessToken()` refreshes one that is about to expire, once
 * for all concurrent callers (refresh tokens are single use; a second refresh would be seen as
 * reuse and end the session).
 */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
  roles: string[];
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms. */
  expiresAt: number;
  user: SessionUser;
}

export interface AuthPayload {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: SessionUser;
}

/** The storefront's key; another client passes its own so its session stays separate. */
const DEFAULT_KEY = 'bloom.session';
const EARLY_MS = 30_000;

type Refresh = (refreshToken: string) => Promise<AuthPayload | null>;

export class SessionStore {
  private current: Session | null;
  private readonly listeners = new Set<() => void>();
  private refreshing: Promise<string | null> | null = null;
  private refresh: Refresh | null = null;

  private readonly storage: Storage | null;
  private readonly key: string;

  constructor(options: { storage?: Storage | null; key?: string } = {}) {
    this.storage =
      options.storage === undefined ? (globalThis.localStorage ?? null) : options.storage;
    this.key = options.key ?? DEFAULT_KEY;
    this.current = this.read();
  }

  /** How tokens are refreshed (the GraphQL client sets it; it needs the client itself). */
  useRefresh(refresh: Refresh): void {
    this.refresh = refresh;
  }

  get(): Session | null {
    return this.current;
  }

  signIn(payload: AuthPayload): void {
    this.write({
      accessToken: payload.accessToken,
      refreshToken: payload.refreshToken,
      expiresAt: Date.now() + payload.expiresIn * 1000,
      user: payload.user,
    });
  }

  signOut(): void {
    this.write(null);
  }

  /** A valid access token, refreshed when it is about to expire; null when signed out. */
  async accessToken(): Promise<string | null> {
    const session = this.current;
    if (!session) return null;
    if (session.expiresAt - EARLY_MS > Date.now()) return session.accessToken;
    return this.refreshNow();
  }

  /** Refreshes now (after the server refused the token); null ends the session. */
  refreshNow(): Promise<string | null> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async doRefresh(): Promise<string | null> {
    const session = this.current;
    if (!session || !this.refresh) return null;
    const payload = await this.refresh(session.refreshToken).catch(() => null);
    if (!payload) {
      // Only end the session if no one signed in again meanwhile.
      if (this.current === session) this.signOut();
      return null;
    }
    this.signIn(payload);
    return payload.accessToken;
  }

  private read(): Session | null {
    try {
      const raw = this.storage?.getItem(this.key);
      return raw ? (JSON.parse(raw) as Session) : null;
    } catch {
      return null;
    }
  }

  private write(session: Session | null): void {
    this.current = session;
    if (session) this.storage?.setItem(this.key, JSON.stringify(session));
    else this.storage?.removeItem(this.key);
    for (const listener of this.listeners) listener();
  }
}

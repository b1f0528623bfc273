/** Access that ended before its credential expired, as identity announces it. */
export type Revocation =
  | { kind: 'session'; userId: string; sessionId: string }
  | { kind: 'key'; userId: string; apiKeyId: string }
  | { kind: 'user'; userId: string; reason: 'SUSPENDED' | 'DELETED'; atMs: number };

/** What a presented access token carries that a revocation can name. */
export interface TokenFacts {
  userId: string;
  sessionId?: string;
  /** `iat`, in milliseconds. */
  issuedAtMs: number;
}

interface Entry {
  revocation: Revocation;
  expiresAtMs: number;
}

/**
 * The gateway's deny-list: sessions ended, keys revoked and users suspended or deleted, kept
 * for longer than any access token lives (after that the credential has expired anyway, and
 * identity refuses revoked keys itself). Every replica builds its own from identity's events,
 * and listeners (the WebSocket server) close what a revocation names.
 */
export class RevocationList {
  private readonly sessions = new Map<string, Entry>();
  private readonly keys = new Map<string, Entry>();
  private readonly users = new Map<string, Entry>();
  private readonly listeners = new Set<(revocation: Revocation) => void>();

  constructor(
    private readonly retentionMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private added = 0;

  add(revocation: Revocation, atMs: number): void {
    // Expired entries go in a sweep now and then, so the list stays bounded by the retention.
    if (++this.added % 256 === 0) this.sweep();
    const entry = { revocation, expiresAtMs: atMs + this.retentionMs };
    if (entry.expiresAtMs <= this.now()) return;
    if (revocation.kind === 'session') this.sessions.set(revocation.sessionId, entry);
    else if (revocation.kind === 'key') this.keys.set(revocation.apiKeyId, entry);
    else {
      const known = this.users.get(revocation.userId)?.revocation;
      // A later suspension of the same user moves the cut-off forward, never back.
      if (known?.kind === 'user' && known.atMs >= revocation.atMs) return;
      this.users.set(revocation.userId, entry);
    }
    for (const listener of this.listeners) listener(revocation);
  }

  /** Why a token is refused, or undefined when it may still be used. */
  refusesToken(token: TokenFacts): Revocation | undefined {
    const session = token.sessionId ? this.live(this.sessions, token.sessionId) : undefined;
    if (session) return session;
    const user = this.live(this.users, token.userId);
    // iat has whole seconds: a token from the very second of a suspension is refused too.
    if (user?.kind === 'user' && token.issuedAtMs <= user.atMs) return user;
    return undefined;
  }

  refusesKey(apiKeyId: string): Revocation | undefined {
    return this.live(this.keys, apiKeyId);
  }

  /** Calls `listener` for every revocation added from now on; returns the unsubscribe. */
  onRevoked(listener: (revocation: Revocation) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  size(): number {
    return this.sessions.size + this.keys.size + this.users.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const map of [this.sessions, this.keys, this.users]) {
      for (const [id, entry] of map) if (entry.expiresAtMs <= now) map.delete(id);
    }
  }

  private live(map: Map<string, Entry>, id: string): Revocation | undefined {
    const entry = map.get(id);
    if (!entry) return undefined;
    if (entry.expiresAtMs > this.now()) return entry.revocation;
    map.delete(id);
    return undefined;
  }
}

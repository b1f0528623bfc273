import { useSessionStore } from '@bloom/client-shared';
import { useEffect, useState } from 'react';
import type { PlatformHealth } from './health.types.js';

export const POLL_MS = 5000;

export interface HealthState {
  health: PlatformHealth | null;
  /** The last poll failed (the gateway down, or refused); the last answer stays shown. */
  failed: boolean;
}

async function fetchHealth(token: string | null): Promise<Response> {
  return fetch('/ops/health', {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    cache: 'no-store',
  });
}

/** Polls the gateway's /ops/health every 5 s with the admin's bearer token (refreshed on 401). */
export function useHealth(): HealthState {
  const session = useSessionStore();
  const [state, setState] = useState<HealthState>({ health: null, failed: false });
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      try {
        let response = await fetchHealth(await session.accessToken());
        if (response.status === 401) response = await fetchHealth(await session.refreshNow());
        if (!response.ok) throw new Error(`health ${response.status}`);
        const health = (await response.json()) as PlatformHealth;
        if (!stopped) setState({ health, failed: false });
      } catch {
        if (!stopped) setState((current) => ({ ...current, failed: true }));
      }
    };
    void poll();
    const timer = window.setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [session]);
  return state;
}

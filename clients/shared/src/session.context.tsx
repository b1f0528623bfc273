import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Session, SessionStore } from './session.store.js';

export const SessionContext = createContext<SessionStore | null>(null);

export function useSessionStore(): SessionStore {
  const store = useContext(SessionContext);
  if (!store) throw new Error('useSessionStore outside <SessionContext>');
  return store;
}

/** The current session (null when signed out); re-renders on sign-in and sign-out. */
export function useSession(): Session | null {
  const store = useSessionStore();
  return useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => store.get(),
  );
}

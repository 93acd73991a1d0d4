// The signed-in user as the server describes it (GET /api/me): role, abilities and scope.
// The interface shows or hides actions by these abilities; it never works out scope itself.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from './api.ts';

export interface ScopeOrgUnit {
  id: string;
  code: string | null;
  name: string;
  level: number;
  path: string;
}

export interface Me {
  username: string;
  displayName: string;
  role: string;
  language: 'fr' | 'en';
  abilities: string[];
  scope: ScopeOrgUnit[];
}

interface Session {
  me: Me | null | undefined; // undefined while loading, null when signed out
  can(ability: string): boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const refresh = useCallback(async () => {
    try {
      setMe(await api<Me>('/api/me'));
    } catch {
      setMe(null);
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const signIn = useCallback(
    async (username: string, password: string) => {
      await api('/api/auth/login', { method: 'POST', json: { username, password } });
      await refresh();
    },
    [refresh],
  );
  const signOut = useCallback(async () => {
    await api('/api/auth/logout', { method: 'POST', json: {} });
    setMe(null);
  }, []);
  const can = useCallback((ability: string) => Boolean(me?.abilities.includes(ability)), [me]);
  return <SessionContext.Provider value={{ me, can, signIn, signOut, refresh }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

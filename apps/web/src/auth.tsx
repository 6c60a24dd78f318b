import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Role } from '@app/common';
import { api, session, setUnauthorizedHandler, type Session } from './api';
import { navigate } from './router';

interface AuthState {
  user: Session['user'] | null;
  login(username: string, password: string): Promise<Session['user']>;
  logout(): void;
  has(...roles: Role[]): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

/** Where each role starts: the screen of its main task. */
export function homeOf(roles: readonly Role[]): string {
  if (roles.includes('org_admin')) return '/org/dashboard';
  if (roles.includes('unit_respondent')) return '/unit/consultations';
  if (roles.includes('inspector')) return '/inspector/selections';
  if (roles.includes('committee_member')) return '/votes';
  if (roles.includes('supervisor')) return '/supervisor/selections';
  if (roles.includes('audit_admin')) return '/org/selections';
  return '/account';
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<Session | null>(() => session.get());
  useEffect(() => {
    setUnauthorizedHandler(() => {
      session.set(null);
      setCurrent(null);
      navigate('/login', { replace: true });
    });
  }, []);
  const state: AuthState = {
    user: current?.user ?? null,
    async login(username, password) {
      const s = await api.post<Session>('/api/auth/login', { username, password });
      session.set(s);
      setCurrent(s);
      return s.user;
    },
    logout() {
      session.set(null);
      setCurrent(null);
      navigate('/login', { replace: true });
    },
    has: (...roles) => !!current && roles.some((r) => current.user.roles.includes(r)),
  };
  return <AuthContext.Provider value={state}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('AuthProvider missing');
  return ctx;
}

import { createContext, useContext } from 'react';
import { can, type Capability, type MeResponse } from '@lantern/core';

export const SessionContext = createContext<MeResponse | null>(null);

/** The signed-in session; only for components rendered inside `RequireSession`. */
export function useSession(): MeResponse {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() used outside RequireSession');
  return session;
}

/** Whether the signed-in user's roles grant `capability` (the table in @lantern/core). */
export function useCan(capability: Capability): boolean {
  return can(useSession().user.roles, capability);
}

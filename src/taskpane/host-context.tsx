/** The host the components use, injected once at the root (index.tsx) or by a test. */
import { createContext, useContext, type ReactNode } from 'react';
import type { WorkbookHost } from './host.js';

const HostContext = createContext<WorkbookHost | undefined>(undefined);

export interface HostProviderProps {
  readonly host: WorkbookHost;
  readonly children: ReactNode;
}

export function HostProvider({ host, children }: HostProviderProps) {
  return <HostContext.Provider value={host}>{children}</HostContext.Provider>;
}

/** The injected host; throws when a component is rendered outside a HostProvider (a programming error). */
export function useHost(): WorkbookHost {
  const host = useContext(HostContext);
  if (host === undefined) throw new Error('useHost needs a HostProvider above it');
  return host;
}

import { createContext, useContext, type ReactNode } from 'react';

/** What the server lets the browser know of its configuration (server/config.ts publicConfig). */
export interface PublicConfig {
  oauth: { google: boolean; github: boolean };
}

const PublicConfigContext = createContext<PublicConfig>({ oauth: { google: false, github: false } });

export function PublicConfigProvider({ value, children }: { value: PublicConfig; children: ReactNode }) {
  return <PublicConfigContext.Provider value={value}>{children}</PublicConfigContext.Provider>;
}

export const usePublicConfig = () => useContext(PublicConfigContext);

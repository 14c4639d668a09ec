'use client';

import { createContext } from 'react';

/**
 * What else to refresh once a transaction is mined, besides the server-rendered page (which the
 * transaction helper always renders again): pages whose reads are client-side queries provide their
 * query cache's invalidation here (components/Providers.tsx); server-rendered pages need nothing.
 */
export const TxConfirmedContext = createContext<((scopes: readonly string[]) => Promise<void>) | undefined>(undefined);

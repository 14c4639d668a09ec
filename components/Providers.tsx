'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { WagmiProvider, type State } from 'wagmi';
import { wagmiConfig } from '@/components/wallet/wagmiConfig';
import { WalletSync } from '@/components/wallet/WalletSync';

/** wagmi and the query cache it needs, for the wallet island (components/wallet/WalletIsland.tsx, loaded on demand). */
export function Providers({ children, initialState }: { children: ReactNode; initialState?: State }) {
  const [config] = useState(wagmiConfig);
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } }));
  return (
    <WagmiProvider config={config} initialState={initialState}>
      <QueryClientProvider client={queryClient}>
        <WalletSync initialState={initialState} />
        {children}
      </QueryClientProvider>
    </WagmiProvider>
  );
}

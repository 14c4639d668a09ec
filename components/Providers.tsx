'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { WagmiProvider, type State } from 'wagmi';
import { wagmiConfig } from '@/components/wallet/wagmiConfig';
import { WalletSync } from '@/components/wallet/WalletSync';
import { invalidateScopes } from './query/queryKeys';
import { TxConfirmedContext } from './tx/txConfirmed';

export function Providers({ children, initialState }: { children: ReactNode; initialState?: State }) {
  const [config] = useState(wagmiConfig);
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } }));
  const [onConfirmed] = useState(() => (scopes: readonly string[]) => invalidateScopes(queryClient, scopes));
  return (
    <WagmiProvider config={config} initialState={initialState}>
      <QueryClientProvider client={queryClient}>
        <TxConfirmedContext value={onConfirmed}>
          <WalletSync initialState={initialState} />
          {children}
        </TxConfirmedContext>
      </QueryClientProvider>
    </WagmiProvider>
  );
}

'use client';

import { useReadContracts } from 'wagmi';
import { backstopPoolAbi } from '@/contracts-abi';
import { LAYERS, poolAddress, type Layer } from '@/lib/chain/config';
import { capitalBreakdown, type CapitalBreakdown } from '@/lib/pool/capital';

const ONE_SHARE = 10n ** 18n;
const READS = ['totalAssets', 'lockedAssets', 'unearnedPremium', 'freeAssets'] as const;

/** Live capital of both layers in one batched read. */
export function useLayerCapital() {
  const contracts = LAYERS.flatMap((layer) => {
    const address = poolAddress(layer);
    return [
      ...READS.map((functionName) => ({ address, abi: backstopPoolAbi, functionName }) as const),
      { address, abi: backstopPoolAbi, functionName: 'convertToAssets', args: [ONE_SHARE] } as const,
    ];
  });
  const query = useReadContracts({ allowFailure: false, contracts, query: { refetchInterval: 4_000, enabled: LAYERS.every((l) => poolAddress(l)) } });
  const layers = query.data
    ? (Object.fromEntries(
        LAYERS.map((layer, i) => {
          const per = READS.length + 1;
          const [totalAssets, lockedAssets, unearnedPremium, freeAssets, sharePrice] = query.data.slice(i * per, (i + 1) * per) as bigint[];
          return [layer, { ...capitalBreakdown({ totalAssets: totalAssets!, lockedAssets: lockedAssets!, unearnedPremium: unearnedPremium!, freeAssets: freeAssets! }), sharePrice: sharePrice! }];
        }),
      ) as Record<Layer, CapitalBreakdown & { sharePrice: bigint }>)
    : undefined;
  return { layers, query };
}

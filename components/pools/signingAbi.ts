// What the pool page's forms sign, picked from the generated ABI on the server (lib/chain/abiItems.ts)
// and passed to them as a prop, so the pool's whole ABI stays out of the browser's first load. The
// client components import only the type.
import { backstopPoolAbi } from '@/contracts-abi';
import { abiFunctions } from '@/lib/chain/abiItems';

/** BackstopPool: `deposit`, `requestRedeem`, and `redeem` (the claim of a matured request). */
export const POOL_SIGNING_ABI = abiFunctions(backstopPoolAbi, ['deposit', 'requestRedeem', 'redeem']);

export type PoolSigningAbi = typeof POOL_SIGNING_ABI;

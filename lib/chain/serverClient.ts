// The server's read-only view of the chain, for pages it renders itself (the overview), so those
// pages ship no wallet or RPC code. RPC_URL overrides the build-time NEXT_PUBLIC_RPC_URL at run time.
import { createPublicClient, http, type PublicClient } from 'viem';
import { chain, RPC_URL } from './config';

export function serverPublicClient(rpcUrl: string = process.env.RPC_URL || RPC_URL): PublicClient {
  return createPublicClient({ chain, transport: http(rpcUrl, { batch: true, retryCount: 0, timeout: 5_000 }) });
}

// The write half of wagmi and viem (simulate, send, wait for the receipt, switch chain: transaction
// preparation, gas estimation, signature recovery, ~25 kB gzip) with the one wagmi config, in a module of
// its own so the transaction helper loads it when a signature is near, instead of with the page.
export { getConnection, simulateContract, switchChain, waitForTransactionReceipt, writeContract } from 'wagmi/actions';
export { wagmiConfig } from '../wallet/wagmiConfig';
// Every error the protocol declares, so a simulation decodes any revert (the page never needs it before).
export { protocolErrorsAbi } from '@/contracts-abi';

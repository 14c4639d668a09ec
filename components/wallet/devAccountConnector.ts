// A one-click wallet for the local chain: anvil's 10th well-known account, whose key anvil holds
// unlocked, so transactions are signed by the node itself. Never offered on any other chain.
import { createConnector } from 'wagmi';
import { getAddress, numberToHex, SwitchChainError, UserRejectedRequestError, type EIP1193RequestFn } from 'viem';
import { DEV_ACCOUNT, DEV_CONNECTOR_ID } from '@/lib/wallet/devAccount';

type RpcRequest = { method: string; params?: unknown };

export function devAccount(parameters: { rpcUrl: string; chainId: number }) {
  let connected = false;
  let requestId = 0;

  const forward = async ({ method, params }: RpcRequest): Promise<unknown> => {
    const res = await fetch(parameters.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++requestId, method, params: params ?? [] }),
    });
    const body = (await res.json()) as { result?: unknown; error?: { code: number; message: string; data?: unknown } };
    if (body.error) throw Object.assign(new Error(body.error.message), { code: body.error.code, data: body.error.data });
    return body.result;
  };

  const request = (async ({ method, params }: RpcRequest) => {
    switch (method) {
      case 'eth_accounts':
        return connected ? [DEV_ACCOUNT] : [];
      case 'eth_requestAccounts':
        connected = true;
        return [DEV_ACCOUNT];
      case 'eth_chainId':
        return numberToHex(parameters.chainId);
      case 'wallet_switchEthereumChain': {
        const [{ chainId }] = params as [{ chainId: string }];
        if (Number(chainId) !== parameters.chainId) throw new SwitchChainError(new Error('The dev account only exists on the local chain.'));
        return null;
      }
      default:
        return forward({ method, params });
    }
  }) as EIP1193RequestFn;

  return createConnector((config) => ({
    id: DEV_CONNECTOR_ID,
    name: 'Dev account (local chain)',
    type: 'devAccount',
    async connect(options?: { chainId?: number; isReconnecting?: boolean; withCapabilities?: boolean }) {
      if (options?.chainId && options.chainId !== parameters.chainId) throw new UserRejectedRequestError(new Error('wrong chain'));
      await request({ method: 'eth_requestAccounts' });
      // biome-ignore lint/suspicious/noExplicitAny: wagmi types connect's result by the caller's withCapabilities flag; this connector returns the plain form
      return { accounts: [DEV_ACCOUNT], chainId: parameters.chainId } as any;
    },
    async disconnect() {
      connected = false;
    },
    async getAccounts() {
      return connected ? [getAddress(DEV_ACCOUNT)] : [];
    },
    async getChainId() {
      return parameters.chainId;
    },
    async getProvider() {
      return { request };
    },
    async isAuthorized() {
      // Reconnects after a reload only if the user connected it before (wagmi remembers the id).
      const recent = await config.storage?.getItem('recentConnectorId');
      if (recent === DEV_CONNECTOR_ID) connected = true;
      return connected;
    },
    async switchChain({ chainId }) {
      if (chainId !== parameters.chainId) throw new SwitchChainError(new Error('The dev account only exists on the local chain.'));
      const chain = config.chains.find((c) => c.id === chainId);
      if (!chain) throw new SwitchChainError(new Error('unknown chain'));
      return chain;
    },
    onAccountsChanged() {},
    onChainChanged() {},
    onDisconnect() {
      connected = false;
      config.emitter.emit('disconnect');
    },
  }));
}

// A test wallet announced through EIP-6963, as a browser extension would: it forwards to anvil
// (whose dev accounts are unlocked), can start on the wrong chain, and can reject the next
// signature request — so the injected-wallet path runs for real in Chromium.
import type { Page } from '@playwright/test';

export const TEST_WALLET_ACCOUNT = '0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f'; // anvil account #8
export const TEST_WALLET_NAME = 'Backstop Test Wallet';

type Options = { rpcUrl: string; chainId: number /** Any account anvil signs for (a dev account, or one impersonated). */; account?: string };

export async function installInjectedWallet(page: Page, options: Options): Promise<void> {
  await page.addInitScript(
    ({ rpcUrl, chainId, account, name }) => {
      const listeners: Record<string, ((...args: unknown[]) => void)[]> = {};
      const state = { chainId, rejectNext: false, connected: false, signatureRequests: 0 };
      const emit = (event: string, ...args: unknown[]) => (listeners[event] ?? []).forEach((fn) => fn(...args));
      let id = 0;
      const provider = {
        async request({ method, params }: { method: string; params?: unknown[] }) {
          switch (method) {
            case 'eth_requestAccounts':
              state.connected = true;
              return [account];
            case 'eth_accounts':
              return state.connected ? [account] : [];
            case 'eth_chainId':
              return `0x${state.chainId.toString(16)}`;
            case 'wallet_switchEthereumChain': {
              const [{ chainId }] = params as [{ chainId: string }];
              const next = Number.parseInt(chainId, 16);
              state.chainId = next;
              emit('chainChanged', `0x${next.toString(16)}`);
              return null;
            }
            case 'wallet_requestPermissions':
              state.connected = true;
              return [{ parentCapability: 'eth_accounts' }];
            case 'eth_sendTransaction':
              state.signatureRequests += 1;
              if (state.rejectNext) {
                state.rejectNext = false;
                throw Object.assign(new Error('User rejected the request.'), { code: 4001 });
              }
              if (state.chainId !== chainId) throw Object.assign(new Error('wrong chain'), { code: 4901 });
              break;
          }
          const res = await fetch(rpcUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params: params ?? [] }),
          });
          const body = await res.json();
          if (body.error) throw Object.assign(new Error(body.error.message), { code: body.error.code, data: body.error.data });
          return body.result;
        },
        on(event: string, fn: (...args: unknown[]) => void) {
          (listeners[event] ??= []).push(fn);
        },
        removeListener(event: string, fn: (...args: unknown[]) => void) {
          listeners[event] = (listeners[event] ?? []).filter((f) => f !== fn);
        },
      };
      (window as unknown as { __testWallet: typeof state }).__testWallet = state;
      const icon =
        'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"%3E%3Ccircle cx="5" cy="5" r="5" fill="%234f46e5"/%3E%3C/svg%3E';
      const detail = Object.freeze({ info: { uuid: '7f0a3b8e-4d2c-4e55-9b7a-backstop0001', name, icon, rdns: 'dev.backstop.testwallet' }, provider });
      const announce = () => window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail }));
      window.addEventListener('eip6963:requestProvider', announce);
      announce();
    },
    { ...options, account: options.account ?? TEST_WALLET_ACCOUNT, name: TEST_WALLET_NAME },
  );
}

export async function rejectNextSignature(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __testWallet: { rejectNext: boolean } }).__testWallet.rejectNext = true;
  });
}

/** How many transactions the page has asked the wallet to sign so far. */
export async function signatureRequests(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __testWallet: { signatureRequests: number } }).__testWallet.signatureRequests);
}

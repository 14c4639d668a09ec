import { describe, expect, it } from 'vitest';
import { needsApproval, signingGate, SWITCH_NETWORK } from './signingGate';

describe('signingGate', () => {
  it('asks for a wallet first, then the network, then lets the form speak', () => {
    expect(signingGate({ connected: false, wrongNetwork: true }, 'stake')).toBe('Connect a wallet to stake.');
    expect(signingGate({ connected: true, wrongNetwork: true }, 'stake')).toBe(SWITCH_NETWORK);
    expect(signingGate({ connected: true, wrongNetwork: false }, 'stake')).toBeUndefined();
  });
  it('needs an approval only below the amount', () => {
    expect(needsApproval(9n, 10n)).toBe(true);
    expect(needsApproval(10n, 10n)).toBe(false);
  });
});

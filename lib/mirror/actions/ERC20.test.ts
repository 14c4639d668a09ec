import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ZERO_ADDRESS } from './address';
import { ContractRevert, MAX_UINT256 } from '../evm';
import * as erc20 from './ERC20';

const ALICE = '0x00000000000000000000000000000000000A11CE';
const BOB = '0x0000000000000000000000000000000000000B0B';
const POOL = '0x0000000000000000000000000000000000000001';

function reverts(f: () => unknown, errorName: string, args?: unknown[]) {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ContractRevert);
    expect((e as ContractRevert).errorName).toBe(errorName);
    if (args) expect((e as ContractRevert).args).toEqual(args);
    return;
  }
  throw new Error(`expected ${errorName}`);
}

describe('ERC-20 twin (OpenZeppelin 5 as TestUSDC, BKS and pool shares use it)', () => {
  const funded = erc20.faucet(erc20.emptyErc20(), ALICE, 1_000n);

  it('faucet mints to the caller, within (0, FAUCET_CAP]', () => {
    expect(erc20.balanceOf(funded, ALICE)).toBe(1_000n);
    expect(funded.totalSupply).toBe(1_000n);
    reverts(() => erc20.faucet(funded, ALICE, 0n), 'TestUSDCZeroAmount', []);
    reverts(() => erc20.faucet(funded, ALICE, erc20.FAUCET_CAP + 1n), 'TestUSDCFaucetCapExceeded', [erc20.FAUCET_CAP + 1n, erc20.FAUCET_CAP]);
  });

  it('transfers refuse the zero receiver before the balance, and name the shortfall', () => {
    reverts(() => erc20.transfer(funded, ALICE, ZERO_ADDRESS, 5_000n), 'ERC20InvalidReceiver', [ZERO_ADDRESS]);
    reverts(() => erc20.transfer(funded, ALICE, BOB, 1_001n), 'ERC20InsufficientBalance', [ALICE.toLowerCase(), 1_000n, 1_001n]);
    const moved = erc20.transfer(funded, ALICE, BOB, 400n);
    expect([erc20.balanceOf(moved, ALICE), erc20.balanceOf(moved, BOB), moved.totalSupply]).toEqual([600n, 400n, 1_000n]);
    expect(erc20.balanceOf(funded, BOB)).toBe(0n); // the input ledger is untouched
  });

  it('transferFrom spends the allowance first; an infinite allowance is never spent', () => {
    reverts(() => erc20.transferFrom(funded, BOB, ALICE, BOB, 10_000n), 'ERC20InsufficientAllowance', [BOB.toLowerCase(), 0n, 10_000n]);
    const finite = erc20.transferFrom(erc20.approve(funded, ALICE, BOB, 300n), BOB, ALICE, BOB, 100n);
    expect(erc20.allowance(finite, ALICE, BOB)).toBe(200n);
    const infinite = erc20.transferFrom(erc20.approve(funded, ALICE, BOB, MAX_UINT256), BOB, ALICE, BOB, 100n);
    expect(erc20.allowance(infinite, ALICE, BOB)).toBe(MAX_UINT256);
  });

  it("a hook (the pool's `_update` override) runs after the zero-address checks, before the balance check", () => {
    const hook = (_from: string, to: string) => {
      if (to.toLowerCase() === POOL) throw new ContractRevert('ERC20', 'BackstopPoolEscrowTransfer', []);
    };
    reverts(() => erc20.transfer(funded, ALICE, POOL, 10_000n, hook), 'BackstopPoolEscrowTransfer');
    reverts(() => erc20.transfer(funded, ALICE, ZERO_ADDRESS, 1n, hook), 'ERC20InvalidReceiver');
    // Unhooked `update` is what BackstopPool's escrow calls by name: it may move shares to the pool.
    expect(erc20.balanceOf(erc20.update(funded, ALICE, POOL, 1n), POOL)).toBe(1n);
  });

  it('conserves the supply across any sequence of transfers (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 2_000n })), { maxLength: 30 }), (moves) => {
        let s = erc20.faucet(erc20.faucet(erc20.emptyErc20(), ALICE, 1_000n), BOB, 500n);
        for (const [aliceSends, amount] of moves) {
          try {
            s = aliceSends ? erc20.transfer(s, ALICE, BOB, amount) : erc20.transfer(s, BOB, ALICE, amount);
          } catch (e) {
            expect((e as ContractRevert).errorName).toBe('ERC20InsufficientBalance');
          }
          expect(erc20.balanceOf(s, ALICE) + erc20.balanceOf(s, BOB)).toBe(s.totalSupply);
        }
      }),
    );
  });
});

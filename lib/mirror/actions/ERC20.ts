// Twin of OpenZeppelin 5's ERC20 ledger (node_modules/@openzeppelin/contracts/token/ERC20/ERC20.sol) as
// the protocol's tokens use it — TestUSDC (contracts/src/TestUSDC.sol, with its faucet), BKS
// (contracts/src/BKS.sol) and BackstopPool's shares (whose `_update` refuses sends to the pool: the
// `beforeUpdate` hook) — as whole-action state transitions: each function takes the ledger and returns a
// new one, or throws the custom error the contract reverts with, checks in the contract's order.
// Nothing is mutated, so a caller composing several contracts' twins commits only when all succeed.
// Proven against the chain by the protocol soak (scripts/soak), which compares every balance and supply.
import { addr, isZero, ZERO_ADDRESS } from './address';
import { ContractRevert, MAX_UINT256, Panic } from '../evm';

export type Erc20State = {
  /** Balances by lower-case address (absent = 0). */
  readonly balances: ReadonlyMap<string, bigint>;
  /** Allowances by `${owner}:${spender}` (lower-case; absent = 0). */
  readonly allowances: ReadonlyMap<string, bigint>;
  readonly totalSupply: bigint;
};

/** A contract's `_update` override, run before OpenZeppelin's (e.g. BackstopPool: no sends to the pool). */
export type UpdateHook = (from: string, to: string, value: bigint) => void;

/** `TestUSDC.FAUCET_CAP`: most one `faucet` call mints (10,000 USDC). */
export const FAUCET_CAP = 10_000n * 10n ** 6n;

export function emptyErc20(): Erc20State {
  return { balances: new Map(), allowances: new Map(), totalSupply: 0n };
}

export function balanceOf(s: Erc20State, account: string): bigint {
  return s.balances.get(addr(account)) ?? 0n;
}

export function allowance(s: Erc20State, owner: string, spender: string): bigint {
  return s.allowances.get(`${addr(owner)}:${addr(spender)}`) ?? 0n;
}

/**
 * `_update(from, to, value)`: mints from the zero address, burns to it, else moves; reverts
 * `ERC20InsufficientBalance(from, balance, value)`. Unhooked: what `ERC20._update` does when a contract
 * calls it by name (BackstopPool's escrow of requested shares).
 */
export function update(s: Erc20State, from: string, to: string, value: bigint): Erc20State {
  const balances = new Map(s.balances);
  let totalSupply = s.totalSupply;
  if (isZero(from)) {
    totalSupply += value;
    if (totalSupply > MAX_UINT256) throw new Panic(0x11n);
  } else {
    const fromBalance = balances.get(addr(from)) ?? 0n;
    if (fromBalance < value) throw new ContractRevert('ERC20', 'ERC20InsufficientBalance', [addr(from), fromBalance, value]);
    balances.set(addr(from), fromBalance - value);
  }
  if (isZero(to)) totalSupply -= value;
  else balances.set(addr(to), (balances.get(addr(to)) ?? 0n) + value);
  return { ...s, balances, totalSupply };
}

function hooked(s: Erc20State, from: string, to: string, value: bigint, hook?: UpdateHook): Erc20State {
  hook?.(from, to, value);
  return update(s, from, to, value);
}

/** `_transfer`: refuses the zero address on either side, then `_update`. */
export function transferInternal(s: Erc20State, from: string, to: string, value: bigint, hook?: UpdateHook): Erc20State {
  if (isZero(from)) throw new ContractRevert('ERC20', 'ERC20InvalidSender', [ZERO_ADDRESS]);
  if (isZero(to)) throw new ContractRevert('ERC20', 'ERC20InvalidReceiver', [ZERO_ADDRESS]);
  return hooked(s, from, to, value, hook);
}

/** `transfer(to, value)` sent by `sender`. */
export function transfer(s: Erc20State, sender: string, to: string, value: bigint, hook?: UpdateHook): Erc20State {
  return transferInternal(s, sender, to, value, hook);
}

/** `_approve(owner, spender, value)`: refuses the zero address on either side. */
export function approve(s: Erc20State, owner: string, spender: string, value: bigint): Erc20State {
  if (isZero(owner)) throw new ContractRevert('ERC20', 'ERC20InvalidApprover', [ZERO_ADDRESS]);
  if (isZero(spender)) throw new ContractRevert('ERC20', 'ERC20InvalidSpender', [ZERO_ADDRESS]);
  const allowances = new Map(s.allowances);
  allowances.set(`${addr(owner)}:${addr(spender)}`, value);
  return { ...s, allowances };
}

/** `_spendAllowance`: an infinite (max uint256) allowance is never spent; else it must cover `value`. */
export function spendAllowance(s: Erc20State, owner: string, spender: string, value: bigint): Erc20State {
  const current = allowance(s, owner, spender);
  if (current === MAX_UINT256) return s;
  if (current < value) throw new ContractRevert('ERC20', 'ERC20InsufficientAllowance', [addr(spender), current, value]);
  return approve(s, owner, spender, current - value);
}

/** `transferFrom(from, to, value)` sent by `spender`: the allowance first, then `_transfer`. */
export function transferFrom(s: Erc20State, spender: string, from: string, to: string, value: bigint, hook?: UpdateHook): Erc20State {
  return transferInternal(spendAllowance(s, from, spender, value), from, to, value, hook);
}

/** `_mint(to, value)`. */
export function mint(s: Erc20State, to: string, value: bigint, hook?: UpdateHook): Erc20State {
  if (isZero(to)) throw new ContractRevert('ERC20', 'ERC20InvalidReceiver', [ZERO_ADDRESS]);
  return hooked(s, ZERO_ADDRESS, to, value, hook);
}

/** `_burn(from, value)`. */
export function burn(s: Erc20State, from: string, value: bigint, hook?: UpdateHook): Erc20State {
  if (isZero(from)) throw new ContractRevert('ERC20', 'ERC20InvalidSender', [ZERO_ADDRESS]);
  return hooked(s, from, ZERO_ADDRESS, value, hook);
}

/** `TestUSDC.faucet(amount)` sent by `sender`: 0 < amount ≤ FAUCET_CAP, minted to the caller. */
export function faucet(s: Erc20State, sender: string, amount: bigint): Erc20State {
  if (amount === 0n) throw new ContractRevert('ERC20', 'TestUSDCZeroAmount', []);
  if (amount > FAUCET_CAP) throw new ContractRevert('ERC20', 'TestUSDCFaucetCapExceeded', [amount, FAUCET_CAP]);
  return mint(s, sender, amount);
}

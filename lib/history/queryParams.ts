// Validation of the indexer API's inputs: bad input gets a clear 4xx, never a 500.
import { getAddress, isAddress, type Address } from 'viem';

export type Checked<T> = { ok: true; value: T } | { ok: false; status: 400 | 404; message: string };

export const MAX_LIMIT = 500;

export function checkAddress(raw: string | undefined, what = 'address'): Checked<Address> {
  if (!raw || !isAddress(raw, { strict: false })) return { ok: false, status: 400, message: `${what} must be a 0x-prefixed 20-byte hex address` };
  return { ok: true, value: getAddress(raw) };
}

export function checkLimit(raw: string | undefined, fallback = 50): Checked<number> {
  if (raw === undefined || raw === '') return { ok: true, value: fallback };
  if (!/^\d+$/.test(raw)) return { ok: false, status: 400, message: `limit must be a whole number from 1 to ${MAX_LIMIT}` };
  const value = Number(raw);
  if (value < 1 || value > MAX_LIMIT) return { ok: false, status: 400, message: `limit must be a whole number from 1 to ${MAX_LIMIT}` };
  return { ok: true, value };
}

export function checkPool(raw: string | undefined, pools: Record<string, Address>): Checked<Address> {
  const byName = raw ? pools[raw.toLowerCase()] : undefined;
  if (byName) return { ok: true, value: byName };
  const address = checkAddress(raw, 'pool');
  if (!address.ok) return { ok: false, status: 400, message: `pool must be ${Object.keys(pools).join(' or ')} or a pool address` };
  const known = Object.values(pools).find((p) => p.toLowerCase() === address.value.toLowerCase());
  if (!known) return { ok: false, status: 404, message: `no Backstop pool at ${address.value}` };
  return { ok: true, value: known };
}

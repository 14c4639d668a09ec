// The few functions of a generated ABI a page's buttons sign, picked on the server and handed to them as
// props: the browser then carries those items (a few hundred bytes) instead of the whole ABI module
// (CoverMarket's and CoverExchange's together ~4 kB gzip in the portfolio's first load). Reverts still
// decode: the transaction helper adds every protocol error to the ABI it simulates with.
import type { Abi } from 'viem';

export type AbiFunctionItem<abi extends Abi, name extends string> = Extract<abi[number], { type: 'function'; name: name }>;

export function abiFunctions<const abi extends Abi, const name extends string>(abi: abi, names: readonly name[]): AbiFunctionItem<abi, name>[] {
  return abi.filter((item): item is AbiFunctionItem<abi, name> => item.type === 'function' && (names as readonly string[]).includes(item.name));
}

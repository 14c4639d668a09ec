// A prediction and the chain's answer, side by side: what a twin threw, named as the EVM names the revert
// (custom errors by name and arguments, Solidity panics as `Panic(0x11)`), and whether the two agree.
import { ContractRevert, Panic } from '@/lib/mirror/evm';
import type { ChainOutcome } from './chain';
import { normalize, show } from './probes';

/** A twin's refusal: the error name and, when the twin knows them, its arguments. */
export type TwinRevert = { errorName: string; args?: readonly unknown[] };

/** Whether a thrown value is a twin's prediction of a revert (anything else is a bug in the model). */
export function asTwinRevert(e: unknown): TwinRevert | null {
  if (e instanceof Panic) return { errorName: `Panic(0x${e.code.toString(16)})`, args: [] };
  if (e instanceof ContractRevert) return { errorName: e.errorName, args: e.args };
  return null;
}

export function revertName(e: unknown): string {
  return asTwinRevert(e)?.errorName ?? `model threw ${String(e)}`;
}

export type Prediction = { ok: true; result: unknown[] } | { ok: false; revert: TwinRevert };

/** Whether the chain did what the model predicted: the same return values, or the same error and arguments. */
export function agrees(prediction: Prediction, chain: ChainOutcome): boolean {
  if (prediction.ok !== chain.ok) return false;
  if (prediction.ok && chain.ok) return show(prediction.result) === show(chain.result);
  if (!prediction.ok && !chain.ok) {
    if (prediction.revert.errorName !== chain.errorName) return false;
    return prediction.revert.args === undefined || show(prediction.revert.args) === show(chain.args);
  }
  return false;
}

export function describePrediction(p: Prediction): string {
  return p.ok ? `returns ${show(p.result)}` : `reverts ${p.revert.errorName}${p.revert.args ? show(p.revert.args) : '(…)'}`;
}

export function describeChain(c: ChainOutcome): string {
  return c.ok ? `returns ${show(c.result)}` : `reverts ${c.errorName}${show(c.args)}`;
}

export { normalize };

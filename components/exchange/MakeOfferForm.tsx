'use client';

// An offer on one cover: the amount is escrowed by the exchange until accepted, cancelled (refunded in full)
// or void; one signature once the exchange may spend it (an approval first otherwise). The balance and
// allowance it checks against come from the server's render at the page's block.
import { useState } from 'react';
import type { Address } from 'viem';
import type { coverExchangeAbi } from '@/contracts-abi';
import type { AbiFunctionItem } from '@/lib/chain/abiItems';
import { checkOffer, type TradedCover } from '@/lib/exchange/exchangeInput';
import type { Trader } from '@/lib/exchange/exchangeState';
import { formatAssets } from '@/lib/format/tokenAmount';
import { signingGate } from '@/lib/tx/signingGate';
import { useChainClock } from '../chain/useChainClock';
import { useTypedBeforeHydration } from '../hydration/useTypedBeforeHydration';
import { TxStatusLine } from '../tx/TxStatusLine';
import { useApproveThenAct } from '../tx/useApproveThenAct';
import { Button } from '../ui/Button';

export type MakeOfferAbi = AbiFunctionItem<typeof coverExchangeAbi, 'makeOffer'>[];

type Props = {
  cover: TradedCover;
  trader: Trader;
  account: Address | undefined;
  wrongNetwork: boolean;
  blockTimestamp: bigint;
  exchange: Address;
  stablecoin: Address;
  /** `CoverExchange.makeOffer`, picked on the server. */
  makeOfferAbi: MakeOfferAbi;
};

export function MakeOfferForm({ cover, trader, account, wrongNetwork, blockTimestamp, exchange, stablecoin, makeOfferAbi }: Props) {
  const now = useChainClock(blockTimestamp);
  const flow = useApproveThenAct();
  const [amount, setAmount] = useState('');
  const [days, setDays] = useState('3');
  const amountInput = useTypedBeforeHydration(amount, setAmount);
  const daysInput = useTypedBeforeHydration(days, setDays);
  const [message, setMessage] = useState<string>();
  const gate = signingGate({ connected: Boolean(account), wrongNetwork }, 'make an offer');

  async function onOffer() {
    if (!account) return;
    const check = checkOffer(amount, days, cover, { account, now, assetDecimals: 6, balance: trader.balance });
    if (!check.ok) return setMessage(check.message);
    setMessage(undefined);
    await flow.run(
      { token: stablecoin, spender: exchange, amount: check.amount, allowance: trader.allowance },
      {
        label: 'Make offer',
        address: exchange,
        abi: makeOfferAbi,
        functionName: 'makeOffer',
        args: [cover.tokenId, check.amount, check.expiry],
        account,
      },
    );
  }

  return (
    <div className="space-y-2 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-2">
          <span>Offer (USDC)</span>
          <input
            className="w-28 rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
            inputMode="decimal"
            ref={amountInput}
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            data-testid="offer-amount"
          />
        </label>
        <label className="flex items-center gap-2">
          <span>Open for (days)</span>
          <input
            className="w-16 rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
            inputMode="decimal"
            ref={daysInput}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            data-testid="offer-days"
          />
        </label>
        <Button type="button" onClick={onOffer} disabled={Boolean(gate) || flow.busy} data-testid="make-offer">
          {gate ?? 'Make offer'}
        </Button>
      </div>
      {message ? (
        <p className="text-red-700 dark:text-red-400" data-testid="offer-message">
          {message}
        </p>
      ) : null}
      <p className="text-xs text-slate-500 dark:text-slate-400">
        The amount is held by the exchange until the holder accepts, you cancel (refunded in full) or the cover ends. Your balance:{' '}
        {trader.balance === undefined ? '—' : formatAssets(trader.balance, { maxFractionDigits: 2 })}.
      </p>
      <TxStatusLine status={flow.approve.status} />
      <TxStatusLine status={flow.act.status} />
    </div>
  );
}

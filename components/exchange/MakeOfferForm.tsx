'use client';

// An offer on one cover: the amount is escrowed by the exchange until accepted, cancelled (refunded in full)
// or void; one signature once the exchange may spend it (an approval first otherwise).
import { useState } from 'react';
import type { Address } from 'viem';
import { coverExchangeAbi } from '@/contracts-abi';
import { checkOffer, type TradedCover } from '@/lib/exchange/exchangeInput';
import { formatAssets } from '@/lib/format/tokenAmount';
import { signingGate } from '@/lib/tx/signingGate';
import { useChainNow } from '../chain/useChainNow';
import { chainScopes } from '../query/queryKeys';
import { TxStatusLine } from '../tx/TxStatusLine';
import { useApproveThenAct } from '../tx/useApproveThenAct';
import { Button } from '../ui/Button';
import { useWalletState } from '../wallet/useWalletState';
import { useTrader } from './useExchange';

export function MakeOfferForm({ cover }: { cover: TradedCover & { holder: Address } }) {
  const { account, wrongNetwork } = useWalletState();
  const now = useChainNow();
  const trader = useTrader(account);
  const flow = useApproveThenAct();
  const [amount, setAmount] = useState('');
  const [days, setDays] = useState('3');
  const [message, setMessage] = useState<string>();
  const gate = signingGate({ connected: Boolean(account), wrongNetwork }, 'make an offer');

  async function onOffer() {
    if (!account || now === undefined || !trader.exchange || !trader.stablecoin) return;
    const check = checkOffer(amount, days, cover, { account, now, assetDecimals: 6, balance: trader.balance });
    if (!check.ok) return setMessage(check.message);
    setMessage(undefined);
    await flow.run(
      { token: trader.stablecoin, spender: trader.exchange, amount: check.amount, allowance: trader.allowance },
      {
        label: 'Make offer',
        address: trader.exchange,
        abi: coverExchangeAbi,
        functionName: 'makeOffer',
        args: [cover.tokenId, check.amount, check.expiry],
        account,
        invalidates: [chainScopes.exchange()],
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
        <p className="text-red-700" data-testid="offer-message">
          {message}
        </p>
      ) : null}
      <p className="text-xs text-slate-500">
        The amount is held by the exchange until the holder accepts, you cancel (refunded in full) or the cover ends. Your balance:{' '}
        {trader.balance === undefined ? '—' : formatAssets(trader.balance, { maxFractionDigits: 2 })}.
      </p>
      <TxStatusLine status={flow.approve.status} />
      <TxStatusLine status={flow.act.status} />
    </div>
  );
}

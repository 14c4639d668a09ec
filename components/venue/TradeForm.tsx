'use client';

import { useId, useState } from 'react';
import type { Address } from 'viem';
import type { VenueSigningAbi } from './signingAbi';
import { ASSET_DECIMALS, ASSET_SYMBOL } from '@/lib/chain/tokens';
import { formatAmount, formatPercentWad } from '@/lib/format/amount';
import { signingGate } from '@/lib/tx/signingGate';
import { openSlippageLimit } from '@/lib/venue/slippage';
import { checkTrade, maxLeverage, SIZE_SYMBOL, type TradeFields } from '@/lib/venue/tradeInput';
import { TxStatusLine } from '../tx/TxStatusLine';
import { useApproveThenAct } from '../tx/useApproveThenAct';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { marketFor, type VenueSnapshot } from '@/lib/venue/venueSnapshot';
import { useVenueStaleness } from './useVenueStaleness';

type Props = { snapshot: VenueSnapshot; account: Address | undefined; wrongNetwork: boolean; venueAbi: VenueSigningAbi };

/**
 * Open or increase a position: side, size, margin → the twins' preview (fee, margin, liquidation price),
 * computed as the user types from the server's numbers (no read of its own) → approve + open.
 */
export function TradeForm({ snapshot, account, wrongNetwork, venueAbi }: Props) {
  const id = useId();
  const stale = useVenueStaleness({ ...snapshot, params: snapshot.market.params });
  const holding = snapshot.stored.size > 0n;
  const [fields, setFields] = useState<TradeFields>({ side: holding && !snapshot.stored.isLong ? 'short' : 'long', size: '', margin: '' });
  const { approve, act, run, busy } = useApproveThenAct();
  const set = (key: keyof TradeFields) => (value: string) => setFields((f) => ({ ...f, [key]: value }));
  const isLong = fields.side === 'long';
  const market = marketFor(snapshot, isLong);
  const check = checkTrade(fields, {
    market,
    existing: holding ? snapshot.stored : { size: 0n, entryPrice: 0n, margin: 0n, socialLossSnapshot: 0n, isLong },
    feedDecimals: snapshot.feedDecimals,
    assetDecimals: ASSET_DECIMALS,
    assetSymbol: ASSET_SYMBOL,
    walletBalance: snapshot.balance,
    wrongNetwork,
  });
  const error = (field: keyof TradeFields | 'form') => (!check.ok && !check.empty && check.field === field ? check.message : undefined);
  const preview = check.ok ? check.preview : check.preview;
  const blocked = signingGate({ connected: Boolean(account), wrongNetwork }, 'trade') ?? stale;
  const canSubmit = check.ok && !blocked && !busy;
  const price = (v: bigint) => formatAmount(v, snapshot.feedDecimals, { maxFractionDigits: 2 });
  const money = (v: bigint) => `${formatAmount(v, ASSET_DECIMALS, { maxFractionDigits: 2, rounding: 'Up' })} ${ASSET_SYMBOL}`;

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!canSubmit || !account || !check.ok) return;
    const done = await run(
      { token: snapshot.stablecoin, spender: snapshot.venue, amount: check.margin, allowance: snapshot.allowance },
      {
        label: holding ? 'Increase position' : 'Open position',
        address: snapshot.venue,
        abi: venueAbi,
        functionName: 'open',
        args: [check.isLong, check.size, check.margin, openSlippageLimit(check.isLong, market.price)],
        account,
      },
    );
    if (done) setFields((f) => ({ ...f, size: '', margin: '' }));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <fieldset>
        <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">Side</legend>
        <div className="mt-1 grid grid-cols-2 gap-2">
          {(['long', 'short'] as const).map((side) => (
            <label
              key={side}
              className={`cursor-pointer rounded-lg border px-3 py-2 text-center text-sm ${fields.side === side ? 'border-indigo-500 font-semibold text-indigo-700 dark:text-indigo-300' : 'border-slate-300 dark:border-slate-700'}`}
            >
              <input
                type="radio"
                name={`${id}-side`}
                className="sr-only"
                checked={fields.side === side}
                onChange={() => set('side')(side)}
                data-testid={`trade-side-${side}`}
              />
              {side === 'long' ? 'Long (gains when ETH rises)' : 'Short (gains when ETH falls)'}
            </label>
          ))}
        </div>
        <p className="mt-1 min-h-5 text-xs text-red-700 dark:text-red-400" data-testid="trade-side-message">
          {error('side') ?? ''}
        </p>
      </fieldset>
      <Field
        id={`${id}-size`}
        label={`Size (${SIZE_SYMBOL})`}
        hint={`At ${price(market.price)} USD; at least ${money(market.params.minNotional)} of notional.`}
        value={fields.size}
        onChange={set('size')}
        error={error('size')}
        testId="trade-size"
      />
      <Field
        id={`${id}-margin`}
        label={`Margin (${ASSET_SYMBOL})`}
        hint={`Initial margin at today’s volatility: ${formatPercentWad(market.initialFraction)} of notional (at most ${maxLeverage(market.initialFraction)}× leverage); the fee comes out of it.`}
        value={fields.margin}
        onChange={set('margin')}
        error={error('margin')}
        testId="trade-margin"
      />
      {preview ? (
        <dl className="grid grid-cols-2 gap-x-4 gap-y-2 rounded-lg bg-slate-50 p-3 text-sm dark:bg-slate-800/50" data-testid="trade-preview">
          <dt className="text-slate-500">Notional</dt>
          <dd className="text-right font-mono tabular-nums">{money(preview.notional)}</dd>
          <dt className="text-slate-500">Trading fee</dt>
          <dd className="text-right font-mono tabular-nums" data-testid="trade-fee">
            {money(preview.fee)}
          </dd>
          <dt className="text-slate-500">Least margin for this size</dt>
          <dd className="text-right font-mono tabular-nums" data-testid="trade-min-margin">
            {money(preview.minMarginIn)}
          </dd>
          <dt className="text-slate-500">Margin after fees</dt>
          <dd className="text-right font-mono tabular-nums">{money(preview.margin > 0n ? preview.margin : 0n)}</dd>
          <dt className="text-slate-500">Liquidation price</dt>
          <dd className="text-right font-mono tabular-nums" data-testid="trade-liquidation-price">
            {preview.refusal ? '—' : preview.liquidationPrice === 0n ? 'none' : `${price(preview.liquidationPrice)} USD`}
          </dd>
        </dl>
      ) : null}
      {error('form') ? (
        <p className="text-sm text-red-700 dark:text-red-400" data-testid="trade-form-message">
          {error('form')}
        </p>
      ) : null}
      <Button type="submit" disabled={!canSubmit} className="w-full" data-testid="trade-submit">
        {blocked ?? (holding ? `Increase ${snapshot.stored.isLong ? 'long' : 'short'}` : `Open ${fields.side}`)}
      </Button>
      <TxStatusLine status={approve.status} />
      <TxStatusLine status={act.status} />
    </form>
  );
}

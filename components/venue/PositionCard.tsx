'use client';

import { NavLink } from '@/components/ui/NavLink';
import { useId, useState } from 'react';
import type { Address } from 'viem';
import type { VenueSigningAbi } from './signingAbi';
import { ASSET_DECIMALS, ASSET_SYMBOL } from '@/lib/chain/tokens';
import { formatAmount, formatPercentWad, parseAmount } from '@/lib/format/amount';
import { WAD } from '@/lib/mirror/PerpMath';
import { signingGate } from '@/lib/tx/signingGate';
import { coverHref, coverPrefill } from '@/lib/venue/coverLink';
import { distanceToLiquidation, liquidationTouchProbability, marginToReachTouchProbability } from '@/lib/venue/remedy';
import { exitSlippageLimit } from '@/lib/venue/slippage';
import { checkMarginChange, maxRemovableMargin, SIZE_DECIMALS, SIZE_SYMBOL } from '@/lib/venue/tradeInput';
import { TxStatusLine } from '../tx/TxStatusLine';
import { useApproveThenAct } from '../tx/useApproveThenAct';
import { useTransactor } from '../tx/useTransactor';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import type { VenueSnapshot } from '@/lib/venue/venueSnapshot';

type Props = { snapshot: VenueSnapshot; account: Address; wrongNetwork: boolean; venueAbi: VenueSigningAbi };

/**
 * The account's position: liquidation price, distance, and the probability of touching it within 24 h at
 * the oracle's σ. Above the threshold the trader sets, two remedies: add the exact margin that brings the
 * probability under it, or buy cover at the liquidation price (pre-filled on /cover).
 */
export function PositionCard({ snapshot, account, wrongNetwork, venueAbi }: Props) {
  const id = useId();
  const s = snapshot.state;
  const [thresholdText, setThresholdText] = useState('10');
  const [marginText, setMarginText] = useState('');
  const [direction, setDirection] = useState<'add' | 'remove'>('add');
  const addRemedy = useApproveThenAct();
  const addForm = useApproveThenAct();
  const remove = useTransactor();
  const close = useTransactor();
  const price = (v: bigint) => formatAmount(v, snapshot.feedDecimals, { maxFractionDigits: 2 });
  const money = (v: bigint) => `${formatAmount(v, ASSET_DECIMALS, { maxFractionDigits: 2, rounding: 'Up' })} ${ASSET_SYMBOL}`;
  const gate = signingGate({ connected: true, wrongNetwork }, 'change your position');

  const spot = snapshot.market.price;
  const probability = liquidationTouchProbability(s.isLong, spot, s.liquidationPrice, snapshot.sigma);
  const distance = distanceToLiquidation(s.isLong, spot, s.liquidationPrice);
  // The threshold is a percentage with up to two decimals: parsed as an integer number of basis points.
  const parsed = parseAmount(thresholdText, 2);
  const threshold = parsed.ok && parsed.value <= 10_000n ? (parsed.value * WAD) / 10_000n : undefined;
  const warn = threshold !== undefined && probability > threshold;
  const remedy =
    warn && threshold !== undefined ? marginToReachTouchProbability({ ...s }, spot, snapshot.sigma, threshold, snapshot.market.priceScale) : undefined;
  const cover = coverHref(coverPrefill(s.isLong, s.liquidationPrice, s.margin, snapshot.feedDecimals, ASSET_DECIMALS));

  const maxRemovable = maxRemovableMargin(s, spot, snapshot.market.initialFraction, snapshot.market.priceScale);
  const marginCheck = checkMarginChange(direction, marginText, {
    assetDecimals: ASSET_DECIMALS,
    assetSymbol: ASSET_SYMBOL,
    walletBalance: snapshot.balance,
    maxRemovable,
    wrongNetwork,
  });
  const busy = addRemedy.busy || addForm.busy || remove.status.phase === 'signing' || close.status.phase === 'signing';

  const addMargin = (runner: ReturnType<typeof useApproveThenAct>, amount: bigint) =>
    runner.run(
      { token: snapshot.stablecoin, spender: snapshot.venue, amount, allowance: snapshot.allowance },
      { label: 'Add margin', address: snapshot.venue, abi: venueAbi, functionName: 'addMargin', args: [amount], account },
    );

  async function onMargin(event: React.FormEvent) {
    event.preventDefault();
    if (!marginCheck.ok || gate) return;
    const done =
      direction === 'add'
        ? await addMargin(addForm, marginCheck.amount)
        : await remove.send({
            label: 'Remove margin',
            address: snapshot.venue,
            abi: venueAbi,
            functionName: 'removeMargin',
            args: [marginCheck.amount],
            account,
          });
    if (done) setMarginText('');
  }

  return (
    <div className="space-y-4" data-testid="venue-position">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
        <dt className="text-slate-500">Position</dt>
        <dd className="text-right font-semibold" data-testid="position-side">
          {s.isLong ? 'Long' : 'Short'} {formatAmount(s.size, SIZE_DECIMALS, { maxFractionDigits: 4 })} {SIZE_SYMBOL}
        </dd>
        <dt className="text-slate-500">Entry / price now</dt>
        <dd className="text-right font-mono tabular-nums">
          {price(s.entryPrice)} / {price(spot)}
        </dd>
        <dt className="text-slate-500">Margin</dt>
        <dd className="text-right font-mono tabular-nums" data-testid="position-margin">
          {money(s.margin)}
        </dd>
        <dt className="text-slate-500">Unrealised PnL</dt>
        <dd className={`text-right font-mono tabular-nums ${s.pnl < 0n ? 'text-red-700 dark:text-red-400' : ''}`}>
          {formatAmount(s.pnl, ASSET_DECIMALS, { maxFractionDigits: 2 })} {ASSET_SYMBOL}
        </dd>
        {s.socialLossCharge > 0n ? (
          <>
            <dt className="text-slate-500">Socialised loss charged</dt>
            <dd className="text-right font-mono tabular-nums">{money(s.socialLossCharge)}</dd>
          </>
        ) : null}
        <dt className="text-slate-500">Liquidation price</dt>
        <dd className="text-right font-mono tabular-nums" data-testid="position-liquidation-price">
          {s.liquidationPrice === 0n ? 'none' : `${price(s.liquidationPrice)} USD`}
        </dd>
        <dt className="text-slate-500">Distance to it</dt>
        <dd className="text-right font-mono tabular-nums" data-testid="position-distance">
          {formatPercentWad(distance)}
        </dd>
        <dt className="text-slate-500">Chance of touching it within 24 h</dt>
        <dd className="text-right font-mono tabular-nums" data-testid="position-touch-probability">
          {formatPercentWad(probability)}
        </dd>
      </dl>
      <Field
        id={`${id}-threshold`}
        label="Warn me above (% chance in 24 h)"
        hint={`At σ ${formatPercentWad(snapshot.sigma)} a year (the volatility oracle), from the price now.`}
        value={thresholdText}
        onChange={setThresholdText}
        error={threshold === undefined ? 'Enter a percentage from 0 to 100, like 10.' : undefined}
        testId="risk-threshold"
      />
      {s.liquidatable ? (
        <p className="rounded-md bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-200" data-testid="position-liquidatable">
          This position is below maintenance at the price now: a keeper may liquidate it at any moment.
        </p>
      ) : null}
      {warn && remedy ? (
        <div className="space-y-2 rounded-md bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100" data-testid="risk-warning">
          <p>
            A {formatPercentWad(probability)} chance of liquidation within 24 h is above your {thresholdText}% threshold. Two ways to bring it down:
          </p>
          <div className="flex flex-wrap gap-2">
            {remedy.kind === 'add' ? (
              <Button
                disabled={Boolean(gate) || busy || (snapshot.balance ?? 0n) < remedy.amount}
                onClick={() => void addMargin(addRemedy, remedy.amount)}
                data-testid="remedy-add-margin"
              >
                Add {money(remedy.amount)} of margin (→ {formatPercentWad(remedy.probability)}, liquidation at{' '}
                {remedy.liquidationPrice === 0n ? 'none' : price(remedy.liquidationPrice)})
              </Button>
            ) : null}
            <NavLink
              href={cover}
              className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
              data-testid="remedy-buy-cover"
            >
              Buy cover at {price(s.liquidationPrice)} USD
            </NavLink>
          </div>
          <TxStatusLine status={addRemedy.approve.status} />
          <TxStatusLine status={addRemedy.act.status} />
        </div>
      ) : null}
      <form onSubmit={onMargin} noValidate className="space-y-2">
        <div className="flex gap-2 text-sm">
          {(['add', 'remove'] as const).map((d) => (
            <label
              key={d}
              className={`cursor-pointer rounded-md border px-2 py-1 ${direction === d ? 'border-indigo-500 text-indigo-700 dark:text-indigo-300' : 'border-slate-300 dark:border-slate-700'}`}
            >
              <input type="radio" className="sr-only" checked={direction === d} onChange={() => setDirection(d)} data-testid={`margin-${d}`} />
              {d === 'add' ? 'Add margin' : 'Remove margin'}
            </label>
          ))}
        </div>
        <Field
          id={`${id}-margin`}
          label={`Amount (${ASSET_SYMBOL})`}
          hint={direction === 'remove' ? `At most ${money(maxRemovable)} can come out now.` : 'Adding margin is never blocked, even when the oracle is stale.'}
          value={marginText}
          onChange={setMarginText}
          error={!marginCheck.ok && !marginCheck.empty ? marginCheck.message : undefined}
          testId="margin-amount"
        />
        <Button type="submit" variant="secondary" disabled={!marginCheck.ok || Boolean(gate) || busy} className="w-full" data-testid="margin-submit">
          {gate ?? (direction === 'add' ? 'Add margin' : 'Remove margin')}
        </Button>
        <TxStatusLine status={addForm.approve.status} />
        <TxStatusLine status={addForm.act.status} />
        <TxStatusLine status={remove.status} />
      </form>
      <Button
        variant="secondary"
        className="w-full"
        disabled={Boolean(gate) || busy || s.equity < 0n}
        onClick={() =>
          void close.send({
            label: 'Close position',
            address: snapshot.venue,
            abi: venueAbi,
            functionName: 'close',
            args: [exitSlippageLimit(s.isLong, spot)],
            account,
          })
        }
        data-testid="position-close"
      >
        {s.equity < 0n
          ? 'Bankrupt: only a liquidation can close it'
          : `Close at ${price(spot)} (receive about ${money(s.equity > 0n ? s.equity : 0n)} less the fee)`}
      </Button>
      <TxStatusLine status={close.status} />
    </div>
  );
}

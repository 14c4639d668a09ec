'use client';

import { useId, useState } from 'react';
import type { Address } from 'viem';
import type { coverMarketAbi } from '@/contracts-abi';
import type { AbiFunctionItem } from '@/lib/chain/abiItems';
import { ASSET_DECIMALS, ASSET_SYMBOL } from '@/lib/chain/tokens';
import { checkCover, durationHint, type CoverFields } from '@/lib/cover/coverInput';
import type { CoverProduct, CoverSnapshot } from '@/lib/cover/coverMarketState';
import type { Round } from '@/lib/cover/findClaimRound';
import { maxPremiumFor } from '@/lib/cover/quoteBreakdown';
import { formatAmount } from '@/lib/format/amount';
import { needsApproval as approvalNeeded, signingGate } from '@/lib/tx/signingGate';
import { TxStatusLine } from '../tx/TxStatusLine';
import { useApproveThenAct } from '../tx/useApproveThenAct';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { QuotePanel } from './QuotePanel';
import { StrikeChart } from './StrikeChart';

type Props = {
  market: Address;
  stablecoin: Address;
  product: CoverProduct;
  snapshot: CoverSnapshot;
  /** The product's feed's recent rounds for the strike chart (null: unreadable). */
  rounds: readonly Round[] | null;
  /** The chain's time (the lock a premium is charged for runs from now to its release day). */
  now: bigint;
  account: Address | undefined;
  wrongNetwork: boolean;
  stale: string | undefined;
  /** Fields pre-filled from /venue's "buy cover at my liquidation price" link. */
  initial?: Partial<CoverFields>;
  /** `buyCover`, picked from the market's generated ABI on the server (the whole ABI stays out of the page). */
  buyCoverAbi: BuyCoverAbi;
};

export type BuyCoverAbi = AbiFunctionItem<typeof coverMarketAbi, 'buyCover'>[];

const TOLERANCES = [50n, 100n, 300n] as const; // basis points

/** Buy liquidation cover: strike, payout, duration → a live quote from the twin → approve + buy with a slippage bound. */
export function CoverForm({ market, stablecoin, product, snapshot, rounds, now, account, wrongNetwork, stale, initial, buyCoverAbi }: Props) {
  const id = useId();
  const [fields, setFields] = useState<CoverFields>({ strike: '', payout: '', durationDays: '7', ...initial });
  const [toleranceBps, setToleranceBps] = useState<bigint>(100n);
  const { approve, act: buy, run, busy } = useApproveThenAct();
  const set = (key: keyof CoverFields) => (value: string) => setFields((f) => ({ ...f, [key]: value }));

  const check = checkCover(fields, {
    product,
    market: { ...snapshot.market, now },
    feedDecimals: snapshot.feedDecimals,
    assetDecimals: ASSET_DECIMALS,
    assetSymbol: ASSET_SYMBOL,
    walletBalance: snapshot.balance,
  });
  // Each field shows its own refusal (never another field's), as soon as it has something typed in it.
  const error = (field: keyof CoverFields) => {
    const own = check.ok ? undefined : check.fields[field];
    return own && !own.empty ? own.message : undefined;
  };
  const maxPremium = check.ok ? maxPremiumFor(check.quote.premium, toleranceBps) : 0n;
  const cappedMax = check.ok && maxPremium > check.payout ? check.payout : maxPremium;
  const needsApproval = check.ok && approvalNeeded(snapshot.allowance, cappedMax);
  const blocked =
    signingGate({ connected: Boolean(account), wrongNetwork }, 'buy cover') ??
    (product.paused
      ? 'Sales of this product are paused.'
      : stale
        ? stale
        : check.ok && check.overBalance
          ? `The premium is more than your ${ASSET_SYMBOL} balance.`
          : undefined);
  const canSubmit = check.ok && !blocked && !busy;
  const price = formatAmount(snapshot.market.spot, snapshot.feedDecimals, { maxFractionDigits: 2 });

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!canSubmit || !account || !check.ok) return;
    const done = await run(
      { token: stablecoin, spender: market, amount: cappedMax, allowance: snapshot.allowance },
      {
        label: 'Buy cover',
        address: market,
        abi: buyCoverAbi,
        functionName: 'buyCover',
        args: [product.productId, check.strike, check.payout, check.duration, cappedMax],
        account,
      },
    );
    if (done) setFields((f) => ({ ...f, strike: '', payout: '' }));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field
        id={`${id}-strike`}
        label={`Strike (${product.direction === 'Down' ? 'your long’s' : 'your short’s'} liquidation price, USD)`}
        hint={`The price now is ${price}. The cover pays if it ${product.direction === 'Down' ? 'falls' : 'rises'} to the strike.`}
        value={fields.strike}
        onChange={set('strike')}
        error={error('strike')}
        testId="cover-strike"
      />
      <StrikeChart
        rounds={rounds}
        feedDecimals={snapshot.feedDecimals}
        spot={snapshot.market.spot}
        direction={product.direction}
        strike={fields.strike}
        onPick={set('strike')}
      />
      <Field
        id={`${id}-payout`}
        label={`Payout (${ASSET_SYMBOL})`}
        hint="Paid to whoever holds the cover when the strike is touched."
        value={fields.payout}
        onChange={set('payout')}
        error={error('payout')}
        testId="cover-payout"
      />
      <Field
        id={`${id}-days`}
        label="Duration (days)"
        hint={durationHint(product)}
        value={fields.durationDays}
        onChange={set('durationDays')}
        error={error('durationDays')}
        testId="cover-duration"
      />
      {check.ok ? (
        <QuotePanel quote={check.quote} />
      ) : !check.empty && check.field === 'quote' ? (
        <p className="text-sm text-red-700" data-testid="cover-quote-message">
          {check.message}
        </p>
      ) : null}
      <fieldset className="text-sm">
        <legend className="text-slate-600 dark:text-slate-300">Price may move before your transaction lands: pay at most the quote +</legend>
        <div className="mt-1 flex gap-2">
          {TOLERANCES.map((bps) => (
            <label
              key={bps.toString()}
              className={`cursor-pointer rounded-md border px-2 py-1 ${toleranceBps === bps ? 'border-indigo-500 text-indigo-700 dark:text-indigo-300' : 'border-slate-300 dark:border-slate-700'}`}
            >
              <input type="radio" name="tolerance" className="sr-only" checked={toleranceBps === bps} onChange={() => setToleranceBps(bps)} />
              {Number(bps) / 100}%
            </label>
          ))}
        </div>
        {check.ok ? (
          <p className="mt-1 text-xs text-slate-500" data-testid="cover-max-premium">
            At most {formatAmount(cappedMax, ASSET_DECIMALS, { maxFractionDigits: 2, rounding: 'Up' })} {ASSET_SYMBOL}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={!canSubmit} className="w-full" data-testid="buy-cover-button">
        {blocked ?? (needsApproval ? 'Approve and buy cover' : 'Buy cover')}
      </Button>
      <TxStatusLine status={approve.status} />
      <TxStatusLine status={buy.status} />
    </form>
  );
}

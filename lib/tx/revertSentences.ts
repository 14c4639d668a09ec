// The one table of error → words for the protocol's custom errors: a decoded chain revert
// (lib/tx/describeError.ts) and a twin's ContractRevert (lib/mirror/evm.ts) carry the same name and
// arguments, so a form that refuses before signing says exactly what the chain would have said.
// No viem here: forms import this while a page loads; the wallet and RPC side of error handling
// (describeError) loads only when something has failed.
import { FEED_DECIMALS } from '../cover/feedChecks';
import { formatAmount } from '../format/amount';
import { formatChainTime, formatDuration } from '../format/duration';
import { formatAssets, formatBks, formatShares } from '../format/tokenAmount';

const assets = (v: unknown) => formatAssets(BigInt(v as bigint));
const shares = (v: unknown) => formatShares(BigInt(v as bigint), { maxFractionDigits: 6 });

const when = (v: unknown) => formatChainTime(BigInt(v as bigint));

const secs = (v: unknown) => formatDuration(BigInt(v as bigint));

const bks = (v: unknown) => formatBks(BigInt(v as bigint), { maxFractionDigits: 2 });
const bps = (v: unknown) => `${(Number(v) / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;

/** A feed price (Chainlink's USD feeds: FEED_DECIMALS) for sentences. */
const price = (v: unknown) => `${formatAmount(BigInt(v as bigint), FEED_DECIMALS, { maxFractionDigits: 2 })} USD`;

/** What a form knows that the error's arguments do not carry (the ceiling of the pool it quoted). */
export type RevertContext = { maxUtilizationBps?: bigint };

type Sentence = (args: readonly unknown[], context: RevertContext) => string;

/** One sentence per custom error the app can meet, keyed by error name. */
export const ERROR_SENTENCES: Record<string, Sentence> = {
  TestUSDCFaucetCapExceeded: ([requested, cap]) => `The faucet gives at most ${assets(cap)} per request; you asked for ${assets(requested)}.`,
  TestUSDCZeroAmount: () => 'The faucet amount must be more than zero.',
  BackstopPoolZeroShares: ([a]) => `A deposit of ${assets(a)} is too small to mint a single share.`,
  BackstopPoolZeroAssets: ([s]) => `Redeeming ${shares(s)} would pay nothing, so it was refused.`,
  BackstopPoolSharePriceBelowFloor: () =>
    'This layer lost nearly all its capital (its share price fell below the floor), so it takes no new deposits until its earnings lift the price again.',
  BackstopPoolAsyncPreview: () => 'Withdrawals are claimed from a request: quote them with the request (previewClaimRedeem), not with previewRedeem.',
  ERC4626ExceededMaxDeposit: ([, a, max]) => `The pool accepts at most ${assets(max)} from you right now; you tried ${assets(a)}.`,
  ERC4626ExceededMaxMint: ([, s, max]) => `The pool can mint at most ${shares(max)} to you right now; you asked for ${shares(s)}.`,
  ERC4626ExceededMaxWithdraw: ([, a, max]) => `You can withdraw at most ${assets(max)} right now; you asked for ${assets(a)}.`,
  ERC4626ExceededMaxRedeem: ([, s, max]) => `You can redeem at most ${shares(max)} right now; you asked for ${shares(s)}.`,
  ERC20InsufficientBalance: ([, balance, needed]) => `Your balance (${assets(balance)}) is below the ${assets(needed)} this needs.`,
  ERC20InsufficientAllowance: ([, allowance, needed]) => `The approval (${assets(allowance)}) is below the ${assets(needed)} this needs: approve first.`,
  BackstopPoolPaused: () => 'New deposits are paused by the guardian right now; withdrawals and claims still work.',
  BackstopPoolNotOperator: () =>
    'You are not allowed to act for this account (or file a withdrawal request in its name): it must approve you as an operator first.',
  BackstopPoolRequestPending: ([, , s]) => `You already have a withdrawal request for ${shares(s)}: claim or let it lapse before requesting again.`,
  BackstopPoolNoRequest: () => 'There is no withdrawal request to claim: request a withdrawal first.',
  BackstopPoolCooldownActive: ([, at]) => `The withdrawal is still in its cooldown until ${when(at)}.`,
  BackstopPoolRequestLapsed: ([, at]) => `The claim window ended ${when(at)}; your shares went back to you. Request again to withdraw.`,
  BackstopPoolExceedsRequest: ([, s, available]) => `Your request holds ${shares(available)}; you tried to claim ${shares(s)}.`,
  BackstopPoolInsufficientFreeAssets: ([a, free]) => `Only ${assets(free)} of the pool is free (the rest backs active cover); this needs ${assets(a)}.`,
  BackstopPoolCheckpointRequired: ([days]) => `The pool has ${String(days)} days of unprocessed bookkeeping: anyone can call checkpoint() first.`,
  BackstopPoolEscrowTransfer: () => 'Shares cannot be sent to the pool directly: use Request withdrawal.',
  BackstopPoolAmountTooLarge: ([a]) => `${assets(a)} is more than the pool can account for.`,
  CoverMarketSalesPaused: () => 'Sales of this cover product are paused by the guardian; claims still work.',
  CoverMarketZeroPayout: () => 'The payout must be more than zero.',
  CoverMarketDurationOutOfBounds: ([d, min, max]) => `A cover runs from ${secs(min)} to ${secs(max)}; you asked for ${secs(d)}.`,
  CoverMarketStrikeBreached: () => 'The price has already reached that strike: cover must start on the safe side of it.',
  CoverMarketAboveMaxUtilization: ([payout, capacity], { maxUtilizationBps }) =>
    `The payout is above what the pool can back: at most ${assets(capacity)} of cover can be sold from this pool now (it keeps ${maxUtilizationBps === undefined ? 'part' : bps(10_000n - maxUtilizationBps)} of its capital free for shortfalls and withdrawals); you asked for ${assets(payout)}.`,
  CoverMarketStrikeTooFar: ([, limit]) => `That strike is too far from the price now: the strike range of this cover ends at ${price(limit)}.`,
  CoverMarketVolatilityBehind: () =>
    'Volatility has not caught up with the latest price round yet, so the cover cannot be priced: it catches up at the next oracle update.',
  BackstopPoolAboveMaxUtilization: ([, maxLocked]) => `The pool would lock more than its ceiling allows (${assets(maxLocked)} in all): try a smaller payout.`,
  BackstopPoolMaxUtilizationOutOfBounds: ([v, min, max]) => `A utilization ceiling of ${bps(v)} is outside the allowed ${bps(min)} to ${bps(max)}.`,
  BackstopPoolLockNotReleased: () => 'That cover’s capital is still locked in the pool: it is paid from its own lock.',
  CoverMarketPremiumAboveMax: ([premium, max]) =>
    `The price moved: the premium is now ${assets(premium)}, above your limit of ${assets(max)}. Review the new quote.`,
  CoverMarketUninsurable: () => 'The strike is so close that a touch is all but certain: the premium would equal the payout. Pick a strike further away.',
  CoverMarketStalePrice: () => 'The price feed has not updated recently enough to price or judge cover; try again after the next round.',
  CoverMarketStaleVolatility: () => 'Volatility has not been updated recently; sales resume after the next oracle poke.',
  CoverMarketSequencerDown: () => 'The network’s sequencer is down, so prices cannot be trusted: cover is paused until it is back.',
  CoverMarketSequencerGracePeriod: () => 'The network’s sequencer just came back; cover resumes after its grace period.',
  CoverMarketAlreadyClaimed: () => 'This cover has already been paid.',
  CoverMarketAlreadyReleased: () => 'This cover has expired and its capital was released.',
  CoverMarketClaimWindowClosed: ([, deadline]) => `The claim window closed ${when(deadline)}.`,
  CoverMarketStrikeNotReached: () => 'The oracle has not confirmed a touch of the strike inside the cover’s window.',
  CoverMarketRoundOutsideWindow: () => 'Those oracle rounds fall outside the cover’s window (they must come after its activation delay and before its end).',
  RecapitalizerMintBudgetSpent: ([used, cap, at]) =>
    `Auctions may mint at most ${bks(cap)} in any 24 hours and have minted ${bks(used)}: BKS can be bought again from ${when(at)}.`,
  // The reference perp venue (IPerpVenue): every custom error it declares.
  PerpVenueZeroAddress: () => 'An address was zero where the venue needs a real one.',
  PerpVenueZeroAmount: () => 'The amount must be more than zero.',
  PerpVenueParameterOutOfBounds: ([, v, min, max]) => `That venue parameter (${String(v)}) is outside its bounds (${String(min)} to ${String(max)}).`,
  PerpVenueNotGuardian: () => 'Only the guardian may pause the venue.',
  PerpVenuePaused: () => 'Opening and increasing positions is paused by the guardian; closing, reducing and adding margin still work.',
  PerpVenueNoPosition: () => 'You have no open position on the venue.',
  PerpVenueSideMismatch: ([, isLong]) =>
    `You hold a ${isLong ? 'short' : 'long'}: close it before opening a ${isLong ? 'long' : 'short'} (one position per account).`,
  PerpVenuePriceSlippage: ([p, limit]) => `The price moved to ${price(p)}, past your limit of ${price(limit)}: review and try again.`,
  PerpVenueBelowMinNotional: ([n, min]) => `A position must be worth at least ${assets(min)}; this one would be worth ${assets(n)}.`,
  PerpVenueOpenInterestCap: ([, max]) => `The venue takes at most ${assets(max)} of open interest per side: this order would pass it. Try a smaller size.`,
  PerpVenueBelowInitialMargin: ([margin, required]) =>
    `Over the leverage allowed now: the margin left (${assets(margin)}) is below the initial margin at today’s volatility (${assets(required)}). Add margin or trade smaller.`,
  PerpVenueInsufficientMargin: ([needed, available]) => `The margin (${assets(available)}) does not cover the ${assets(needed)} this needs.`,
  PerpVenueSizeTooLarge: ([, available]) =>
    `You can reduce by at most ${formatAmount(BigInt(available as bigint), 18, { maxFractionDigits: 6 })} ETH; close the position to exit it all.`,
  PerpVenuePositionBankrupt: () => 'The position’s losses exceed its margin: only a liquidation can close it now (the pools cover the shortfall).',
  PerpVenueNotLiquidatable: () => 'That position is above maintenance at the price now: it cannot be liquidated.',
  PerpVenueHouseInsufficient: ([owed, house]) => `The venue’s house balance (${assets(house)}) cannot pay the ${assets(owed)} this needs right now.`,
  PerpVenueNonPositivePrice: () => 'The price feed reported a non-positive price: trading waits for a valid round.',
  PerpVenueIncompleteRound: () => 'The price feed’s latest round is incomplete: try again after the next round.',
  PerpVenueStalePrice: () => 'The price feed has not updated recently enough to open or liquidate; closing, reducing and adding margin still work.',
  PerpVenueStaleVolatility: () => 'Volatility has not been updated recently: opening waits for the next oracle poke.',
  PerpVenueSequencerDown: () => 'The network’s sequencer is down: opening and liquidations wait until it is back; closing still works.',
  PerpVenueSequencerGracePeriod: () => 'The network’s sequencer just came back: opening and liquidations resume after its grace period.',
  PerpVenueUnknownAuction: () => 'That auction holds none of the venue’s bad debt, or is already settled on its books.',
  PerpVenueNothingToDo: () => 'There is nothing to withdraw, distribute or retry right now.',
  PerpMathOutOfDomain: () => 'A number is outside what the venue’s math accepts (too large a size, price or margin).',
  EnforcedPause: () => 'New risk is paused by the guardian right now; withdrawals and claims still work.',
  ReentrancyGuardReentrantCall: () => 'The call tried to re-enter the contract and was refused.',
  OwnableUnauthorizedAccount: () => 'Only governance may do this.',
  CoverExchangeCoverNotActive: ([, status]) =>
    Number(status) === 0
      ? 'There is no such cover.'
      : `This cover is ${['', 'active', 'past its claim deadline', 'already paid', 'expired and released'][Number(status)] ?? 'settled'}: it can no longer be traded.`,
  CoverExchangeCoverEnded: ([, end]) => `This cover’s window closed ${when(end)}: it can be claimed if the price touched its strike, but no longer traded.`,
  CoverExchangeNotHolder: () => 'Only the holder of this cover can do that.',
  CoverExchangeZeroPrice: () => 'The price must be more than zero.',
  CoverExchangePriceAbovePayout: ([p, payout]) => `A cover can never be worth more than its payout (${assets(payout)}); you asked ${assets(p)}.`,
  CoverExchangeNoListing: () => 'This cover is not listed (it was sold, cancelled or its listing died when the token moved).',
  CoverExchangeListingVoid: () => 'The seller no longer holds this cover, so the listing is void.',
  CoverExchangeNotApproved: () => 'The exchange is not approved to move this cover: approve it for the exchange first.',
  CoverExchangePriceAboveMax: ([p, max]) => `The seller changed the price to ${assets(p)}, above the ${assets(max)} you agreed to: nothing was bought.`,
  CoverExchangeProceedsBelowMin: ([got, min]) => `You would receive ${assets(got)}, below the ${assets(min)} you agreed to: nothing was sold.`,
  CoverExchangeSelfTrade: () => 'You cannot trade with yourself (your own listing, your own offer, or a bid on a cover you hold).',
  CoverExchangeNoOffer: () => 'This offer no longer exists (it was accepted or cancelled).',
  CoverExchangeOfferExpired: ([, at]) => `This offer expired ${when(at)}.`,
  CoverExchangeBadExpiry: () => 'An offer must expire in the future.',
  CoverExchangeNotSeller: () => 'Only the seller can cancel a live listing.',
  CoverExchangeNotOfferer: () => 'Only the buyer who made this offer can cancel it while it can still be accepted.',
  CoverExchangeFeeOutOfBounds: ([v, max]) => `A fee of ${bps(v)} is above the ${bps(max)} limit.`,
};

/** Whether the table has a sentence of its own for `errorName` (else `describeRevert` spells the name out). */
export function hasSentence(errorName: string): boolean {
  return Object.hasOwn(ERROR_SENTENCES, errorName);
}

/** The sentence for a custom error and its arguments, from a decoded chain revert or a twin's ContractRevert. */
export function describeRevert(errorName: string, args: readonly unknown[] | undefined, context: RevertContext = {}): string {
  return sentenceFor(errorName, args, context);
}

function sentenceFor(errorName: string, args: readonly unknown[] | undefined, context: RevertContext = {}): string {
  const sentence = ERROR_SENTENCES[errorName];
  if (sentence) return sentence(args ?? [], context);
  const words = errorName
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return `The contract refused the transaction (${words}).`;
}

// The sections `npm run bench` runs, in order. To add one: write `scripts/bench/<name>.ts` exporting a
// `BenchSection` and list it here. A forge bench file with no section of its own is printed by "other".
import { forgeFileSection, otherForgeFilesSection } from './forgeFile';
import { indexerSection } from './indexer';
import { keeperSection } from './keeper';
import { poolSection } from './pool';
import { riskSection } from './risk';
import type { BenchSection } from './types';

const named: BenchSection[] = [
  poolSection,
  forgeFileSection({
    id: 'cover',
    title: 'Cover market: touchProbability, quote, buyCover, claim, poke, release',
    file: 'CoverGas.t.sol',
    notes: [
      'Targets (issues "Cover market" and 13): touchProbability ≤ 5,000, quote ≤ 40,000, buyCover (returning buyer) ' +
        '≤ 160,000, claim with 2 confirmations ≤ 75,000 gas; matched to the logged keys by name (scripts/bench/targets.ts).',
      'External calls are call-frame gas (vm.lastCallGas): an eth_call or transaction to the market spends this plus ' +
        'its 21,000 + calldata intrinsic (quote on the seeded local stack after issue 13: eth_estimateGas 60,735 − 21,720 = ' +
        "39,015; the bench's book reads a little more). A contract calling the market adds 2,600 on its side for the cold account.",
    ],
  }),
  forgeFileSection({
    id: 'venue',
    title: 'Perp venue: open, close, reduce, margin, liquidation (partial; full; bad debt → waterfall → auction)',
    file: 'PerpGas.t.sol',
    notes: [
      'Targets (issue 15): open ≤ 150,000 and partial liquidation ≤ 150,000 gas; matched to the logged keys by name ' +
        '(scripts/bench/targets.ts). Call-frame gas (vm.lastCallGas), every slot cold: a transaction adds its 21,000 + calldata.',
      "Bad-debt liquidations add the waterfall (both pools' accounting, the payments to the venue) and, when the layers are " +
        "spent, the auction's opening and the socialised-loss index; they are rare and not gas-bound.",
    ],
  }),
  forgeFileSection({
    id: 'exchange',
    title: 'Cover exchange: list, buy, offers, fee forwarding, tokenURI',
    file: 'ExchangeGas.t.sol',
    notes: [
      'Targets (issue 18): list ≤ 60,000, buy ≤ 120,000 gas (call-frame gas, as the cover section). "buy" is a buyer whose ' +
        'first cover this is (a new token-balance slot); the seller and buyer already hold USDC; fee 0.5 % booked to pendingFees.',
      'Fees reach the pools only through forwardFees (anyone, batched): a fill never calls the pools.',
    ],
  }),
  forgeFileSection({
    id: 'math',
    title: 'Fixed-point math and the volatility oracle',
    file: 'MathGas.t.sol',
    notes: ['Library calls measured in-line (no call overhead), worst case over representative inputs; poke is a full external call.'],
  }),
  keeperSection,
  indexerSection,
  riskSection,
];

export const SECTIONS: BenchSection[] = [...named, otherForgeFilesSection(() => named.flatMap((s) => s.files ?? []))];

// The sections `npm run bench` runs, in order. To add one: write `scripts/bench/<name>.ts` exporting a
// `BenchSection` and list it here. A forge bench file with no section of its own is printed by "other".
import { forgeFileSection, otherForgeFilesSection } from './forgeFile';
import { indexerSection } from './indexer';
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
      'Targets (issue "Cover market"): touchProbability ≤ 5,000, quote ≤ 40,000, buyCover ≤ 200,000, claim with 2 ' +
        'confirmations ≤ 120,000 gas; matched to the logged keys by name (scripts/bench/targets.ts).',
      'External calls are call-frame gas (vm.lastCallGas): an eth_call or transaction to the market spends this plus ' +
        'its 21,000 + calldata intrinsic (quote on the seeded local stack: eth_estimateGas 60,742 − 21,720 = 39,022, ' +
        'the number below). A contract calling the market adds 2,600 on its side for the cold account.',
    ],
  }),
  forgeFileSection({
    id: 'math',
    title: 'Fixed-point math and the volatility oracle',
    file: 'MathGas.t.sol',
    notes: ['Library calls measured in-line (no call overhead), worst case over representative inputs; poke is a full external call.'],
  }),
  indexerSection,
  riskSection,
];

export const SECTIONS: BenchSection[] = [...named, otherForgeFilesSection(() => named.flatMap((s) => s.files ?? []))];

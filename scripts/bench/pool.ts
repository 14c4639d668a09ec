// Underwriting gas: BackstopPool next to a plain OpenZeppelin ERC4626 vault measured in the same forge
// run (PoolGas.t.sol), then the waterfall, fees and recapitalization on the real stack
// (WaterfallGas.t.sol). Target (issue "Protocol core I"): deposit and redeem ≤ 1.15 × plain OZ.
import type { ForgeBenchRun } from './forge';
import { fmtGas, fmtRatio, targetStatus } from './format';
import { fileTable } from './forgeFile';
import { emptyReport, type BenchSection, type Cell, type SectionReport, type Table } from './types';

const POOL_FILE = 'PoolGas.t.sol';
const WATERFALL_FILE = 'WaterfallGas.t.sol';
const TARGET_RATIO = 1.15;

/** EVM storage prices (EIP-2929 / EIP-2200) used to explain the redeem gap. */
const COLD_SLOAD = 2_100;
const SSTORE_RESET = 2_900; // warm slot, non-zero original value, first write in the transaction

type PairRow = { label: string; op: string; plainKey?: string; plainLabel?: string; target?: number };

const PAIRS: PairRow[] = [
  { label: 'deposit (new holder)', op: 'deposit', target: TARGET_RATIO },
  { label: 'deposit (existing holder)', op: 'depositExisting' },
  { label: 'mint (new holder)', op: 'mint' },
  { label: 'redeem: claim after cooldown, burns escrow', op: 'redeem', target: TARGET_RATIO },
  { label: 'withdraw: claim by assets', op: 'withdraw' },
  { label: 'requestRedeem (escrow shares)', op: 'requestRedeem', plainKey: 'plain.transfer', plainLabel: 'vs share transfer' },
];

type SingleRow = { label: string; key: string; file: string };

const WATERFALL_ROWS: SingleRow[] = [
  { label: 'absorbShortfall: Junior pays', key: 'waterfall.absorbShortfall(junior)', file: WATERFALL_FILE },
  { label: 'absorbShortfall: Junior + Senior', key: 'waterfall.absorbShortfall(junior+senior)', file: WATERFALL_FILE },
  { label: 'absorbShortfall: Junior + Senior, next day (bucket walk)', key: 'waterfall.absorbShortfall(junior+senior, next day)', file: WATERFALL_FILE },
  { label: 'absorbShortfall: Junior + Senior + opens auction', key: 'waterfall.absorbShortfall(junior+senior+auction)', file: WATERFALL_FILE },
  { label: 'absorbShortfall: 1 active cover', key: 'waterfall.absorbShortfall(1 active cover)', file: WATERFALL_FILE },
  { label: 'absorbShortfall: 1,000 active covers', key: 'waterfall.absorbShortfall(1,000 active covers)', file: WATERFALL_FILE },
  { label: 'distributeFees (two layers, streamed)', key: 'waterfall.distributeFees', file: WATERFALL_FILE },
  { label: 'auction buy (Recapitalizer.buy)', key: 'recapitalizer.buy', file: WATERFALL_FILE },
  { label: 'auction buy, second in the mint window', key: 'recapitalizer.buy(second in window)', file: WATERFALL_FILE },
  { label: 'auction buy that fills and settles', key: 'recapitalizer.buy(fills, settles)', file: WATERFALL_FILE },
  { label: 'auction settle', key: 'recapitalizer.settle', file: WATERFALL_FILE },
];

const HOOK_ROWS: SingleRow[] = [
  { label: 'coverShortfall: 1 active lock', key: 'pool.coverShortfall_1lock', file: POOL_FILE },
  { label: 'coverShortfall: 1,000 active locks', key: 'pool.coverShortfall_1000locks', file: POOL_FILE },
  { label: 'cover sale, pool side (lockCapital + receivePremium)', key: 'pool.sellCover_lockAndPremium', file: POOL_FILE },
  { label: 'checkpoint: first touch of a day (10 locks due)', key: 'pool.checkpoint_1day_10locksDue', file: POOL_FILE },
  { label: 'checkpoint: worst case (90-day walk bound)', key: 'pool.checkpoint_worst_90days', file: POOL_FILE },
];

/** Builds the report from a forge run; exported for reuse (e.g. a JSON dump) and tests. */
export function poolReport(run: ForgeBenchRun): SectionReport {
  const report = emptyReport();
  const values = new Map<string, number>([...run.valuesIn(POOL_FILE), ...run.valuesIn(WATERFALL_FILE)]);
  const used = new Set<string>();
  const take = (key: string): number | undefined => {
    used.add(key);
    const v = values.get(key);
    if (v === undefined) report.problems.push(`no measurement "${key}" (did its bench test fail?)`);
    return v;
  };

  // 1. BackstopPool vs plain OZ.
  const pairRows: Cell[][] = [];
  const ratios = new Map<string, { pool: number; plain: number }>();
  for (const row of PAIRS) {
    const pool = take(`pool.${row.op}`);
    const plain = take(row.plainKey ?? `plain.${row.op}`);
    if (pool === undefined || plain === undefined) {
      pairRows.push([row.label, pool ?? 'missing', plain ?? 'missing', null, null, null]);
      continue;
    }
    ratios.set(row.op, { pool, plain });
    const ratio = pool / plain;
    pairRows.push([
      row.label,
      pool,
      row.plainLabel ? `${fmtGas(plain)} (${row.plainLabel})` : plain,
      fmtRatio(ratio),
      row.target ? `≤ ${fmtRatio(row.target)}` : null,
      row.target ? targetStatus(ratio, row.target) : null,
    ]);
  }
  report.tables.push({
    title: 'BackstopPool vs plain OpenZeppelin ERC4626 (same forge run)',
    columns: [
      { header: 'operation' },
      { header: 'Backstop' },
      { header: 'plain OZ' },
      { header: 'ratio' },
      { header: 'target' },
      { header: '', align: 'left' },
    ],
    rows: pairRows,
  });
  const redeem = ratios.get('redeem');
  if (redeem) report.tables.push(redeemGapTable(redeem.pool, redeem.plain));

  // 2. Waterfall, fees, recapitalization; 3. the pool's hooks. O(1) rows compare 1 vs 1,000 covers.
  const singles = (rows: SingleRow[], o1: [string, string][]): Cell[][] =>
    rows.map((row) => {
      const v = take(row.key);
      const pair = o1.find(([, many]) => many === row.key);
      let note: string | null = null;
      if (pair && v !== undefined) {
        const one = values.get(pair[0]);
        if (one !== undefined) note = `${v - one >= 0 ? '+' : ''}${fmtGas(v - one)} vs 1 → ${v === one ? 'O(1)' : 'grows'}`;
      }
      return [row.label, v ?? 'missing', note];
    });
  report.tables.push({
    title: 'Shortfall waterfall, fees and recapitalization (Junior + Senior pools, waterfall, Recapitalizer, BKS)',
    columns: [{ header: 'operation' }, { header: 'gas' }, { header: 'cost vs covers', align: 'left' }],
    rows: singles(WATERFALL_ROWS, [['waterfall.absorbShortfall(1 active cover)', 'waterfall.absorbShortfall(1,000 active covers)']]),
  });
  report.tables.push({
    title: 'Pool hooks (market and waterfall side)',
    columns: [{ header: 'operation' }, { header: 'gas' }, { header: 'cost vs covers', align: 'left' }],
    rows: singles(HOOK_ROWS, [['pool.coverShortfall_1lock', 'pool.coverShortfall_1000locks']]),
  });

  // Anything else the two files log (a bench added later) is printed rather than dropped.
  for (const file of [POOL_FILE, WATERFALL_FILE]) {
    const rest = fileTable(run, file, `Other measurements in ${file}`);
    rest.rows = rest.rows.filter((r) => !used.has(String(r[0])));
    if (rest.rows.length > 0) report.tables.push(rest);
    report.problems.push(...run.failuresIn(file));
  }

  report.notes.push(
    'Gas = execution gas of one external call, measured with gasleft() around the call in a forge test whose setUp prepared ' +
      'the state, so the call is the first to touch its storage (cold slots, as in a real transaction). Excludes the 21,000 ' +
      'intrinsic gas and calldata; refunds are not subtracted, for either vault. Both vaults: the same 6-decimal token ' +
      'contract (one instance each, so neither finds the other’s token slots warm), the same decimals offset (12), the same ' +
      'holders and amounts. The Backstop pool is in its normal state: one active cover whose premium is being earned.',
  );
  if (redeem) {
    report.notes.push(
      'redeem is an ERC-7540 claim: like for like, both calls burn the holder’s whole position and pay it out (the pool ' +
        'burns the shares its requestRedeem escrowed). The claim must read and clear the request’s two slots (cooldown, ' +
        'window, no double claim; and its value at request, since a claim pays the lower of the value at request and now), ' +
        'read and write the accounting slot `_core` (held, unearned reserve, checkpoint: assets are ' +
        'accounted, so a donation cannot move the price) and read `_risk` (the premium rate that prices the unearned ' +
        'reserve, and locked capital for the free-capital check that keeps cover payouts whole). Those ' +
        `${fmtGas(STRUCTURAL_REDEEM)} gas of storage alone exceed what 1.15× allows, so the target is out of reach for any ` +
        'async vault with this accounting; “Where the redeem gap goes” itemises it. Clearing the request also earns a ' +
        '2 × 4,800 refund at the end of the transaction, which gasleft() does not show.',
    );
  }
  const deposit = ratios.get('deposit');
  if (deposit) {
    report.notes.push(
      `deposit: ${fmtGas(deposit.pool - deposit.plain)} gas over plain OZ, of which ${fmtGas(COLD_SLOAD * 2 + SSTORE_RESET)} is ` +
        'storage a plain vault does not have: `_core` (read 2,100 + write 2,900) and `_risk` (read 2,100: the premium ' +
        'rate, to keep the still-unearned premium out of totalAssets). The plain vault pays a balanceOf staticcall instead.',
    );
  }
  return report;
}

/** Storage the async claim touches that a plain redeem does not: the request's two slots read + clear,
 *  `_core` read + write, `_risk` read. */
const REDEEM_STORAGE: [string, number][] = [
  ['request slot: read (cold)', COLD_SLOAD],
  ['request slot: clear', SSTORE_RESET],
  ['request’s second slot (owner, value at request): read (cold)', COLD_SLOAD],
  ['request’s second slot: clear', SSTORE_RESET],
  ['accounting slot `_core`: read (cold)', COLD_SLOAD],
  ['accounting slot `_core`: write', SSTORE_RESET],
  ['risk slot `_risk`: read (cold)', COLD_SLOAD],
];
const STRUCTURAL_REDEEM = REDEEM_STORAGE.reduce((sum, [, gas]) => sum + gas, 0);

/** Where the redeem gap over plain OZ goes, from the measured numbers and EVM storage prices. */
function redeemGapTable(pool: number, plain: number): Table {
  const gap = pool - plain;
  const rows: Cell[][] = REDEEM_STORAGE.map(([label, gas]) => [label, gas, null]);
  rows.push(['pool code (guard, accrual math, checks), net of plain’s balanceOf reads', gap - STRUCTURAL_REDEEM, null]);
  rows.push(['gap: Backstop redeem − plain OZ redeem', gap, fmtRatio(pool / plain)]);
  rows.push([`the ${REDEEM_STORAGE.length} storage items alone (plain OZ + these)`, STRUCTURAL_REDEEM, fmtRatio((plain + STRUCTURAL_REDEEM) / plain)]);
  rows.push([`what ${fmtRatio(TARGET_RATIO)} of plain OZ allows`, Math.floor(plain * (TARGET_RATIO - 1)), fmtRatio(TARGET_RATIO)]);
  return {
    title: 'Where the redeem gap goes',
    columns: [{ header: 'item' }, { header: 'gas' }, { header: 'ratio' }],
    rows,
  };
}

export const poolSection: BenchSection = {
  id: 'pool',
  title: 'Underwriting: pools, waterfall, recapitalization',
  files: [POOL_FILE, WATERFALL_FILE],
  async run(ctx) {
    return poolReport(await ctx.forge());
  },
};

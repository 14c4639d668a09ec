// A cover's trades against its model value over time, as chart points: each trade's price and the model value
// the indexer computed at its block, then the model value now. Floats only for drawing.
import { ASSET_DECIMALS } from '../chain/tokens';

export type TradePoint = { t: number; price: number | null; model: number };

export function tradeSeries(trades: readonly { timestamp: bigint; price: bigint; modelValue: bigint }[], now?: { t: bigint; model: bigint }): TradePoint[] {
  const unit = 10 ** ASSET_DECIMALS;
  const points: TradePoint[] = trades.map((tr) => ({ t: Number(tr.timestamp), price: Number(tr.price) / unit, model: Number(tr.modelValue) / unit }));
  if (now) points.push({ t: Number(now.t), price: null, model: Number(now.model) / unit });
  return points;
}

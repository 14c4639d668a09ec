import type { Layer } from '../chain/config';

/** How each layer's risk reads in plain words. */
export const LAYER_COPY: Record<Layer, { title: string; risk: string }> = {
  junior: {
    title: 'Junior pool — first loss',
    risk: 'Pays the first part of every shortfall, up to its daily cap, so it earns the larger share of premiums and fees.',
  },
  senior: {
    title: 'Senior pool — excess layer',
    risk: 'Pays only what the Junior layer cannot: reinsurance against the rare large loss, for a smaller share of the income.',
  },
};

/** The stablecoin's decimals (USDC: 6). Pools' shares carry 12 more (BackstopPool's decimals offset). */
export const ASSET_DECIMALS = 6;
export const SHARE_DECIMALS = 18;
export const ASSET_SYMBOL = 'USDC';
/** BKS, the governance token the Recapitalizer auctions (ERC20Votes, 18 decimals). */
export const BKS_DECIMALS = 18;

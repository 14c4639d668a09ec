/** The soak's default seed: `npm run soak` and `npm test`'s 1,000-action run replay the same actions. */
export const DEFAULT_SEED = 20_261_206;
/** `npm run soak`'s default length. */
export const DEFAULT_ACTIONS = 10_000;

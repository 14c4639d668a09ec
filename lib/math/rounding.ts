/** Which way an integer result rounds; named like Morpho's blue-sdk so call sites read as the .sol does. */
export type Rounding = 'Down' | 'Up';

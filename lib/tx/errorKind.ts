/** What kind of failure an error is, for the words and the retry the UI offers. */
export type ErrorKind = 'rejected' | 'revert' | 'network' | 'no-wallet' | 'unknown';

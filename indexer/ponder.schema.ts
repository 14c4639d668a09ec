// Ponder reads the schema from this file; the schema itself lives with the history questions that read it
// (lib/history/schema.ts), so the app and the indexer share one owner and imports stay one-way (indexer → lib).
export * from '../lib/history/schema';

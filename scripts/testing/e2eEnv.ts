// Ports and URLs of the end-to-end stack (used by e2e/ and by scripts/test-all.ts): its own chain and app ports, so a running dev stack
// (8545 / 3000) is never touched.
export const E2E_CHAIN_PORT = Number(process.env.E2E_CHAIN_PORT ?? 8645);
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
export const E2E_RPC_URL = `http://127.0.0.1:${E2E_CHAIN_PORT}`;
export const E2E_APP_URL = `http://127.0.0.1:${E2E_APP_PORT}`;
export const E2E_INDEXER_PORT = Number(process.env.E2E_INDEXER_PORT ?? 42169);
export const E2E_INDEXER_URL = `http://127.0.0.1:${E2E_INDEXER_PORT}`;

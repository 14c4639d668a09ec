// Compiles the contracts with forge (offline, solc-js shim) and regenerates contracts-abi/.
import path from 'node:path';
import { CONTRACTS_DIR, ROOT } from './artifacts';
import { run } from './run';

export const FORGE_BIN = path.join(ROOT, 'node_modules', '.bin', 'forge');

export async function buildContracts(): Promise<void> {
  await run(FORGE_BIN, ['build'], { cwd: CONTRACTS_DIR });
}

export async function generateAbis(check = false): Promise<void> {
  await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'gen-abi.ts'), ...(check ? ['--check'] : [])], { cwd: ROOT });
}

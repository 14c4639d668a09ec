// Reads forge's build output (contracts/out) — the single source for ABIs, bytecode and storage layouts.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Abi, Hex } from 'viem';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CONTRACTS_DIR = path.join(ROOT, 'contracts');
export const OUT_DIR = path.join(CONTRACTS_DIR, process.env.FOUNDRY_OUT ?? 'out');

export type StorageEntry = { label: string; slot: string; offset: number; type: string };

export type Artifact = {
  contractName: string;
  sourcePath: string;
  abi: Abi;
  bytecode: Hex;
  storageLayout?: { storage: StorageEntry[] };
};

// forge's metadata names the file each artifact was compiled from, e.g. {"src/BackstopPool.sol": "BackstopPool"}.
function sourceOf(json: { metadata?: { settings?: { compilationTarget?: Record<string, string> } } }): string | undefined {
  const target = json.metadata?.settings?.compilationTarget;
  return target ? Object.keys(target)[0] : undefined;
}

/** Loads `contracts/out/<file>/<name>.json`; the file defaults to `<name>.sol`. */
export function loadArtifact(contractName: string, sourceFile = `${contractName}.sol`): Artifact {
  const file = path.join(OUT_DIR, sourceFile, `${contractName}.json`);
  if (!existsSync(file)) {
    throw new Error(`No forge artifact for ${contractName} at ${file}: run \`npm run contracts:build\` first`);
  }
  const json = JSON.parse(readFileSync(file, 'utf8'));
  return {
    contractName,
    sourcePath: sourceOf(json) ?? sourceFile,
    abi: json.abi as Abi,
    bytecode: json.bytecode.object as Hex,
    storageLayout: json.storageLayout,
  };
}

/**
 * Contracts the protocol deploys unmodified from a dependency (compiled because `contracts/src` imports
 * them): their ABIs are generated like ours. The TimelockController owns every contract.
 */
export const DEPLOYED_DEPENDENCIES = ['TimelockController'] as const;

/** Every artifact compiled from `contracts/src` (not tests, scripts or dependencies), then `DEPLOYED_DEPENDENCIES`. */
export function listSourceArtifacts(): Artifact[] {
  const result: Artifact[] = [];
  for (const dir of readdirSync(OUT_DIR).sort()) {
    const full = path.join(OUT_DIR, dir);
    if (!dir.endsWith('.sol')) continue;
    for (const file of readdirSync(full).sort()) {
      if (!file.endsWith('.json')) continue;
      const json = JSON.parse(readFileSync(path.join(full, file), 'utf8'));
      const source = sourceOf(json);
      // Interfaces are implemented by the contracts we export; their ABIs would only duplicate them.
      if (!source?.startsWith('src/') || source.startsWith('src/interfaces/')) continue;
      result.push({
        contractName: file.replace(/\.json$/, ''),
        sourcePath: source,
        abi: json.abi as Abi,
        bytecode: json.bytecode.object as Hex,
        storageLayout: json.storageLayout,
      });
    }
  }
  for (const name of DEPLOYED_DEPENDENCIES) {
    const artifact = loadArtifact(name);
    result.push({ ...artifact, sourcePath: artifact.sourcePath.replace(/^(\.\.\/)+/, '') });
  }
  return result;
}

/** The storage slot of a named state variable, from the compiler's layout. */
export function storageSlot(artifact: Artifact, label: string): bigint {
  const entry = artifact.storageLayout?.storage.find((s) => s.label === label);
  if (!entry) throw new Error(`${artifact.contractName} has no storage variable ${label}`);
  return BigInt(entry.slot);
}

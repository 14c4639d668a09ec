// The layer check itself: the repository passes it, and each kind of wrong-way import fails it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile, checkLayers, importsOf, layerOf } from './layers';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('one-way layers', () => {
  it('the repository has no wrong-way import', () => {
    const { files, violations } = checkLayers(ROOT);
    expect(files).toBeGreaterThan(100);
    expect(violations).toEqual([]);
  });

  it('finds static, type-only, re-exported and dynamic imports', () => {
    const text = `import a from 'x';\nimport type { B } from './b';\nexport * from '@/c';\nconst d = await import('../d');\nimport './e.css';`;
    expect(importsOf(text)).toEqual(['x', './b', '@/c', '../d', './e.css']);
  });

  it.each([
    ['lib/mirror/PoolMath.ts', `import { x } from '@/components/pools/usePoolData';`, 'lib/ may import contracts-abi, not components/'],
    ['lib/history/queries.ts', `import * as schema from '../../indexer/ponder.schema';`, 'not indexer/'],
    ['lib/pool/redeemRequest.ts', `import { startAnvil } from '@/scripts/testing/anvil';`, 'not scripts/'],
    ['lib/tx/describeError.ts', `import { useState } from 'react';`, 'must not import the package "react"'],
    ['lib/wagmi/walletCookie.ts', `import { headers } from 'next/headers';`, 'must not import the package "next/headers"'],
    ['lib/chain/config.ts', `import { useConfig } from 'wagmi';`, 'must not import the package "wagmi"'],
    ['components/pools/DepositForm.tsx', `import Page from '@/app/(wallet)/pools/[layer]/page';`, 'components/ may import lib, contracts-abi, not app/'],
    ['scripts/test-all.ts', `import { E2E_RPC_URL } from '../e2e/support/env';`, 'scripts/ may import lib, contracts-abi, not e2e/'],
    ['indexer/src/index.ts', `import { x } from '../../components/ui/Card';`, 'not components/'],
    ['contracts-abi/index.ts', `import { WAD } from '../lib/mirror/constants';`, 'contracts-abi/ may import nothing of ours, not lib/'],
    ['e2e/stake.spec.ts', `import { Button } from '../components/ui/Button';`, 'e2e/ may import scripts, lib, contracts-abi, not components/'],
  ])('fails on a planted wrong-way import in %s', (file, line, reason) => {
    const violations = checkFile(file, line);
    expect(violations).toHaveLength(1);
    expect(violations[0]!.reason).toContain(reason);
  });

  it('lets each layer import downwards, and tests take their rigs from scripts/', () => {
    expect(checkFile('app/layout.tsx', `import { Providers } from '@/components/Providers';\nimport { chain } from '@/lib/chain/config';`)).toEqual([]);
    expect(checkFile('indexer/src/index.ts', `import { x } from '../../lib/history/schema';`)).toEqual([]);
    expect(checkFile('e2e/support/chain.ts', `import { ANVIL_KEYS } from '../testing/anvil';`)).toEqual([]);
    expect(checkFile('lib/mirror/PoolMath.parity.test.ts', `import { startLocalChain } from '@/scripts/testing/localChain';`)).toEqual([]);
    expect(layerOf('next.config.ts')).toBeUndefined();
  });
});

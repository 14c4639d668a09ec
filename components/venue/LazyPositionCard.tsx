'use client';

import dynamic from 'next/dynamic';

/**
 * The position card in a chunk of its own (its remedies bring the touch-probability math and the cover
 * link): still rendered on the server, and its code fetched only by a visitor who holds a position.
 */
export const LazyPositionCard = dynamic(() => import('./PositionCard').then((m) => m.PositionCard));

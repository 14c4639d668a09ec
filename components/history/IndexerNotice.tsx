'use client';

import { useIndexerLag } from './useHistory';
import { IndexerNoticeText } from './IndexerNoticeText';

/** The notice for pages that read history in the browser. */
export function IndexerNotice() {
  return <IndexerNoticeText health={useIndexerLag()} />;
}

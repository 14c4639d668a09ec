import { shortHash } from '@/lib/tx/status';
import type { ComponentProps, Ref } from 'react';
import { EARLY_PRESS_ATTRIBUTE } from '../hydration/earlyPress';
import { Button } from '../ui/Button';

type Props = {
  address: string;
  onDisconnect?: () => void;
  /** Before the wallet's code is there: reaching for Disconnect (hover, focus, press) starts its download. */
  onIntent?: () => void;
  /** Disconnect was pressed and is waiting for the wallet's code. */
  pending?: boolean;
  /** On a server-drawn chip: the lazy control's own handlers on Disconnect (press hold, focus tracking). */
  controlHandlers?: Pick<ComponentProps<'button'>, 'onPointerDown' | 'onKeyDown' | 'onFocus' | 'onBlur'>;
  /** On a server-drawn chip: Disconnect pressed before hydration is kept under this name (components/hydration/earlyPress.ts). */
  earlyPress?: string;
  testId?: string;
  /** The Disconnect button, for moving focus to it. */
  buttonRef?: Ref<HTMLButtonElement>;
};

/** The connected account and its Disconnect button; with neither handler, or a disconnect pending, the button waits, disabled. */
export function AccountChip({ address, onDisconnect, onIntent, pending = false, controlHandlers, earlyPress, testId, buttonRef }: Props) {
  return (
    <div className="flex items-center gap-2" aria-busy={pending || !(onDisconnect || onIntent) ? true : undefined}>
      <span
        className="rounded-md bg-slate-100 px-2 py-1 font-mono text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-200"
        data-testid={testId}
        title={address}
      >
        {shortHash(address)}
      </span>
      <Button
        ref={buttonRef}
        variant="secondary"
        onClick={onDisconnect ?? onIntent}
        onPointerEnter={onIntent}
        onFocus={onIntent}
        {...controlHandlers}
        disabled={pending || (!onDisconnect && !onIntent)}
        {...(earlyPress ? { [EARLY_PRESS_ATTRIBUTE]: earlyPress } : {})}
      >
        {pending ? 'Disconnecting…' : 'Disconnect'}
      </Button>
    </div>
  );
}

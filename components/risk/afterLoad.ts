/**
 * Calls `f` once the page has loaded and the browser has a quiet moment (at most `timeoutMs` after
 * the load): the risk workers' start-up training and the first run keep every core busy for about a
 * second, which would otherwise compete with the page's own loading and hydration. Returns a cancel
 * that says whether `f` was still pending.
 */
export function afterLoad(f: () => void, timeoutMs = 1_000): () => boolean {
  let state: 'waiting' | 'scheduled' | 'done' | 'cancelled' = 'waiting';
  let idle = 0;
  const fire = () => {
    if (state !== 'scheduled') return;
    state = 'done';
    f();
  };
  const schedule = () => {
    if (state !== 'waiting') return;
    state = 'scheduled';
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(fire, { timeout: timeoutMs });
    else idle = window.setTimeout(fire, 0);
  };
  if (document.readyState === 'complete') schedule();
  else window.addEventListener('load', schedule, { once: true });
  return () => {
    const pending = state === 'waiting' || state === 'scheduled';
    if (state === 'scheduled') {
      if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
      else clearTimeout(idle);
    }
    window.removeEventListener('load', schedule);
    state = 'cancelled';
    return pending;
  };
}

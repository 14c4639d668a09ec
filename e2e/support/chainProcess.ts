// The real chain, made to hang for one test: anvil's processes (the npm wrapper the global setup spawned
// and the anvil binary it runs) are stopped (SIGSTOP), so the chain accepts connections and never
// answers, the way a stuck RPC fails: the app server's reads time out. It always resumes. Specs run one
// at a time (playwright.config.ts: one worker, not fully parallel), so no other spec sees the chain stop.
import { readdirSync, readFileSync } from 'node:fs';

/** `pid` and every process below it, parents first (from /proc: each process's parent is its stat's 4th field). */
function processTree(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid …": the command may hold spaces or parentheses, so split after its last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parentOf) if (parent === tree[i]) tree.push(child);
  return tree;
}

export async function withChainHung<T>(body: () => Promise<T>): Promise<T> {
  const pid = Number(process.env.E2E_ANVIL_PID);
  if (!pid) throw new Error('E2E_ANVIL_PID is not set: the global setup starts the chain');
  const tree = processTree(pid);
  const signal = (p: number, name: NodeJS.Signals) => {
    try {
      process.kill(p, name);
    } catch {
      // gone already: nothing to stop or resume
    }
  };
  try {
    for (const p of tree) signal(p, 'SIGSTOP');
    return await body();
  } finally {
    for (const p of tree) signal(p, 'SIGCONT');
  }
}

// The real indexer, made to hang for one test: its whole process group is stopped (SIGSTOP), so it
// accepts connections and never answers, the way a stuck server fails. It always resumes.
export async function withIndexerHung<T>(body: () => Promise<T>): Promise<T> {
  const pid = Number(process.env.E2E_PONDER_PID);
  if (!pid) throw new Error('E2E_PONDER_PID is not set: the global setup starts the indexer');
  process.kill(-pid, 'SIGSTOP');
  try {
    return await body();
  } finally {
    process.kill(-pid, 'SIGCONT');
  }
}

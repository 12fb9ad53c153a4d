// In-process shortcut between enqueue and workers: a worker in the same process (tests, a single-process
// deployment) looks for work at once instead of at its next poll. Other processes just poll.
const wakers = new Set<() => void>();

export function onLocalEnqueue(wake: () => void): () => void {
  wakers.add(wake);
  return () => wakers.delete(wake);
}

export function wakeLocalWorkers(): void {
  for (const wake of wakers) wake();
}

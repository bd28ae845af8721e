/**
 * Gives the host's event loop a turn (timers, I/O, the test runner's messages to its workers)
 * between the runs of a long property: runs that finish synchronously would otherwise chain through
 * microtasks for a minute on a busy machine, and vitest's worker RPC times out.
 */
export const yieldToHost = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

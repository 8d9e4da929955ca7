import type { Later } from '../app/triage/late-data.ts';

/**
 * Timers for work that waits (re-triages of late data), unref'd so they never hold the process;
 * `stop` clears what still waits (shutdown). A task that throws is reported to `onError`.
 */
export function createLater(onError: (key: string, e: unknown) => void): Later & { stop(): void } {
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  return {
    after(delayMs, key, task) {
      if (stopped) return;
      const t = setTimeout(() => {
        timers.delete(t);
        if (!stopped) task().catch((e: unknown) => onError(key, e));
      }, delayMs);
      t.unref();
      timers.add(t);
    },
    stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}

export type WorkQueue = {
  /**
   * Runs `task` for `key` with bounded concurrency. A key already waiting is not queued twice; a
   * key that is running runs once more after it (so a burst of resolutions makes at most two checks).
   */
  push(key: string, task: () => Promise<void>): void;
  /** Tasks waiting or running. */
  readonly size: number;
  /** Resolves when nothing is waiting or running. */
  idle(): Promise<void>;
  /** Refuses new work from now on (shutdown); what is queued still runs. */
  close(): void;
};

/** An in-process queue for the work after a webhook is answered (investigations, resolution checks). */
export function createWorkQueue(concurrency: number, onError: (key: string, e: unknown) => void): WorkQueue {
  const waiting = new Map<string, () => Promise<void>>();
  const running = new Set<string>();
  const again = new Map<string, () => Promise<void>>();
  let closed = false;
  let idlers: (() => void)[] = [];
  const settle = () => {
    if (waiting.size === 0 && running.size === 0) {
      const w = idlers;
      idlers = [];
      for (const f of w) f();
    }
  };
  const pump = () => {
    for (const [key, task] of waiting) {
      if (running.size >= concurrency) break;
      if (running.has(key)) continue;
      waiting.delete(key);
      running.add(key);
      void task()
        .catch((e) => onError(key, e))
        .finally(() => {
          running.delete(key);
          const next = again.get(key);
          if (next) {
            again.delete(key);
            waiting.set(key, next);
          }
          pump();
          settle();
        });
    }
  };
  return {
    push(key, task) {
      if (closed) return;
      if (running.has(key)) again.set(key, task);
      else if (!waiting.has(key)) waiting.set(key, task);
      pump();
    },
    get size() {
      return waiting.size + running.size + again.size;
    },
    idle() {
      if (waiting.size === 0 && running.size === 0) return Promise.resolve();
      return new Promise((resolve) => idlers.push(resolve));
    },
    close() {
      closed = true;
    },
  };
}

import type { RunStore } from '../../../src/core/storage/run-store.ts';

/** The run store port, wrapped: every call goes to the real store and is counted by method name. */
export function countingRunStore(inner: RunStore): { readonly runs: RunStore; readonly calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const runs = new Proxy(inner, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function' || typeof name !== 'string') return value;
      return (...args: unknown[]) => {
        calls.set(name, (calls.get(name) ?? 0) + 1);
        return value.apply(target, args);
      };
    },
  });
  return { runs, calls };
}

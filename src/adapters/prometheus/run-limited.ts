/**
 * Runs `work` over the items, at most `limit` at a time, results in the items' order. Stops
 * starting new work once the signal is aborted (those items get no result).
 */
export async function runLimited<T, R>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length && !signal.aborted) {
      const i = next++;
      out[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out.filter((r) => r !== undefined);
}

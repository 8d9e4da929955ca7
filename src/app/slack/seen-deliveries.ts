/** Remembers recent deliveries (Slack event ids, channel+ts): a retried delivery is recognised. */
export type SeenDeliveries = {
  /** True the first time a key is seen (and remembers it), false for a repeat. */
  first(key: string): boolean;
};

/** Remembers the last `max` keys. */
export function createSeenDeliveries(max = 10_000): SeenDeliveries {
  const seen = new Set<string>();
  return {
    first(key) {
      if (seen.has(key)) return false;
      seen.add(key);
      if (seen.size > max) {
        const oldest = seen.values().next().value;
        if (oldest !== undefined) seen.delete(oldest);
      }
      return true;
    },
  };
}

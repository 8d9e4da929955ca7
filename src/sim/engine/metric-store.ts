/** Latency histogram bounds in ms, like a Prometheus `http_server_duration` histogram. */
export const LATENCY_BOUNDS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, Number.POSITIVE_INFINITY];

export type MetricBucket = { count: number; errors: number; hist: number[] };

/** What Prometheus would have scraped: per service, per 15 s, request count, 5xx count and a latency histogram. */
export type MetricStore = {
  readonly stepMs: number;
  readonly start: number;
  readonly record: (service: string, t: number, durMs: number, error: boolean) => void;
  readonly series: (service: string) => readonly (MetricBucket | undefined)[];
  readonly services: () => string[];
};

export function createMetricStore(start: number, stepMs = 15_000): MetricStore {
  const data = new Map<string, MetricBucket[]>();
  return {
    stepMs,
    start,
    record: (service, t, durMs, error) => {
      let arr = data.get(service);
      if (!arr) {
        arr = [];
        data.set(service, arr);
      }
      const k = Math.floor((t - start) / stepMs);
      if (k < 0) return;
      let b = arr[k];
      if (!b) {
        b = { count: 0, errors: 0, hist: LATENCY_BOUNDS.map(() => 0) };
        arr[k] = b;
      }
      b.count++;
      if (error) b.errors++;
      const i = LATENCY_BOUNDS.findIndex((le) => durMs <= le);
      b.hist[i] = (b.hist[i] ?? 0) + 1;
    },
    series: (service) => data.get(service) ?? [],
    services: () => [...data.keys()],
  };
}

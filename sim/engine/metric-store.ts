/** Latency histogram bounds in ms, like a Prometheus `http_server_duration` histogram. */
export const LATENCY_BOUNDS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, Number.POSITIVE_INFINITY];

export type MetricBucket = { count: number; errors: number; hist: number[] };

/** One pod's requests in one step: count per response code, latency histogram, summed duration. */
export type PodBucket = { codes: Map<string, number>; hist: number[]; sumMs: number };

/** Pod-level steps are on the absolute clock (Prometheus scrapes every 30 s). */
export const POD_STEP_MS = 30_000;

/**
 * What Prometheus would have scraped: per service, per 15 s, request count, 5xx count and a
 * latency histogram (for choosing the alert); and per pod, per 30 s step of the wall clock,
 * requests by response code and a latency histogram (for the bundle's metrics.ndjson).
 */
export type MetricStore = {
  readonly stepMs: number;
  readonly start: number;
  readonly record: (service: string, t: number, durMs: number, error: boolean) => void;
  readonly recordPod: (pod: string, t: number, durMs: number, code: string) => void;
  readonly series: (service: string) => readonly (MetricBucket | undefined)[];
  /** A pod's steps, indexed by floor(t / POD_STEP_MS). */
  readonly podSteps: (pod: string) => ReadonlyMap<number, PodBucket>;
  readonly services: () => string[];
};

function bucketOf(durMs: number): number {
  return LATENCY_BOUNDS.findIndex((le) => durMs <= le);
}

export function createMetricStore(start: number, stepMs = 15_000): MetricStore {
  const data = new Map<string, MetricBucket[]>();
  const pods = new Map<string, Map<number, PodBucket>>();
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
      const i = bucketOf(durMs);
      b.hist[i] = (b.hist[i] ?? 0) + 1;
    },
    recordPod: (pod, t, durMs, code) => {
      let steps = pods.get(pod);
      if (!steps) {
        steps = new Map();
        pods.set(pod, steps);
      }
      const k = Math.floor(t / POD_STEP_MS);
      let b = steps.get(k);
      if (!b) {
        b = { codes: new Map(), hist: LATENCY_BOUNDS.map(() => 0), sumMs: 0 };
        steps.set(k, b);
      }
      b.codes.set(code, (b.codes.get(code) ?? 0) + 1);
      const i = bucketOf(durMs);
      b.hist[i] = (b.hist[i] ?? 0) + 1;
      b.sumMs += durMs;
    },
    series: (service) => data.get(service) ?? [],
    podSteps: (pod) => pods.get(pod) ?? new Map(),
    services: () => [...data.keys()],
  };
}

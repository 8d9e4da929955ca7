import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The mini bundle's times (test/support/mini-bundle.ts): onset at T0 + 20 min, alert 2 min later. */
const T0 = Date.UTC(2026, 10, 20, 14, 0, 0);
export const MINI_ONSET = T0 + 20 * 60_000;
export const MINI_AS_OF = MINI_ONSET + 2 * 60_000;

type Spec = {
  readonly metric: Record<string, string>;
  readonly stepS: number;
  /** Offset of the samples from whole steps, seconds (scrapes are not aligned). */
  readonly offsetS: number;
  readonly value: (t: number, i: number) => number;
};

/**
 * Writes metrics.ndjson for the mini bundle: 100 minutes before the alert to 3 minutes after it,
 * series at 15 s, 30 s, 1 min and 5 min steps with unaligned scrapes, a counter whose rate jumps
 * at the onset (payment's errors), a gauge that runs up (cart's memory), flat series, NaN gaps, a
 * node series that belongs to no service, and a label value with a quote and a backslash.
 * `extra` adds that many flat series (for the series budget).
 */
export function writeBundleMetrics(dir: string, extra = 0): number {
  const wobble = (i: number) => ((((i * 7919) % 11) + 11) % 11) / 100;
  const specs: Spec[] = [
    {
      metric: { __name__: 'http_server_errors_total', service: 'payment', path: '/pay "v2" \\ x' },
      stepS: 15,
      offsetS: 3,
      value: (t, i) => (t < MINI_ONSET ? (t - T0 + 6_000_000) / 1000 : 6000 + (t - MINI_ONSET) / 50) + wobble(i),
    },
    {
      metric: { __name__: 'container_memory_working_set_bytes', pod: 'cart-7d9f8c6b5-x2x4q', container: 'cart' },
      stepS: 60,
      offsetS: 7.25,
      value: (t, i) => (t < MINI_ONSET ? 2e8 : 9e8) * (1 + wobble(i)),
    },
    {
      metric: { __name__: 'http_request_duration_seconds_p99', service: 'checkout' },
      stepS: 30,
      offsetS: 0,
      value: (_t, i) => (i % 17 === 5 ? Number.NaN : 0.2 * (1 + wobble(i))),
    },
    {
      metric: { __name__: 'container_cpu_usage_seconds_total', app: 'frontend', namespace: 'shop' },
      stepS: 300,
      offsetS: 11,
      value: (t) => (t - T0) / 4000 + 1000,
    },
    {
      metric: { __name__: 'node_load1', instance: 'node-1:9100' },
      stepS: 60,
      offsetS: 1,
      value: (_t, i) => 1 + wobble(i),
    },
  ];
  for (let k = 0; k < extra; k++)
    specs.push({
      metric: { __name__: 'queue_depth', service: `worker-${String(k).padStart(3, '0')}` },
      stepS: 60,
      offsetS: 2,
      value: (_t, i) => 10 + wobble(i),
    });
  const from = MINI_AS_OF - 100 * 60_000;
  const to = MINI_AS_OF + 3 * 60_000;
  const lines = specs.map((s) => {
    const values: [number, string][] = [];
    let i = 0;
    for (let t = from + s.offsetS * 1000; t <= to; t += s.stepS * 1000, i++) {
      const v = s.value(t, i);
      values.push([t / 1000, Number.isNaN(v) ? 'NaN' : String(v)]);
    }
    return JSON.stringify({ metric: s.metric, values });
  });
  writeFileSync(join(dir, 'metrics.ndjson'), `${lines.join('\n')}\n`);
  return specs.length;
}

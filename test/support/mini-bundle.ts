import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const T0 = Date.UTC(2026, 10, 20, 14, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();
const hex = (n: number, len: number) => n.toString(16).padStart(len, '0');
const nanos = (ms: number) => `${Math.round(ms)}000000`;

/**
 * Writes a small, valid incident bundle by hand (independent of the simulator): frontend →
 * checkout → payment, 20 minutes of baseline, then payment's deploy makes it fail (the alert
 * fires `onsetBeforeAlertMs` later, default 2 minutes). Returns the folder. Used by the CLI tests, which also corrupt copies of it.
 */
export function writeMiniBundle(
  dir: string,
  opts: { withTraces?: boolean; withLogs?: boolean; onsetBeforeAlertMs?: number } = {},
): string {
  mkdirSync(dir, { recursive: true });
  const onset = T0 + 20 * 60_000;
  const asOf = onset + (opts.onsetBeforeAlertMs ?? 2 * 60_000);
  const logs: string[] = [];
  const reqs: unknown[] = [];
  let id = 1;
  for (let t = T0; t < asOf + 3 * 60_000; t += 2000) {
    const failing = t >= onset && id % 3 !== 0;
    const traceId = hex(id, 32);
    const s = (n: number) => hex(id * 10 + n, 16);
    const span = (
      service: string,
      spanId: string,
      parent: string,
      kind: number,
      start: number,
      end: number,
      error: boolean,
      peer?: string,
    ) => ({
      resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
      scopeSpans: [
        {
          scope: { name: 'mini' },
          spans: [
            {
              traceId,
              spanId,
              parentSpanId: parent,
              name: `${service} op`,
              kind,
              startTimeUnixNano: nanos(start),
              endTimeUnixNano: nanos(end),
              attributes: peer ? [{ key: 'peer.service', value: { stringValue: peer } }] : [],
              status: { code: error ? 2 : 0 },
            },
          ],
        },
      ],
    });
    reqs.push({
      resourceSpans: [
        span('frontend', s(1), '', 2, t, t + 50, failing),
        span('frontend', s(2), s(1), 3, t + 1, t + 49, failing),
        span('checkout', s(3), s(2), 2, t + 2, t + 48, failing),
        span('checkout', s(4), s(3), 3, t + 3, t + 47, failing),
        span('payment', s(5), s(4), 2, t + 4, t + 46, failing),
        span('payment', s(6), s(5), 3, t + 5, t + 15, false, 'postgres'),
      ],
    });
    logs.push(
      JSON.stringify({
        '@timestamp': iso(t),
        'service.name': 'frontend',
        'log.level': 'info',
        message: `GET /checkout 200 in ${40 + (id % 9)}ms`,
      }),
    );
    if (failing) {
      logs.push(
        JSON.stringify({
          '@timestamp': iso(t + 46),
          service: { name: 'payment' },
          log: { level: 'error' },
          message: `NullPointerException in CurrencyConverter.convert for order ${id}`,
          trace: { id: traceId },
        }),
      );
      logs.push(
        JSON.stringify({
          '@timestamp': iso(t + 48),
          'service.name': 'checkout',
          'log.level': 'ERROR',
          message: `payment call failed: 500 after 42ms (order ${id})`,
          'trace.id': traceId,
        }),
      );
    }
    id++;
  }
  const alert = {
    receiver: 'causeway',
    status: 'firing',
    alerts: [
      {
        status: 'firing',
        labels: { alertname: 'HighErrorRate', service: 'frontend', severity: 'critical' },
        annotations: { summary: 'frontend 5xx above 5%' },
        startsAt: iso(asOf),
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'http://prometheus.example/graph',
        fingerprint: 'a1b2c3d4e5f60718',
      },
    ],
    groupLabels: { alertname: 'HighErrorRate' },
    commonLabels: { alertname: 'HighErrorRate', service: 'frontend', severity: 'critical' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager.example',
    version: '4',
    groupKey: '{}:{alertname="HighErrorRate"}',
    truncatedAlerts: 0,
  };
  const changes = [
    {
      id: 'deploy-cart-11',
      type: 'deploy',
      service: 'cart',
      startedAt: iso(onset - 4 * 60_000),
      finishedAt: iso(onset - 3 * 60_000),
      version: '2.0.1',
    },
    {
      id: 'deploy-payment-42',
      type: 'deploy',
      service: 'payment',
      startedAt: iso(onset - 2 * 60_000),
      finishedAt: iso(onset - 60_000),
      version: '3.1.0',
      previousVersion: '3.0.9',
    },
  ];
  writeFileSync(join(dir, 'alert.json'), JSON.stringify(alert, null, 2));
  if (opts.withLogs !== false) writeFileSync(join(dir, 'logs.ndjson'), `${logs.join('\n')}\n`);
  if (opts.withTraces !== false)
    writeFileSync(join(dir, 'traces.ndjson'), `${reqs.map((r) => JSON.stringify(r)).join('\n')}\n`);
  writeFileSync(join(dir, 'changes.json'), JSON.stringify(changes, null, 2));
  writeFileSync(
    join(dir, 'truth.json'),
    JSON.stringify({ service: 'payment', kind: 'deploy', changeId: 'deploy-payment-42' }),
  );
  writeFileSync(
    join(dir, 'scenario.json'),
    JSON.stringify({ id: 'mini-payment-deploy', generator: 'test/support/mini-bundle.ts' }),
  );
  return dir;
}

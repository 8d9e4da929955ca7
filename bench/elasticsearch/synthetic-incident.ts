/**
 * A synthetic incident at any scale, fast: `logs` ECS log documents and one trace of five spans
 * (Elastic APM documents) per ten log lines, spread from 89 minutes before the alert to a minute after.
 * frontend → checkout → payment → postgres (uninstrumented) and checkout → inventory; eight
 * minutes before the alert payment's deploy makes a third of its requests fail and its database
 * calls slow; checkout and frontend log the propagated errors. Deterministic for a given size.
 */
export type SyntheticIncident = {
  readonly asOf: number;
  readonly onset: number;
  logs(): Generator<Record<string, unknown>>;
  spans(): Generator<Record<string, unknown>>;
  readonly changes: Record<string, unknown>[];
  readonly alert: Record<string, unknown>;
};

const SERVICES = [
  'frontend',
  'checkout',
  'payment',
  'inventory',
  'cart',
  'search',
  'users',
  'shipping',
  'email',
  'ads',
  'recommend',
  'currency',
];
const PODS = SERVICES.map((s, i) =>
  [0, 1, 2].map((k) => `${s}-7d9f8c6b${i % 10}-${'abcde'.slice(k)}${'xyz12'.slice(0, k)}`),
);
// Mostly info and debug, about 2 % warnings.
const LEVELS_OK = [
  'INFO',
  'info',
  'Information',
  'DEBUG',
  'INFO',
  'info',
  'Information',
  'DEBUG',
  'INFO',
  'info',
  'Information',
  'DEBUG',
  'INFO',
  'info',
  'Information',
  'DEBUG',
  'INFO',
  'info',
  'Information',
  'DEBUG',
  'INFO',
  'info',
  'Information',
  'DEBUG',
  'INFO',
  'info',
  'Information',
  'DEBUG',
  'INFO',
  'info',
  'Information',
  'DEBUG',
  'INFO',
  'info',
  'Information',
  'DEBUG',
  'INFO',
  'info',
  'Information',
  'DEBUG',
  'INFO',
  'info',
  'Information',
  'DEBUG',
  'INFO',
  'info',
  'Information',
  'WARN',
];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (r: () => number, n: number) => {
  let s = '';
  while (s.length < n)
    s += Math.floor(r() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  return s.slice(0, n);
};

const isoNs = (ms: number, subNs: number) =>
  new Date(ms).toISOString().replace('Z', `${String(subNs).padStart(6, '0')}Z`);

export function syntheticIncident(logCount: number, asOf = Date.UTC(2026, 10, 20, 14, 30)): SyntheticIncident {
  const from = asOf - 89 * 60_000;
  const onset = asOf - 8 * 60_000;
  const span = asOf + 60_000 - from; // data goes on after the alert, as it would
  const traces = Math.floor(logCount / 10);
  return {
    asOf,
    onset,
    *logs() {
      const r = rng(7);
      for (let n = 0; n < logCount; n++) {
        const t = from + Math.floor((n / logCount) * span);
        const inc = t >= onset;
        const x = r();
        const svcIx = Math.floor(r() * SERVICES.length);
        const svc = SERVICES[svcIx] as string;
        const pod = (PODS[svcIx] as string[])[n % 3] as string;
        const doc: Record<string, unknown> = {
          '@timestamp': new Date(t).toISOString(),
          'service.name': pod,
          'kubernetes.pod.name': pod,
        };
        if (inc && svc === 'payment' && x < 0.3) {
          doc['log.level'] = 'ERROR';
          doc.message = `NullPointerException in CurrencyConverter.convert for order ${n}`;
          doc['error.type'] = 'java.lang.NullPointerException';
          doc['trace.id'] = hex(r, 32);
        } else if (inc && (svc === 'checkout' || svc === 'frontend') && x < 0.15) {
          doc['log.level'] = 'error';
          doc.message = `payment call failed: 500 after ${40 + (n % 50)}ms (order ${n})`;
          doc['trace.id'] = hex(r, 32);
        } else if (x < 0.004) {
          doc['log.level'] = 'ERROR';
          doc.message = `timeout talking to ${SERVICES[n % SERVICES.length]} after 3000ms`;
        } else {
          doc['log.level'] = LEVELS_OK[n % LEVELS_OK.length];
          doc.message = `GET /api/${svc}/items/${n % 997} 200 in ${5 + (n % 90)}ms user=${n % 5003}`;
        }
        yield doc;
      }
    },
    *spans() {
      const r = rng(11);
      for (let n = 0; n < traces; n++) {
        const t = from + Math.floor((n / traces) * span);
        const inc = t >= onset;
        const fail = inc && r() < 0.3;
        const traceId = hex(r, 32);
        const ids = [hex(r, 16), hex(r, 16), hex(r, 16), hex(r, 16), hex(r, 16)];
        const sub = Math.floor(r() * 1e6);
        const db = 4 + r() * 3;
        const payment = 2 + db + r() * 2;
        const inventory = 3 + r() * 2;
        const checkout = 2 + payment + inventory + r() * 2;
        const frontend = 3 + checkout + r() * 3;
        const pod = (i: number) => (PODS[i] as string[])[n % 3] as string;
        const outcome = (e: boolean) => (e ? 'failure' : 'success');
        const base = (i: number, k: number, ms: number, parent: string | undefined, tx: boolean, kind: string) => ({
          '@timestamp': isoNs(t + k, sub),
          'trace.id': traceId,
          'service.name': pod(i),
          'processor.event': tx ? 'transaction' : 'span',
          'span.kind': kind,
          ...(parent ? { 'parent.id': parent } : {}),
          ...(tx
            ? {
                'transaction.id': ids[k],
                'transaction.name': `${SERVICES[i]} op`,
                'transaction.duration.us': ms * 1000,
              }
            : { 'span.id': ids[k], 'span.name': 'SELECT', 'span.duration.us': ms * 1000 }),
        });
        yield {
          ...base(0, 0, frontend, undefined, true, 'SERVER'),
          'event.outcome': outcome(fail),
          'http.response.status_code': fail ? 500 : 200,
        };
        yield {
          ...base(1, 1, checkout, ids[0], true, 'SERVER'),
          'event.outcome': outcome(fail),
          'http.response.status_code': fail ? 500 : 200,
        };
        yield {
          ...base(2, 2, payment, ids[1], true, 'SERVER'),
          'event.outcome': outcome(fail),
          'http.response.status_code': fail ? 500 : 200,
        };
        yield {
          ...base(2, 3, db, ids[2], false, 'CLIENT'),
          'event.outcome': 'success',
          'service.target.name': 'postgres',
          'span.destination.service.resource': 'postgres',
        };
        yield {
          ...base(3, 4, inventory, ids[1], true, 'SERVER'),
          'event.outcome': 'success',
          'http.response.status_code': 200,
        };
      }
    },
    changes: [
      {
        id: 'deploy-payment-42',
        type: 'deploy',
        service: 'payment',
        startedAt: new Date(onset - 90_000).toISOString(),
        finishedAt: new Date(onset - 30_000).toISOString(),
        version: '3.1.0',
      },
      {
        id: 'deploy-cart-11',
        type: 'deploy',
        service: 'cart',
        startedAt: new Date(onset - 40 * 60_000).toISOString(),
        version: '2.0.1',
      },
    ],
    alert: {
      receiver: 'causeway',
      status: 'firing',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'HighErrorRate', service: 'frontend', severity: 'critical' },
          annotations: { summary: 'frontend 5xx above 5%' },
          startsAt: new Date(asOf).toISOString(),
          endsAt: '0001-01-01T00:00:00Z',
          generatorURL: 'http://prometheus.example/graph',
          fingerprint: 'bench0000000001',
        },
      ],
      groupLabels: { alertname: 'HighErrorRate' },
      commonLabels: { alertname: 'HighErrorRate', service: 'frontend' },
      commonAnnotations: {},
      externalURL: 'http://alertmanager.example',
      version: '4',
      groupKey: '{}:{alertname="HighErrorRate"}',
      truncatedAlerts: 0,
    },
  };
}

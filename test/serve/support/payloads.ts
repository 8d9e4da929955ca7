import { createHmac } from 'node:crypto';

export const SECRETS = {
  alertmanager: 'am-token-0123456789abcdef',
  grafana: 'grafana-hmac-0123456789abcdef',
  pagerduty: 'pagerduty-secret-0123456789',
  datadog: 'datadog-token-0123456789abcdef',
  kibana: 'kibana-token-0123456789abcdef',
  generic: 'generic-hmac-0123456789abcdef',
  github: 'github-secret-0123456789abcdef',
  argocd: 'argocd-token-0123456789abcdef',
  changes: 'changes-hmac-0123456789abcdef',
} as const;

/** The environment that enables every webhook source with the secrets above. */
export const WEBHOOK_ENV: Record<string, string> = {
  CAUSEWAY_WEBHOOK_ALERTMANAGER_TOKEN: SECRETS.alertmanager,
  CAUSEWAY_WEBHOOK_GRAFANA_HMAC_SECRET: SECRETS.grafana,
  CAUSEWAY_WEBHOOK_PAGERDUTY_SECRET: SECRETS.pagerduty,
  CAUSEWAY_WEBHOOK_DATADOG_TOKEN: SECRETS.datadog,
  CAUSEWAY_WEBHOOK_KIBANA_TOKEN: SECRETS.kibana,
  CAUSEWAY_WEBHOOK_GENERIC_HMAC_SECRET: SECRETS.generic,
  CAUSEWAY_WEBHOOK_GITHUB_SECRET: SECRETS.github,
  CAUSEWAY_WEBHOOK_ARGOCD_TOKEN: SECRETS.argocd,
  CAUSEWAY_WEBHOOK_CHANGES_HMAC_SECRET: SECRETS.changes,
};

const hmac = (secret: string, ...parts: string[]) => {
  const h = createHmac('sha256', secret);
  for (const p of parts) h.update(p);
  return h.digest('hex');
};

export type Auth = (body: string, nowSec: number) => Record<string, string>;

export const bearer =
  (token: string): Auth =>
  () => ({ authorization: `Bearer ${token}` });

/** One webhook source as a sender would call it. */
export type SourceCase = {
  readonly path: string;
  readonly name: string;
  /** A valid body at time `now` (ms), varied by `n`. */
  body(now: number, n: number): unknown;
  readonly auth: Auth;
  readonly extraHeaders?: Record<string, string>;
  /** How a replay is refused: by its signed timestamp (401), or accepted idempotently (202, nothing new). */
  readonly replay: { readonly kind: 'timestamp'; readonly field: string } | { readonly kind: 'idempotent' };
  /** A body of the right JSON but the wrong shape, and the field the 422 must name. */
  readonly badShape: { body(now: number): unknown; readonly field: string };
  /** The header that carries the credential (named by the 401). */
  readonly authField: string;
  /** A time field of the valid body (its JSON path), refused with a 422 when out of range or impossible. */
  readonly timeField: string;
};

const iso = (ms: number) => new Date(ms).toISOString();

export const CASES: readonly SourceCase[] = [
  {
    name: 'alertmanager',
    path: '/webhooks/alerts/alertmanager',
    body: (now, n) => ({
      receiver: 'causeway',
      status: 'firing',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'HighErrorRate', service: `checkout-${n}`, env: 'prod', severity: 'critical' },
          annotations: { summary: 'checkout 5xx rate above 5%' },
          startsAt: iso(now - 60_000),
          endsAt: '0001-01-01T00:00:00Z',
          generatorURL: 'http://prometheus/graph',
          fingerprint: `69c2e62f0b0aec${String(n).padStart(2, '0')}`,
        },
      ],
      groupLabels: { alertname: 'HighErrorRate' },
      commonLabels: {},
      commonAnnotations: {},
      externalURL: 'http://alertmanager:9093',
      version: '4',
      groupKey: '{}:{alertname="HighErrorRate"}',
      truncatedAlerts: 0,
    }),
    auth: bearer('am-token-0123456789abcdef'),
    authField: 'authorization',
    timeField: 'alerts[0].startsAt',
    replay: { kind: 'idempotent' },
    badShape: {
      body: (now) => ({ version: '4', status: 'firing', alerts: [{ labels: {}, startsAt: 'yesterday' }], t: now }),
      field: 'alerts[0].startsAt',
    },
  },
  {
    name: 'grafana',
    path: '/webhooks/alerts/grafana',
    body: (now, n) => ({
      receiver: 'causeway',
      status: 'firing',
      orgId: 1,
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'LatencyHigh', service: `cart-${n}`, grafana_folder: 'shop' },
          annotations: { summary: 'p99 above 2 s' },
          startsAt: iso(now - 30_000),
          endsAt: '0001-01-01T00:00:00Z',
          generatorURL: 'http://grafana/alerting/grafana/x/view',
          fingerprint: `a1b2c3d4e5f6a7${String(n).padStart(2, '0')}`,
          dashboardURL: 'http://grafana/d/abc',
          panelURL: 'http://grafana/d/abc?viewPanel=2',
          values: { B: 2.3 },
          valueString: '[ var=B value=2.3 ]',
        },
      ],
      groupLabels: {},
      commonLabels: {},
      commonAnnotations: {},
      externalURL: 'http://grafana/',
      version: '1',
      groupKey: '{}:{}',
      truncatedAlerts: 0,
      title: '[FIRING:1] LatencyHigh',
      state: 'alerting',
      message: '…',
    }),
    auth: (body, now) => ({
      'x-grafana-alerting-timestamp': String(now),
      'x-grafana-alerting-signature': hmac('grafana-hmac-0123456789abcdef', `${now}:`, body),
    }),
    authField: 'x-grafana-alerting-signature',
    timeField: 'alerts[0].startsAt',
    replay: { kind: 'timestamp', field: 'x-grafana-alerting-timestamp' },
    badShape: { body: () => ({ version: '1', status: 'firing', alerts: 'none' }), field: 'alerts' },
  },
  {
    name: 'pagerduty',
    path: '/webhooks/alerts/pagerduty',
    body: (now, n) => ({
      event: {
        id: `01DEN${n}`,
        event_type: 'incident.triggered',
        resource_type: 'incident',
        occurred_at: iso(now - 5_000),
        agent: null,
        client: null,
        data: {
          id: `PGR0VU${n}`,
          type: 'incident',
          self: 'https://api.pagerduty.com/incidents/PGR0VU2',
          html_url: 'https://acme.pagerduty.com/incidents/PGR0VU2',
          number: 2,
          status: 'triggered',
          incident_key: `d3640fbd41094207${n}`,
          created_at: iso(now - 10_000),
          title: 'Payments failing',
          service: { id: 'PF9KMXH', summary: `payment-${n}`, type: 'service_reference' },
          urgency: 'high',
        },
      },
    }),
    auth: (body) => ({ 'x-pagerduty-signature': `v1=${hmac('pagerduty-secret-0123456789', body)}` }),
    authField: 'x-pagerduty-signature',
    timeField: 'event.data.created_at',
    replay: { kind: 'timestamp', field: 'event.occurred_at' },
    badShape: { body: () => ({ event: { event_type: 'incident.triggered', data: {} } }), field: 'event.data.id' },
  },
  {
    name: 'datadog',
    path: '/webhooks/alerts/datadog',
    body: (now, n) => ({
      id: `${n}1234`,
      alert_id: `98765${n}`,
      alert_cycle_key: `5555${n}`,
      title: '[Triggered] checkout errors',
      alert_title: 'checkout errors',
      transition: 'Triggered',
      status: 'Alert',
      scope: `service:search-${n},env:prod`,
      priority: 'P1',
      date: String(now - 20_000),
      last_updated: String(now - 20_000),
      tags: `service:search-${n},env:prod,team:shop`,
      hostname: 'web-1',
      link: 'https://app.datadoghq.com/monitors/987654',
      body: 'error rate above threshold',
    }),
    auth: bearer('datadog-token-0123456789abcdef'),
    authField: 'authorization',
    timeField: 'date',
    replay: { kind: 'idempotent' },
    badShape: { body: () => ({ alert_id: '1', transition: 'Triggered', date: 'soon' }), field: 'date' },
  },
  {
    name: 'kibana',
    path: '/webhooks/alerts/kibana',
    body: (now, n) => ({
      rule: {
        id: `rule-${n}`,
        name: 'Error logs spike',
        tags: 'service:ledger,env:prod',
        url: 'https://kibana/app/rules/1',
      },
      alert: { id: `ledger-${n}`, uuid: 'u-1', actionGroup: 'query matched', actionGroupName: 'Query matched' },
      date: iso(now - 15_000),
      reason: 'Document count is 1200 in the last 5m',
      labels: { service: `ledger-${n}`, environment: 'prod' },
    }),
    auth: bearer('kibana-token-0123456789abcdef'),
    authField: 'authorization',
    timeField: 'date',
    replay: { kind: 'idempotent' },
    badShape: {
      body: () => ({ rule: { id: 'r' }, alert: { id: 'a' }, date: '2026-11-24T00:00:00Z' }),
      field: 'alert.actionGroup',
    },
  },
  {
    name: 'generic',
    path: '/webhooks/alerts/generic',
    body: (now, n) => ({
      alerts: [
        {
          name: 'QueueBacklog',
          status: 'firing',
          service: `worker-${n}`,
          startsAt: iso(now - 10_000),
          labels: { env: 'prod' },
        },
      ],
    }),
    auth: (body, now) => ({
      'x-causeway-timestamp': String(now),
      'x-causeway-signature': `sha256=${hmac('generic-hmac-0123456789abcdef', `${now}.`, body)}`,
    }),
    authField: 'x-causeway-signature',
    timeField: 'alerts[0].startsAt',
    replay: { kind: 'timestamp', field: 'x-causeway-timestamp' },
    badShape: {
      body: () => ({ alerts: [{ name: 'X', status: 'burning', startsAt: '2026-11-24T00:00:00Z' }] }),
      field: 'alerts[0].status',
    },
  },
  {
    name: 'github',
    path: '/webhooks/changes/github',
    body: (now, n) => ({
      action: 'created',
      deployment_status: {
        id: 1000 + n,
        state: 'success',
        environment: 'production',
        created_at: iso(now - 60_000),
        updated_at: iso(now - 30_000),
        target_url: 'https://github.example/acme/checkout/actions/runs/1',
        description: 'Deployed',
        creator: { login: 'dana' },
      },
      deployment: {
        id: 5000 + n,
        sha: '9f1c2e7aa0b1c2d3e4f5',
        ref: 'v1.42.0',
        task: 'deploy',
        environment: 'production',
        payload: { service: 'checkout' },
        created_at: iso(now - 120_000),
        updated_at: iso(now - 30_000),
        creator: { login: 'dana' },
      },
      repository: { name: 'checkout', full_name: 'acme/checkout', html_url: 'https://github.example/acme/checkout' },
    }),
    auth: (body) => ({ 'x-hub-signature-256': `sha256=${hmac('github-secret-0123456789abcdef', body)}` }),
    extraHeaders: { 'x-github-event': 'deployment_status', 'x-github-delivery': 'f0e1d2c3' },
    authField: 'x-hub-signature-256',
    timeField: 'deployment.created_at',
    replay: { kind: 'idempotent' },
    badShape: {
      body: () => ({
        deployment_status: { state: 'exploded' },
        deployment: { id: 1, created_at: '2026-11-24T00:00:00Z' },
      }),
      field: 'deployment_status.state',
    },
  },
  {
    name: 'argocd',
    path: '/webhooks/changes/argocd',
    body: (now, n) => ({
      app: 'payment',
      project: 'default',
      service: 'payment',
      environment: 'prod',
      revision: `8d9a1f0c2b${n}e4d5c6b7a8`,
      phase: 'Succeeded',
      startedAt: iso(now - 90_000),
      finishedAt: iso(now - 60_000),
      author: 'argocd-bot',
      url: 'https://argocd/applications/payment',
    }),
    auth: bearer('argocd-token-0123456789abcdef'),
    authField: 'authorization',
    timeField: 'startedAt',
    replay: { kind: 'idempotent' },
    badShape: { body: () => ({ app: 'payment', revision: 'abc', startedAt: 'now' }), field: 'startedAt' },
  },
  {
    name: 'changes',
    path: '/webhooks/changes/generic',
    body: (now, n) => ({
      id: `deploy-${n}`,
      type: 'deploy',
      service: 'inventory',
      version: `2.${n}.0`,
      startedAt: iso(now - 100_000),
      environment: 'prod',
    }),
    auth: (body, now) => ({
      'x-causeway-timestamp': String(now),
      'x-causeway-signature': `sha256=${hmac('changes-hmac-0123456789abcdef', `${now}.`, body)}`,
    }),
    authField: 'x-causeway-signature',
    timeField: 'startedAt',
    replay: { kind: 'timestamp', field: 'x-causeway-timestamp' },
    badShape: {
      body: () => ({ id: 'x', type: 'teleport', service: 's', startedAt: '2026-11-24T00:00:00Z' }),
      field: 'type',
    },
  },
];

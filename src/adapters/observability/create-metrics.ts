import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * Causeway's Prometheus metrics (prom-client), in their own registry, plus the Node process
 * defaults under their standard names (`process_*`, `nodejs_*`, as dashboards expect them) and
 * `causeway_build_info{version, node_version} 1`. `/metrics` serves `text()`.
 */
export function createMetrics(build: { readonly version: string } = { version: 'unknown' }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const r = [registry];
  new Gauge({
    name: 'causeway_build_info',
    help: 'Always 1; its labels name the running version of Causeway and of Node',
    labelNames: ['version', 'node_version'] as const,
    registers: r,
  }).set({ version: build.version, node_version: process.version }, 1);
  const alerts = new Counter({
    name: 'causeway_alerts_received_total',
    help: 'Alerts received by webhook, by source and outcome (accepted, rejected, ignored, failed)',
    labelNames: ['source', 'outcome'] as const,
    registers: r,
  });
  const changes = new Counter({
    name: 'causeway_changes_received_total',
    help: 'Change events received by webhook or CLI, by source and outcome',
    labelNames: ['source', 'outcome'] as const,
    registers: r,
  });
  const requests = new Histogram({
    name: 'causeway_http_request_duration_seconds',
    help: 'HTTP requests served, by route template (unknown paths: other) and status code',
    labelNames: ['route', 'code'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: r,
  });
  const opened = new Counter({ name: 'causeway_incidents_opened_total', help: 'Incidents opened', registers: r });
  const resolved = new Counter({ name: 'causeway_incidents_resolved_total', help: 'Incidents resolved', registers: r });
  const triage = new Histogram({
    name: 'causeway_triage_duration_seconds',
    help: 'Investigations (triages) by outcome (succeeded, failed, skipped: claimed by another replica)',
    labelNames: ['outcome'] as const,
    buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120],
    registers: r,
  });
  const connectorErrors = new Counter({
    name: 'causeway_connector_errors_total',
    help: 'Data source queries that failed or timed out during triage, by source (logs, traces, changes)',
    labelNames: ['source'] as const,
    registers: r,
  });
  const slackErrors = new Counter({
    name: 'causeway_slack_api_errors_total',
    help: 'Slack Web API calls that failed, by method and Slack error code',
    labelNames: ['method', 'error'] as const,
    registers: r,
  });
  const slackRateLimited = new Counter({
    name: 'causeway_slack_rate_limited_total',
    help: 'Slack Web API calls answered 429 (rate limited), by method',
    labelNames: ['method'] as const,
    registers: r,
  });
  const approvals = new Counter({
    name: 'causeway_approvals_total',
    help: 'Runbook step approval decisions, by decision (granted, denied, expired)',
    labelNames: ['decision'] as const,
    registers: r,
  });
  const executions = new Counter({
    name: 'causeway_executions_total',
    help: 'Runbook step executions, by status (succeeded, failed, outcome-unknown)',
    labelNames: ['status'] as const,
    registers: r,
  });
  return {
    registry,
    contentType: registry.contentType,
    text: () => registry.metrics(),
    alertsReceived: (source: string, outcome: string, n: number) => alerts.inc({ source, outcome }, n),
    changesReceived: (source: string, outcome: string, n: number) => changes.inc({ source, outcome }, n),
    /** `route` is a template (`/webhooks/alerts/:source`) or `other`, never the raw path. */
    request: (route: string, status: number, seconds: number) =>
      requests.observe({ route, code: String(status) }, seconds),
    incidentOpened: () => opened.inc(),
    incidentResolved: () => resolved.inc(),
    investigation: (outcome: string, seconds: number) => triage.observe({ outcome }, seconds),
    connectorError: (source: string) => connectorErrors.inc({ source }),
    /** For the chat adapter (issue 5): count a failed or rate-limited Slack call. */
    slackApiError: (method: string, error: string) => slackErrors.inc({ method, error }),
    slackRateLimited: (method: string) => slackRateLimited.inc({ method }),
    /** For runbooks (issue 6). */
    approval: (decision: 'granted' | 'denied' | 'expired') => approvals.inc({ decision }),
    execution: (status: 'succeeded' | 'failed' | 'outcome-unknown') => executions.inc({ status }),
  };
}

import { isoTime } from '../core/iso-time.ts';
import type { Rng } from '../core/rng.ts';
import type { RootAlert } from '../faults/fault-plan.ts';
import type { Topology } from '../model/topology-model.ts';
import type { AlertChoice } from './alert-choice.ts';
import { alertExpr } from './alert-expr.ts';
import { fingerprint } from './fingerprint.ts';

const ERR_NAMES = [
  'HighErrorRate',
  'High5xxRate',
  'HTTPErrorRateHigh',
  'ServiceErrorRatioHigh',
  'ErrorBudgetBurn',
  'SLOBurnRate',
  'APIErrorsHigh',
];
const LAT_NAMES = [
  'LatencyP99High',
  'HighLatency',
  'SlowResponses',
  'APIHighLatency',
  'LatencySLOBurn',
  'RequestLatencyHigh',
];
const LABEL_KEYS = [
  ['service', 60],
  ['app', 14],
  ['job', 10],
  ['kubernetes_deployment', 10],
  ['service_name', 6],
] as const;

export type AlertBody = {
  readonly json: Record<string, unknown>;
  readonly alertname: string;
  readonly labelKey: string;
  readonly startsAt: number;
};

function pct(x: number): string {
  return `${(x * 100).toFixed(x < 0.1 ? 2 : 1)}%`;
}

/**
 * The webhook body Alertmanager POSTs (payload version 4) for the chosen alert: labels
 * with one of the service label spellings, annotations with the observed value, a
 * Prometheus-style fingerprint, a generator URL holding the PromQL, group keys.
 */
export function buildAlertBody(
  rng: Rng,
  topology: Topology,
  choice: AlertChoice,
  rootAlert: RootAlert | undefined,
  companion?: AlertChoice,
): AlertBody {
  const svc = topology.services.find((s) => s.name === choice.service);
  const labelKey = rng.weighted(LABEL_KEYS);
  const severity = rng.pick(['critical', 'critical', 'page', 'warning', 'P1', 'high']);
  const envKey = rng.pick(['env', 'environment', 'env']);
  let alertname: string;
  let expr: string;
  let summary: string;
  let description: string;
  const labels: Record<string, string> = {};
  if (rootAlert && choice.signal === 'infra') {
    alertname = rootAlert.alertname;
    expr = rootAlert.expr;
    summary = rootAlert.summary;
    description = rootAlert.description;
    labels.alertname = alertname;
    Object.assign(labels, rootAlert.labels ?? {});
  } else if (choice.signal === 'logs') {
    alertname = rng.pick(['ErrorLogSpike', 'HighErrorLogRate', 'LogErrorsIncreasing', 'ApplicationErrorsLogged']);
    expr = `sum(count_over_time({namespace="${svc?.namespace ?? 'default'}", app="${choice.service}"} |~ "(?i)(error|exception|fatal)" [5m])) > ${Math.round(choice.threshold * 300)}`;
    labels.alertname = alertname;
    summary = `${choice.service} is logging errors`;
    description = `${Math.round(choice.value * 300)} error lines in the last 5m (threshold ${Math.round(choice.threshold * 300)})`;
  } else {
    const grpc = svc?.protocol === 'grpc' && svc.role !== 'edge';
    alertname =
      choice.signal === 'latency'
        ? rng.pick(LAT_NAMES)
        : grpc && rng.chance(0.4)
          ? 'GRPCServerErrorsHigh'
          : svc?.framework === 'nginx' || svc?.framework === 'envoy'
            ? rng.pick(['IngressHigh5xxRate', 'HighErrorRate'])
            : rng.pick(ERR_NAMES);
    const objectives = [0.9995, 0.999, 0.995, 0.99, 0.98].filter(
      (o) => choice.threshold / (1 - o) >= 1 && choice.threshold / (1 - o) <= 20,
    );
    if (alertname.includes('Burn') && choice.signal === 'errors' && objectives.length === 0)
      alertname = 'HighErrorRate';
    expr = alertExpr(choice, svc);
    labels.alertname = alertname;
    const w = `${Math.round(choice.windowMs / 60_000)}m`;
    if (choice.signal === 'latency') {
      summary = `${choice.service} p${Math.round(choice.quantile * 100)} latency above ${choice.threshold}s`;
      description = `p${Math.round(choice.quantile * 100)} latency of ${choice.service} is ${choice.value.toFixed(2)}s over the last ${w} (threshold ${choice.threshold}s)`;
    } else if (alertname.includes('Burn')) {
      const objective = rng.pick(objectives);
      const burn = choice.value / (1 - objective);
      expr = `${expr.replace(/ > [0-9.]+$/, '')} / ${(1 - objective).toFixed(4)} > ${(choice.threshold / (1 - objective)).toFixed(1)}`;
      labels.slo = `${choice.service}-availability`;
      labels.long_window = rng.pick(['1h', '6h']);
      labels.short_window = w;
      summary = `${choice.service} is burning its error budget too fast`;
      description = `Error budget burn rate is ${burn.toFixed(1)}x for the last ${w} (objective ${(objective * 100).toFixed(1)}%, error ratio ${pct(choice.value)})`;
    } else {
      summary = `${choice.service} ${svc?.protocol === 'grpc' && svc.role !== 'edge' ? 'gRPC error' : '5xx'} rate above ${pct(choice.threshold)}`;
      description = `${svc?.protocol === 'grpc' && svc.role !== 'edge' ? 'error' : '5xx'} ratio ${pct(choice.value)} over ${w}`;
    }
  }
  labels[labelKey] =
    labelKey === 'job' && rng.chance(0.2) ? `${svc?.namespace ?? 'default'}/${choice.service}` : choice.service;
  if (labelKey === 'job' && labels.job?.includes('/')) labels.service = choice.service;
  labels[envKey] = topology.env;
  labels.severity = severity;
  if (rng.chance(0.6)) labels.namespace = svc?.namespace ?? 'default';
  if (rng.chance(0.35)) labels.cluster = topology.cluster;
  if (rng.chance(0.3)) labels.team = rng.pick(['checkout', 'platform', 'core', 'payments-team', 'sre', 'growth']);
  if (rng.chance(0.25))
    labels.prometheus = rng.pick(['monitoring/k8s', 'monitoring/prometheus', 'observability/prom-agent']);
  const runbook = `https://${rng.pick(['runbooks.example', `wiki.${topology.org}.internal/runbooks`, `github.com/${topology.org}/runbooks/blob/main`])}/${alertname.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}${rng.chance(0.5) ? '.md' : ''}`;
  const annotations: Record<string, string> = { description, summary };
  if (rng.chance(0.8)) annotations.runbook_url = runbook;
  if (rng.chance(0.4))
    annotations.dashboard = `https://grafana.${topology.org}.internal/d/${rng.chars('abcdefghijklmnopqrstuvwxyz0123456789', 9)}/${choice.service}?orgId=1`;
  const promBase = rng.pick([
    'http://prometheus-k8s-0:9090',
    'http://prometheus.monitoring.svc:9090',
    `https://prometheus.${topology.org}.internal`,
    'http://127.0.0.1:9090',
    'http://thanos-ruler-0:10902',
  ]);
  const generatorURL = `${promBase}/graph?g0.expr=${encodeURIComponent(expr)}${rng.chance(0.7) ? '&g0.tab=1' : ''}`;
  const startsAt = isoTime(choice.firedAt, { digits: rng.pick([0, 3, 9] as const), offsetMin: 0, zulu: true });
  const alert = {
    status: 'firing',
    labels,
    annotations,
    startsAt,
    endsAt: '0001-01-01T00:00:00Z',
    generatorURL,
    fingerprint: fingerprint(labels),
  };
  const alerts: (typeof alert)[] = [alert];
  if (
    companion &&
    companion.signal === choice.signal &&
    (choice.signal === 'errors' || choice.signal === 'latency') &&
    !alertname.includes('Burn')
  ) {
    // the same rule firing for a second service in the same group (group_by: [alertname])
    const other = topology.services.find((s) => s.name === companion.service);
    const cl: Record<string, string> = { ...labels, [labelKey]: companion.service };
    if (cl.service !== undefined) cl.service = companion.service;
    if (cl.namespace !== undefined) cl.namespace = other?.namespace ?? cl.namespace;
    const q = `p${Math.round(companion.quantile * 100)}`;
    const w = `${Math.round(companion.windowMs / 60_000)}m`;
    const text =
      companion.signal === 'latency'
        ? {
            summary: `${companion.service} ${q} latency above ${companion.threshold}s`,
            description: `${q} latency of ${companion.service} is ${companion.value.toFixed(2)}s over the last ${w} (threshold ${companion.threshold}s)`,
          }
        : {
            summary: `${companion.service} 5xx rate above ${pct(companion.threshold)}`,
            description: `5xx ratio ${pct(companion.value)} over ${w}`,
          };
    alerts.push({
      status: 'firing',
      labels: cl,
      annotations: { ...Object.fromEntries(Object.entries(annotations).filter(([k]) => k !== 'dashboard')), ...text },
      startsAt: isoTime(companion.firedAt, { digits: 3, offsetMin: 0, zulu: true }),
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: `${promBase}/graph?g0.expr=${encodeURIComponent(alertExpr(companion, other))}&g0.tab=1`,
      fingerprint: fingerprint(cl),
    });
  }
  const common = <T extends Record<string, string>>(maps: T[]): Record<string, string> =>
    Object.fromEntries(Object.entries(maps[0] ?? {}).filter(([k, v]) => maps.every((m) => m[k] === v)));
  const byService = labels[labelKey] && alerts.length === 1 ? { [labelKey]: labels[labelKey] as string } : {};
  const groupLabels = rng.chance(0.7) || alerts.length > 1 ? { alertname, ...byService } : { alertname };
  const groupKey = `${rng.pick(['{}', '{}/{severity=~"critical|page"}', '{}/{env="prod"}'])}:{${Object.entries(
    groupLabels,
  )
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ')}}`;
  const json = {
    receiver: rng.pick(['chatops-bot', 'causeway', 'slack-incidents', 'webhook-causeway', 'oncall-bot']),
    status: 'firing',
    alerts: rng.chance(0.5) ? alerts : [...alerts].reverse(),
    groupLabels,
    commonLabels: common(alerts.map((a) => a.labels)),
    commonAnnotations: common(alerts.map((a) => a.annotations)),
    externalURL: rng.pick([
      'http://vm:19093',
      'http://alertmanager.monitoring.svc:9093',
      `https://alertmanager.${topology.org}.internal`,
      'http://alertmanager-main-0:9093',
    ]),
    version: '4',
    groupKey,
    truncatedAlerts: 0,
  };
  return { json, alertname, labelKey, startsAt: choice.firedAt };
}

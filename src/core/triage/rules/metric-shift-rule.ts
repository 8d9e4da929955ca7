import type { MetricSignal } from '../../metrics/classify-metric.ts';
import { labelText } from '../../metrics/label-text.ts';
import { measuresHost } from '../../metrics/measures-host.ts';
import { type MetricShift, metricShift } from '../../metrics/metric-shift.ts';
import { requestGrowth } from '../../metrics/request-growth.ts';
import { seenByCaller } from '../../metrics/seen-by-caller.ts';
import { SIGNAL_WORDS } from '../../metrics/signal-words.ts';
import type { Alert } from '../../model/alert.ts';
import type { TriageFeatures } from '../../telemetry/triage-features.ts';
import { formatNumber } from '../format-number.ts';
import type { RankOptions } from '../rank-options.ts';
import type { RuleFinding } from '../rule-finding.ts';
import { alertSignal } from './alert-rule.ts';

/** Below this robust z a series did not move. */
const MIN_Z = 3;
/** At this z a series counts fully; further off counts more, slowly (up to MAX_STRENGTH). */
const FULL_Z = 12;
const MAX_STRENGTH = 2;
/** Metrics keep an hour of baseline, whatever the other sources hold. */
const METRIC_BASELINE_MS = 60 * 60_000;

/**
 * How much a signal says about the service it belongs to: its own failures, slowness and resource
 * use count fully; what it sees of its callees (client-side latency) little. Its load counts
 * `RankOptions.metric.loadWeight`.
 */
const WEIGHT: Readonly<Record<Exclude<MetricSignal, 'load'>, number>> = {
  errors: 1,
  availability: 1,
  latency: 1,
  cpu: 1,
  restarts: 1,
  memory: 0.8,
  saturation: 0.7,
  'caller-latency': 0.3,
  other: 0.2,
};

/** Resource use that grows with the work asked of a service. */
const WORKLOAD_BOUND: ReadonlySet<MetricSignal> = new Set(['cpu', 'memory', 'saturation']);
/** Resource use that grew at most this much (log2) more than the requests did is the requests' doing. */
const WORKLOAD_SLACK = 0.5;

/** What traces also measure of a service (its requests' errors and time). */
const TRACE_SEEN: ReadonlySet<MetricSignal> = new Set(['latency', 'caller-latency', 'errors', 'availability']);

/**
 * Metrics: which services' own series moved in their bad direction at the onset — errors up,
 * availability down, latency, CPU, memory, saturation up — by a robust z score against the
 * hour before. The strongest signal counts, a second kind of signal adds a little.
 */
export function metricShiftRule(f: TriageFeatures, options: RankOptions, alerts: readonly Alert[] = []): RuleFinding[] {
  if (!f.metrics || f.metrics.length === 0) return [];
  const incident = { from: f.windows.incident.from, to: f.windows.horizon };
  const baseline = {
    from: Math.min(f.windows.baseline.from, f.windows.onset - METRIC_BASELINE_MS),
    to: f.windows.baseline.to,
  };
  const symptoms = alertSymptoms(alerts);
  const growth = requestGrowth(f.metrics, baseline, incident);
  const traced = [...f.services.values()].some((x) => x.traced);
  const byService = new Map<string, { shift: MetricShift; strength: number }[]>();
  for (const s of f.metrics) {
    if (!s.service) continue;
    const shift = metricShift(s, baseline, incident, options.metric.minBaselinePoints);
    if (!shift || shift.z < MIN_Z) continue;
    // CPU, memory or a queue that grew no faster than the service's requests did is the workload,
    // not a fault of the service (a surge upstream, a burst of the load generator).
    const grew = growth(s.service);
    if (WORKLOAD_BOUND.has(shift.signal) && grew > 0 && shift.effect <= grew + WORKLOAD_SLACK) continue;
    const significance = Math.min(MAX_STRENGTH, Math.log(shift.z / MIN_Z) / Math.log(FULL_Z / MIN_Z));
    // What a caller measured of its callee counts little for the caller (as client-side latency
    // does), and so does what the service's node shows (its neighbours' doing as much as its own).
    const own = shift.signal === 'load' ? options.metric.loadWeight : WEIGHT[shift.signal];
    const shared = seenByCaller(s.labels) || measuresHost(s.name);
    const weight = shared ? Math.min(own, options.metric.callerSideWeight) : own;
    // The alerted service's move in what the alert measures is the alert itself, seen again: the
    // symptom, not a cause of its own.
    const symptom = symptoms.get(s.service)?.has(shift.signal) ? options.metric.symptomWeight : 1;
    // Where there are traces, they tell a service's own errors and time from its callees'; metric
    // latency and errors hold the callees' too, and count less — for a service the traces do not
    // see as well (an uninstrumented caller's latency holds the slow callee's that the traces show).
    const seen = traced && TRACE_SEEN.has(shift.signal) ? options.metric.tracedWeight : 1;
    const strength = weight * symptom * seen * (significance + options.metric.effectWeight * shift.effect);
    if (strength <= 0) continue;
    const list = byService.get(s.service) ?? [];
    list.push({ shift, strength });
    byService.set(s.service, list);
  }
  const out: RuleFinding[] = [];
  for (const [service, list] of [...byService].sort(([a], [b]) => (a < b ? -1 : 1))) {
    list.sort(
      (a, b) =>
        b.strength - a.strength || b.shift.z - a.shift.z || (a.shift.series.name < b.shift.series.name ? -1 : 1),
    );
    const top = list[0];
    if (!top) continue;
    const other = list.find((x) => x.shift.signal !== top.shift.signal);
    const strength = top.strength + 0.3 * (other?.strength ?? 0);
    const shown = [top, ...(other ? [other] : [])].map((x) => describe(x.shift));
    const text = `${shown.join('; ')}`;
    out.push({
      rule: 'metric-shift',
      service,
      points: options.points.metricShift * strength,
      text,
      facts: { metricSignal: top.shift.signal, metricZ: Math.round(top.shift.z * 10) / 10 },
      evidence: list.slice(0, 3).map(({ shift }) => ({
        id: `metrics:shift:${service}:${shift.series.name}`,
        source: 'metrics' as const,
        kind: 'metric-shift',
        service,
        summary: `${service}: ${describe(shift)}`,
        stance: 'supports' as const,
        data: {
          metric: shift.series.name,
          labels: labelText(shift.series.labels),
          baselineMedian: round(shift.baselineMedian),
          incidentPeak: round(shift.incidentPeak),
          z: Math.round(shift.z * 10) / 10,
        },
      })),
    });
  }
  return out;
}

/** What each firing alert measures, as metric signals of the service it names. */
function alertSymptoms(alerts: readonly Alert[]): Map<string, ReadonlySet<MetricSignal>> {
  const out = new Map<string, ReadonlySet<MetricSignal>>();
  for (const a of alerts) {
    if (a.status !== 'firing' || !a.service) continue;
    const signal = alertSignal(a);
    out.set(
      a.service,
      new Set<MetricSignal>(
        signal === 'latency'
          ? ['latency', 'caller-latency']
          : signal === 'resource_exhaustion'
            ? ['cpu', 'memory', 'saturation', 'restarts']
            : ['errors', 'availability'],
      ),
    );
  }
  return out;
}

function describe(s: MetricShift): string {
  const dir = s.incidentPeak >= s.baselineMedian ? 'rose' : 'fell';
  const rate = s.counter ? '/s' : '';
  return `its ${SIGNAL_WORDS[s.signal]} (${s.series.name}) ${dir} from ${formatNumber(s.baselineMedian)}${rate} to ${formatNumber(s.incidentPeak)}${rate} (robust z ${formatNumber(s.z)})`;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

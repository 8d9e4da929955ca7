import { exceedancePValue } from '../../stats/exceedance-p-value.ts';
import type { TriageFeatures } from '../../telemetry/triage-features.ts';
import type { OperationWindows } from '../../traces/operation-windows.ts';
import { formatNumber } from '../format-number.ts';
import { formatPercent } from '../format-percent.ts';
import type { RankOptions } from '../rank-options.ts';
import type { RuleFinding } from '../rule-finding.ts';
import { sharePoints } from '../share-points.ts';

/**
 * The exceedance test is exact for any baseline size (order statistics, beta-binomial): one
 * baseline trace is enough to compare against — the fewer there are, the more incident traces
 * must stand above them to count. A sparse dependency in a minute of tail-sampled baseline has one
 * or two.
 */
const MIN_BASELINE_SAMPLES = 1;
const MIN_INCIDENT_SAMPLES = 2;
const MIN_RATIO = 1.5;
const MIN_DELTA_MS = 5;
const ADDED_MS_SCALE = 300;
/** How sure a slowdown seen in one operation only counts. */
const OPERATION_SURE = 0.6;
/** How unlikely the incident's count of samples above the baseline p90 must be (binomial, p = 0.1) to count at all. */
const MAX_P_VALUE = 0.05;

/**
 * Traces: which service got slower *itself*? Self time is a span's duration minus the time its
 * children cover, so a caller waiting on a slow callee is not blamed, and a client call to an
 * uninstrumented dependency is the dependency's time. Points are shared by the added time
 * (increase in mean self time × incident traces).
 */
export function selfLatencyRule(f: TriageFeatures, options: RankOptions): RuleFinding[] {
  const added = new Map<string, number>();
  const confidence = new Map<string, number>();
  for (const s of f.services.values()) {
    const b = s.baseline.selfTime;
    const i = s.incident.selfTime;
    if (b.n < MIN_BASELINE_SAMPLES || i.n < MIN_INCIDENT_SAMPLES) continue;
    const delta = i.mean - b.mean;
    const ratio = i.mean / Math.max(b.mean, 0.1);
    // Few samples are enough when they are consistently slow: k of n above the baseline p90
    // happens by chance with a binomial tail probability (p = 0.1; exceedancePValue); the rarer, the surer
    // (p = 0.001 counts fully, p = 0.05 a little over 40%).
    // (…or a few long stalls — GC pauses, lock waits — beyond the baseline's p99.)
    const surprise = exceedancePValue(s.incident.selfTimeOverBaselineP90, s.incident.selfTimeOverBaselineP99, i.n, b.n);
    if (delta < MIN_DELTA_MS || ratio < MIN_RATIO || surprise > MAX_P_VALUE) {
      // One operation clearly slower, diluted in the service's mean by its other operations.
      const op = clearlySlowerOperation(f, s.service);
      if (op) {
        added.set(s.service, addedMs(op) * OPERATION_SURE);
        confidence.set(s.service, OPERATION_SURE);
      }
      continue;
    }
    const sure = Math.min(1, Math.log10(1 / Math.max(surprise, 1e-12)) / 3);
    added.set(s.service, delta * i.n * sure);
    confidence.set(s.service, sure);
  }
  // Scaled by how much time was added in all (ms × traces): three odd slow traces a few ms slower
  // do not weigh like hundreds of slow requests.
  const shares = sharePoints(added, options.points.selfLatency, ADDED_MS_SCALE);
  for (const [service, v] of shares) v.points *= confidence.get(service) ?? 1;
  const out: RuleFinding[] = [];
  for (const [service, { points, share }] of shares) {
    const s = f.services.get(service);
    if (!s) continue;
    const b = s.baseline.selfTime;
    const i = s.incident.selfTime;
    const op = slowestOperation(f, service);
    const gapShare = s.incident.selfTimeFromGaps / Math.max(i.mean * i.n, 1);
    const text =
      `its own time per trace rose from ${formatNumber(b.mean)} ms to ${formatNumber(i.mean)} ms ` +
      `(×${formatNumber(i.mean / Math.max(b.mean, 0.1))}; p90 ${formatNumber(b.p90)} → ${formatNumber(i.p90)} ms), ` +
      `${formatPercent(share)} of the added time` +
      (op
        ? `; most of it in ${op.operation} (${formatNumber(op.baseline.mean)} → ${formatNumber(op.incident.mean)} ms)`
        : '') +
      (gapShare >= 0.25
        ? `; ${formatPercent(Math.min(1, gapShare))} of its time in the incident was spent outside the spans on calls to and from it, where those calls grew slower (its network, its queues, or stalls while it waits)`
        : '');
    out.push({
      rule: 'self-latency',
      service,
      points,
      text,
      facts: { latencyShare: share, latencyRatio: i.mean / Math.max(b.mean, 0.1) },
      evidence: [
        {
          id: `traces:self-latency:${service}`,
          source: 'traces',
          kind: 'self-latency',
          service,
          summary: `${service}: ${text}`,
          stance: 'supports',
          data: {
            baselineMeanMs: r(b.mean),
            incidentMeanMs: r(i.mean),
            baselineP90Ms: r(b.p90),
            incidentP90Ms: r(i.p90),
            share: r(share),
            ...(gapShare >= 0.25 ? { gapShare: r(Math.min(1, gapShare)) } : {}),
            ...(op
              ? {
                  operation: op.operation,
                  operationBaselineMs: r(op.baseline.mean),
                  operationIncidentMs: r(op.incident.mean),
                }
              : {}),
          },
        },
      ],
    });
  }
  return out;
}

/** Self time an operation added in the incident window (ms × requests). */
function addedMs(o: OperationWindows): number {
  return Math.max(0, o.incident.mean - o.baseline.mean) * o.incident.n;
}

/**
 * The operation (entry span name) of a service with several that holds most of its added self
 * time, when one does: where to look first.
 */
function slowestOperation(f: TriageFeatures, service: string): OperationWindows | undefined {
  const ops = (f.operations ?? []).filter((o) => o.service === service);
  if (ops.length < 2) return undefined;
  const slower = (o: OperationWindows) =>
    o.baseline.n >= 3 && o.incident.mean >= MIN_RATIO * o.baseline.mean ? addedMs(o) : 0;
  let best: OperationWindows | undefined;
  let total = 0;
  for (const o of ops) {
    total += addedMs(o);
    if (!best || slower(o) > slower(best)) best = o;
  }
  return best && slower(best) > 0 && slower(best) >= 0.6 * total ? best : undefined;
}

/** The operation of a service clearly slower on its own (p50 above twice its baseline p90), the largest such. */
function clearlySlowerOperation(f: TriageFeatures, service: string): OperationWindows | undefined {
  let best: OperationWindows | undefined;
  for (const o of f.operations ?? []) {
    if (o.service !== service || o.baseline.n < 5 || o.incident.n < 3) continue;
    if (o.incident.mean < 3 * o.baseline.mean || o.incident.mean - o.baseline.mean < 50) continue;
    if (o.incident.p50 < 2 * o.baseline.p90) continue;
    if (!best || addedMs(o) > addedMs(best)) best = o;
  }
  return best;
}

function r(n: number): number {
  return Math.round(n * 100) / 100;
}

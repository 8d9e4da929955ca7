import { hashString } from '../core/hash-string.ts';
import type { Rng } from '../core/rng.ts';
import { LATENCY_BOUNDS, type MetricStore, POD_STEP_MS, type PodBucket } from '../engine/metric-store.ts';
import type { Service, Topology } from '../model/topology-model.ts';
import type { Incarnation, Instance, Strain } from '../model/world-model.ts';
import { intensity } from '../world/intensity.ts';

export type MetricsInput = {
  readonly topology: Topology;
  readonly pods: ReadonlyMap<string, readonly Instance[]>;
  readonly metrics: MetricStore;
  readonly strains: readonly Strain[];
  readonly start: number;
  readonly end: number;
  readonly rng: Rng;
};

type Series = { readonly metric: Record<string, string>; readonly values: [number, string][] };

/** Resource profile of one service's containers. */
type Profile = {
  readonly idleCores: number;
  readonly cpuPerRequest: number;
  readonly cpuLimit: number;
  readonly baseMb: number;
  readonly limitMb: number;
  readonly leakMs: number | undefined;
};

const LE = LATENCY_BOUNDS.map((b) => (Number.isFinite(b) ? String(b / 1000) : '+Inf'));
const MB = 1024 * 1024;
const WARMUP_MS = 3 * 60_000;
/** Before the window, a pod is assumed to have served at its rate over the first minutes. */
const RATE_STEPS = 10;

/**
 * The bundle's metrics.ndjson: per pod, every 30 s over [start, end], what cAdvisor
 * (`container_cpu_usage_seconds_total`, `container_memory_working_set_bytes`), kube-state-metrics
 * (`kube_pod_container_status_restarts_total`) and the service's HTTP instrumentation
 * (`http_server_requests_total{code}`, `http_server_request_duration_seconds` histogram) would
 * have exported. Request counts come from the simulated traffic; CPU follows the requests served
 * and the fault's strains; memory warms up after a start and climbs to the limit before an OOM
 * kill. Counters restart from zero with a new process. One series per line, in a fixed order.
 */
export function renderMetrics(input: MetricsInput): { readonly text: string; readonly series: number } {
  const lines: string[] = [];
  const first = Math.ceil(input.start / POD_STEP_MS);
  const last = Math.floor(input.end / POD_STEP_MS);
  for (const svc of input.topology.services) {
    const rng = input.rng.fork(svc.name);
    const profile = drawProfile(svc, input, rng);
    const appLabel = hashString(svc.name) % 2 === 0 ? 'service' : 'app';
    for (const pod of input.pods.get(svc.name) ?? []) {
      const times: number[] = [];
      for (let k = first; k <= last; k++) {
        const t = k * POD_STEP_MS;
        if (t >= pod.start && t < pod.end) times.push(t);
      }
      if (times.length === 0) continue;
      const base = { namespace: svc.namespace, pod: pod.pod, container: svc.name };
      const app = { ...base, [appLabel]: svc.name };
      const podRng = rng.fork(pod.pod);
      for (const s of podSeries(svc, pod, times, profile, input, base, app, podRng))
        if (s.values.length > 0) lines.push(JSON.stringify(s));
    }
  }
  return { text: lines.length > 0 ? `${lines.join('\n')}\n` : '', series: lines.length };
}

function drawProfile(svc: Service, input: MetricsInput, rng: Rng): Profile {
  const idleCores = rng.float(0.004, 0.03);
  const cpuPerRequest = rng.float(0.004, 0.03);
  const rps = Math.max(0.5, (input.metrics.series(svc.name).length > 0 ? meanRps(input.metrics, svc.name) : 1) * 3);
  const need = idleCores + (rps / Math.max(1, svc.replicas)) * cpuPerRequest;
  const cpuLimit = [0.25, 0.5, 1, 2, 4].find((c) => c >= need * 3) ?? 4;
  const leak = input.strains.find((s) => s.type === 'memory-leak' && s.service === svc.name);
  const limitMb =
    leak?.type === 'memory-leak' ? leak.limitMb : rng.pick([256, 512, 768, 1024, 2048].filter((m) => m >= 256));
  const baseMb = limitMb * rng.float(0.25, 0.55);
  return {
    idleCores,
    cpuPerRequest,
    cpuLimit,
    baseMb,
    limitMb,
    leakMs: leak?.type === 'memory-leak' ? leak.leakMs : undefined,
  };
}

function meanRps(metrics: MetricStore, service: string): number {
  const steps = metrics.series(service).slice(0, 20);
  const n = steps.reduce((a, b) => a + (b?.count ?? 0), 0);
  return n / Math.max(1, steps.length) / (metrics.stepMs / 1000);
}

function incarnationAt(pod: Instance, t: number): Incarnation | undefined {
  return pod.incarnations.find((i) => i.start <= t && i.end > t);
}

function num(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

function* podSeries(
  svc: Service,
  pod: Instance,
  times: readonly number[],
  p: Profile,
  input: MetricsInput,
  base: Record<string, string>,
  app: Record<string, string>,
  rng: Rng,
): Generator<Series> {
  const steps = input.metrics.podSteps(pod.pod);
  const codes = new Set<string>();
  for (const b of steps.values()) for (const c of b.codes.keys()) codes.add(c);
  const codeList = [...codes].sort();
  const cpu: Series = { metric: { __name__: 'container_cpu_usage_seconds_total', ...base }, values: [] };
  const mem: Series = { metric: { __name__: 'container_memory_working_set_bytes', ...base }, values: [] };
  const restarts: Series = {
    metric: { __name__: 'kube_pod_container_status_restarts_total', ...base },
    values: [],
  };
  const reqs = codeList.map((code) => ({
    code,
    s: { metric: { __name__: 'http_server_requests_total', ...app, code }, values: [] } as Series,
  }));
  const buckets = LE.map((le) => ({
    metric: { __name__: 'http_server_request_duration_seconds_bucket', ...app, le },
    values: [] as [number, string][],
  }));
  const sum: Series = { metric: { __name__: 'http_server_request_duration_seconds_sum', ...app }, values: [] };
  const count: Series = { metric: { __name__: 'http_server_request_duration_seconds_count', ...app }, values: [] };
  const cpuStrains = input.strains.filter(
    (s) =>
      s.type === 'cpu' &&
      s.service === svc.name &&
      (!s.versions || s.versions.includes(pod.version)) &&
      (!s.pods || s.pods.includes(pod.pod)),
  );
  // Rates before the window, to give long-running processes a realistic counter level.
  const k0 = Math.floor(input.start / POD_STEP_MS);
  const early = [...Array(RATE_STEPS).keys()].map((i) => steps.get(k0 + i));
  let cur: Incarnation | undefined;
  let cpuSec = 0;
  let sumSec = 0;
  const byCode = new Map<string, number>();
  let hist = LE.map(() => 0);
  for (const t of times) {
    const k = t / POD_STEP_MS - 1;
    const inc = incarnationAt(pod, t);
    const dead = pod.incarnations.filter((i) => i.killed && i.end <= t).length;
    restarts.values.push([t / 1000, String(dead)]);
    if (!inc) continue;
    const step = steps.get(k);
    if (inc !== cur) {
      cur = inc;
      cpuSec = 0;
      sumSec = 0;
      byCode.clear();
      hist = LE.map(() => 0);
      const before = Math.max(0, input.start - inc.start) / POD_STEP_MS;
      if (before > 0) {
        const scale = before / RATE_STEPS;
        for (const b of early) if (b) add(b, scale);
        cpuSec = (p.idleCores + (p.cpuPerRequest * total(early)) / (RATE_STEPS * 30)) * before * 30;
      }
    }
    if (step) add(step, 1);
    const served = step ? [...step.codes.values()].reduce((a, b) => a + b, 0) : 0;
    let cores = (p.idleCores + (served / 30) * p.cpuPerRequest) * rng.float(0.9, 1.1);
    for (const s of cpuStrains) {
      if (s.type !== 'cpu') continue;
      const i = intensity(s.shape, t);
      const target = p.cpuLimit * s.saturate * rng.float(0.96, 1.02);
      if (i > 0 && target > cores) cores += (target - cores) * i;
    }
    cpuSec += Math.min(cores, p.cpuLimit) * 30;
    cpu.values.push([t / 1000, num(cpuSec)]);
    mem.values.push([t / 1000, String(Math.round(memoryMb(inc, t, p, rng) * MB))]);
    for (const r of reqs) r.s.values.push([t / 1000, String(Math.round(byCode.get(r.code) ?? 0))]);
    let cum = 0;
    hist.forEach((h, i) => {
      cum += h;
      buckets[i]?.values.push([t / 1000, String(Math.round(cum))]);
    });
    sum.values.push([t / 1000, num(sumSec)]);
    count.values.push([t / 1000, String(Math.round(cum))]);
  }
  yield cpu;
  yield mem;
  yield restarts;
  for (const r of reqs) yield r.s;
  yield* buckets;
  yield sum;
  yield count;

  function add(b: PodBucket, scale: number): void {
    for (const [c, n] of b.codes) byCode.set(c, (byCode.get(c) ?? 0) + n * scale);
    b.hist.forEach((n, i) => {
      hist[i] = (hist[i] ?? 0) + n * scale;
    });
    sumSec += (b.sumMs / 1000) * scale;
  }
}

function total(bs: readonly (PodBucket | undefined)[]): number {
  let n = 0;
  for (const b of bs) if (b) for (const c of b.codes.values()) n += c;
  return n;
}

/** Working set: warms up after a start, then steady; before an OOM kill with a leak, climbs to the limit. */
function memoryMb(inc: Incarnation, t: number, p: Profile, rng: Rng): number {
  const age = t - inc.start;
  let mb = p.baseMb * (age >= WARMUP_MS ? 1 : 0.6 + (0.4 * age) / WARMUP_MS) * rng.float(0.98, 1.02);
  if (inc.killed && p.leakMs !== undefined && t > inc.end - p.leakMs) {
    const progress = (t - (inc.end - p.leakMs)) / p.leakMs;
    mb += (p.limitMb * 0.98 - mb) * progress;
  }
  return Math.min(mb, p.limitMb);
}

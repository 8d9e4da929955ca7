import { describe, expect, it } from 'vitest';
import { generateBundle } from '../../sim/bundle/generate-bundle.ts';
import type { FaultKind } from '../../src/core/model/fault-kind.ts';

type Series = { metric: Record<string, string>; values: [number, string][] };

function bundle(kind: FaultKind, seed: number) {
  const files = generateBundle({ id: `m-${seed}`, seed, kind, topology: 'webshop', concurrentRollouts: false });
  const series: Series[] = files['metrics.ndjson']
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Series);
  const scenario = JSON.parse(files['scenario.json']) as {
    manifestation: string;
    root: { service: string };
    timeline: { baselineStart: string; onset: string; end: string };
    services: { name: string }[];
  };
  return { files, series, scenario };
}

const named = (all: Series[], name: string, service?: string) =>
  all.filter(
    (s) =>
      s.metric.__name__ === name && (!service || (s.metric.service ?? s.metric.app ?? s.metric.container) === service),
  );
const num = (v: [number, string]) => Number(v[1]);
/** Per-second rate of a counter between two samples, ignoring resets. */
const rate = (s: Series, from: number, to: number) => {
  const pts = s.values.filter(([t]) => t >= from && t <= to);
  let inc = 0;
  for (let i = 1; i < pts.length; i++)
    inc += Math.max(0, num(pts[i] as [number, string]) - num(pts[i - 1] as [number, string]));
  const span = pts.length > 1 ? (pts.at(-1)?.[0] ?? 0) - (pts[0]?.[0] ?? 0) : 0;
  return span > 0 ? inc / span : 0;
};

describe('simulated metrics.ndjson', () => {
  const error = bundle('error_code', 1);

  it('has per-pod CPU, memory, restarts and RED series for every service, 30 s apart inside the bundle', () => {
    const start = Date.parse(error.scenario.timeline.baselineStart) / 1000;
    const end = Date.parse(error.scenario.timeline.end) / 1000;
    for (const svc of error.scenario.services) {
      for (const name of [
        'container_cpu_usage_seconds_total',
        'container_memory_working_set_bytes',
        'kube_pod_container_status_restarts_total',
      ]) {
        const list = named(error.series, name).filter((s) => s.metric.container === svc.name);
        expect(list.length, `${name} of ${svc.name}`).toBeGreaterThan(0);
        for (const s of list) {
          expect(s.metric.namespace).toBeTruthy();
          // Deployment pods (<deployment>-<replicaset hash>-<5 chars>), StatefulSet pods (<name>-<ordinal>), job pods.
          expect(s.metric.pod).toMatch(/^.+-([a-z0-9]{9,10}-[a-z0-9]{5}|\d+|[a-z0-9]{5})$/);
        }
      }
    }
    for (const s of error.series) {
      const ts = s.values.map(([t]) => t);
      for (let i = 1; i < ts.length; i++) expect((ts[i] as number) - (ts[i - 1] as number)).toBeGreaterThanOrEqual(30);
      for (const t of ts) {
        expect(t % 30).toBe(0);
        expect(t).toBeGreaterThanOrEqual(start);
        expect(t).toBeLessThanOrEqual(end);
      }
      for (const [, v] of s.values) expect(Number.isFinite(Number(v))).toBe(true);
    }
  });

  it('keeps histogram buckets cumulative and equal to the request counters at +Inf', () => {
    const buckets = named(error.series, 'http_server_request_duration_seconds_bucket');
    expect(buckets.length).toBeGreaterThan(0);
    const pods = new Set(buckets.map((b) => b.metric.pod));
    for (const pod of pods) {
      const bs = buckets
        .filter((b) => b.metric.pod === pod)
        .sort(
          (a, b) =>
            Number(a.metric.le === '+Inf' ? Infinity : a.metric.le) -
            Number(b.metric.le === '+Inf' ? Infinity : b.metric.le),
        );
      const count = error.series.find(
        (s) => s.metric.pod === pod && s.metric.__name__ === 'http_server_request_duration_seconds_count',
      ) as Series;
      const reqs = error.series.filter(
        (s) => s.metric.pod === pod && s.metric.__name__ === 'http_server_requests_total',
      );
      const inf = bs.at(-1) as Series;
      expect(inf.metric.le).toBe('+Inf');
      inf.values.forEach(([t, v], i) => {
        for (let j = 1; j < bs.length; j++)
          expect(num((bs[j] as Series).values[i] as [number, string])).toBeGreaterThanOrEqual(
            num((bs[j - 1] as Series).values[i] as [number, string]),
          );
        expect(count.values[i]?.[1]).toBe(v);
        const byCode = reqs.reduce((a, s) => a + Number(s.values.find(([x]) => x === t)?.[1] ?? 0), 0);
        expect(Math.abs(byCode - Number(v))).toBeLessThanOrEqual(reqs.length);
      });
    }
  });

  it('shows an error fault as 5xx on the root while the other services stay near their baseline', () => {
    const root = error.scenario.root.service;
    const onset = Date.parse(error.scenario.timeline.onset) / 1000;
    const end = Date.parse(error.scenario.timeline.end) / 1000;
    const fives = named(error.series, 'http_server_requests_total', root).filter((s) => /^5/.test(s.metric.code ?? ''));
    const after = fives.reduce((a, s) => a + rate(s, onset, end), 0);
    const before = fives.reduce((a, s) => a + rate(s, onset - 600, onset), 0);
    expect(after).toBeGreaterThan(0.02);
    expect(after).toBeGreaterThan(3 * before);
  });

  it('is byte-identical for the same seed', () => {
    const again = generateBundle({
      id: 'm-1',
      seed: 1,
      kind: 'error_code',
      topology: 'webshop',
      concurrentRollouts: false,
    });
    expect(again['metrics.ndjson']).toBe(error.files['metrics.ndjson']);
  });

  it('shows a memory leak as a working set climbing to the limit, then an OOM restart and a counter reset', () => {
    const b = bundle('resource_exhaustion', 3);
    expect(b.scenario.manifestation).toBe('resource-oom-leak');
    const root = b.scenario.root.service;
    const restarts = named(b.series, 'kube_pod_container_status_restarts_total').filter(
      (s) => s.metric.container === root,
    );
    const restarted = restarts.filter(
      (s) => num(s.values.at(-1) as [number, string]) > num(s.values[0] as [number, string]),
    );
    expect(restarted.length).toBeGreaterThan(0);
    const pod = restarted[0]?.metric.pod as string;
    const rs = restarted[0] as Series;
    const killAt = (rs.values.find(([, v], i) => i > 0 && v !== rs.values[i - 1]?.[1]) as [number, string])[0];
    const mem = named(b.series, 'container_memory_working_set_bytes').find((s) => s.metric.pod === pod) as Series;
    const early = num(mem.values[0] as [number, string]);
    const peak = Math.max(...mem.values.filter(([t]) => t < killAt).map(num));
    expect(peak).toBeGreaterThan(1.6 * early);
    const cpu = named(b.series, 'container_cpu_usage_seconds_total').find((s) => s.metric.pod === pod) as Series;
    const dropped = cpu.values.some(([, v], i) => i > 0 && Number(v) < Number(cpu.values[i - 1]?.[1]));
    expect(dropped).toBe(true);
    // Other services' memory stays flat.
    for (const s of named(b.series, 'container_memory_working_set_bytes').filter((x) => x.metric.container !== root)) {
      const vs = s.values.slice(-10).map(num);
      expect(Math.max(...vs)).toBeLessThan(1.2 * Math.min(...vs));
    }
  });

  it('shows CPU throttling as CPU usage rising to a level held near the limit on the root only', () => {
    const b = bundle('latency', 3);
    expect(b.scenario.manifestation).toBe('latency-cpu-throttle');
    const root = b.scenario.root.service;
    const onset = Date.parse(b.scenario.timeline.onset) / 1000;
    const end = Date.parse(b.scenario.timeline.end) / 1000;
    const cpu = named(b.series, 'container_cpu_usage_seconds_total');
    const ratio = (s: Series) => rate(s, onset + 180, end) / Math.max(1e-6, rate(s, onset - 900, onset - 60));
    for (const s of cpu.filter((x) => x.metric.container === root)) expect(ratio(s)).toBeGreaterThan(3);
    for (const s of cpu.filter((x) => x.metric.container !== root)) expect(ratio(s)).toBeLessThan(3);
  });

  it('gives a slow release new pods of a new ReplicaSet, first seen after the change started, with high CPU', () => {
    const b = bundle('deploy', 2);
    expect(b.scenario.manifestation).toBe('deploy-latency');
    const truth = JSON.parse(b.files['truth.json']) as { service: string; changeId: string };
    const change = (JSON.parse(b.files['changes.json']) as { id: string; startedAt: string }[]).find(
      (c) => c.id === truth.changeId,
    );
    expect(change).toBeDefined();
    const started = Date.parse(change?.startedAt ?? '') / 1000;
    const cpu = named(b.series, 'container_cpu_usage_seconds_total').filter(
      (s) => s.metric.container === truth.service,
    );
    const hash = (s: Series) => /-([a-z0-9]{9,10})-[a-z0-9]{5}$/.exec(s.metric.pod ?? '')?.[1];
    const firstSeen = (s: Series) => s.values[0]?.[0] ?? 0;
    const old = cpu.filter((s) => firstSeen(s) < started);
    const fresh = cpu.filter((s) => firstSeen(s) > started);
    expect(old.length).toBeGreaterThan(0);
    expect(fresh.length).toBeGreaterThan(0);
    const oldHashes = new Set(old.map(hash));
    for (const s of fresh) expect(oldHashes.has(hash(s))).toBe(false);
    const end = Date.parse(b.scenario.timeline.end) / 1000;
    const newRate = Math.min(...fresh.map((s) => rate(s, firstSeen(s), end)));
    const oldRate = Math.max(...old.map((s) => rate(s, started - 600, started)));
    expect(newRate).toBeGreaterThan(2 * oldRate);
  });
});

describe('concurrent rollouts', () => {
  it('releases 1–3 healthy services within a minute of the defective one, each replacing its pods', () => {
    const files = generateBundle({ id: 'c-1', seed: 3, kind: 'deploy', topology: 'webshop', concurrentRollouts: true });
    const scenario = JSON.parse(files['scenario.json']) as { manifestation: string; timeline: { end: string } };
    expect(scenario.manifestation).toMatch(/^deploy-concurrent-(errors|latency)$/);
    const truth = JSON.parse(files['truth.json']) as { service: string; changeId: string };
    const changes = JSON.parse(files['changes.json']) as {
      id: string;
      service: string;
      type: string;
      startedAt: string;
    }[];
    const bad = changes.find((c) => c.id === truth.changeId);
    expect(bad?.service).toBe(truth.service);
    const t0 = Date.parse(bad?.startedAt ?? '');
    const peers = changes.filter(
      (c) => c.type === 'deploy' && c.id !== truth.changeId && Math.abs(Date.parse(c.startedAt) - t0) <= 95_000,
    );
    expect(peers.length).toBeGreaterThanOrEqual(1);
    const series = files['metrics.ndjson']
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Series);
    const cpu = named(series, 'container_cpu_usage_seconds_total');
    for (const c of [bad, ...peers]) {
      const started = Date.parse(c?.startedAt ?? '') / 1000;
      const pods = cpu.filter((s) => s.metric.container === c?.service);
      expect(
        pods.some((s) => (s.values[0]?.[0] ?? 0) > started),
        `new pods of ${c?.service}`,
      ).toBe(true);
    }
    // Only the defective service's new pods answer 5xx (errors) or burn CPU (latency).
    const newPods = (service: string, started: number) =>
      new Set(
        cpu.filter((s) => s.metric.container === service && (s.values[0]?.[0] ?? 0) > started).map((s) => s.metric.pod),
      );
    const fivexx = (service: string, started: number) => {
      const pods = newPods(service, started);
      return named(series, 'http_server_requests_total')
        .filter((s) => pods.has(s.metric.pod ?? '') && /^5/.test(s.metric.code ?? ''))
        .reduce((a, s) => a + Number(s.values.at(-1)?.[1] ?? 0), 0);
    };
    if (scenario.manifestation.endsWith('errors')) {
      expect(fivexx(truth.service, t0 / 1000)).toBeGreaterThan(5);
      for (const p of peers)
        expect(fivexx(p.service, Date.parse(p.startedAt) / 1000)).toBeLessThan(fivexx(truth.service, t0 / 1000) / 3);
    }
  });
});

describe('metric traces of other faults', () => {
  it('shows a dependency outage as 5xx on the services that call it', () => {
    const b = bundle('dependency_down', 1);
    const onset = Date.parse(b.scenario.timeline.onset) / 1000;
    const end = Date.parse(b.scenario.timeline.end) / 1000;
    const fives = named(b.series, 'http_server_requests_total').filter((s) => /^5/.test(s.metric.code ?? ''));
    const after = fives.reduce((a, s) => a + rate(s, onset + 60, end), 0);
    const before = fives.reduce((a, s) => a + rate(s, onset - 900, onset - 60), 0);
    expect(after).toBeGreaterThan(0.05);
    expect(after).toBeGreaterThan(3 * before);
  });

  it('shows a traffic surge as a higher request rate on the saturated service', () => {
    const b = bundle('traffic_surge', 1);
    const root = b.scenario.root.service;
    const onset = Date.parse(b.scenario.timeline.onset) / 1000;
    const end = Date.parse(b.scenario.timeline.end) / 1000;
    const reqs = named(b.series, 'http_server_requests_total', root);
    expect(reqs.length).toBeGreaterThan(0);
    const after = reqs.reduce((a, s) => a + rate(s, onset + 120, end), 0);
    const before = reqs.reduce((a, s) => a + rate(s, onset - 900, onset - 60), 0);
    expect(after).toBeGreaterThan(1.5 * before);
  });
});

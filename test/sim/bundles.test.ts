import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_KINDS } from '../../src/core/model/fault-kind.ts';
import { field, readBundle } from './bundle-reader.ts';
import { generateFixtures } from './generate-fixtures.ts';

const run = promisify(execFile);
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const HEX32 = /^[0-9a-f]{32}$/;
const HEX16 = /^[0-9a-f]{16}$/;
const SERVICE_LABELS = ['service', 'service_name', 'app', 'job', 'kubernetes_deployment'];
const CHANGE_TYPES = ['deploy', 'rollback', 'config', 'feature_flag', 'infra', 'scale'];

let fixtures: { root: string; dirs: string[] };
let bundles: { dir: string; b: ReturnType<typeof readBundle> }[];

beforeAll(() => {
  fixtures = generateFixtures(900);
  bundles = fixtures.dirs.map((dir) => ({ dir, b: readBundle(dir) }));
});
afterAll(() => rmSync(fixtures.root, { recursive: true, force: true }));

describe('every kind', () => {
  it('is produced with matching truth and scenario', () => {
    expect(bundles.map(({ b }) => b.truth.kind).sort()).toEqual([...FAULT_KINDS].sort());
    for (const { b } of bundles) expect(b.scenario.kind).toBe(b.truth.kind);
  });
});

describe('alert.json', () => {
  it('has the shape of an Alertmanager webhook body (version 4)', () => {
    for (const { b } of bundles) {
      const a = b.alert;
      for (const k of [
        'receiver',
        'status',
        'alerts',
        'groupLabels',
        'commonLabels',
        'commonAnnotations',
        'externalURL',
        'version',
        'groupKey',
        'truncatedAlerts',
      ])
        expect(a, k).toHaveProperty(k);
      expect(a.version).toBe('4');
      expect(a.status).toBe('firing');
      const alerts = a.alerts as Record<string, unknown>[];
      expect(alerts.length).toBeGreaterThan(0);
      for (const x of alerts) {
        for (const k of ['status', 'labels', 'annotations', 'startsAt', 'endsAt', 'generatorURL', 'fingerprint'])
          expect(x, k).toHaveProperty(k);
        expect(x.startsAt).toMatch(RFC3339);
        expect(x.endsAt).toBe('0001-01-01T00:00:00Z');
        expect(x.fingerprint).toMatch(/^[0-9a-f]{16}$/);
        const labels = x.labels as Record<string, string>;
        expect(labels.alertname).toBeTruthy();
        expect(SERVICE_LABELS.some((k) => typeof labels[k] === 'string' && labels[k] !== '')).toBe(true);
      }
    }
  });
});

describe('logs.ndjson', () => {
  it('holds ECS documents with @timestamp, service.name and message on every line', () => {
    const problems: string[] = [];
    for (const { dir, b } of bundles) {
      if (b.logs.length < 100) problems.push(`${dir}: only ${b.logs.length} log lines`);
      b.logs.forEach((doc, i) => {
        if (!RFC3339.test(String(field(doc, '@timestamp')))) problems.push(`${dir}:${i + 1}: @timestamp`);
        if (typeof field(doc, 'service.name') !== 'string') problems.push(`${dir}:${i + 1}: service.name`);
        if (String(field(doc, 'message') ?? '') === '') problems.push(`${dir}:${i + 1}: message`);
        const traceId = field(doc, 'trace.id');
        if (traceId !== undefined && !HEX32.test(String(traceId))) problems.push(`${dir}:${i + 1}: trace.id`);
      });
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('varies layout, level spelling and correlation across services', () => {
    const all = bundles.flatMap(({ b }) => b.logs);
    const levels = new Set(all.map((d) => field(d, 'log.level')).filter((l) => l !== undefined));
    expect([...levels].some((l) => l === String(l).toUpperCase())).toBe(true);
    expect([...levels].some((l) => l === String(l).toLowerCase())).toBe(true);
    expect(all.some((d) => 'service.name' in d)).toBe(true);
    expect(all.some((d) => typeof d.service === 'object')).toBe(true);
    expect(all.some((d) => field(d, 'trace.id') !== undefined)).toBe(true);
    expect(all.some((d) => field(d, 'error.stack_trace') !== undefined)).toBe(true);
    expect(all.some((d) => /-[a-z0-9]{9,10}-[a-z0-9]{5}$/.test(String(field(d, 'kubernetes.pod.name'))))).toBe(true);
  });
});

describe('traces.ndjson', () => {
  it('holds OTLP/JSON ExportTraceServiceRequests as the spec describes them', () => {
    const problems: string[] = [];
    for (const { dir, b } of bundles) {
      if (b.spans.length < 100) problems.push(`${dir}: only ${b.spans.length} spans`);
      if (!b.requests.every((r) => Array.isArray(r.resourceSpans)))
        problems.push(`${dir}: a line without resourceSpans`);
      for (const s of b.spans) {
        const at = `${dir} span ${s.spanId}`;
        if (s.service === '') problems.push(`${at}: resource without service.name`);
        if (!HEX32.test(s.traceId) || !HEX16.test(s.spanId)) problems.push(`${at}: ids`);
        if (s.parentSpanId && !HEX16.test(s.parentSpanId)) problems.push(`${at}: parentSpanId`);
        if (!/^\d+$/.test(s.startTimeUnixNano) || !/^\d+$/.test(s.endTimeUnixNano))
          problems.push(`${at}: times not decimal strings`);
        else if (BigInt(s.endTimeUnixNano) < BigInt(s.startTimeUnixNano)) problems.push(`${at}: ends before it starts`);
        if (![1, 2, 3, 4, 5].includes(s.kind)) problems.push(`${at}: kind ${s.kind}`);
        if (![0, 1, 2].includes(s.status?.code ?? 0)) problems.push(`${at}: status`);
        for (const a of s.attributes) {
          if (Object.keys(a.value).length !== 1) problems.push(`${at}: attribute ${a.key} value`);
          if (a.value.intValue !== undefined && !/^-?\d+$/.test(a.value.intValue))
            problems.push(`${at}: ${a.key} intValue not a decimal string`);
        }
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('uses every span kind, semantic-convention attributes and error statuses', () => {
    const spans = bundles.flatMap(({ b }) => b.spans);
    expect(new Set(spans.map((s) => s.kind))).toEqual(new Set([1, 2, 3, 4, 5]));
    const keys = new Set(spans.flatMap((s) => s.attributes.map((a) => a.key)));
    for (const k of [
      'http.request.method',
      'http.response.status_code',
      'rpc.system',
      'db.system',
      'messaging.system',
      'server.address',
      'peer.service',
    ])
      expect(keys, k).toContain(k);
    expect(spans.some((s) => s.status?.code === 2)).toBe(true);
    expect(spans.some((s) => s.resource['service.version'] !== undefined)).toBe(true);
  });
});

describe('changes.json and truth.json', () => {
  it('lists change events with the required fields and spec types', () => {
    for (const { b } of bundles) {
      for (const c of b.changes) {
        for (const k of ['id', 'type', 'service', 'startedAt']) expect(c[k], k).toBeTruthy();
        expect(CHANGE_TYPES).toContain(c.type);
        expect(c.startedAt).toMatch(RFC3339);
      }
      expect(new Set(b.changes.map((c) => c.id)).size).toBe(b.changes.length);
    }
  });

  it('names the causal change for deploy and config kinds, and none otherwise', () => {
    for (const { b } of bundles) {
      if (b.truth.kind === 'deploy' || b.truth.kind === 'config') {
        const change = b.changes.find((c) => c.id === b.truth.changeId);
        expect(change, `${b.truth.kind} ${b.truth.changeId}`).toBeDefined();
        expect(change?.service).toBe(b.truth.service);
      } else expect(b.truth.changeId).toBeUndefined();
    }
  });

  it('names a root-cause service that exists in the data', () => {
    for (const { b } of bundles) {
      const names = new Set<string>();
      for (const s of b.spans) {
        names.add(s.service);
        for (const a of s.attributes)
          if ((a.key === 'peer.service' || a.key === 'server.address') && a.value.stringValue)
            names.add(a.value.stringValue);
      }
      for (const d of b.logs) names.add(String(field(d, 'service.name')));
      expect(names, b.truth.service).toContain(b.truth.service);
    }
  });
});

describe('timeline', () => {
  it('has no data before the baseline start and data after the alert', () => {
    for (const { b } of bundles) {
      const start = Date.parse(b.scenario.timeline.baselineStart ?? '');
      const alertAt = Date.parse(String((b.alert.alerts as { startsAt: string }[])[0]?.startsAt));
      const logTimes = b.logs.map((d) => Date.parse(String(field(d, '@timestamp'))));
      const spanTimes = b.spans.map((s) => Number(BigInt(s.startTimeUnixNano) / 1_000_000n));
      expect(Math.min(...logTimes)).toBeGreaterThanOrEqual(start);
      expect(Math.min(...spanTimes)).toBeGreaterThanOrEqual(start);
      expect(Math.max(...logTimes)).toBeGreaterThan(alertAt + 60_000);
      expect(Math.max(...spanTimes)).toBeGreaterThan(alertAt);
    }
  });

  it('fires the alert 1 to 5 minutes after the fault onset, with a baseline of 15 to 60 minutes', () => {
    for (const { b } of bundles) {
      const t = b.scenario.timeline;
      const onset = Date.parse(t.onset ?? '');
      const start = Date.parse(t.baselineStart ?? '');
      const startsAt = (b.alert.alerts as { startsAt: string }[]).map((a) => Date.parse(a.startsAt));
      const first = Math.min(...startsAt);
      expect(first - onset).toBeGreaterThanOrEqual(59_000);
      expect(first - onset).toBeLessThanOrEqual(300_000);
      expect(onset - start).toBeGreaterThanOrEqual(15 * 60_000 - 1);
      expect(onset - start).toBeLessThanOrEqual(61 * 60_000);
    }
  });
});

describe('check-bundle', () => {
  it('accepts every bundle (when python3 and the shared checker are available)', async () => {
    const tool = new URL('../../../shared/tools/check-bundle', import.meta.url).pathname;
    let out: { stdout: string };
    try {
      out = await run('python3', [tool, fixtures.root]);
    } catch (e) {
      const err = e as { code?: unknown; stdout?: string };
      if (err.code === 'ENOENT' || (typeof err.stdout === 'string' && err.stdout === '')) return;
      throw new Error(`check-bundle failed:\n${err.stdout ?? String(e)}`);
    }
    expect(out.stdout.trim().split('\n')).toHaveLength(fixtures.dirs.length);
    expect(out.stdout).not.toMatch(/: (?!ok$)/m);
  });
});

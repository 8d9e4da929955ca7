import type { ChangeEvent } from '../../src/core/model/change-event.ts';
import type { LogPatternStats } from '../../src/core/telemetry/log-pattern-stats.ts';
import type { EdgeFeatures, ServiceFeatures, TriageFeatures } from '../../src/core/telemetry/triage-features.ts';
import type { EdgeWindowStats } from '../../src/core/traces/edge-window-stats.ts';
import { emptyWindowStats } from '../../src/core/traces/empty-window-stats.ts';
import type { ServiceWindowStats } from '../../src/core/traces/service-window-stats.ts';

export const T0 = Date.UTC(2026, 10, 20, 14, 0, 0);
export const ONSET = T0 + 30 * 60_000;
export const AS_OF = ONSET + 5 * 60_000;

type Win = Partial<ServiceWindowStats>;

/** Features for rule tests: a 30-min baseline, a 6-min incident window (onset → as-of + 1 min). */
export function features(parts: {
  services: Record<string, { role?: 'service' | 'dependency'; b?: Win; i?: Win; texts?: string[] }>;
  edges?: EdgeFeatures[];
  patterns?: LogPatternStats[];
  changes?: ChangeEvent[];
}): TriageFeatures {
  const services = new Map<string, ServiceFeatures>();
  for (const [name, s] of Object.entries(parts.services)) {
    services.set(name, {
      service: name,
      role: s.role ?? 'service',
      traced: (s.role ?? 'service') === 'service',
      baseline: { ...emptyWindowStats(), ...s.b },
      incident: { ...emptyWindowStats(), ...s.i },
      exampleTraceIds: [],
      errorTexts: s.texts ?? [],
    });
  }
  return {
    windows: {
      asOf: AS_OF,
      horizon: AS_OF + 60_000,
      onset: ONSET,
      baseline: { from: T0, to: ONSET - 10_000 },
      incident: { from: ONSET, to: AS_OF + 60_000 },
      onsetReason: 'test',
      shifts: [],
    },
    services,
    edges: parts.edges ?? [],
    patterns: parts.patterns ?? [],
    changes: parts.changes ?? [],
    sources: { logs: { state: 'ok' }, traces: { state: 'ok' }, changes: { state: 'ok' } },
  };
}

export function change(over: Partial<ChangeEvent> & Pick<ChangeEvent, 'id' | 'service'>): ChangeEvent {
  return {
    type: 'deploy',
    startedAt: ONSET - 3 * 60_000,
    finishedAt: ONSET - 2 * 60_000,
    environment: 'prod',
    version: '1.2.0',
    previousVersion: '1.1.9',
    status: 'succeeded',
    author: 'dana',
    commit: undefined,
    url: undefined,
    description: undefined,
    ...over,
  };
}

export function dist(mean: number, n: number) {
  return { n, mean, p50: mean, p90: mean * 1.5, p99: mean * 2 };
}

/** A call edge between two services; unset counts are 0. */
export function edge(
  from: string,
  to: string,
  baseline: Partial<EdgeWindowStats>,
  incident: Partial<EdgeWindowStats>,
): EdgeFeatures {
  const zero = { calls: 0, errors: 0, totalMs: 0 };
  return { from, to, baseline: { ...zero, ...baseline }, incident: { ...zero, ...incident } };
}

let templateIds = 1000;

/** A log template new in the incident window (`incident` lines, none in the baseline), its text its own example. */
export function pattern(
  service: string,
  template: string,
  incident: number,
  level: LogPatternStats['level'] = 'error',
): LogPatternStats {
  return {
    service,
    templateId: ++templateIds,
    template,
    level,
    baseline: 0,
    incident,
    example: template,
    exampleTraceId: undefined,
    errorType: undefined,
  };
}

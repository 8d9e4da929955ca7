import type { AutonomyDeps } from '../../../src/app/autonomy/autonomy-deps.ts';
import { type AutonomySettings, DEFAULT_AUTONOMY_SETTINGS } from '../../../src/core/autonomy/autonomy-settings.ts';
import type { Hypothesis } from '../../../src/core/model/hypothesis.ts';
import type { TriageReport } from '../../../src/core/model/triage-report.ts';
import type { Pager } from '../../../src/core/paging/pager.ts';
import type { RunbookCatalog } from '../../../src/core/runbooks/runbook-catalog.ts';
import type { SignalProbe } from '../../../src/core/runbooks/signal-probe.ts';
import type { Storage } from '../../../src/core/storage/storage.ts';
import { runbookDeps } from '../../runbooks/support/runbook-harness.ts';

/** An autonomous restart: low risk, approved by oncall when supervised, verified by the error rate, undone by rollout undo. */
export const AUTO_RUNBOOK = `
id: restart-auto
title: Restart a leaking service
autonomy: autonomous
match:
  kinds: [resource_exhaustion]
params:
  service:
    type: string
    from: hypothesis.service
  namespace:
    type: string
    default: shop
steps:
  - id: restart
    name: Rolling restart of {{ params.service }}
    uses: kubectl
    with:
      verb: rollout restart
      resource: deployment/{{ params.service }}
      namespace: '{{ params.namespace }}'
    risk: low
    approval:
      from: [oncall]
    onFailure: rollback
    verify:
      id: healthy
      name: Error rate of {{ params.service }} under 5 %
      uses: check
      with:
        signal: error-rate
        service: '{{ params.service }}'
        below: 0.05
        every: 0.2s
      timeout: 1s
    rollback:
      - id: undo
        name: Undo the restart of {{ params.service }}
        uses: kubectl
        with:
          verb: rollout undo
          resource: deployment/{{ params.service }}
          namespace: '{{ params.namespace }}'
        approval:
          from: [oncall]
`;

/** A probe whose value the test sets (the service's error rate). */
export function settableProbe(initial: number): SignalProbe & { value: number } {
  const probe = {
    name: 'settable',
    value: initial,
    async read() {
      return { state: 'ok' as const, value: probe.value };
    },
  };
  return probe;
}

/** A triage report whose top hypothesis is `service` with `kind`, at `probability`. */
export function reportFor(
  n: number,
  o: {
    readonly service?: string;
    readonly kind?: Hypothesis['kind'];
    readonly probability?: number;
    readonly at: number;
  },
): TriageReport {
  const service = o.service ?? 'checkout';
  return {
    asOf: o.at,
    alerts: [
      {
        fingerprint: `fp-${n}`,
        name: 'HighMemory',
        status: 'firing',
        service,
        labels: { alertname: 'HighMemory', service },
        annotations: {},
        startsAt: o.at - 60_000,
        endsAt: undefined,
        generatorUrl: undefined,
        source: 'alertmanager',
      },
    ],
    windows: {
      baseline: { from: o.at - 3_600_000, to: o.at - 600_000 },
      incident: { from: o.at - 600_000, to: o.at },
      onset: o.at - 300_000,
      onsetReason: 'memory of checkout rose',
    },
    sources: { logs: { state: 'ok' }, traces: { state: 'ok' }, changes: { state: 'ok' } },
    hypotheses: [
      {
        id: `h-${n}`,
        service,
        kind: o.kind ?? 'resource_exhaustion',
        score: 9,
        probability: o.probability ?? 0.92,
        evidence: [
          {
            id: `e-${n}-1`,
            source: 'metrics',
            kind: 'memory',
            service,
            summary: `${service} memory at 97%`,
            stance: 'supports',
            data: {},
          },
        ],
        reasons: [],
      },
    ],
    confidence: 'high',
    summary: `${service} is leaking memory`,
  };
}

/** The autonomy use-cases' deps over a storage (one replica), with real executors and the given clock. */
export function autonomyDeps(
  storage: Storage,
  o: {
    readonly catalog: RunbookCatalog;
    readonly path: string;
    readonly probe: SignalProbe;
    readonly clock: { now: () => number };
    readonly pager?: Pager;
    readonly settings?: Partial<AutonomySettings>;
  },
): AutonomyDeps {
  const rb = runbookDeps(storage, { catalog: o.catalog, path: o.path, probe: o.probe, clock: o.clock });
  return {
    ...rb,
    autonomy: storage.autonomy,
    feedback: storage.feedback,
    incidents: storage.incidents,
    pager: o.pager,
    settings: { ...DEFAULT_AUTONOMY_SETTINGS, ...o.settings },
  };
}

import { buildTimelineChartSpec } from '../../core/chat/build-timeline-chart-spec.ts';
import type { TimelineChartSpec } from '../../core/chat/timeline-chart-spec.ts';
import type { CausewayError } from '../../core/errors/causeway-error.ts';
import type { Alert } from '../../core/model/alert.ts';
import type { IncidentFacts } from '../../core/postmortem/incident-facts.ts';
import type { Result } from '../../core/result/result.ts';
import type { TriageSources } from '../../core/sources/triage-sources.ts';
import { investigate } from '../investigate.ts';
import type { InvestigateOptions } from '../investigate-options.ts';

export type ChartDeps = {
  readonly sources: TriageSources;
  readonly options: InvestigateOptions;
  readonly render: (spec: TimelineChartSpec) => Promise<Uint8Array>;
};

/**
 * The incident's timeline chart, drawn again: the store keeps no series (they are large and only
 * pictures need them), so the incident's sources are read again over the same windows (its fixed
 * as-of time), and the chart is drawn as the Slack app drew it. INPUT_MISSING when there is no
 * series to draw.
 */
export async function redrawIncidentChart(
  deps: ChartDeps,
  facts: Pick<IncidentFacts, 'incident' | 'alerts'>,
): Promise<Result<Uint8Array, CausewayError>> {
  const byFp = new Map<string, Alert>();
  for (const a of facts.alerts) byFp.set(a.fingerprint, a.alert);
  const alerts = [...byFp.values()].sort((a, b) => (a.status === b.status ? 0 : a.status === 'firing' ? -1 : 1));
  const opened = await deps.sources.open(alerts.slice(0, 50));
  if (!opened.ok) return opened;
  const src = opened.value;
  try {
    const report = await investigate(
      {
        ...(src.logs ? { logs: src.logs } : {}),
        ...(src.traces ? { traces: src.traces } : {}),
        ...(src.changes ? { changes: src.changes } : {}),
        ...(src.metrics ? { metrics: src.metrics } : {}),
        options: deps.options,
      },
      src.alerts ?? alerts,
      src.asOf ?? facts.incident.asOf,
    );
    const spec = buildTimelineChartSpec(report);
    if (!spec) return { ok: false, error: { code: 'INPUT_MISSING', message: 'the sources hold no series to draw' } };
    return { ok: true, value: await deps.render(spec) };
  } finally {
    await src.close();
  }
}

import { buildIncidentTimeline } from '../../core/postmortem/build-incident-timeline.ts';
import { buildPostmortem } from '../../core/postmortem/build-postmortem.ts';
import type { IncidentFacts } from '../../core/postmortem/incident-facts.ts';
import type { IncidentPageView } from '../../core/postmortem/incident-page-view.ts';
import type { IncidentViewAnswer } from '../../core/postmortem/incident-view-answer.ts';
import { redactFacts } from '../../core/postmortem/redact-facts.ts';
import { renderIncidentPage } from '../../core/postmortem/render-incident-page.ts';
import { renderPostmortemHtml } from '../../core/postmortem/render-postmortem-html.ts';
import { renderPostmortemMarkdown } from '../../core/postmortem/render-postmortem-markdown.ts';
import type { Result } from '../../core/result/result.ts';
import type { Storage } from '../../core/storage/storage.ts';
import { loadIncidentFacts } from './load-incident-facts.ts';

export type IncidentViewDeps = {
  readonly storage: Pick<Storage, 'incidents' | 'runs' | 'feedback' | 'audit'>;
  readonly checkpointKey: string | undefined;
  /** The one secret list: nothing in it (or that the audit redaction would hide) is shown. */
  readonly secrets: readonly string[];
  readonly slo: { readonly target: number | undefined; readonly windowDays: number };
  /** Draws the chart (its PNG); absent when no sources are configured. */
  readonly chart?: (
    facts: Pick<IncidentFacts, 'incident' | 'alerts'>,
  ) => Promise<Result<Uint8Array, { readonly message: string }>>;
};

/**
 * One view of an incident for `causeway serve`: the page, its chart, or the postmortem draft as
 * Markdown or HTML — from the stored facts, redacted like the audit trail.
 */
export async function renderIncidentView(
  deps: IncidentViewDeps,
  incidentId: string,
  view: IncidentPageView,
  query: string,
): Promise<IncidentViewAnswer> {
  const missing = { ok: false, error: { status: 404, message: `No incident ${incidentId}.` } } as const;
  if (view === 'chart.png') {
    // The chart needs the incident and its alerts only: not the verified audit chain the page reads.
    const [incident, alerts] = await Promise.all([
      deps.storage.incidents.get(incidentId),
      deps.storage.incidents.alerts(incidentId),
    ]);
    if (!incident) return missing;
    if (!deps.chart) return { ok: false, error: { status: 404, message: 'No sources are configured to draw from.' } };
    const png = await deps.chart(redactFacts({ incident, alerts }, deps.secrets));
    if (!png.ok)
      return { ok: false, error: { status: 503, message: `The chart cannot be drawn: ${png.error.message}` } };
    return { ok: true, value: { contentType: 'image/png', body: png.value } };
  }
  const loaded = await loadIncidentFacts(deps.storage, incidentId, { checkpointKey: deps.checkpointKey });
  if (!loaded.ok) return missing;
  const facts = redactFacts(loaded.value, deps.secrets);
  const timeline = buildIncidentTimeline(facts);
  const slo = { sloTarget: deps.slo.target, sloWindowDays: deps.slo.windowDays };
  if (view === 'page')
    return {
      ok: true,
      value: {
        contentType: 'text/html; charset=utf-8',
        body: renderIncidentPage(facts, timeline, { ...slo, query, chart: deps.chart !== undefined }),
      },
    };
  const doc = buildPostmortem(facts, timeline, slo);
  return view === 'report.md'
    ? { ok: true, value: { contentType: 'text/markdown; charset=utf-8', body: renderPostmortemMarkdown(doc) } }
    : { ok: true, value: { contentType: 'text/html; charset=utf-8', body: renderPostmortemHtml(doc) } };
}

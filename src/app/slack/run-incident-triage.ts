import { contentHash } from '../../core/audit/content-hash.ts';
import type { ChatMessage } from '../../core/chat/block-kit.ts';
import { buildIncidentMessage } from '../../core/chat/build-incident-message.ts';
import { buildTimelineChartSpec } from '../../core/chat/build-timeline-chart-spec.ts';
import type { ChatFailure, ChatRef } from '../../core/chat/chat-port.ts';
import type { IncidentView } from '../../core/chat/incident-view.ts';
import { sourceProgressOf } from '../../core/chat/source-progress-of.ts';
import type { Alert } from '../../core/model/alert.ts';
import type { TriageReport } from '../../core/model/triage-report.ts';
import type { Incident } from '../../core/storage/incident-store.ts';
import { investigate } from '../investigate.ts';
import { createMessageSync } from './message-sync.ts';
import type { TriageDeps } from './triage-deps.ts';

export type TriageRunInput = {
  readonly incident: Incident;
  readonly alerts: readonly Alert[];
  readonly channel: string;
  /** Post in this thread (the alert's message); without it the message starts its own thread. */
  readonly threadTs?: string;
  /** The Slack user who asked (slash command). */
  readonly requestedBy?: string;
  /** Read this far back instead of the configured lookback. */
  readonly lookbackMs?: number;
  /** Alert notifications already in the incident. */
  readonly notifications?: number;
};

export type TriageRunOutcome =
  | { readonly posted: false; readonly failure: ChatFailure }
  | {
      readonly posted: true;
      readonly ref: ChatRef;
      readonly report?: TriageReport;
      readonly chart?: { readonly fileId: string } | { readonly failure: string };
      /** Milliseconds from start to the first progress edit and to the result. */
      readonly timings: { readonly firstProgressMs?: number; readonly resultMs?: number };
    };

/**
 * One incident's triage in chat: posts the incident message (progress: every source running),
 * edits it in place as each source settles, then shows the result (summary and confidence,
 * hypotheses, evidence links, buttons); saves the triage; uploads the timeline chart into the
 * thread. Each message and edit is audited (`message.posted`), the ranking too
 * (`hypotheses.produced`).
 */
export async function runIncidentTriage(deps: TriageDeps, input: TriageRunInput): Promise<TriageRunOutcome> {
  const started = deps.now();
  const { incident } = input;
  const firing = input.alerts.find((a) => a.status === 'firing') ?? input.alerts[0];
  let view: IncidentView = {
    incidentId: incident.id,
    alertName: firing?.name ?? incident.title,
    service: firing?.service ?? incident.service,
    startedAt: started,
    ...(input.requestedBy ? { requestedBy: input.requestedBy } : {}),
    progress: { logs: { state: 'running' }, traces: { state: 'running' }, changes: { state: 'running' } },
    notifications: input.notifications ?? 1,
    runbooks: [],
    resolved: false,
  };
  const audited = (kind: string) => async (m: ChatMessage, ref: ChatRef) => {
    await deps.audit.append({
      actor: 'system',
      action: 'message.posted',
      subject: `incident:${incident.id}`,
      data: {
        incidentId: incident.id,
        kind,
        channel: ref.channel,
        ts: ref.ts,
        textHash: contentHash(JSON.stringify(m)),
      },
    });
  };
  const first = buildIncidentMessage(view);
  const posted = await deps.chat.post(input.channel, first, input.threadTs);
  if (!posted.ok) return { posted: false, failure: posted.error };
  const ref = posted.value;
  await audited('incident')(first, ref);
  let edits = 0;
  const sync = createMessageSync(deps.chat, ref, (m) => audited(edits++ === 0 ? 'progress' : 'update')(m, ref));
  const threadTs = input.threadTs ?? ref.ts;
  const entry = { sync, threadTs, view };
  deps.board.set(incident.id, entry);
  const show = (v: IncidentView) => {
    view = v;
    entry.view = v;
    sync.show(buildIncidentMessage(v));
  };
  const timings: { firstProgressMs?: number; resultMs?: number } = {};

  const opened = await deps.sources.open(input.alerts);
  if (!opened.ok) {
    show({ ...view, failure: `${opened.error.message} (${opened.error.code})` });
    await sync.flush();
    return { posted: true, ref, timings };
  }
  const src = opened.value;
  let report: TriageReport;
  try {
    const options = input.lookbackMs ? { ...deps.options, lookbackMs: input.lookbackMs } : deps.options;
    const alerts = src.alerts ?? input.alerts;
    const asOf = src.asOf ?? incident.asOf;
    report = await investigate(
      {
        ...(src.logs ? { logs: src.logs } : {}),
        ...(src.traces ? { traces: src.traces } : {}),
        ...(src.changes ? { changes: src.changes } : {}),
        ...(src.metrics ? { metrics: src.metrics } : {}),
        options,
        onProgress: (source, status) => {
          timings.firstProgressMs ??= deps.now() - started;
          show({ ...view, progress: { ...view.progress, [source]: sourceProgressOf(status) } });
        },
      },
      alerts,
      asOf,
    );
    report = src.link ? src.link(report) : report;
  } finally {
    await src.close();
  }
  await deps.incidents.saveTriage(incident.id, { at: deps.now(), report, origin: src.origin });
  await deps.audit.append({
    actor: 'system',
    action: 'hypotheses.produced',
    subject: `incident:${incident.id}`,
    data: {
      incidentId: incident.id,
      confidence: report.confidence,
      origin: src.origin.kind === 'bundle' ? `bundle:${src.origin.id}` : src.origin.name,
      hypotheses: report.hypotheses
        .slice(0, 10)
        .map((h) => ({ id: h.id, service: h.service, kind: h.kind, score: h.score })),
    },
  });
  const alert = report.alerts.find((a) => a.status === 'firing');
  const runbooks = await deps.runbooks.forIncident({
    service: report.hypotheses[0]?.service ?? alert?.service,
    kind: report.hypotheses[0]?.kind,
    alertName: alert?.name ?? incident.title,
  });
  const seenBefore = deps.seenBefore ? await deps.seenBefore(report, incident.id).catch(() => []) : [];
  const result: IncidentView = {
    ...view,
    ...(seenBefore.length > 0 ? { seenBefore } : {}),
    progress: {
      logs: sourceProgressOf(report.sources.logs),
      traces: sourceProgressOf(report.sources.traces),
      changes: sourceProgressOf(report.sources.changes),
    },
    report,
    runbooks,
  };
  // The deterministic result first; the narrative (a model call, seconds) edits it in after.
  show(result);
  await sync.flush();
  timings.resultMs = deps.now() - started;
  if (deps.narrate) {
    const narrative = await deps.narrate(report, incident.id).catch(() => undefined);
    if (narrative) {
      show({ ...result, narrative });
      await sync.flush();
    }
  }

  let chart: { fileId: string } | { failure: string } | undefined;
  const spec = deps.renderChart ? buildTimelineChartSpec(report) : undefined;
  if (spec && deps.renderChart) {
    const png = await deps.renderChart(spec);
    const up = await deps.chat.uploadFile(input.channel, threadTs, {
      bytes: png,
      filename: `causeway-${incident.id}-timeline.png`,
      title: spec.title,
      comment:
        "Timeline: error ratio over request volume of the top services and the slow service's latency; baseline grey, incident red, changes and the alert numbered and listed under the plots.",
    });
    if (up.ok) {
      chart = up.value;
      await deps.audit.append({
        actor: 'system',
        action: 'message.posted',
        subject: `incident:${incident.id}`,
        data: {
          incidentId: incident.id,
          kind: 'chart',
          channel: input.channel,
          threadTs,
          fileId: up.value.fileId,
          bytesHash: contentHash(png),
        },
      });
    } else chart = { failure: `${up.error.code}: ${up.error.message}` };
  }
  const paused = await deps.afterTriage?.({
    chat: deps.chat,
    incidentId: incident.id,
    report,
    channel: input.channel,
    threadTs,
  });
  if (paused) {
    show({ ...view, autonomyPaused: paused });
    await sync.flush();
  }
  return { posted: true, ref, report, ...(chart ? { chart } : {}), timings };
}

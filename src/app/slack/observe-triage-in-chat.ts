import { contentHash } from '../../core/audit/content-hash.ts';
import type { ChatMessage } from '../../core/chat/block-kit.ts';
import { buildIncidentMessage } from '../../core/chat/build-incident-message.ts';
import { buildTimelineChartSpec } from '../../core/chat/build-timeline-chart-spec.ts';
import type { ChatFailure, ChatRef } from '../../core/chat/chat-port.ts';
import type { IncidentView } from '../../core/chat/incident-view.ts';
import { progressOfReport, sourceProgressOf } from '../../core/chat/source-progress-of.ts';
import type { TriageReport } from '../../core/model/triage-report.ts';
import type { Incident } from '../../core/storage/incident-store.ts';
import type { TriageObserver } from '../triage/triage-observer.ts';
import type { BoardEntry } from './incident-board.ts';
import { createMessageSync } from './message-sync.ts';
import type { TriageViewDeps } from './triage-deps.ts';

export type ChatTriageWhere = {
  readonly channel: string;
  /** Post in this thread (the alert's message); without it the message starts its own thread. */
  readonly threadTs?: string;
  /** The Slack user who asked (slash command). */
  readonly requestedBy?: string;
  /** Alert notifications already in the incident. */
  readonly notifications?: number;
};

/** The chat's view of one triage; `postFailure` says why the incident message could not be posted. */
export type ChatTriageObserver = TriageObserver & {
  readonly postFailure: () => ChatFailure | undefined;
};

/**
 * One incident's triage as the chat shows it: posts the incident message (progress: every source
 * running), edits it in place as each source settles, then shows the result (summary and
 * confidence, hypotheses, evidence links, the runbooks that fit, seen-before), edits the narrative
 * in, uploads the timeline chart into the thread and hands over to earned autonomy. Each message
 * and edit is audited (`message.posted`). The triage itself is `triageIncident`'s.
 */
export function observeTriageInChat(deps: TriageViewDeps, where: ChatTriageWhere): ChatTriageObserver {
  let incident: Incident | undefined;
  let entry: BoardEntry | undefined;
  let failure: ChatFailure | undefined;
  const audited = (incidentId: string, kind: string) => async (m: ChatMessage, ref: ChatRef) => {
    await deps.audit.append({
      actor: 'system',
      action: 'message.posted',
      subject: `incident:${incidentId}`,
      data: { incidentId, kind, channel: ref.channel, ts: ref.ts, textHash: contentHash(JSON.stringify(m)) },
    });
  };
  const show = (v: IncidentView) => {
    if (!entry) return;
    entry.view = v;
    entry.sync.show(buildIncidentMessage(v));
  };
  return {
    postFailure: () => failure,
    async started(input) {
      incident = input.incident;
      const firing = input.alerts.find((a) => a.status === 'firing') ?? input.alerts[0];
      const view: IncidentView = {
        incidentId: incident.id,
        alertName: firing?.name ?? incident.title,
        service: firing?.service ?? incident.service,
        startedAt: deps.now(),
        ...(where.requestedBy ? { requestedBy: where.requestedBy } : {}),
        progress: { logs: { state: 'running' }, traces: { state: 'running' }, changes: { state: 'running' } },
        notifications: where.notifications ?? 1,
        runbooks: [],
        resolved: false,
      };
      const first = buildIncidentMessage(view);
      const posted = await deps.chat.post(where.channel, first, where.threadTs);
      if (!posted.ok) {
        failure = posted.error;
        return { shown: false, reason: `${posted.error.code}: ${posted.error.message}` };
      }
      const ref = posted.value;
      await audited(incident.id, 'incident')(first, ref);
      let edits = 0;
      const id = incident.id;
      const sync = createMessageSync(deps.chat, ref, (m) => audited(id, edits++ === 0 ? 'progress' : 'update')(m, ref));
      entry = { sync, threadTs: where.threadTs ?? ref.ts, view };
      deps.board.set(incident.id, entry);
      return { shown: true };
    },
    progress(source, status) {
      if (entry) show({ ...entry.view, progress: { ...entry.view.progress, [source]: sourceProgressOf(status) } });
    },
    async failed(problem) {
      if (!entry) return;
      show({ ...entry.view, failure: problem.code ? `${problem.message} (${problem.code})` : problem.message });
      await entry.sync.flush();
    },
    async result(report, { seenBefore }) {
      if (!entry || !incident) return;
      const e = entry;
      const runbooks = await runbooksFor(deps, report, incident);
      const result: IncidentView = {
        ...e.view,
        ...(seenBefore.length > 0 ? { seenBefore } : {}),
        progress: progressOfReport(report),
        report,
        runbooks,
      };
      // The deterministic result first; the narrative (a model call, seconds) edits it in after.
      show(result);
      await e.sync.flush();
      if (deps.narrate) {
        const narrative = await deps.narrate(report, incident.id).catch(() => undefined);
        if (narrative) {
          show({ ...result, narrative });
          await e.sync.flush();
        }
      }
      await postChart(deps, incident.id, report, where.channel, e.threadTs);
      const paused = await deps.afterTriage?.({
        chat: deps.chat,
        incidentId: incident.id,
        report,
        channel: where.channel,
        threadTs: e.threadTs,
      });
      if (paused) {
        show({ ...e.view, autonomyPaused: paused });
        await e.sync.flush();
      }
    },
    // The same message, edited in place: the new ranking, the runbooks that fit it, and a note of
    // what the late data changed. The narrative was about the old ranking: written again, or dropped.
    async revised(report, revision) {
      if (!entry || !incident) return;
      const e = entry;
      const runbooks = await runbooksFor(deps, report, incident);
      // Votes on a hypothesis that no longer leads are not votes on the new leader.
      const { narrative: _old, feedback, ...rest } = e.view;
      const keep = feedback && revision.previous.topId === revision.current.topId ? { feedback } : {};
      const next: IncidentView = {
        ...rest,
        ...keep,
        progress: progressOfReport(report),
        report,
        runbooks,
        revised: revision,
      };
      show(next);
      await e.sync.flush();
      if (deps.narrate) {
        const narrative = await deps.narrate(report, incident.id).catch(() => undefined);
        if (narrative) {
          show({ ...e.view, narrative });
          await e.sync.flush();
        }
      }
    },
  };
}

/** The runbooks that fit a result: its leading hypothesis (service, kind), else the firing alert. */
function runbooksFor(deps: TriageViewDeps, report: TriageReport, incident: Incident) {
  const alert = report.alerts.find((a) => a.status === 'firing');
  return deps.runbooks.forIncident({
    service: report.hypotheses[0]?.service ?? alert?.service,
    kind: report.hypotheses[0]?.kind,
    alertName: alert?.name ?? incident.title,
  });
}

/** The timeline chart into the incident's thread (audited), when a renderer is configured. */
async function postChart(
  deps: TriageViewDeps,
  incidentId: string,
  report: TriageReport,
  channel: string,
  threadTs: string,
): Promise<void> {
  const spec = deps.renderChart ? buildTimelineChartSpec(report) : undefined;
  if (!spec || !deps.renderChart) return;
  const png = await deps.renderChart(spec);
  const up = await deps.chat.uploadFile(channel, threadTs, {
    bytes: png,
    filename: `causeway-${incidentId}-timeline.png`,
    title: spec.title,
    comment:
      "Timeline: error ratio over request volume of the top services and the slow service's latency; baseline grey, incident red, changes and the alert numbered and listed under the plots.",
  });
  if (!up.ok) return;
  await deps.audit.append({
    actor: 'system',
    action: 'message.posted',
    subject: `incident:${incidentId}`,
    data: { incidentId, kind: 'chart', channel, threadTs, fileId: up.value.fileId, bytesHash: contentHash(png) },
  });
}

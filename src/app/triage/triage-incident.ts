import type { IngestTelemetry } from '../../core/ingest/ingest-telemetry.ts';
import type { LogPort } from '../../core/ingest/log-port.ts';
import type { Alert } from '../../core/model/alert.ts';
import type { TriageReport } from '../../core/model/triage-report.ts';
import { dataShortfall } from '../../core/revision/data-shortfall.ts';
import type { SeenBeforeMatch } from '../../core/seen-before/seen-before-match.ts';
import type { TriageSources } from '../../core/sources/triage-sources.ts';
import type { AuditLog } from '../../core/storage/audit-log.ts';
import type { EffectJournal } from '../../core/storage/effect-journal.ts';
import type { IncidentStore } from '../../core/storage/incident-store.ts';
import type { SeenBeforeStore } from '../../core/storage/seen-before-store.ts';
import { claimInvestigation } from '../ingest/claim-investigation.ts';
import { investigationId } from '../ingest/investigation-id.ts';
import type { InvestigateOptions } from '../investigate-options.ts';
import { applySeenBefore } from '../seen-before/apply-seen-before.ts';
import { distinctAlerts } from './distinct-alerts.ts';
import type { LateData } from './late-data.ts';
import { rankingAuditData } from './ranking-audit-data.ts';
import { readIncident } from './read-incident.ts';
import { reviseTriage } from './revise-triage.ts';
import type { TriageObserver, TriageProblem } from './triage-observer.ts';

export type TriageIncidentDeps = {
  readonly incidents: IncidentStore;
  readonly effects: EffectJournal;
  readonly audit: AuditLog;
  readonly sources: TriageSources;
  readonly options: InvestigateOptions;
  readonly telemetry: IngestTelemetry;
  readonly log: LogPort;
  /** Epoch ms (wall clock) and a monotonic ms clock for durations. */
  readonly now: () => number;
  readonly monotonic: () => number;
  /** Re-triage when the data ended well before the as-of time (ingest lag); absent: never. */
  readonly lateData?: LateData;
  /**
   * Past resolved incidents ("seen before"): their people-confirmed causes weigh in the ranking
   * (applySeenBefore, bounded and explained) and the matches are shown; absent: neither.
   */
  readonly seenBefore?: SeenBeforeStore;
};

export type TriageIncidentInput = {
  readonly incidentId: string;
  /**
   * Claim the investigation in the effect journal under this attempt (webhooks and their queue: the
   * first claim on any replica runs, a later one runs nothing). Absent: the triage runs whenever
   * asked (a slash command, an alert message in chat), and the journal is not involved.
   */
  readonly claim?: { readonly attempt: number };
  /** The alerts to triage (a chat notification's); default the incident's own, one per fingerprint. */
  readonly alerts?: readonly Alert[];
  /** Read this far back instead of the configured lookback (a slash command's `since`). */
  readonly lookbackMs?: number;
  /** Who watches it run (the chat); without one the triage runs headless. */
  readonly observer?: TriageObserver;
  /**
   * This run re-reads an incident already triaged, at the same as-of, because its data ended early
   * (the nth re-triage; scheduled by the triage itself, `lateData`). Never claimed; an open
   * incident only; saved, audited (`hypotheses.revised`) and shown only when the ranking changed.
   */
  readonly recheck?: {
    readonly revision: number;
    /** What the earlier triage of this chain showed (the first one's result, or the last revision). */
    readonly shown: TriageReport;
  };
};

export type TriageOutcome =
  | { readonly state: 'skipped'; readonly reason: string }
  | {
      readonly state: 'succeeded';
      readonly version: number;
      readonly top?: string;
      readonly report: TriageReport;
    }
  | { readonly state: 'unchanged'; readonly report: TriageReport }
  | { readonly state: 'failed'; readonly reason: string };

/**
 * Triages one incident, whichever way it arrived: claims it when asked (a lost claim runs nothing),
 * reads its alerts at the incident's fixed as-of time through the configured sources, saves the
 * result and audits the ranking (`hypotheses.produced`), once. An observer (the chat) is told as it
 * goes — started, each source's progress, the result or the failure — and never owns the triage.
 * A source that fails leaves a named gap, never a failed triage; sources that cannot open, a
 * recorded bundle that cannot be read (INPUT_INVALID, as `causeway triage` refuses it) and a store
 * that fails end it as `failed` (with a claim: audited in the journal's `step.finished`, a final
 * state, so the incident is not resumed at the next start).
 */
export async function triageIncident(deps: TriageIncidentDeps, input: TriageIncidentInput): Promise<TriageOutcome> {
  const { incidentId, claim } = input;
  if (input.recheck) return recheck(deps, input, input.recheck, deps.log.child({ incidentId }));
  if (!claim) return triageOnce(deps, input, deps.log.child({ incidentId }));
  const id = investigationId(incidentId, claim.attempt);
  const log = deps.log.child({ incidentId, run: id });
  const started = deps.monotonic();
  if (!(await claimInvestigation(deps, incidentId, claim.attempt))) {
    deps.telemetry.investigation('skipped', 0);
    log.debug({}, 'investigation already claimed (another replica or an earlier delivery)');
    return { state: 'skipped', reason: 'already claimed' };
  }
  const outcome = await triageOnce(deps, input, log);
  const seconds = (deps.monotonic() - started) / 1000;
  deps.telemetry.investigation(outcome.state === 'failed' ? 'failed' : 'succeeded', seconds);
  const detail =
    outcome.state === 'succeeded'
      ? { state: outcome.state, version: outcome.version, ...(outcome.top ? { top: outcome.top } : {}) }
      : outcome;
  await deps.effects.finish(id, {
    status: outcome.state === 'failed' ? 'failed' : 'succeeded',
    detail: { ...detail, seconds: Math.round(seconds * 1000) / 1000 },
  });
  if (outcome.state === 'failed') log.warn({ reason: outcome.reason, seconds }, 'investigation failed');
  else log.info({ ...detail, seconds }, 'investigation finished');
  return outcome;
}

/** A first triage (never `unchanged`: only a re-triage compares with an earlier result). */
type FirstOutcome = Exclude<TriageOutcome, { readonly state: 'unchanged' }>;

async function triageOnce(deps: TriageIncidentDeps, input: TriageIncidentInput, log: LogPort): Promise<FirstOutcome> {
  const { incidentId, observer } = input;
  let shown = false;
  const problem = async (p: TriageProblem): Promise<FirstOutcome> => {
    if (shown)
      await observer?.failed(p).catch((e: unknown) => log.warn({ err: message(e) }, 'chat: failure not shown'));
    return { state: 'failed', reason: p.code ? `${p.code}: ${p.message}` : p.message };
  };
  try {
    return await deps.telemetry.span('causeway.triage', { 'causeway.incident_id': incidentId }, async () => {
      const incident = await deps.incidents.get(incidentId);
      if (!incident) return { state: 'failed', reason: `no incident ${incidentId}` };
      const alerts = input.alerts ?? distinctAlerts((await deps.incidents.alerts(incidentId)).map((a) => a.alert));
      if (observer) {
        const s = await observer.started({ incident, alerts });
        if (!s.shown) return { state: 'failed', reason: s.reason };
        shown = true;
      }
      const read = await readIncident(deps, {
        incident,
        alerts,
        ...(input.lookbackMs ? { lookbackMs: input.lookbackMs } : {}),
        ...(observer ? { onProgress: (source, status) => observer.progress(source, status) } : {}),
      });
      if (!read.ok) return problem(read.error);
      const { origin } = read.value;
      const { report, seenBefore } = await weighSeenBefore(deps, read.value.report, incidentId, log);
      const saved = await deps.incidents.saveTriage(incidentId, { at: deps.now(), report, origin });
      const top = report.hypotheses[0];
      await deps.audit.append({
        actor: 'system',
        action: 'hypotheses.produced',
        subject: `incident:${incidentId}`,
        data: {
          incidentId,
          ...rankingAuditData(report, origin),
        },
      });
      // Saved and audited: what the chat does with it (runbooks, chart, narrative) cannot undo that.
      await observer
        ?.result(report, { seenBefore })
        .catch((e: unknown) => log.warn({ err: message(e) }, 'chat: result not shown'));
      scheduleRecheck(deps, input, { revision: 1, shown: report, read: report }, log);
      return {
        state: 'succeeded',
        version: saved.version,
        ...(top ? { top: `${top.service} (${top.kind})` } : {}),
        report,
      };
    });
  } catch (e) {
    return problem({ message: message(e) });
  }
}

/**
 * The nth re-triage of late data: the same incident, alerts and as-of, read again and compared
 * with what the chain last showed. When the ranking changed (`reviseTriage`: saved, audited) the
 * observer edits what it showed; either way, the next re-triage is scheduled while the data still
 * ends early.
 */
async function recheck(
  deps: TriageIncidentDeps,
  input: TriageIncidentInput,
  { revision, shown }: { readonly revision: number; readonly shown: TriageReport },
  log: LogPort,
): Promise<TriageOutcome> {
  const { incidentId, observer } = input;
  try {
    const incident = await deps.incidents.get(incidentId);
    if (!incident) return { state: 'failed', reason: `no incident ${incidentId}` };
    if (incident.status !== 'open') return { state: 'skipped', reason: `incident ${incident.status}` };
    const alerts = input.alerts ?? distinctAlerts((await deps.incidents.alerts(incidentId)).map((a) => a.alert));
    const read = await readIncident(deps, {
      incident,
      alerts,
      ...(input.lookbackMs ? { lookbackMs: input.lookbackMs } : {}),
    });
    // The earlier result stands: nobody is told of a re-read that failed but the log.
    if (!read.ok) {
      log.warn({ revision, code: read.error.code, reason: read.error.message }, 're-triage with late data failed');
      return { state: 'failed', reason: `${read.error.code}: ${read.error.message}` };
    }
    const { report } = await weighSeenBefore(deps, read.value.report, incidentId, log);
    const revised = await reviseTriage(deps, {
      incidentId,
      previous: shown,
      read: { ...read.value, report },
      revision,
    });
    scheduleRecheck(deps, input, { revision: revision + 1, shown: revised ? report : shown, read: report }, log);
    if (!revised) {
      log.info(
        { revision, shortfallSeconds: dataShortfall(report) / 1000 },
        're-triage with late data: ranking unchanged',
      );
      return { state: 'unchanged', report };
    }
    log.info(
      { revision, previous: revised.change.previous.top ?? null, current: revised.change.current.top ?? null },
      're-triage with late data revised the ranking',
    );
    await observer
      ?.revised?.(report, revised.change)
      .catch((e: unknown) => log.warn({ err: message(e) }, 'chat: revision not shown'));
    const top = report.hypotheses[0];
    return {
      state: 'succeeded',
      version: revised.version,
      ...(top ? { top: `${top.service} (${top.kind})` } : {}),
      report,
    };
  } catch (e) {
    return { state: 'failed', reason: message(e) };
  }
}

/** While a triage's data ends well before its as-of time, the next re-triage waits its turn. */
function scheduleRecheck(
  deps: TriageIncidentDeps,
  input: TriageIncidentInput,
  next: { readonly revision: number; readonly shown: TriageReport; readonly read: TriageReport },
  log: LogPort,
): void {
  const late = deps.lateData;
  if (!late) return;
  const { revision, shown } = next;
  const shortfall = dataShortfall(next.read);
  const at = late.afterMs[revision - 1];
  if (shortfall <= late.minGapMs || at === undefined) return;
  const wait = at - (late.afterMs[revision - 2] ?? 0);
  const { claim: _claimed, ...again } = input;
  late.later.after(wait, `retriage:${input.incidentId}`, async () => {
    await triageIncident(deps, { ...again, recheck: { revision, shown } });
  });
  log.info(
    { revision, shortfallSeconds: shortfall / 1000, inSeconds: wait / 1000 },
    'the data ends before the as-of time (ingest lag): re-triage scheduled',
  );
}

/**
 * The report with the people-confirmed causes of similar past incidents weighed in, and those
 * incidents; the report as read when there is no store or the look-up fails (logged: the triage
 * stands without it).
 */
async function weighSeenBefore(
  deps: TriageIncidentDeps,
  report: TriageReport,
  incidentId: string,
  log: LogPort,
): Promise<{ readonly report: TriageReport; readonly seenBefore: readonly SeenBeforeMatch[] }> {
  if (!deps.seenBefore) return { report, seenBefore: [] };
  try {
    const fed = await applySeenBefore({ seenBefore: deps.seenBefore }, report, incidentId);
    return { report: fed.report, seenBefore: fed.matches };
  } catch (e) {
    log.warn({ err: message(e) }, 'seen before: look-up failed; the ranking stands as read');
    return { report, seenBefore: [] };
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

import type { IngestTelemetry } from '../../core/ingest/ingest-telemetry.ts';
import type { LogPort } from '../../core/ingest/log-port.ts';
import type { Alert } from '../../core/model/alert.ts';
import type { TriageSources } from '../../core/sources/triage-sources.ts';
import type { AuditLog } from '../../core/storage/audit-log.ts';
import type { EffectJournal } from '../../core/storage/effect-journal.ts';
import type { IncidentStore } from '../../core/storage/incident-store.ts';
import { rankHypotheses } from '../../core/triage/rank-hypotheses.ts';
import { investigate } from '../investigate.ts';
import type { InvestigateOptions } from '../investigate-options.ts';
import { claimInvestigation } from './claim-investigation.ts';
import type { IncidentAnnouncer } from './incident-announcer.ts';
import { investigationId } from './investigation-id.ts';

export type InvestigateIncidentDeps = {
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
  /** The chat surface, when running (see IncidentAnnouncer); else the triage runs headless. */
  readonly announcer?: IncidentAnnouncer;
};

export type InvestigationOutcome =
  | { readonly state: 'skipped'; readonly reason: string }
  | { readonly state: 'succeeded'; readonly version?: number; readonly top?: string }
  | { readonly state: 'failed'; readonly reason: string };

/** At most this many distinct firing alerts are handed to the triage (a storm incident has thousands). */
const MAX_ALERTS = 50;

/**
 * Investigates an incident once across all replicas: claims it in the journal (a lost claim runs
 * nothing), triages its alerts at the incident's fixed as-of time with the configured sources,
 * saves the result and audits the ranking (`hypotheses.produced`), then closes the journal entry.
 * A source that fails leaves a named gap, never a failed investigation; a failure to open the
 * sources or to store is reported as `failed` (and audited in the journal's `step.finished`), and
 * so is a recorded bundle that cannot be read (INPUT_INVALID: a malformed, over-long or non-UTF-8
 * line), as `causeway triage` refuses it: the journal then holds a final state, so the incident is
 * not resumed at the next start.
 */
export async function investigateIncident(
  deps: InvestigateIncidentDeps,
  incidentId: string,
  attempt = 1,
): Promise<InvestigationOutcome> {
  const started = deps.monotonic();
  const log = deps.log.child({ incidentId, run: investigationId(incidentId, attempt) });
  if (!(await claimInvestigation(deps, incidentId, attempt))) {
    deps.telemetry.investigation('skipped', 0);
    log.debug({}, 'investigation already claimed (another replica or an earlier delivery)');
    return { state: 'skipped', reason: 'already claimed' };
  }
  const id = investigationId(incidentId, attempt);
  const finish = async (outcome: InvestigationOutcome) => {
    const seconds = (deps.monotonic() - started) / 1000;
    deps.telemetry.investigation(outcome.state, seconds);
    await deps.effects.finish(id, {
      status: outcome.state === 'failed' ? 'failed' : 'succeeded',
      detail: { ...outcome, seconds: Math.round(seconds * 1000) / 1000 },
    });
    if (outcome.state === 'failed') log.warn({ reason: outcome.reason, seconds }, 'investigation failed');
    else log.info({ ...outcome, seconds }, 'investigation finished');
    return outcome;
  };
  try {
    return await deps.telemetry.span('causeway.triage', { 'causeway.incident_id': incidentId }, async () => {
      const incident = await deps.incidents.get(incidentId);
      if (!incident) return finish({ state: 'failed', reason: `no incident ${incidentId}` });
      const alerts = distinctAlerts((await deps.incidents.alerts(incidentId)).map((a) => a.alert));
      if (deps.announcer) {
        const r = await deps.announcer.triage(incident, alerts);
        return finish(
          r.triaged
            ? { state: 'succeeded' }
            : { state: 'failed', reason: r.detail ?? `${deps.announcer.name} did not triage` },
        );
      }
      const opened = await deps.sources.open(alerts);
      if (!opened.ok) return finish({ state: 'failed', reason: `${opened.error.code}: ${opened.error.message}` });
      const src = opened.value;
      let report: Awaited<ReturnType<typeof investigate>>;
      try {
        report = await investigate(
          {
            ...(src.logs ? { logs: src.logs } : {}),
            ...(src.traces ? { traces: src.traces } : {}),
            ...(src.changes ? { changes: src.changes } : {}),
            ...(src.metrics ? { metrics: src.metrics } : {}),
            options: deps.options,
            rank: (features, a, o) =>
              deps.telemetry.spanSync('causeway.rank', { 'causeway.incident_id': incidentId }, () =>
                rankHypotheses(features, a, o),
              ),
          },
          src.alerts ?? alerts,
          src.asOf ?? incident.asOf,
        );
        report = src.link ? src.link(report) : report;
      } finally {
        await src.close();
      }
      if (src.origin.kind === 'bundle') {
        for (const r of Object.values(report.sources)) {
          if (r.state === 'failed' && r.code === 'INPUT_INVALID')
            return finish({ state: 'failed', reason: `INPUT_INVALID: ${r.detail} (bundle ${src.origin.dir})` });
        }
      }
      const saved = await deps.incidents.saveTriage(incidentId, { at: deps.now(), report, origin: src.origin });
      const top = report.hypotheses[0];
      await deps.audit.append({
        actor: 'system',
        action: 'hypotheses.produced',
        subject: `incident:${incidentId}`,
        data: {
          incidentId,
          confidence: report.confidence,
          origin: src.origin.kind === 'bundle' ? `bundle:${src.origin.id}` : src.origin.name,
          hypotheses: report.hypotheses
            .slice(0, 10)
            .map((h) => ({ id: h.id, service: h.service, kind: h.kind, score: h.score })),
        },
      });
      return finish({
        state: 'succeeded',
        version: saved.version,
        ...(top ? { top: `${top.service} (${top.kind})` } : {}),
      });
    });
  } catch (e) {
    return finish({ state: 'failed', reason: e instanceof Error ? e.message : String(e) });
  }
}

/** One alert per fingerprint (the latest delivery), firing first. */
function distinctAlerts(stored: readonly Alert[]): Alert[] {
  const byFp = new Map<string, Alert>();
  for (const a of stored) byFp.set(a.fingerprint, a);
  const all = [...byFp.values()];
  return [...all.filter((a) => a.status === 'firing'), ...all.filter((a) => a.status !== 'firing')].slice(
    0,
    MAX_ALERTS,
  );
}

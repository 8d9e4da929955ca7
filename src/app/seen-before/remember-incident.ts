import { type RootCauseBasis, rootCause } from '../../core/postmortem/root-cause.ts';
import { fingerprintReport } from '../../core/seen-before/fingerprint-report.ts';
import type { PastCause } from '../../core/seen-before/past-cause.ts';
import type { Storage } from '../../core/storage/storage.ts';
import { loadIncidentFacts } from '../postmortem/load-incident-facts.ts';

const CONFIRMED_BY: Readonly<Record<RootCauseBasis, PastCause['confirmedBy']>> = {
  'confirmed by feedback': 'feedback',
  'fixed by a runbook run': 'runbook',
  'leading hypothesis (unconfirmed)': 'unconfirmed',
};

/**
 * Keeps a resolved incident's fingerprint for "seen before": what its triage found (fingerprintReport),
 * its root cause as the records tell it (and whether people confirmed it), and the runbook that
 * fixed it. Nothing when it was never triaged or is not resolved. Returns whether it was kept.
 */
export async function rememberIncident(
  deps: {
    readonly storage: Pick<Storage, 'incidents' | 'runs' | 'feedback' | 'audit' | 'seenBefore'>;
    readonly checkpointKey: string | undefined;
  },
  incidentId: string,
): Promise<boolean> {
  // The cheap checks first: loading the facts verifies the whole audit chain.
  const [open, latest] = await Promise.all([
    deps.storage.incidents.get(incidentId),
    deps.storage.incidents.latestTriage(incidentId),
  ]);
  if (open?.status !== 'resolved' || !latest || latest.report.hypotheses.length === 0) return false;
  // The incident just read is handed over, not read again.
  const loaded = await loadIncidentFacts(deps.storage, open, { checkpointKey: deps.checkpointKey });
  if (!loaded.ok) return false;
  const facts = loaded.value;
  const { incident, triage } = facts;
  if (!triage) return false;
  const cause = rootCause(facts);
  const fixed = facts.runs.find((r) => r.status === 'succeeded');
  await deps.storage.seenBefore.put({
    incidentId: incident.id,
    resolvedAt: incident.resolvedAt ?? incident.openedAt,
    fingerprint: fingerprintReport(triage.report),
    summary: {
      title: incident.title,
      service: incident.service,
      cause: cause ? `${cause.hypothesis.service} (${cause.hypothesis.kind.replace(/_/g, ' ')})` : undefined,
      confirmed: cause !== undefined && cause.basis !== 'leading hypothesis (unconfirmed)',
      fixedBy: fixed?.runbook,
      ...(cause
        ? {
            rootCause: {
              service: cause.hypothesis.service,
              kind: cause.hypothesis.kind,
              confirmedBy: CONFIRMED_BY[cause.basis],
            },
          }
        : {}),
    },
  });
  return true;
}

import { isIncidentCleared } from '../../core/ingest/is-incident-cleared.ts';
import type { Incident } from '../../core/storage/incident-store.ts';
import type { IncidentSurface } from '../triage/incident-surface.ts';
import type { IngestDeps } from './ingest-deps.ts';

/**
 * After resolutions arrived for an incident: when every one of its alerts (by their own
 * fingerprints, latest delivery wins) has resolved, resolves the incident (its group is free to
 * open a new one) and audits `incident.resolved`. Idempotent: an incident already resolved, or
 * with an alert still firing, is left as it is. The surface showing the incident (chat's incident
 * channel) is told. Returns the resolved incident, if it was.
 */
export async function resolveIfCleared(
  deps: Pick<IngestDeps, 'incidents' | 'audit' | 'now' | 'telemetry' | 'log'> & {
    readonly surface?: Pick<IncidentSurface, 'resolved'>;
  },
  incidentId: string,
): Promise<Incident | undefined> {
  const incident = await deps.incidents.get(incidentId);
  if (incident?.status !== 'open') return undefined;
  const alerts = await deps.incidents.alerts(incidentId);
  if (!isIncidentCleared(alerts.map((a) => a.alert))) return undefined;
  const resolved = await deps.incidents.resolve(incidentId, deps.now());
  if (!resolved) return undefined;
  deps.telemetry.incidentResolved();
  await deps.audit.append({
    actor: 'system',
    action: 'incident.resolved',
    subject: `incident:${incidentId}`,
    data: { incidentId, by: 'every alert resolved', alerts: alerts.length },
  });
  deps.log.child({ incidentId }).info({ alerts: alerts.length }, 'incident resolved: every alert resolved');
  if (deps.surface) await deps.surface.resolved(resolved).catch(() => undefined);
  return resolved;
}

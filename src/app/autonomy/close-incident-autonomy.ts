import type { AutonomyDeps } from './autonomy-deps.ts';
import { pageIncident } from './page-incident.ts';
import { scoreShadowRecords } from './score-shadow-records.ts';

/**
 * When an incident's alert resolves: its page (if one was sent) is resolved in PagerDuty with the
 * same dedup key, and its shadow records are scored (still pending ones become `no-outcome`).
 */
export async function closeIncidentAutonomy(deps: AutonomyDeps, input: { readonly incidentId: string }): Promise<void> {
  const records = await deps.audit.query({ incidentId: input.incidentId });
  const paged = records.some(
    (r) => r.action === 'page.sent' && r.data.event === 'trigger' && r.data.outcome === 'sent',
  );
  const closed = records.some(
    (r) => r.action === 'page.sent' && r.data.event === 'resolve' && r.data.outcome === 'sent',
  );
  if (paged && !closed) await pageIncident(deps, { action: 'resolve', incidentId: input.incidentId });
  await scoreShadowRecords(deps, input);
}

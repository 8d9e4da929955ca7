import { groupKeys } from '../../core/ingest/group-keys.ts';
import { groupedAlert } from '../../core/ingest/grouped-alert.ts';
import type { Alert } from '../../core/model/alert.ts';
import type { Incident } from '../../core/storage/incident-store.ts';
import type { IngestDeps } from './ingest-deps.ts';

export type AcceptedAlerts = {
  readonly accepted: number;
  /** Incidents this delivery opened: each is to be investigated (once). */
  readonly opened: readonly Incident[];
  /** Open incidents this delivery's alerts joined (firing or resolved). */
  readonly joined: readonly string[];
  /** Incidents that received a resolution: check whether they are cleared. */
  readonly resolving: readonly string[];
  /** Resolutions for which no open incident exists (already resolved, or never seen): nothing to do. */
  readonly unmatched: number;
};

/**
 * Accepts a verified delivery's alerts, durably, before the sender is answered, in one
 * transaction (`deps.deliveries`): each firing alert opens or joins the open incident of its group
 * (so a storm — even across replicas — opens one incident per group); a resolution is recorded
 * in its incident; the delivery (`alert.received`) and each opened incident are audited. All of
 * it is stored, or — when anything fails, the audit records included — none of it. Throws only
 * when the store fails (the sender then gets a 5xx and retries).
 */
export async function acceptAlerts(
  deps: IngestDeps,
  input: { readonly source: string; readonly alerts: readonly Alert[]; readonly receivedAt: number },
): Promise<AcceptedAlerts> {
  const result = await deps.deliveries.store(async ({ incidents, audit }) => {
    const opened: { incident: Incident; group: Readonly<Record<string, string>> }[] = [];
    const joined = new Set<string>();
    const resolving = new Set<string>();
    let unmatched = 0;
    for (const alert of input.alerts) {
      const keys = groupKeys(alert, deps.grouping);
      let key = keys.current;
      if (keys.previous !== undefined) {
        const prev = await incidents.findOpen(keys.previous);
        if (prev && Math.abs(alert.startsAt - prev.asOf) <= deps.grouping.windowMs) key = keys.previous;
      }
      if (alert.status === 'resolved') {
        const open = await incidents.findOpen(key);
        if (!open) {
          unmatched++;
          continue;
        }
      }
      const r = await incidents.openOrJoin({
        newId: deps.newIncidentId(),
        alert: groupedAlert(alert, key),
        at: input.receivedAt,
        title: alert.name,
        asOf: alert.startsAt,
      });
      if (r.created) {
        opened.push({ incident: r.incident, group: keys.dimensions });
        await audit.append({
          actor: `webhook:${input.source}`,
          action: 'incident.opened',
          subject: `incident:${r.incident.id}`,
          data: {
            incidentId: r.incident.id,
            title: r.incident.title,
            service: r.incident.service ?? null,
            asOf: new Date(r.incident.asOf).toISOString(),
            fingerprint: alert.fingerprint,
            group: { ...keys.dimensions },
          },
        });
      } else joined.add(r.incident.id);
      if (alert.status === 'resolved') resolving.add(r.incident.id);
    }
    const firing = input.alerts.filter((a) => a.status === 'firing').length;
    await audit.append({
      actor: `webhook:${input.source}`,
      action: 'alert.received',
      subject: `webhook:${input.source}`,
      data: {
        source: input.source,
        count: input.alerts.length,
        firing,
        resolved: input.alerts.length - firing,
        fingerprints: input.alerts.slice(0, 20).map((a) => a.fingerprint),
        names: [...new Set(input.alerts.map((a) => a.name))].slice(0, 10),
        incidentIds: [...new Set([...opened.map((o) => o.incident.id), ...joined])].slice(0, 20),
      },
    });
    return { opened, joined, resolving, unmatched };
  });
  // Only what was committed is counted and logged.
  for (const { incident, group } of result.opened) {
    deps.telemetry.incidentOpened();
    deps.log.info({ incidentId: incident.id, source: input.source, group }, 'incident opened');
  }
  return {
    accepted: input.alerts.length,
    opened: result.opened.map((o) => o.incident),
    joined: [...result.joined],
    resolving: [...result.resolving],
    unmatched: result.unmatched,
  };
}

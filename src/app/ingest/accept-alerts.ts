import { groupKeys } from '../../core/ingest/group-keys.ts';
import type { Alert } from '../../core/model/alert.ts';
import type { JsonObject } from '../../core/model/json-value.ts';
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

export type AlertDelivery = {
  /** The sender (`alertmanager`, `grafana` … or `slack.alertmanager` for a notification read in a channel). */
  readonly source: string;
  readonly alerts: readonly Alert[];
  readonly receivedAt: number;
  /** Where the delivery came from, kept in its audit records (e.g. the Slack channel and ts). */
  readonly context?: JsonObject;
};

/**
 * The one way in for alerts — webhooks and notifications read in watched Slack channels alike.
 * Accepts a delivery's alerts, durably, before the sender is answered, in one transaction
 * (`deps.deliveries`): an alert already in an open incident (same fingerprint: a re-notification,
 * or the same alert by another path) joins it; any other firing alert opens or joins the open
 * incident of its group (so a storm — even across replicas — opens one incident per group); a
 * resolution is recorded in its incident; the delivery (`alert.received`), each opened incident
 * and each earlier incident the delivery joined (`incident.joined`, one per incident) are audited.
 * All of it is stored, or — when anything fails, the audit records included — none of it. Throws
 * only when the store fails (the sender then gets a 5xx and retries).
 */
export async function acceptAlerts(deps: IngestDeps, input: AlertDelivery): Promise<AcceptedAlerts> {
  const result = await deps.deliveries.store(async ({ incidents, audit }) => {
    const opened: { incident: Incident; group: Readonly<Record<string, string>> }[] = [];
    const joined = new Set<string>();
    /** Fingerprints that joined incidents opened before this delivery. */
    const joinedEarlier = new Map<string, string[]>();
    const resolving = new Set<string>();
    let unmatched = 0;
    for (const alert of input.alerts) {
      const keys = groupKeys(alert, deps.grouping);
      let key = keys.current;
      if (keys.previous !== undefined) {
        const prev = await incidents.findOpenGroup(keys.previous);
        if (prev && Math.abs(alert.startsAt - prev.asOf) <= deps.grouping.windowMs) key = keys.previous;
      }
      if (alert.status === 'resolved') {
        const open = (await incidents.findOpen(alert.fingerprint)) ?? (await incidents.findOpenGroup(key));
        if (!open) {
          unmatched++;
          continue;
        }
      }
      const r = await incidents.openOrJoin({
        newId: deps.newIncidentId(),
        alert,
        groupKey: key,
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
      } else {
        joined.add(r.incident.id);
        if (!opened.some((o) => o.incident.id === r.incident.id))
          joinedEarlier.set(r.incident.id, [...(joinedEarlier.get(r.incident.id) ?? []), alert.fingerprint]);
      }
      if (alert.status === 'resolved') resolving.add(r.incident.id);
    }
    for (const [incidentId, fingerprints] of joinedEarlier)
      await audit.append({
        actor: `webhook:${input.source}`,
        action: 'incident.joined',
        subject: `incident:${incidentId}`,
        data: {
          incidentId,
          fingerprint: fingerprints[0] as string,
          alerts: fingerprints.length,
          fingerprints: [...new Set(fingerprints)].slice(0, 20),
          ...(input.context ? { context: input.context } : {}),
        },
      });
    const firing = input.alerts.filter((a) => a.status === 'firing').length;
    const incidentIds = [...new Set([...opened.map((o) => o.incident.id), ...joined])];
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
        incidentIds: incidentIds.slice(0, 20),
        // A delivery for one incident is in that incident's timeline (`audit show --incident`).
        ...(incidentIds.length === 1 ? { incidentId: incidentIds[0] as string } : {}),
        ...(input.context ? { context: input.context } : {}),
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

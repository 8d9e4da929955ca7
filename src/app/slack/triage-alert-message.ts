import type { AlertNotice } from '../../core/chat/alerts/alert-notice.ts';
import { parseAlertMessage } from '../../core/chat/alerts/parse-alert-message.ts';
import type { SlackMessage } from '../../core/chat/alerts/slack-message.ts';
import { buildIncidentMessage } from '../../core/chat/build-incident-message.ts';
import type { Alert } from '../../core/model/alert.ts';
import type { ChannelRateLimiter } from './channel-rate-limiter.ts';
import { runIncidentTriage, type TriageRunOutcome } from './run-incident-triage.ts';
import type { SeenDeliveries } from './seen-deliveries.ts';
import type { TriageDeps } from './triage-deps.ts';

export type AlertMessageDeps = TriageDeps & {
  readonly watchedChannels: ReadonlySet<string>;
  readonly serviceLabels: readonly string[];
  readonly limiter: ChannelRateLimiter;
  readonly seen: SeenDeliveries;
  readonly newIncidentId: () => string;
};

export type AlertMessageInput = {
  readonly channel: string;
  readonly message: SlackMessage;
  /** The Events API delivery (`event_id`); retries carry the same one. */
  readonly eventId?: string;
};

export type AlertMessageOutcome =
  | { readonly kind: 'ignored'; readonly reason: string }
  | { readonly kind: 'not-firing'; readonly state: AlertNotice['state']; readonly resolved: readonly string[] }
  | { readonly kind: 'rate-limited'; readonly fingerprint: string }
  | { readonly kind: 'joined'; readonly incidentId: string }
  | { readonly kind: 'investigated'; readonly incidentId: string; readonly run: TriageRunOutcome };

const ms = (ts: string) => Math.round(Number.parseFloat(ts) * 1000);

/**
 * A message in a watched channel: when an alerting integration posted it, its alerts are audited;
 * a firing notification opens an incident (or joins the open one with the same fingerprint — storms
 * and re-notifications never start a second investigation) and the triage runs in the message's
 * thread; resolved notifications resolve the incident; warning, no-data and acknowledgement
 * notifications start nothing. Retried deliveries are recognised and ignored; a per-channel rate
 * limit caps new investigations.
 */
export async function triageAlertMessage(
  deps: AlertMessageDeps,
  input: AlertMessageInput,
): Promise<AlertMessageOutcome> {
  const { channel, message } = input;
  if (!deps.watchedChannels.has(channel)) return { kind: 'ignored', reason: 'channel not watched' };
  // Posts by people and apps (no subtype) and by incoming webhooks (bot_message); not edits, joins …
  if (message.subtype !== undefined && message.subtype !== 'bot_message')
    return { kind: 'ignored', reason: `message subtype ${message.subtype}` };
  const key = `${channel}:${message.ts}`;
  if ((input.eventId && !deps.seen.first(`event:${input.eventId}`)) || !deps.seen.first(key))
    return { kind: 'ignored', reason: 'duplicate delivery (retry)' };
  const receivedAt = ms(message.ts);
  const notice = parseAlertMessage(message, { serviceLabels: deps.serviceLabels, receivedAt });
  if (!notice) return { kind: 'ignored', reason: 'not an alert notification' };

  const actor = `webhook:slack.${notice.integration}` as const;
  const received = async (alert: Alert, outcome: string, incidentId?: string) =>
    deps.audit.append({
      actor,
      action: 'alert.received',
      subject: incidentId ? `incident:${incidentId}` : `alert:${alert.fingerprint}`,
      data: {
        ...(incidentId ? { incidentId } : {}),
        source: alert.source,
        fingerprint: alert.fingerprint,
        name: alert.name,
        status: alert.status,
        state: notice.state,
        labels: alert.labels,
        channel,
        ts: message.ts,
        outcome,
      },
    });

  if (notice.state !== 'firing') {
    const resolved: string[] = [];
    for (const alert of notice.alerts) {
      const open = notice.state === 'resolved' ? await deps.incidents.findOpen(alert.fingerprint) : undefined;
      await received(alert, notice.state === 'resolved' ? 'resolved' : `not investigated: ${notice.state}`, open?.id);
      if (!open) continue;
      const done = await deps.incidents.resolve(open.id, deps.now());
      if (!done) continue;
      resolved.push(open.id);
      await deps.audit.append({
        actor,
        action: 'incident.resolved',
        subject: `incident:${open.id}`,
        data: {
          incidentId: open.id,
          by: `${notice.integration} notification`,
          fingerprint: alert.fingerprint,
          channel,
          ts: message.ts,
        },
      });
      const entry = deps.board.get(open.id);
      if (entry) {
        entry.view = { ...entry.view, resolved: true };
        entry.sync.show(buildIncidentMessage(entry.view));
      }
    }
    return { kind: 'not-firing', state: notice.state, resolved };
  }

  // One investigation per notification: the primary alert is the first firing one already in an
  // open incident (a re-notification), else the first firing one.
  const firing = notice.alerts.filter((a) => a.status === 'firing');
  let primary = firing[0] as Alert;
  for (const a of firing) {
    if (await deps.incidents.findOpen(a.fingerprint)) {
      primary = a;
      break;
    }
  }
  const already = await deps.incidents.findOpen(primary.fingerprint);
  if (!already && !deps.limiter.take(channel, deps.now())) {
    for (const a of notice.alerts) await received(a, 'not investigated: channel rate limit');
    return { kind: 'rate-limited', fingerprint: primary.fingerprint };
  }
  const { incident, created } = await deps.incidents.openOrJoin({
    newId: deps.newIncidentId(),
    alert: primary,
    at: deps.now(),
    title: primary.name,
    asOf: primary.startsAt,
  });
  for (const a of notice.alerts) await received(a, created ? 'incident opened' : 'incident joined', incident.id);
  await deps.audit.append({
    actor,
    action: created ? 'incident.opened' : 'incident.joined',
    subject: `incident:${incident.id}`,
    data: created
      ? {
          incidentId: incident.id,
          title: incident.title,
          service: incident.service ?? null,
          asOf: incident.asOf,
          fingerprint: primary.fingerprint,
        }
      : { incidentId: incident.id, fingerprint: primary.fingerprint, channel, ts: message.ts },
  });
  if (!created) {
    const entry = deps.board.get(incident.id);
    if (entry) {
      entry.view = { ...entry.view, notifications: entry.view.notifications + 1 };
      entry.sync.show(buildIncidentMessage(entry.view));
    }
    return { kind: 'joined', incidentId: incident.id };
  }
  const run = await runIncidentTriage(deps, { incident, alerts: notice.alerts, channel, threadTs: message.ts });
  return { kind: 'investigated', incidentId: incident.id, run };
}

import type { AlertNotice } from '../../core/chat/alerts/alert-notice.ts';
import { parseAlertMessage } from '../../core/chat/alerts/parse-alert-message.ts';
import type { SlackMessage } from '../../core/chat/alerts/slack-message.ts';
import { buildIncidentMessage } from '../../core/chat/build-incident-message.ts';
import { acceptAlerts } from '../ingest/accept-alerts.ts';
import type { IngestDeps } from '../ingest/ingest-deps.ts';
import { resolveIfCleared } from '../ingest/resolve-if-cleared.ts';
import { type TriageOutcome, triageIncident } from '../triage/triage-incident.ts';
import type { ChannelRateLimiter } from './channel-rate-limiter.ts';
import { observeTriageInChat } from './observe-triage-in-chat.ts';
import type { SeenDeliveries } from './seen-deliveries.ts';
import { showResolved } from './show-resolved.ts';
import type { TriageDeps } from './triage-deps.ts';

export type AlertMessageDeps = TriageDeps &
  IngestDeps & {
    readonly watchedChannels: ReadonlySet<string>;
    readonly serviceLabels: readonly string[];
    readonly limiter: ChannelRateLimiter;
    readonly seen: SeenDeliveries;
    /** Keeps a resolved incident for "seen before" (rememberIncident); absent: nothing kept. */
    readonly rememberResolved?: (incidentId: string) => Promise<unknown>;
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
  | { readonly kind: 'investigated'; readonly incidentId: string; readonly triage: TriageOutcome };

const ms = (ts: string) => Math.round(Number.parseFloat(ts) * 1000);

/**
 * A message in a watched channel. When an alerting integration posted it, its alerts go through
 * the one intake of every alert (`acceptAlerts`, as from a webhook: same grouping, same audit
 * records, source `slack.<integration>`): a firing notification opens an incident — whose triage
 * then runs in the message's thread — or joins the open one (the same alert already delivered by
 * a webhook, a re-notification, a storm: never a second investigation); a resolved notification
 * resolves the incident once every alert of it has resolved. Warning, no-data and acknowledgement
 * notifications are audited and start nothing. Retried deliveries are recognised and ignored; a
 * per-channel rate limit caps new investigations.
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
  const notice = parseAlertMessage(message, { serviceLabels: deps.serviceLabels, receivedAt: ms(message.ts) });
  if (!notice) return { kind: 'ignored', reason: 'not an alert notification' };

  const source = `slack.${notice.integration}`;
  const context = { channel, ts: message.ts, state: notice.state };
  // Audited as a delivery that opened nothing (the same record the intake writes).
  const notAccepted = async (outcome: string) => {
    const firing = notice.alerts.filter((a) => a.status === 'firing').length;
    await deps.audit.append({
      actor: `webhook:${source}`,
      action: 'alert.received',
      subject: `webhook:${source}`,
      data: {
        source,
        count: notice.alerts.length,
        firing,
        resolved: notice.alerts.length - firing,
        fingerprints: notice.alerts.slice(0, 20).map((a) => a.fingerprint),
        names: [...new Set(notice.alerts.map((a) => a.name))].slice(0, 10),
        incidentIds: [],
        context: { ...context, outcome },
      },
    });
  };

  if (notice.state !== 'firing' && notice.state !== 'resolved') {
    await notAccepted(`not investigated: ${notice.state}`);
    return { kind: 'not-firing', state: notice.state, resolved: [] };
  }
  if (notice.state === 'firing') {
    const firing = notice.alerts.filter((a) => a.status === 'firing');
    let known = false;
    for (const a of firing) if (await deps.incidents.findOpen(a.fingerprint)) known = true;
    if (!known && !deps.limiter.take(channel, deps.now())) {
      await notAccepted('not investigated: channel rate limit');
      return { kind: 'rate-limited', fingerprint: (firing[0] ?? notice.alerts[0])?.fingerprint ?? '' };
    }
  }

  const accepted = await acceptAlerts(deps, { source, alerts: notice.alerts, receivedAt: deps.now(), context });

  if (notice.state === 'resolved') {
    const resolved: string[] = [];
    for (const id of accepted.resolving) {
      const done = await resolveIfCleared(deps, id);
      if (!done) continue;
      resolved.push(done.id);
      await deps.rememberResolved?.(done.id).catch(() => undefined);
      await deps.afterResolve?.(done.id);
      await showResolved(deps.board, done.id);
    }
    return { kind: 'not-firing', state: notice.state, resolved };
  }

  for (const id of accepted.joined) {
    const entry = deps.board.get(id);
    if (entry) {
      entry.view = { ...entry.view, notifications: entry.view.notifications + 1 };
      entry.sync.show(buildIncidentMessage(entry.view));
    }
  }
  const [incident, ...more] = accepted.opened;
  // The same triage as a webhook's, watched from the message's thread.
  const triage = (incidentId: string) =>
    triageIncident(deps, {
      incidentId,
      alerts: notice.alerts,
      observer: observeTriageInChat(deps, { channel, threadTs: message.ts }),
    });
  // Alerts of other groups in the same notification opened their own incidents: each is triaged too.
  for (const other of more) await triage(other.id);
  if (!incident) return { kind: 'joined', incidentId: accepted.joined[0] ?? '' };
  return { kind: 'investigated', incidentId: incident.id, triage: await triage(incident.id) };
}

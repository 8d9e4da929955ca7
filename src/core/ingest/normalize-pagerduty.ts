import type { FieldError } from '../formats/field-error.ts';
import type { Result } from '../result/result.ts';
import { buildAlert } from './build-alert.ts';
import { jsonFields as J } from './json-fields.ts';
import type { NormalizedDelivery } from './normalized-delivery.ts';

const FIRING = new Set(['incident.triggered', 'incident.reopened', 'incident.escalated', 'incident.priority_updated']);
const RESOLVED = new Set(['incident.resolved']);

/**
 * A PagerDuty v3 webhook (`{event: {id, event_type, resource_type, occurred_at, data}}`) → one
 * alert per incident: triggered (and reopened, escalated) fire, resolved resolves; other events
 * (acknowledged, annotated …) are acknowledged and ignored. The service is the PagerDuty
 * service's name unless the configured service labels say otherwise.
 */
export function normalizePagerduty(
  doc: unknown,
  serviceLabels: readonly string[],
): Result<NormalizedDelivery, FieldError> {
  if (!J.isObject(doc)) return J.fail('(document)', 'expected a JSON object (a PagerDuty v3 webhook)');
  const ev = doc.event;
  if (!J.isObject(ev))
    return J.fail('event', 'missing or not an object (PagerDuty v3 webhooks wrap everything in "event")');
  const type = J.text(ev.event_type);
  if (!type) return J.fail('event.event_type', 'missing (e.g. "incident.triggered")');
  if (type === 'pagey.ping') return { ok: true, value: { kind: 'ignored', reason: 'ping' } };
  if (!FIRING.has(type) && !RESOLVED.has(type))
    return { ok: true, value: { kind: 'ignored', reason: `event ${type} does not change an alert` } };
  if (ev.resource_type !== undefined && ev.resource_type !== 'incident')
    return J.fail('event.resource_type', `${JSON.stringify(ev.resource_type)}: only "incident" events are alerts`);
  const data = ev.data;
  if (!J.isObject(data)) return J.fail('event.data', 'missing or not an object');
  const id = J.text(data.id);
  if (!id) return J.fail('event.data.id', 'missing (the PagerDuty incident id)');
  const occurredAt = J.time(ev.occurred_at, 'rfc3339-or-epoch', 'event.occurred_at');
  if (!occurredAt.ok) return occurredAt;
  const occurred = occurredAt.value;
  const createdAt =
    data.created_at === undefined ? occurredAt : J.time(data.created_at, 'rfc3339-or-epoch', 'event.data.created_at');
  if (!createdAt.ok) return createdAt;
  const created = createdAt.value;
  const svc = J.isObject(data.service) ? J.text(data.service.summary) : undefined;
  const priority = J.isObject(data.priority) ? J.text(data.priority.summary) : undefined;
  const labels: Record<string, string> = {
    ...(svc ? { service: svc, pagerduty_service: svc } : {}),
    ...(J.text(data.urgency) ? { urgency: J.text(data.urgency) as string } : {}),
    ...(priority ? { priority } : {}),
    ...(J.text(data.incident_key) ? { incident_key: J.text(data.incident_key) as string } : {}),
  };
  const title = J.text(data.title) ?? `PagerDuty incident ${id}`;
  const resolved = RESOLVED.has(type);
  return {
    ok: true,
    value: {
      kind: 'alerts',
      alerts: [
        buildAlert(
          {
            name: title,
            status: resolved ? 'resolved' : 'firing',
            labels: { alertname: title, ...labels },
            annotations: { summary: title, ...(J.text(data.html_url) ? { url: J.text(data.html_url) as string } : {}) },
            startsAt: created,
            endsAt: resolved ? occurred : undefined,
            generatorUrl: J.text(data.html_url),
            source: 'pagerduty',
            identity: id,
          },
          serviceLabels.includes('service') ? serviceLabels : [...serviceLabels, 'service'],
        ),
      ],
    },
  };
}

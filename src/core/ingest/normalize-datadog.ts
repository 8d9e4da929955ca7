import type { FieldError } from '../formats/field-error.ts';
import type { Result } from '../result/result.ts';
import { buildAlert } from './build-alert.ts';
import { jsonFields as J } from './json-fields.ts';
import type { NormalizedDelivery } from './normalized-delivery.ts';
import { parseTags } from './parse-tags.ts';

/**
 * A Datadog webhook sent with the recommended payload template (docs/webhooks.md: `alert_id`,
 * `transition` from $ALERT_TRANSITION, `date` from $DATE, `tags` from $TAGS, `scope`, …) → one
 * alert. "Recovered" resolves; every other transition fires. Tags (`service:checkout,env:prod`)
 * become labels; the fingerprint is the monitor id and scope, so a recovery finds its trigger.
 */
export function normalizeDatadog(
  doc: unknown,
  serviceLabels: readonly string[],
): Result<NormalizedDelivery, FieldError> {
  if (!J.isObject(doc)) return J.fail('(document)', 'expected a JSON object (the Datadog webhook payload template)');
  const monitor = J.text(doc.alert_id);
  if (!monitor) return J.fail('alert_id', 'missing (the template sets it to "$ALERT_ID")');
  const transition = J.text(doc.transition);
  if (!transition) return J.fail('transition', 'missing (the template sets it to "$ALERT_TRANSITION")');
  const date = J.time(doc.date, 'rfc3339-or-epoch', 'date', 'the template sets it to "$DATE"');
  if (!date.ok) return date;
  const at = date.value;
  const scope = J.text(doc.scope) ?? '';
  const tags = parseTags(doc.tags);
  const name = J.text(doc.alert_title) ?? J.text(doc.title) ?? `Datadog monitor ${monitor}`;
  const resolved = /^recovered$/i.test(transition);
  const labels: Record<string, string> = {
    ...tags,
    alertname: name,
    monitor_id: monitor,
    ...(scope ? { scope } : {}),
    ...(J.text(doc.priority) ? { priority: J.text(doc.priority) as string } : {}),
    ...(J.text(doc.hostname) ? { host: J.text(doc.hostname) as string } : {}),
    ...(/warn/i.test(transition) ? { severity: 'warning' } : {}),
  };
  return {
    ok: true,
    value: {
      kind: 'alerts',
      alerts: [
        buildAlert(
          {
            name,
            status: resolved ? 'resolved' : 'firing',
            labels,
            annotations: {
              ...(J.text(doc.body) ? { description: (J.text(doc.body) as string).slice(0, 4000) } : {}),
              transition,
            },
            startsAt: at,
            endsAt: resolved ? at : undefined,
            generatorUrl: J.text(doc.link),
            source: 'datadog',
            identity: `${monitor}/${scope}`,
          },
          serviceLabels,
        ),
      ],
    },
  };
}

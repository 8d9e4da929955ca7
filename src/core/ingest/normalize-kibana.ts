import type { FieldError } from '../formats/field-error.ts';
import type { Result } from '../result/result.ts';
import { buildAlert } from './build-alert.ts';
import { jsonFields as J } from './json-fields.ts';
import type { NormalizedDelivery } from './normalized-delivery.ts';
import { parseTags } from './parse-tags.ts';

/**
 * A Kibana (Elastic) alerting Webhook connector body in the documented shape (docs/webhooks.md:
 * `rule` {id, name, tags, url}, `alert` {id, actionGroup}, `date`, `reason`, `labels`) → one
 * alert. The "recovered" action group resolves. The fingerprint is the rule id and alert id (the
 * alert instance, e.g. the group value), so a recovery finds its alert.
 */
export function normalizeKibana(
  doc: unknown,
  serviceLabels: readonly string[],
): Result<NormalizedDelivery, FieldError> {
  if (!J.isObject(doc)) return J.fail('(document)', 'expected a JSON object (the Kibana webhook connector body)');
  if (!J.isObject(doc.rule))
    return J.fail('rule', 'missing or not an object ({"id": "{{rule.id}}", "name": "{{rule.name}}", …})');
  if (!J.isObject(doc.alert))
    return J.fail('alert', 'missing or not an object ({"id": "{{alert.id}}", "actionGroup": "{{alert.actionGroup}}"})');
  const ruleId = J.text(doc.rule.id);
  if (!ruleId) return J.fail('rule.id', 'missing (the body sets it to "{{rule.id}}")');
  const alertId = J.text(doc.alert.id);
  if (!alertId) return J.fail('alert.id', 'missing (the body sets it to "{{alert.id}}")');
  const group = J.text(doc.alert.actionGroup);
  if (!group) return J.fail('alert.actionGroup', 'missing (the body sets it to "{{alert.actionGroup}}")');
  const date = J.time(doc.date, 'rfc3339-or-epoch', 'date', 'the body sets it to "{{date}}"');
  if (!date.ok) return date;
  const at = date.value;
  if (doc.labels !== undefined && !J.isObject(doc.labels)) return J.fail('labels', 'not an object of strings');
  const name = J.text(doc.rule.name) ?? `Kibana rule ${ruleId}`;
  const resolved = group === 'recovered';
  const labels = {
    ...parseTags(doc.rule.tags),
    ...J.stringMap(doc.labels),
    alertname: name,
    rule_id: ruleId,
    alert_id: alertId,
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
              ...(J.text(doc.reason) ? { summary: J.text(doc.reason) as string } : {}),
              actionGroup: group,
            },
            startsAt: at,
            endsAt: resolved ? at : undefined,
            generatorUrl: J.text(doc.rule.url),
            source: 'kibana',
            identity: `${ruleId}/${alertId}`,
          },
          serviceLabels,
        ),
      ],
    },
  };
}

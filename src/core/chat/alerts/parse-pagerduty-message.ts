import type { AlertNotice } from './alert-notice.ts';
import { buildAlert } from './build-alert.ts';
import { messageTexts } from './message-texts.ts';
import type { ParseContext } from './parse-context.ts';
import { prometheusFingerprint } from './prometheus-fingerprint.ts';
import type { SlackMessage } from './slack-message.ts';
import { unescapeSlack } from './unescape-slack.ts';

const STATES: Readonly<Record<string, AlertNotice['state']>> = {
  triggered: 'firing',
  reopened: 'firing',
  escalated: 'firing',
  reassigned: 'firing',
  acknowledged: 'acknowledged',
  resolved: 'resolved',
};

/**
 * PagerDuty's Slack notifications of an incident: the status word (Triggered, Acknowledged,
 * Resolved, Escalated, Reassigned, Reopened), the incident number and link
 * (`<https://acme.pagerduty.com/incidents/Q1ABC|#1234>`), the title, and a `Service` field. One
 * incident is one fingerprint, so each status change of it joins (and only `Triggered` and the
 * like fire).
 */
export function parsePagerdutyMessage(m: SlackMessage, ctx: ParseContext): AlertNotice | undefined {
  const t = messageTexts(m);
  const incidentLink = t.links.find((l) => /pagerduty\.com\/incidents\//i.test(l));
  if (!/pagerduty/i.test(t.sender) && !incidentLink) return undefined;
  const all = unescapeSlack([t.title, t.body].join('\n'));
  const word = /\b(Triggered|Acknowledged|Resolved|Escalated|Reassigned|Reopened)\b/i.exec(all);
  if (!word) return undefined;
  const state = STATES[(word[1] as string).toLowerCase()] ?? 'firing';
  const id = incidentLink ? /\/incidents\/([A-Za-z0-9]+)/.exec(incidentLink)?.[1] : undefined;
  const number = /#(\d+)/.exec(all)?.[1];
  if (!id && !number) return undefined;
  // The title: what follows the number (or the status word) on its line.
  const line =
    all
      .split('\n')
      .find((l) => (number ? l.includes(`#${number}`) : word.index >= 0 && l.includes(word[1] as string))) ?? '';
  const name =
    line
      .replace(/^.*?#\d+\s*[:\-–—]?\s*/, '')
      .replace(/\b(Triggered|Acknowledged|Resolved|Escalated|Reassigned|Reopened)\b:?/i, '')
      .replace(/[*_]/g, '')
      .trim() || `PagerDuty incident #${number ?? id}`;
  const serviceRaw = t.fields.get('service') ?? t.fields.get('impacted service');
  const service = serviceRaw ? unescapeSlack(serviceRaw).replace(/[*_`]/g, '').trim() : undefined;
  // The number is on every notification of the incident; the link is not always.
  const key = number ? `#${number}` : (id as string);
  const labels: Record<string, string> = { alertname: name, pagerduty_incident: key };
  if (service) labels.service = service;
  const urgency = t.fields.get('urgency');
  if (urgency) labels.urgency = unescapeSlack(urgency).trim();
  const alert = buildAlert(
    {
      labels,
      status: state === 'resolved' ? 'resolved' : 'firing',
      source: 'slack:pagerduty',
      name,
      ...(service ? { service } : {}),
      fingerprint: prometheusFingerprint({ pagerduty_incident: key }),
      generatorUrl: incidentLink,
    },
    ctx,
  );
  return { integration: 'pagerduty', state, title: name, alerts: [alert] };
}

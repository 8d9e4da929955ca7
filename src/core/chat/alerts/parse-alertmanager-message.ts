import type { AlertNotice } from './alert-notice.ts';
import { buildAlert } from './build-alert.ts';
import { isMinorSeverity } from './is-minor-severity.ts';
import { messageTexts } from './message-texts.ts';
import { noticeState } from './notice-state.ts';
import { parseAlertChunks } from './parse-alert-chunks.ts';
import type { ParseContext } from './parse-context.ts';
import { prometheusFingerprint } from './prometheus-fingerprint.ts';
import type { SlackMessage } from './slack-message.ts';
import { unescapeSlack } from './unescape-slack.ts';

const SUBJECT = /^\[(FIRING|RESOLVED)(?::(\d+))?\]\s*(.*)$/i;

/**
 * Alertmanager's Slack notification (`slack_configs`): the default template's attachment title
 * `[FIRING:2] <group label values> (<other common label values>)` with an empty text, or a
 * custom text that lists the alerts' labels (see `parseAlertChunks`). With labels, each alert's
 * fingerprint is Alertmanager's own; with the default template only the group is known, and its
 * fingerprint is that of the group's label values. Grafana's notifications (same subject, footer
 * "Grafana") are left to the Grafana parser.
 */
export function parseAlertmanagerMessage(m: SlackMessage, ctx: ParseContext): AlertNotice | undefined {
  const t = messageTexts(m);
  if (/grafana/i.test(t.sender)) return undefined;
  const title = unescapeSlack(t.title).trim();
  const head = SUBJECT.exec(title);
  if (!head) return undefined;
  const groupStatus = (head[1] as string).toLowerCase() === 'resolved' ? 'resolved' : 'firing';
  const group = (head[3] as string).trim();
  const generatorUrl = t.links.find((l) => !l.includes('/#/alerts'));
  const chunks = parseAlertChunks(t.body);
  if (chunks.length > 0) {
    const alerts = chunks.map((c) =>
      buildAlert(
        {
          labels: c.labels,
          annotations: c.annotations,
          status: c.status ?? groupStatus,
          source: 'slack:alertmanager',
          generatorUrl: c.source ?? generatorUrl,
        },
        ctx,
      ),
    );
    return { integration: 'alertmanager', state: noticeState(alerts), title, alerts };
  }
  // The default template: label values only (group labels first, sorted by name, so the alert name
  // usually leads; the other common label values follow in parentheses).
  const paren = /\(([^()]*)\)\s*$/.exec(group);
  const groupValues = (paren ? group.slice(0, paren.index) : group).trim().split(/\s+/).filter(Boolean);
  const commonValues = paren ? (paren[1] as string).trim().split(/\s+/).filter(Boolean) : [];
  const name = groupValues[0] ?? '(unnamed alert)';
  const labels: Record<string, string> = { alertname: name };
  if (groupValues.length > 1) labels.group = groupValues.slice(1).join(' ');
  if (commonValues.length > 0) labels.common = commonValues.join(' ');
  const minor = [...groupValues, ...commonValues].some((v) => isMinorSeverity(v));
  const alert = buildAlert(
    {
      labels,
      status: groupStatus,
      source: 'slack:alertmanager',
      fingerprint: prometheusFingerprint({ alertmanager_group: groupValues.join(' ') }),
      generatorUrl,
    },
    ctx,
  );
  const state = groupStatus === 'resolved' ? 'resolved' : minor ? 'warning' : 'firing';
  return { integration: 'alertmanager', state, title, alerts: [alert] };
}

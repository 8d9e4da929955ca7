import type { AlertNotice } from './alert-notice.ts';
import { buildAlert } from './build-alert.ts';
import { messageTexts } from './message-texts.ts';
import { noticeState } from './notice-state.ts';
import { parseAlertChunks } from './parse-alert-chunks.ts';
import type { ParseContext } from './parse-context.ts';
import type { SlackMessage } from './slack-message.ts';
import { unescapeSlack } from './unescape-slack.ts';

/**
 * Grafana alerting's Slack contact point: an attachment titled `[FIRING:1] …` (or
 * `[FIRING:1, RESOLVED:1]`), footer `Grafana v…`, and the default message — `**Firing**`, then per
 * alert `Value: …`, `Labels:` ` - name = value`, `Annotations:`, `Source: <rule url>`. No-data and
 * datasource-error alerts (`DatasourceNoData`, `DatasourceError`) never start an investigation.
 */
export function parseGrafanaMessage(m: SlackMessage, ctx: ParseContext): AlertNotice | undefined {
  const t = messageTexts(m);
  const title = unescapeSlack(t.title).trim();
  const isGrafana = /grafana/i.test(t.sender) || /\*\*(Firing|Resolved)\*\*/.test(t.body);
  if (!isGrafana || !/^\[(FIRING|RESOLVED)/i.test(title)) return undefined;
  const chunks = parseAlertChunks(t.body);
  if (chunks.length === 0) return undefined;
  const head = /^\[(FIRING|RESOLVED)/i.exec(title);
  const fallback = (head?.[1] ?? 'firing').toLowerCase() === 'resolved' ? 'resolved' : 'firing';
  const alerts = chunks.map((c) =>
    buildAlert(
      {
        labels: c.labels,
        annotations: c.annotations,
        status: c.status ?? fallback,
        source: 'slack:grafana',
        generatorUrl: c.source,
      },
      ctx,
    ),
  );
  return { integration: 'grafana', state: noticeState(alerts), title, alerts };
}

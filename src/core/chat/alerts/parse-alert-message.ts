import type { AlertNotice } from './alert-notice.ts';
import { parseAlertmanagerMessage } from './parse-alertmanager-message.ts';
import { parseCausewayMessage } from './parse-causeway-message.ts';
import type { ParseContext } from './parse-context.ts';
import { parseDatadogMessage } from './parse-datadog-message.ts';
import { parseGrafanaMessage } from './parse-grafana-message.ts';
import { parsePagerdutyMessage } from './parse-pagerduty-message.ts';
import type { SlackMessage } from './slack-message.ts';

const PARSERS = [
  parseCausewayMessage,
  parseGrafanaMessage,
  parseAlertmanagerMessage,
  parseDatadogMessage,
  parsePagerdutyMessage,
] as const;

/**
 * Recognises a message from an alerting integration (Causeway, Grafana, Alertmanager, Datadog,
 * PagerDuty) and reads its alerts; undefined for any other message (people talking, bots, our own
 * incident messages).
 */
export function parseAlertMessage(m: SlackMessage, ctx: ParseContext): AlertNotice | undefined {
  for (const parse of PARSERS) {
    const notice = parse(m, ctx);
    if (notice && notice.alerts.length > 0) return notice;
  }
  return undefined;
}

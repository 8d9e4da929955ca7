import type { AlertNotice } from './alert-notice.ts';
import { buildAlert } from './build-alert.ts';
import { messageTexts } from './message-texts.ts';
import type { ParseContext } from './parse-context.ts';
import { prometheusFingerprint } from './prometheus-fingerprint.ts';
import type { SlackMessage } from './slack-message.ts';
import { unescapeSlack } from './unescape-slack.ts';

// Datadog's monitor notification title: `[P2] [Triggered on {service:checkout,env:prod}] Title`
// (include_tags on), `[Triggered] Title`, or in the Slack app's style `Triggered: Title`.
const BRACKET = /^(?:\[(P\d)\]\s*)?\[([A-Za-z -]+?)(?: on \{([^}]*)\})?\]\s*(?:\[(P\d)\]\s*)?(.+)$/;
const COLON =
  /^(Triggered|Re-Triggered|Recovered|Warn|Re-Warn|No Data|Re-No Data|Renotify)(?: on \{([^}]*)\})?:\s*(.+)$/i;

const STATES: Readonly<Record<string, AlertNotice['state']>> = {
  triggered: 'firing',
  're-triggered': 'firing',
  renotify: 'firing',
  alert: 'firing',
  recovered: 'resolved',
  'warn recovered': 'resolved',
  'no data recovered': 'resolved',
  warn: 'warning',
  're-warn': 'warning',
  warning: 'warning',
  'no data': 'no-data',
  're-no data': 'no-data',
};

/**
 * Datadog's Slack notification of a monitor: the title carries the transition (Triggered,
 * Re-Triggered, Recovered, Warn, No Data), the priority and, with `include_tags`, the triggering
 * scope `{service:checkout,env:prod}` (its tags become labels). The fingerprint is the monitor (id
 * from its link, else its title) and scope, so renotifications join.
 */
export function parseDatadogMessage(m: SlackMessage, ctx: ParseContext): AlertNotice | undefined {
  const t = messageTexts(m);
  const fromDatadog = /datadog/i.test(t.sender) || t.links.some((l) => /datadoghq\.|datad0g\./i.test(l));
  const title = unescapeSlack(t.title).trim();
  let transition: string | undefined;
  let scope = '';
  let name = '';
  let priority: string | undefined;
  const b = BRACKET.exec(title);
  const c = b ? null : COLON.exec(title);
  if (b && (b[2] as string).toLowerCase() in STATES) {
    transition = (b[2] as string).toLowerCase();
    scope = b[3] ?? '';
    name = (b[5] as string).trim();
    priority = b[1] ?? b[4];
  } else if (c && fromDatadog) {
    transition = (c[1] as string).toLowerCase();
    scope = c[2] ?? '';
    name = (c[3] as string).trim();
  }
  if (!transition || (!fromDatadog && !b)) return undefined;
  if (!fromDatadog && !scope && !priority) return undefined;
  const labels: Record<string, string> = { alertname: name };
  for (const tag of scope.split(',')) {
    const i = tag.indexOf(':');
    if (i > 0) labels[tag.slice(0, i).trim()] = tag.slice(i + 1).trim();
  }
  if (priority) labels.priority = priority;
  const monitor = t.links.map((l) => /\/monitors[#/](\d+)/.exec(l)?.[1]).find((x) => x !== undefined);
  const state = STATES[transition] ?? 'firing';
  const alert = buildAlert(
    {
      labels,
      annotations: { summary: unescapeSlack(t.body).slice(0, 1000) },
      status: state === 'resolved' ? 'resolved' : 'firing',
      source: 'slack:datadog',
      name,
      fingerprint: prometheusFingerprint({ datadog_monitor: monitor ?? name, scope }),
      generatorUrl: t.links.find((l) => /\/monitors[#/]/.test(l)) ?? t.links[0],
    },
    ctx,
  );
  return { integration: 'datadog', state, title, alerts: [alert] };
}

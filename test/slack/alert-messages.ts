/** Slack `message` events as alerting integrations post them (shapes of their Slack notifiers). */

type AmPayload = {
  status: string;
  receiver: string;
  externalURL: string;
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  alerts: {
    status: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
    generatorURL: string;
  }[];
};

const sortedValues = (o: Record<string, string>) =>
  Object.keys(o)
    .sort()
    .map((k) => o[k]);

/** Alertmanager's `__subject`: `[FIRING:n] <group values> (<other common values>)`. */
export function alertmanagerSubject(p: AmPayload): string {
  const firing = p.alerts.filter((a) => a.status === 'firing').length;
  const rest: Record<string, string> = {};
  for (const [k, v] of Object.entries(p.commonLabels)) if (!(k in p.groupLabels)) rest[k] = v;
  const extra =
    Object.keys(p.commonLabels).length > Object.keys(p.groupLabels).length ? `(${sortedValues(rest).join(' ')})` : '';
  return `[${p.status.toUpperCase()}${p.status === 'firing' ? `:${firing}` : ''}] ${sortedValues(p.groupLabels).join(' ')} ${extra}`;
}

/** Alertmanager's default Slack template via an incoming webhook: a bot_message with one attachment. */
export function alertmanagerDefaultMessage(p: AmPayload, ts: string, channel: string) {
  const title = alertmanagerSubject(p);
  const link = `${p.externalURL}/#/alerts?receiver=${encodeURIComponent(p.receiver)}`;
  return {
    type: 'message',
    subtype: 'bot_message',
    text: '',
    username: 'AlertManager',
    bot_id: 'B0ALERTMGR',
    attachments: [
      {
        id: 1,
        color: p.status === 'firing' ? 'danger' : 'good',
        fallback: `${title} | ${link}`,
        title,
        title_link: link,
        text: '',
        callback_id: '',
        footer: '',
        mrkdwn_in: ['fallback', 'pretext', 'text'],
      },
    ],
    ts,
    channel,
    event_ts: ts,
    channel_type: 'channel',
  };
}

/** The widely used custom Slack text (`*Alert:* … *Details:* • *label:* \`value\``). */
export function alertmanagerLabelledMessage(p: AmPayload, ts: string, channel: string) {
  const m = alertmanagerDefaultMessage(p, ts, channel);
  const text = p.alerts
    .map(
      (a) =>
        `*Alert:* ${a.annotations.summary ?? ''} - \`${a.labels.severity ?? ''}\`\n*Description:* ${a.annotations.description ?? ''}\n*Graph:* <${a.generatorURL}|:chart_with_upwards_trend:>\n*Details:*\n${Object.keys(
          a.labels,
        )
          .sort()
          .map((k) => `  • *${k}:* \`${a.labels[k]}\``)
          .join('\n')}`,
    )
    .join('\n\n');
  return { ...m, attachments: [{ ...(m.attachments[0] as object), text }] };
}

export const grafanaMessage = (status: 'firing' | 'resolved', alertname: string, ts: string, channel: string) => ({
  type: 'message',
  subtype: 'bot_message',
  text: '',
  username: 'grafana',
  bot_id: 'B0GRAFANA',
  attachments: [
    {
      id: 1,
      color: status === 'firing' ? '#D63232' : '#36a64f',
      title: `[${status.toUpperCase()}${status === 'firing' ? ':1' : ''}] ${alertname} checkout (prod)`,
      title_link: 'https://grafana.acme.io/alerting/grafana/fe1x9/view?orgId=1',
      fallback: `[${status.toUpperCase()}${status === 'firing' ? ':1' : ''}] ${alertname} checkout (prod)`,
      text: `**${status === 'firing' ? 'Firing' : 'Resolved'}**\n\nValue: A=0.12, C=1\nLabels:\n - alertname = ${alertname}\n - env = prod\n - grafana_folder = Checkout\n - service = checkout\n - severity = critical\nAnnotations:\n - summary = checkout 5xx ratio above 5%\nSource: https://grafana.acme.io/alerting/grafana/fe1x9/view?orgId=1\nSilence: https://grafana.acme.io/alerting/silence/new?alertmanager=grafana&matcher=alertname%3D${alertname}\n`,
      footer: 'Grafana v11.3.0',
      footer_icon: 'https://grafana.com/static/assets/img/fav32.png',
      ts: 1763900000,
    },
  ],
  ts,
  channel,
  event_ts: ts,
  channel_type: 'channel',
});

export const datadogMessage = (title: string, ts: string, channel: string) => ({
  type: 'message',
  subtype: 'bot_message',
  text: '',
  username: 'Datadog',
  bot_id: 'B0DATADOG',
  attachments: [
    {
      id: 1,
      color: '#d0021b',
      title,
      title_link: 'https://app.datadoghq.com/monitors/1867792?group=service%3Acheckout',
      fallback: title,
      text: 'checkout error rate is 7.2% (threshold 5%) @slack-alerts\n\n[[Monitor Status](https://app.datadoghq.com/monitors/1867792)] · [[Edit Monitor](https://app.datadoghq.com/monitors#1867792/edit)]',
    },
  ],
  ts,
  channel,
});

export const pagerdutyMessage = (status: string, ts: string, channel: string) => ({
  type: 'message',
  subtype: 'bot_message',
  text: '',
  username: 'PagerDuty',
  bot_id: 'B0PAGERDUTY',
  attachments: [
    {
      id: 1,
      color: status === 'Resolved' ? '#36a64f' : '#d0021b',
      fallback: `${status}: #4211 Checkout error rate high`,
      text: `*${status}* <https://acme.pagerduty.com/incidents/Q2KX9ZL1ABCDEF|#4211>: Checkout error rate high`,
      fields: [
        { title: 'Service', value: 'checkout', short: true },
        { title: 'Urgency', value: 'High', short: true },
        { title: 'Assigned', value: '<@U0ONCALL>', short: true },
      ],
    },
  ],
  ts,
  channel,
});

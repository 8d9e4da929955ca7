/** A legacy attachment as alerting integrations post them (Alertmanager, Grafana, Datadog, PagerDuty). */
export type SlackAttachment = {
  readonly title?: string;
  readonly title_link?: string;
  readonly pretext?: string;
  readonly text?: string;
  readonly fallback?: string;
  readonly footer?: string;
  readonly footer_icon?: string;
  readonly color?: string;
  readonly author_name?: string;
  readonly fields?: readonly { readonly title?: string; readonly value?: string }[];
};

/** The parts of a Slack `message` event an alert parser reads (https://docs.slack.dev/reference/events/message). */
export type SlackMessage = {
  readonly ts: string;
  readonly text?: string;
  readonly subtype?: string;
  readonly user?: string;
  readonly bot_id?: string;
  readonly app_id?: string;
  readonly username?: string;
  readonly bot_profile?: { readonly name?: string };
  readonly attachments?: readonly SlackAttachment[];
  readonly blocks?: readonly unknown[];
};
